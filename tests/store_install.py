"""What the store-PC install tests share (tests/test_install*.py, one file per case so that a parallel run
spreads them over the cores): a booted Debian 12 with the checkout in it, and the checks of an installed
service. Each case installs as a store would, `config/install/install.sh --compositor NAME`, in a Debian 12
system booted with systemd (systemd-nspawn).

The only change for the tests is a drop-in that gives the compositor its headless backend (two
outputs, no GPU, no input devices), no console (the container has no tty7), and the automation socket.
They need root, systemd-nspawn and mmdebstrap or debootstrap (CI has them: .ci/run); the Debian root is made
once and cached under /var/cache/kiosk-tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.automation.server import request
from tests.booted_debian import BootedDebian, debian_root
from tests.conftest import REPO

ON_CI = bool(os.environ.get("CI"))
CAN_RUN = os.geteuid() == 0 and all(shutil.which(tool) for tool in ("systemd-nspawn", "nsenter")) and \
    any(shutil.which(tool) for tool in ("mmdebstrap", "debootstrap"))
MARKS = [pytest.mark.slow, pytest.mark.timeout(900),  # the first test makes the Debian root too
         pytest.mark.skipif(not CAN_RUN and not ON_CI,
                            reason="a developer's machine without root, systemd-nspawn, nsenter and mmdebstrap "
                                   "(or debootstrap): CI installs them (.ci/run) and never skips")]

SOURCE = "/src/kiosk"  # the checkout, bound read-only into the container
SOCKET = "/run/kiosk/automation.sock"
HEADLESS = """[Service]
# The test's store PC has no screen, no GPU and no console: the compositor's headless backend with two
# outputs, drawn by the CPU; and the automation socket, to ask the kiosk what it shows
Environment=WLR_BACKENDS=headless WLR_HEADLESS_OUTPUTS={outputs} WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1
Environment=KIOSK_AUTOMATION={socket}
StandardInput=null
"""
# cage 0.1.4 (Debian 12, wlroots 0.15) hands the kiosk's buffer straight to an upright output (direct
# scan-out). grim's capture stops that for the frame it copies ("Direct scan-out disabled by lock", then
# "Basic output test failed": wlroots 0.15 types/output/output.c, output_basic_test), and cage then draws
# that frame with only the damage since its last frame, none (cage output.c handle_output_damage_frame,
# render.c output_render "Output isn't damaged but needs a buffer swap"), into a buffer it never drew:
# grim sees black, whatever the kiosk shows. cage composes every frame of a turned output: the test turns
# it 180° (`cage -r -r`; the window keeps its size, grim turns the picture back) to see what reaches it
CAGE_COMPOSING = "/usr/bin/cage -d -r -r -- "
INSTALLED = ["/opt/kiosk", "/etc/kiosk", "/etc/systemd/system/kiosk.service",
             "/etc/systemd/system/multi-user.target.wants/kiosk.service", "/etc/udev/rules.d/70-kiosk-devices.rules",
             "/etc/modprobe.d/kiosk-nfc.conf", "/var/lib/kiosk", "/var/cache/kiosk", "/var/log/kiosk"]
ACTIVE_WITHIN_S = 20
STAYS_ACTIVE_S = 60
WATCHDOG_S = 30  # WatchdogSec in kiosk.service


def booted_store_pc() -> Iterator[BootedDebian]:
    """A fresh copy of the cached Debian 12 root (made by mmdebstrap the first time), booted; the checkout at
    /src/kiosk. For a test file's `store_pc` fixture."""
    assert CAN_RUN, "CI runs as root with systemd-nspawn, nsenter and mmdebstrap installed (.ci/run)"
    copy = Path("/var/tmp") / f"kiosk-store-pc-{os.getpid()}"
    with BootedDebian(debian_root(), copy, {REPO: SOURCE}) as system:
        system.wait_booted()
        _trust_as_this_machine_does(system)
        yield system


def _trust_as_this_machine_does(system: BootedDebian) -> None:
    """The store PC reaches Debian's mirror and PyPI as this machine does: the certificate authorities
    this machine's administrator added (an office's TLS proxy), for apt and for pip."""
    added = sorted(Path("/usr/local/share/ca-certificates").glob("*.crt"))
    if not added:
        return
    for certificate in added:
        shutil.copy(certificate, system.copy / "usr/local/share/ca-certificates" / certificate.name)
    system.run("update-ca-certificates")
    (system.copy / "etc/pip.conf").write_text("[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n")


