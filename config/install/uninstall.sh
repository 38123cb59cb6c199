#!/bin/sh
# Take away what config/install/install.sh installed, as root:
#
#   sudo config/install/uninstall.sh [--prefix /opt/kiosk] [--keep-data]
#
# The service, the udev rules, the application, /etc/kiosk, the user kiosk and its state (the outbox:
# export waiting orders first from the maintenance menu) all go; --keep-data keeps /etc/kiosk and
# /var/lib/kiosk.
set -eu

PREFIX=/opt/kiosk
KEEP=no
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX=${2:?}; shift 2 ;;
        --keep-data) KEEP=yes; shift ;;
        *) echo "uninstall.sh: unknown option $1" >&2; exit 1 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "uninstall.sh: run it as root (sudo)" >&2; exit 1; }

if [ -d /run/systemd/system ]; then
    systemctl disable --now kiosk.service >/dev/null 2>&1 || true
    systemctl unmask pcscd.socket pcscd.service >/dev/null 2>&1 || true
else
    systemctl disable kiosk.service >/dev/null 2>&1 || true
fi
rm -f /etc/systemd/system/kiosk.service /etc/systemd/system/multi-user.target.wants/kiosk.service
rm -f /etc/udev/rules.d/70-kiosk-devices.rules /etc/modprobe.d/kiosk-nfc.conf
[ -d /run/systemd/system ] && systemctl daemon-reload
rm -rf "$PREFIX/app" "$PREFIX/venv"
rmdir "$PREFIX" 2>/dev/null || true
if [ "$KEEP" = no ]; then
    rm -rf /etc/kiosk /var/lib/kiosk /var/cache/kiosk /var/log/kiosk
    if getent passwd kiosk >/dev/null; then
        # Nothing of the kiosk user may still run (a session an older unit with PAMName= started)
        loginctl terminate-user kiosk >/dev/null 2>&1 || true
        systemctl stop "user@$(id -u kiosk).service" >/dev/null 2>&1 || true
        deluser --system kiosk >/dev/null 2>&1 || userdel kiosk
    fi
    getent group kiosk >/dev/null && { delgroup --system kiosk >/dev/null 2>&1 || groupdel kiosk; } || true
fi
echo "Uninstalled."
