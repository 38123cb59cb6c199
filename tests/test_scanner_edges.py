"""A serial scanner feeding the kiosk (its own process) through a real pseudo-terminal: partial scans,
an unplug in mid-scan and a flood of noise never swallow the next good scan, and never flood the log."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.automation.server import request
from tests.conftest import write_config
from tests.drivers.test_serial_scanner import SOCAT, Line
from tests.kiosk_process import start_kiosk

pytestmark = pytest.mark.skipif(SOCAT is None, reason="socat is installed by .ci/run; install it to run these")
CARBON_BIKE, ROAD_BIKE = "2001000001026", "2001000001019"


def state(sock: Path) -> dict[str, Any]:
    reply = request(sock, {"cmd": "state"})
    assert reply["ok"], reply
    terminal: dict[str, Any] = reply["displays"]["terminal"]
    return terminal


def wait_for(sock: Path, check: Any, what: str, timeout: float = 5.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        seen = state(sock)
        if check(seen):
            return seen
        assert time.monotonic() < deadline, f"{what}; the kiosk shows {seen['scene']} {seen.get('product')}"
        time.sleep(0.05)


@pytest.mark.e2e
@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_partial_scans_unplugs_and_noise_never_swallow_the_next_good_scan(tmp_path: Path) -> None:
    line = Line(tmp_path)
    line.plug()
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace('address = "sim:"     #', f'address = "{line.device}"  #'))
    sock = tmp_path / "kiosk.sock"
    log_path = tmp_path / "kiosk.log"
    with log_path.open("wb") as log:
        process = start_kiosk(config, sock, "--display", "terminal", output=log)
    try:
        wait_for(sock, lambda s: s["devices"].get(f"scanner {line.device}"), "the scanner is connected")
        line.send(CARBON_BIKE[:7].encode())  # a partial read: no terminator ever comes
        time.sleep(0.5)
        line.send(ROAD_BIKE.encode() + b"\r")
        wait_for(sock, lambda s: s.get("product") == "BIK-101", "a partial scan swallowed the next good one")

        line.send(CARBON_BIKE[:5].encode())  # unplugged in the middle of a scan, plugged back
        time.sleep(0.05)
        line.unplug()
        wait_for(sock, lambda s: not s["devices"].get(f"scanner {line.device}"), "the unplug is shown to staff")
        line.plug()
        wait_for(sock, lambda s: s["devices"].get(f"scanner {line.device}"), "the scanner is back")
        line.send(CARBON_BIKE.encode() + b"\r")
        wait_for(sock, lambda s: s.get("product") == "BIK-102", "the scan after the replug was lost")

        noise = bytes((i * 7919 + 13) % 256 for i in range(1 << 20))  # 1 MiB of line noise, CRs included
        line.send(noise)
        time.sleep(0.5)
        line.send(ROAD_BIKE.encode() + b"\r")
        wait_for(sock, lambda s: s.get("product") == "BIK-101", "the scan after the noise was lost", timeout=10)
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
        line.unplug()
    warnings = [entry for entry in log_path.read_text().splitlines() if "unreadable scan" in entry]
    assert 1 <= len(warnings) <= 3, f"{len(warnings)} warning lines for 1 MiB of noise"
