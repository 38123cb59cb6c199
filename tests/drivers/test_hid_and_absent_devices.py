"""Keyboard-wedge scanners fed real input_event records through a FIFO, and readers that are not there."""

from __future__ import annotations

import os
import time
from pathlib import Path

from drivers.barcode.hid_keys import key_events
from drivers.nfc.reader import NfcReader
from drivers.scanners import HidScanner
from kiosk.core.messages import BarcodeScanned, DeviceStatusChanged, Message
from tests.inbox import Inbox, next_message


def test_a_keyboard_wedge_scanner_is_read_by_keycodes(tmp_path: Path) -> None:
    fifo = tmp_path / "event-kbd"
    os.mkfifo(fifo)
    messages: Inbox[Message] = Inbox()
    scanner = HidScanner(f"hid:{fifo}", messages.put)
    scanner.start()
    try:
        writer = os.open(fifo, os.O_WRONLY)  # blocks until the scanner opened it
        assert next_message(messages, DeviceStatusChanged).connected
        os.write(writer, key_events("2001000001019") + key_events("2001000001018"))  # then a bad check digit
        assert next_message(messages, BarcodeScanned).data == "2001000001019"
        os.close(writer)
        assert not next_message(messages, DeviceStatusChanged).connected
        assert not any(isinstance(m, BarcodeScanned) for m in messages.rest())
    finally:
        scanner.stop()


def test_an_absent_card_reader_is_reported_and_retried() -> None:
    messages: Inbox[Message] = Inbox()
    reader = NfcReader("usb:ffff:ffff", messages.put, b"secret")
    reader.start()
    try:
        status = next_message(messages, DeviceStatusChanged, timeout=10)
        assert not status.connected and "not found" in status.detail
        time.sleep(0.6)
        assert reader.connected is False  # still retrying, never crashed
    finally:
        reader.stop()
