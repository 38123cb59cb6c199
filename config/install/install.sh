#!/bin/sh
# Install the kiosk on a store PC (Debian 12/13 or Raspberry Pi OS, no desktop needed), as root:
#
#   sudo config/install/install.sh [--compositor cage|sway|x11] [--prefix /opt/kiosk] [--no-packages]
#
# It installs the Debian packages it needs, creates the unprivileged user `kiosk`, copies this checkout
# to PREFIX/app and installs it into the virtualenv PREFIX/venv, puts a config in /etc/kiosk (kept if
# there is one), the hardened systemd unit, the udev rules for scanners, card readers and the
# backlight, and enables the service, which starts on boot on tty7 under the compositor.
# config/install/uninstall.sh takes all of it away again.
set -eu

PREFIX=/opt/kiosk
COMPOSITOR=cage
PACKAGES=yes
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE=$(cd "$HERE/../.." && pwd)

die() { echo "install.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
    case "$1" in
        --compositor) COMPOSITOR=${2:?}; shift 2 ;;
        --prefix) PREFIX=${2:?}; shift 2 ;;
        --no-packages) PACKAGES=no; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
case "$COMPOSITOR" in cage|sway|x11) ;; *) die "--compositor is cage, sway or x11" ;; esac
[ "$(id -u)" = 0 ] || die "run it as root (sudo)"
[ -f "$SOURCE/pyproject.toml" ] || die "run it from a checkout of the kiosk"

echo "== packages"
if [ "$PACKAGES" = yes ]; then
    case "$COMPOSITOR" in
        # seatd gives the compositor the screen and the input devices (no logind session); chvt (kbd)
        # brings tty7 to the front; Debian's cage will not start without Xwayland
        cage) display_packages="cage xwayland wlr-randr seatd kbd" ;;
        sway) display_packages="sway wlr-randr seatd kbd" ;;
        # a bare X server: its keymap compiler and data (without them Xorg stops at "Failed to activate
        # virtual core keyboard") and the libinput driver for the touch screens are only recommended
        x11) display_packages="xserver-xorg-core xserver-xorg-input-libinput x11-xkb-utils xkb-data xinit x11-xserver-utils kbd" ;;
    esac
    # SDL's window surface needs OpenGL and EGL (Mesa: llvmpipe without a GPU driver), which
    # --no-install-recommends would leave out: without them the kiosk crashes at its first window
    gl_packages="libgl1 libglx-mesa0 libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri libwayland-egl1"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    # espeak-ng speaks the focused control in accessible mode ([accessibility]); procps's pkill and pidwait
    # end the kiosk before its compositor when the service stops (kiosk.service's ExecStop=)
    apt-get install -y -qq --no-install-recommends python3-venv fonts-dejavu-core espeak-ng procps $display_packages \
        $gl_packages >/dev/null
    apt-get install -y -qq --no-install-recommends cec-utils >/dev/null 2>&1 || echo "   (no cec-utils: CEC power off unavailable)"
fi

echo "== user kiosk"
if ! getent passwd kiosk >/dev/null; then
    adduser --system --group --home /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk >/dev/null
fi
getent group input >/dev/null || addgroup --system input >/dev/null  # the udev rules give it the event devices
for group in dialout input video render plugdev audio; do  # audio: films' sound and speech through ALSA
    getent group "$group" >/dev/null && adduser kiosk "$group" >/dev/null 2>&1
done

echo "== application in $PREFIX"
rm -rf "$PREFIX/app"
mkdir -p "$PREFIX/app"
(cd "$SOURCE" && tar --exclude=./.git --exclude=./.venv --exclude='__pycache__' --exclude='*.egg-info' \
    --exclude=./tests/snapshots --exclude=./bench/results -cf - .) | (cd "$PREFIX/app" && tar -xf -)
/usr/bin/python3 -m venv "$PREFIX/venv"  # the system's Python, which the kiosk user can run
# The versions CI tested (constraints.txt), so that a new release cannot change a store's kiosk
"$PREFIX/venv/bin/pip" install -q --disable-pip-version-check -c "$PREFIX/app/constraints.txt" "$PREFIX/app[printer]"
chown -R root:root "$PREFIX"
chmod -R go-w "$PREFIX"

