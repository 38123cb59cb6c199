"""The store-PC installation on a bare X server (`install.sh --compositor x11`), in a Debian 12 system booted
with systemd: what tests/store_install.py says of the install tests. A file of its own, so that a parallel run
gives it a core beside the sway and cage cases."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.automation.server import request
from tests.booted_debian import BootedDebian
from tests.store_install import (
    ACTIVE_WITHIN_S,
    INSTALLED,
    MARKS,
    SOCKET,
    SOURCE,
    booted_store_pc,
    journal_startup,
    lit_by_staff,
    mean_difference,
    wait_active,
)

pytestmark = MARKS


@pytest.fixture
def store_pc() -> Iterator[BootedDebian]:
    """A fresh copy of the Debian root, booted; the checkout at /src/kiosk."""
    yield from booted_store_pc()


DUMMY_SCREEN = """# The test's store PC has no graphics card: Xorg's dummy driver gives it one screen
Section "Device"
    Identifier "test card"
    Driver "dummy"
    VideoRam 64000
EndSection
Section "Screen"
    Identifier "test screen"
    Device "test card"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Modes "1280x720"
    EndSubSection
EndSection
"""


ABSTRACT_SOCKETS_OF_XORG = r"""
for process in /proc/[0-9]*; do
    [ "$(cat "$process/comm" 2>/dev/null)" = Xorg ] || continue
    for fd in "$process"/fd/*; do readlink "$fd"; done
done | sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p' | sort -u > /run/xorg-sockets
awk 'NR == FNR { mine[$1] = 1; next } FNR > 1 && ($7 in mine) && $8 ~ /^@/ { print $8 }' \
    /run/xorg-sockets /proc/net/unix
"""


def abstract_sockets_of_xorg(system: BootedDebian) -> list[str]:
    """The names of the abstract Unix sockets the store PC's Xorg listens on (reachable by any process of the
    PC, whatever its user: no file permissions apply), from its open sockets and the kernel's table."""
    return system.run("sh", "-c", ABSTRACT_SOCKETS_OF_XORG).stdout.split()


def test_installed_on_a_bare_x_server(store_pc: BootedDebian, tmp_path: Path) -> None:
    """`--compositor x11`: the kiosk user's own Xorg (no setuid wrapper under NoNewPrivileges) starts with
    its keyboard, the service comes up hardened as the Wayland ones, the X screen shows the kiosk's
    picture, a restart is not taken for a crash, and uninstall leaves nothing. (The watchdog, the power
    switches and the minute's stay do not depend on the compositor: the test above has them.)"""
    system = store_pc
    installed = system.run("sh", f"{SOURCE}/config/install/install.sh", "--compositor", "x11", timeout=900)
    assert "Installed." in installed.stdout, installed.stdout + installed.stderr
    system.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "xserver-xorg-video-dummy", "x11-apps")
    config = system.path("/etc/kiosk/kiosk.toml")  # one display: the X screen is one picture
    text = config.read_text()
    terminal = text.index('[[displays]]\nname = "terminal"')
    config.write_text(text[:terminal] + text[text.index("[[displays]]", terminal + 1):])
    system.run("mkdir", "-p", "/etc/X11/xorg.conf.d", "/etc/systemd/system/kiosk.service.d")
    system.path("/etc/X11/xorg.conf.d/10-test-dummy.conf").write_text(DUMMY_SCREEN)
    system.path("/etc/systemd/system/kiosk.service.d/headless.conf").write_text(
        f"[Service]\nEnvironment=KIOSK_AUTOMATION={SOCKET}\nStandardInput=null\n")
    system.run("systemctl", "daemon-reload")
    analyzed = system.run("systemd-analyze", "security", "--no-pager", "kiosk.service", check=False).stdout
    exposure = re.search(r"Overall exposure level for kiosk\.service: ([\d.]+)", analyzed)
    assert exposure is not None and float(exposure.group(1)) <= 2.0, analyzed[-1500:]

    system.run("systemctl", "start", "--no-block", "kiosk.service")
    print(f"\nx11: active after {wait_active(system, ACTIVE_WITHIN_S):.1f} s")
    assert "window (window)" in journal_startup(system)["MESSAGE"]
    noise = system.run("journalctl", "-u", "kiosk", "-p", "warning", "--no-pager", "-o", "cat").stdout.strip()
    assert not noise, f"warnings at start-up: {noise}"

    assert not abstract_sockets_of_xorg(system), "Xorg listens where file permissions do not reach"
    service_pid = system.run("systemctl", "show", "-p", "MainPID", "--value", "kiosk.service").stdout.strip()

    lit_by_staff(system, ["window"])
    answer = request(system.path(SOCKET), {"cmd": "screenshot", "display": "window", "path": "/var/lib/kiosk/w.png"})
    assert answer.get("ok"), answer
    expected = pygame.image.load(str(system.path("/var/lib/kiosk/w.png")))
    deadline = time.monotonic() + 10
    while True:
        # the screen is reached only from inside the service (its /tmp): read it from there
        system.run("nsenter", "-t", service_pid, "-m", "sh", "-c",
                   "xwd -root -silent -display :0 > /var/lib/kiosk/x.xwd")
        shutil.copy(system.path("/var/lib/kiosk/x.xwd"), tmp_path / "screen.xwd")
        subprocess.run(["convert", f"xwd:{tmp_path / 'screen.xwd'}", f"PNG24:{tmp_path / 'screen.png'}"], check=True)
        on_glass = pygame.image.load(str(tmp_path / "screen.png"))
        difference = mean_difference(on_glass, expected) if on_glass.get_size() == expected.get_size() else 255.0
        if difference < 4.0 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert difference < 4.0, f"the X screen {on_glass.get_size()} does not show the kiosk ({difference:.1f})"

    # A restart, as an upgrade does: the unit's ExecStop= ends the kiosk before Xorg, whose going away would
    # otherwise end it before it noted the stop (one CI run of two said "did not stop cleanly" without it)
    system.run("systemctl", "restart", "kiosk.service")
    wait_active(system, ACTIVE_WITHIN_S, since_restarts=-1)
    time.sleep(3)
    journal = system.run("journalctl", "-u", "kiosk", "--no-pager", "-o", "cat").stdout
    assert journal.count("started: window (window)") == 2, journal[-2000:]
    assert "did not stop cleanly" not in journal, f"a stop systemd asked for is not a crash:\n{journal[-2000:]}"
    first_run = journal[:journal.rindex("started: window (window)")]
    assert "kiosk stopped cleanly" in first_run, f"the kiosk did not wind down before Xorg went:\n{first_run[-2000:]}"

    removed = system.run("sh", f"{SOURCE}/config/install/uninstall.sh", check=False)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [path for path in INSTALLED if system.path(path).exists()]
    assert not left, f"uninstall.sh left {left}"
