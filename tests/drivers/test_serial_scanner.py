"""A serial scanner over real pseudo-terminals (socat): scans, garbage, unplug and replug."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.scanners import SerialScanner
from kiosk.core.messages import BarcodeScanned, DeviceStatusChanged, Message
from tests.inbox import Inbox, next_message

SOCAT = shutil.which("socat")
pytestmark = pytest.mark.skipif(SOCAT is None, reason="socat is installed by .ci/run; install it to run these")


class Line:
    """Two linked pseudo-terminals: the kiosk opens `device`, the test writes to `wire`."""

    def __init__(self, folder: Path) -> None:
        self.device, self.wire = folder / "scanner", folder / "wire"
        self.process: subprocess.Popen[bytes] | None = None

    def plug(self) -> None:
        self.process = subprocess.Popen([str(SOCAT), f"pty,link={self.device},raw,echo=0",
                                         f"pty,link={self.wire},raw,echo=0"])
        deadline = time.monotonic() + 5
        while not (self.device.exists() and self.wire.exists()):
            assert time.monotonic() < deadline, "socat did not make its pseudo-terminals"
            time.sleep(0.02)

    def unplug(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=5)
            self.process = None
        deadline = time.monotonic() + 5
        while self.device.exists() and time.monotonic() < deadline:
            time.sleep(0.02)

    def send(self, data: bytes) -> None:
        with open(self.wire, "wb", buffering=0) as wire:
            wire.write(data)


@pytest.fixture
def line(tmp_path: Path) -> Iterator[Line]:
    plugged = Line(tmp_path)
    plugged.plug()
    yield plugged
    plugged.unplug()



def test_scans_arrive_decoded_and_garbage_is_ignored(line: Line) -> None:
    messages: Inbox[Message] = Inbox()
    scanner = SerialScanner(str(line.device), messages.put, baudrate=9600, terminator="CR")
    scanner.start()
    try:
        assert next_message(messages, DeviceStatusChanged).connected
        line.send(b"\x00\xff\xfe garbage\r2001000001018\r]E02001000001019\r")
        scan = next_message(messages, BarcodeScanned)
        assert scan == BarcodeScanned("2001000001019", str(line.device), "]E0", "gtin")
        assert messages.rest() == []  # the garbage and the bad check digit were dropped
    finally:
        scanner.stop()


def test_an_unplugged_scanner_is_reported_and_comes_back_within_two_seconds(line: Line) -> None:
    messages: Inbox[Message] = Inbox()
    scanner = SerialScanner(str(line.device), messages.put)
    scanner.start()
    try:
        assert next_message(messages, DeviceStatusChanged).connected
        line.unplug()
        lost = next_message(messages, DeviceStatusChanged)
        assert not lost.connected
        line.plug()
        replugged_at = time.monotonic()
        back = next_message(messages, DeviceStatusChanged)
        assert back.connected and time.monotonic() - replugged_at < 2.0
        line.send(b"96385074\r")
        assert next_message(messages, BarcodeScanned).data == "96385074"
    finally:
        scanner.stop()


def test_a_missing_port_is_a_status_not_a_crash(tmp_path: Path) -> None:
    messages: Inbox[Message] = Inbox()
    scanner = SerialScanner(str(tmp_path / "nothing-here"), messages.put)
    scanner.start()
    try:
        status = next_message(messages, DeviceStatusChanged)
        assert not status.connected and "nothing-here" in status.detail
    finally:
        scanner.stop()
