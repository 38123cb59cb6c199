"""An nfcpy reader in its own thread: one CardPresented per presentation, CardRemoved when it leaves.

Field failures are expected: no reader (retried with back-off), a reader held by another program
such as pcscd (said so to staff), and readers that stop answering (the frontend is reopened).
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from typing import Any

from drivers.device_thread import DeviceThread
from drivers.nfc.identity import hash_uid
from drivers.nfc.records import describe
from kiosk.core.messages import CardPresented, CardRemoved, Message

log = logging.getLogger(__name__)
BACKOFF_S = (0.25, 0.5, 1.0, 2.0)
NDEF_ATTEMPTS = 5  # reads of a card's NDEF before it counts as having none
NDEF_PAUSE_S = 0.05  # between two reads, growing: a slow or busy reader gets time to answer


class NfcReader(DeviceThread):
    """Reads cards from an nfcpy path (usb, tty:USB0:pn532, udp:127.0.0.1:PORT)."""

    kind = "card reader"

    def __init__(self, address: str, post: Callable[[Message], None], secret: bytes) -> None:
        super().__init__(address, post)
        self._secret = secret

    def run(self) -> None:
        """Open the reader, read cards, reopen it with back-off when it fails, until stopped."""
        import nfc

        failures = 0
        while not self.stopping:
            try:
                frontend = nfc.ContactlessFrontend(self.address)
            except OSError as error:
                busy = error.errno == errno.EBUSY
                self.status(False, "busy: another program (pcscd?) holds the reader" if busy
                             else f"not found ({error.strerror or error})")
                self.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
                failures += 1
                continue
            self.status(True)
            failures = 0
            try:
                while not self.stopping:
                    connected = frontend.connect(
                        rdwr={"on-connect": self._on_connect, "on-release": self._on_release,
                              "iterations": 5, "interval": 0.1},
                        terminate=lambda: self.stopping)
                    if connected is None and not self.stopping:
                        break  # the frontend gave up: reopen it
            except Exception as error:  # a reader that stops answering must not take the kiosk down
                self.status(False, f"stopped answering: {error}")
            finally:
                frontend.close()

    def _on_connect(self, tag: Any) -> bool:
        records: tuple[str, ...] = ()
        unreadable = False
        # nfcpy answers None both for "no NDEF" and for a read that timed out (a slow reader, a card
        # held at the edge of the field), and keeps nothing in between; a read cut off half-way raises.
        # Either way: ask again.
        for attempt in range(NDEF_ATTEMPTS):
            try:
                ndef = tag.ndef
                if ndef is not None:
                    records = describe(ndef.records)
                    unreadable = False
                    break
            except Exception:  # a card pulled away mid-read, or garbage in its memory
                unreadable = True
            self.wait(NDEF_PAUSE_S * (attempt + 1))  # three quarters of a second in all
        if unreadable:
            log.warning("card reader %s: unreadable NDEF ignored", self.address)
        self.post(CardPresented(hash_uid(bytes(tag.identifier), self._secret), records, source=self.address))
        return True  # hold the connection until the card leaves: one event per presentation

    def _on_release(self, tag: Any) -> bool:
        self.post(CardRemoved(source=self.address))
        return True