echo "== config in /etc/kiosk"
mkdir -p /etc/kiosk
if [ ! -f /etc/kiosk/kiosk.toml ]; then
    sed -e "s|\"\.\./content/|\"$PREFIX/app/content/|" "$SOURCE/config/default.toml" > /etc/kiosk/kiosk.toml
    echo "   /etc/kiosk/kiosk.toml is the demo store's: set [store], [content] and [[displays]] for this store"
else
    echo "   keeping /etc/kiosk/kiosk.toml"
fi
"$PREFIX/venv/bin/kiosk" --check --config /etc/kiosk/kiosk.toml >/dev/null || die "/etc/kiosk/kiosk.toml has problems: run $PREFIX/venv/bin/kiosk --check --config /etc/kiosk/kiosk.toml"
chown -R root:kiosk /etc/kiosk
chmod -R u=rwX,g=rX,o= /etc/kiosk

echo "== service ($COMPOSITOR)"
kiosk="$PREFIX/venv/bin/kiosk --config /etc/kiosk/kiosk.toml"
case "$COMPOSITOR" in
    cage) exec_line="/usr/bin/cage -d -- /usr/bin/env SDL_VIDEODRIVER=wayland $kiosk" ;;
    sway)
        sed "s|@PREFIX@|$PREFIX|g" "$HERE/sway.conf" > /etc/kiosk/sway.conf
        exec_line="/usr/bin/sway --config /etc/kiosk/sway.conf" ;;
    # Xorg would tell systemd it is ready as soon as it listens: only the kiosk gets the notify socket
    # (systemd's own, /run/systemd/notify), so that its first frame does, as under cage and sway.
    # -nolisten local: no abstract socket. It ignores file permissions (any process on the PC could draw on
    # or read the kiosk's screen) and its one name per network, @/tmp/.X11-unix/X0, stops this Xorg when
    # any other X server on :0 shares the network; the kiosk reaches Xorg through /tmp/.X11-unix (PrivateTmp)
    x11) exec_line="/usr/bin/env -u NOTIFY_SOCKET /usr/bin/xinit /usr/bin/env NOTIFY_SOCKET=/run/systemd/notify $kiosk -- :0 vt7 -nolisten local -nocursor -s 0 -dpms" ;;
esac
sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@EXEC@|$exec_line|" "$HERE/kiosk.service" > /etc/systemd/system/kiosk.service
if [ "$COMPOSITOR" = x11 ]; then
    # Xorg runs its keymap compiler through a child that first sets its own user and group again, and
    # stops without a keyboard when that call is refused: allow those calls (with no capability and
    # NoNewPrivileges they can change nothing) and refuse @resources instead, which Xorg and the kiosk
    # do without (systemd-analyze security stays at 2.0)
    sed -i '/^SystemCallErrorNumber=/i # x11: the keymap compiler of Xorg sets its own ids (install.sh)\nSystemCallFilter=@setuid\nSystemCallFilter=~@resources' \
        /etc/systemd/system/kiosk.service
fi

echo "== devices"
mkdir -p /etc/udev/rules.d /etc/modprobe.d
cp "$HERE/70-kiosk-devices.rules" /etc/udev/rules.d/70-kiosk-devices.rules
printf '# the kiosk reads NFC readers with nfcpy: the kernel driver must leave them alone\nblacklist pn533_usb\nblacklist pn533\n' \
    > /etc/modprobe.d/kiosk-nfc.conf
if command -v udevadm >/dev/null && [ -d /run/udev ]; then
    udevadm control --reload-rules && udevadm trigger || true
fi

echo "== enable"
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl mask --now pcscd.socket pcscd.service >/dev/null 2>&1 || true  # it would claim the ACR122U
fi
if [ "$COMPOSITOR" != x11 ]; then
    systemctl enable --now seatd.service >/dev/null 2>&1 || systemctl enable seatd.service >/dev/null 2>&1 || true
fi
systemctl enable kiosk.service >/dev/null 2>&1 || ln -sf /etc/systemd/system/kiosk.service \
    /etc/systemd/system/multi-user.target.wants/kiosk.service
echo "Installed. Start it now with: systemctl start kiosk (logs: journalctl -u kiosk)"