def _unit(system: BootedDebian, *properties: str) -> dict[str, str]:
    shown = system.run("systemctl", "show", "kiosk.service", *(f"--property={p}" for p in properties)).stdout
    return dict(line.split("=", 1) for line in shown.splitlines() if "=" in line)


def wait_active(system: BootedDebian, within_s: float, since_restarts: int = -1) -> float:
    """Seconds until the unit is active (and restarted more than `since_restarts` times)."""
    started = time.monotonic()
    while True:
        unit = _unit(system, "ActiveState", "SubState", "NRestarts", "Result")
        if unit["ActiveState"] == "active" and int(unit["NRestarts"]) > since_restarts:
            return time.monotonic() - started
        if time.monotonic() - started > within_s:
            journal = system.run("journalctl", "-u", "kiosk", "--no-pager", "-n", "60", check=False).stdout
            raise AssertionError(f"kiosk.service is {unit} after {within_s} s:\n{journal}")
        time.sleep(0.2)


def _kiosk_pid(system: BootedDebian) -> int:
    """The kiosk's own process (the compositor's child) in the unit's control group, as this machine
    numbers it (the group's list gives the reader's numbers)."""
    group = _unit(system, "ControlGroup")["ControlGroup"]
    for pid in system.path(f"/sys/fs/cgroup/unified{group}/cgroup.procs").read_text().split() or \
            system.path(f"/sys/fs/cgroup{group}/cgroup.procs").read_text().split():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(part.endswith(b"/venv/bin/kiosk") for part in command):
            return int(pid)
    raise AssertionError(f"no kiosk process in {group}")


def journal_startup(system: BootedDebian) -> dict[str, str]:
    """The kiosk's start-up line in the unit's journal, with its fields."""
    lines = system.run("journalctl", "-u", "kiosk", "-o", "json", "--no-pager", "LOGGER=kiosk").stdout.splitlines()
    started = [json.loads(line) for line in lines if "started:" in json.loads(line).get("MESSAGE", "")]
    assert started, "journalctl -u kiosk has no start-up line of the kiosk"
    return {key: str(value) for key, value in started[-1].items()}


def mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean difference per channel (0-255) of two pictures, compared at a small size."""
    small_a, small_b = (pygame.transform.smoothscale(p, (60, 60)) for p in (a, b))
    total = sum(abs(small_a.get_at((x, y))[c] - small_b.get_at((x, y))[c]) for x in range(60) for y in range(60)
                for c in range(3))
    return total / (60 * 60 * 3)


def _screens_show_the_demo(system: BootedDebian, outputs: dict[str, str], keep: Path, within_s: float = 10) -> None:
    """Each output (grim, as the kiosk user) shows what the kiosk says its display shows."""
    sock = system.path(SOCKET)
    for display, output in outputs.items():
        upright, shown = f"/var/lib/kiosk/{display}.png", f"/var/lib/kiosk/{output}.png"
        answer = request(sock, {"cmd": "screenshot", "display": display, "path": upright})
        assert answer.get("ok"), answer
        expected = pygame.image.load(str(system.path(upright)))
        deadline = time.monotonic() + within_s
        while True:
            system.run("runuser", "-u", "kiosk", "--", "env", "XDG_RUNTIME_DIR=/run/kiosk",
                       f"WAYLAND_DISPLAY={_wayland_display(system)}", "grim", "-o", output, shown)
            on_glass = pygame.image.load(str(system.path(shown)))
            same_size = on_glass.get_size() == expected.get_size()
            assert same_size or time.monotonic() < deadline, \
                f"{output} is {on_glass.get_size()}, the kiosk's {display} {expected.get_size()}"
            difference = mean_difference(on_glass, expected) if same_size else 255.0
            if difference < 4.0 or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        if difference >= 4.0:
            shutil.copy(system.path(shown), keep / f"{output}.png")
            shutil.copy(system.path(upright), keep / f"{display}.png")
        assert difference < 4.0, f"{output} does not show the kiosk's {display} ({difference:.1f}; both in {keep})"


def _switched(system: BootedDebian, display: str, power: str) -> dict[str, str]:
    """Staff's word on a screen, through the automation socket; the screen's state once it is switched."""
    sock = system.path(SOCKET)
    asked = request(sock, {"cmd": "power", "display": display, "power": power})
    assert asked.get("ok"), asked
    deadline = time.monotonic() + 15
    while True:
        screen = request(sock, {"cmd": "state"})["screens"][display]["power"]
        if screen["on"] == (power == "on") and not screen["switching"]:
            return dict(screen)
        assert time.monotonic() < deadline, f"{display} was not switched {power}: {screen}"
        time.sleep(0.1)


def lit_by_staff(system: BootedDebian, displays: list[str]) -> None:
    """Staff's "on" for each display: the installed kiosk runs on the real clock, and a closed store's
    terminal or a window in the quiet hours starts dark. Lit on purpose, what the test sees does not depend
    on the hour it runs at, and its first "off" switches a lit screen (closed, it switched nothing)."""
    for display in displays:
        _switched(system, display, "on")


def _wayland_display(system: BootedDebian) -> str:
    sockets = sorted(p.name for p in system.path("/run/kiosk").glob("wayland-*") if not p.name.endswith(".lock"))
    assert sockets, "no Wayland socket in /run/kiosk"
    return sockets[0]


def _scanner_links(system: BootedDebian) -> dict[str, list[str]]:
    """The /dev links udev gives two USB scanners under the installed rules (udevadm test on a sysfs faked by
    umockdev, tests/data/usb-scanners.umockdev): ttyACM0 has no serial number, ttyACM1 "SC 0042"; both hang
    off a root hub whose serial is its controller's address, as every USB root hub's is."""
    system.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "umockdev")
    links: dict[str, list[str]] = {}
    for tty in ("ttyACM0", "ttyACM1"):
        tested = system.run("umockdev-run", "-d", f"{SOURCE}/tests/data/usb-scanners.umockdev", "--", "udevadm",
                            "test", "--action=add", f"/sys/class/tty/{tty}").stdout
        devlinks = re.search(r"^DEVLINKS=(.*)$", tested, re.M)
        links[tty] = sorted(link for link in (devlinks.group(1).split() if devlinks else [])
                            if link.startswith("/dev/kiosk-"))
    system.run("sh", "-c", "rm -f /dev/kiosk-scanner-*")  # udevadm test makes them in the container's /dev
    return links


def comes_up_stays_up_and_goes_away(system: BootedDebian, compositor: str, keep: Path) -> None:
    """`install.sh --compositor` sway or cage, then: verified and hardened; active within 20 s; the kiosk's
    start-up line in the journal with its fields and no warning; each display on its output, showing the
    demo (grim); switched off and on, each output showing what the kiosk says; still active a minute later;
    a SIGSTOPped kiosk restarted by the watchdog; `uninstall.sh` leaves nothing behind. Pictures that differ
    are kept in `keep`."""
    began = time.monotonic()
    installed = system.run("sh", f"{SOURCE}/config/install/install.sh", "--compositor", compositor, timeout=900)
    assert "Installed." in installed.stdout, installed.stdout + installed.stderr
    print(f"\n{compositor}: installed in {time.monotonic() - began:.0f} s")
    system.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "grim")  # the test's eyes
    system.run("mkdir", "-p", "/etc/systemd/system/kiosk.service.d")
    if compositor == "cage":  # one application on one screen: the store keeps one display in its config
        config = system.path("/etc/kiosk/kiosk.toml")
        text = config.read_text()
        terminal = text.index('[[displays]]\nname = "terminal"')
        config.write_text(text[:terminal] + text[text.index("[[displays]]", terminal + 1):])
    displays = {"sway": {"terminal": "HEADLESS-1", "window": "HEADLESS-2"}, "cage": {"window": "HEADLESS-1"}}
    drop_in = HEADLESS.format(socket=SOCKET, outputs=len(displays[compositor]))
    if compositor == "cage":
        exec_line = next(line for line in system.path("/etc/systemd/system/kiosk.service").read_text().splitlines()
                         if line.startswith("ExecStart="))
        assert exec_line.startswith("ExecStart=/usr/bin/cage -d -- "), exec_line
        drop_in += "ExecStart=\n" + exec_line.replace("/usr/bin/cage -d -- ", CAGE_COMPOSING, 1) + "\n"
    system.path("/etc/systemd/system/kiosk.service.d/headless.conf").write_text(drop_in)
    system.run("systemctl", "daemon-reload")
    verified = system.run("systemd-analyze", "verify", "kiosk.service", check=False)
    assert verified.returncode == 0 and not verified.stderr.strip(), verified.stderr
    for how in (["kiosk.service"], ["--offline=true", "/etc/systemd/system/kiosk.service"]):  # loaded, and the file
        analyzed = system.run("systemd-analyze", "security", "--no-pager", *how, check=False).stdout
        exposure = re.search(r"Overall exposure level for kiosk\.service: ([\d.]+)", analyzed)
        assert exposure is not None and float(exposure.group(1)) <= 2.0, analyzed[-1500:]
        print(f"{compositor}: systemd-analyze security {how[-1]}: {exposure.group(1)}")

    system.run("systemctl", "start", "--no-block", "kiosk.service")
    took = wait_active(system, ACTIVE_WITHIN_S)
    print(f"{compositor}: active after {took:.1f} s")
    active_since = time.monotonic()
    startup = journal_startup(system)
    opened = ", ".join(f"{name} ({name})" for name in displays[compositor])
    assert re.search(rf"^kiosk \S+, device \S+ of store \S+, started: {re.escape(opened)};",
                     startup["MESSAGE"]), startup["MESSAGE"]
    assert "unknown" not in startup["MESSAGE"].split(",")[0], "the installed kiosk knows its version"
    assert (startup["PRIORITY"], startup["SYSLOG_IDENTIFIER"], startup["_SYSTEMD_UNIT"]) == \
        ("6", "kiosk", "kiosk.service")
    assert startup["CODE_FILE"].endswith("kiosk/cli.py"), startup
    noise = system.run("journalctl", "-u", "kiosk", "-p", "warning", "--no-pager", "-o", "cat").stdout.strip()
    assert not noise, f"warnings at start-up: {noise}"
    compositor_said = system.run("journalctl", "-u", "kiosk", "--no-pager", "-o", "cat").stdout
    assert "Error(s) loading config" not in compositor_said, f"swaynag shows sway's config errors: {compositor_said}"

    state = request(system.path(SOCKET), {"cmd": "state"})
    assert state.get("ok"), state
    outputs = {display: "HEADLESS-1" if screen["position"] == [0, 0] else "HEADLESS-2"
               for display, screen in state["screens"].items()}
    assert sorted(outputs.values()) == sorted(displays[compositor].values()), state["screens"]
    if compositor == "cage":  # the udev rules are the same whatever the compositor: checked once
        assert _scanner_links(system) == {"ttyACM0": [], "ttyACM1": ["/dev/kiosk-scanner-SC_0042"]}, \
            "a scanner's link is named by its own serial number, and one without gets none"
        assert state["screens"]["window"]["window"] == [1280, 720], "cage's window fills its output, turned or not"
    lit_by_staff(system, list(outputs))
    _screens_show_the_demo(system, outputs, keep)
    for display, output in outputs.items():  # [power] method auto, as installed
        for power in ("off", "on"):
            screen = _switched(system, display, power)
            if power == "off":  # the demo's displays name no output: nothing but a black picture can switch them
                assert screen["method"] == "black", screen
            _screens_show_the_demo(system, {display: output}, keep, within_s=2)

    time.sleep(max(0.0, STAYS_ACTIVE_S - (time.monotonic() - active_since)))
    unit = _unit(system, "ActiveState", "NRestarts")
    assert unit == {"ActiveState": "active", "NRestarts": "0"}, f"after a minute: {unit}"

    hung = _kiosk_pid(system)
    os.kill(hung, signal.SIGSTOP)
    stopped_at = time.monotonic()
    wait_active(system, WATCHDOG_S + ACTIVE_WITHIN_S, since_restarts=0)
    assert time.monotonic() - stopped_at < WATCHDOG_S + ACTIVE_WITHIN_S
    assert _kiosk_pid(system) != hung
    watchdog = system.run("journalctl", "-u", "kiosk", "--no-pager", "-o", "cat").stdout
    assert "Watchdog timeout" in watchdog, watchdog[-2000:]

    removed = system.run("sh", f"{SOURCE}/config/install/uninstall.sh", check=False)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [path for path in INSTALLED if system.path(path).exists()]
    assert not left, f"uninstall.sh left {left}"
    assert system.run("getent", "passwd", "kiosk", check=False).returncode != 0, "the user kiosk is gone"
    assert system.run("getent", "group", "kiosk", check=False).returncode != 0, "the group kiosk is gone"
