"""The kiosk's real NFC driver reading an emulated Type 3 tag over nfcpy's UDP driver, on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers.nfc.identity import hash_uid
from drivers.nfc.reader import NfcReader
from kiosk.core.messages import CardPresented, CardRemoved, DeviceStatusChanged, Message
from tests.inbox import Inbox, next_message

TAG = Path(__file__).with_name("type3_tag.py")
IDM = "03FEAB1234567890"


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])



@pytest.mark.slow  # nfcpy's UDP reader polls: about 7 s
def test_a_card_is_read_once_hashed_and_its_removal_reported() -> None:
    port = free_udp_port()
    card = subprocess.Popen([sys.executable, str(TAG), str(port), IDM, "LOYALTY-1234", "3"],
                            stdout=subprocess.PIPE, text=True)
    assert card.stdout is not None and card.stdout.readline().strip() == "READY"
    messages: Inbox[Message] = Inbox()
    reader = NfcReader(f"udp:127.0.0.1:{port}", messages.put, b"store-secret")
    reader.start()
    try:
        assert next_message(messages, DeviceStatusChanged, 5).connected
        presented = next_message(messages, CardPresented, 10)
        assert isinstance(presented, CardPresented)
        assert presented.ndef == ("text:LOYALTY-1234",)
        assert presented.uid_hash == hash_uid(bytes.fromhex(IDM), b"store-secret")
        assert IDM.lower() not in repr(presented).lower()  # the raw UID never leaves the driver
        removed = next_message(messages, CardRemoved, 10)
        assert isinstance(removed, CardRemoved)
        time.sleep(0.5)
        assert not any(isinstance(m, CardPresented) for m in messages.rest())  # one event per presentation
    finally:
        reader.stop()
        card.wait(timeout=10)
