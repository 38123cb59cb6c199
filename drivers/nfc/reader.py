"""An nfcpy reader in its own thread: one CardPresented per presentation, CardRemoved when it leaves.

Field failures are expected: no reader (retried with back-off), a reader held by another program
such as pcscd (said so to staff), and readers that stop answering (the frontend is reopened).
"""

from __future__ import annotations

import errno
import logging
import threading
from collections.abc import Callable
from typing import Any

from drivers.nfc.identity import hash_uid
from drivers.nfc.records import describe
from kiosk.core.messages import CardPresented, CardRemoved, DeviceStatusChanged, Message

log = logging.getLogger(__name__)
BACKOFF_S = (0.25, 0.5, 1.0, 2.0)


class NfcReader:
    """Reads cards from an nfcpy path (usb, tty:USB0:pn532, udp:127.0.0.1:PORT)."""

    def __init__(self, address: str, post: Callable[[Message], None], secret: bytes) -> None:
        self.address = address
        self.post = post
        self._secret = secret
        self.connected: bool | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"nfc {address}", daemon=True)

    def start(self) -> None:
        """Start polling."""
        self._thread.start()

    def stop(self) -> None:
        """Stop polling and release the reader."""
        self._stop.set()
        self._thread.join(timeout=3)

    def _status(self, connected: bool, detail: str = "") -> None:
        if connected != self.connected:
            self.connected = connected
            (log.info if connected else log.warning)("card reader %s %s %s", self.address,
                                                    "connected" if connected else "disconnected", detail)
            self.post(DeviceStatusChanged(f"card reader {self.address}", connected, detail))

    def _run(self) -> None:
        import nfc

        failures = 0
        while not self._stop.is_set():
            try:
                frontend = nfc.ContactlessFrontend(self.address)
            except OSError as error:
                busy = error.errno == errno.EBUSY
                self._status(False, "busy: another program (pcscd?) holds the reader" if busy
                             else f"not found ({error.strerror or error})")
                self._stop.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
                failures += 1
                continue
            self._status(True)
            failures = 0
            try:
                while not self._stop.is_set():
                    connected = frontend.connect(
                        rdwr={"on-connect": self._on_connect, "on-release": self._on_release,
                              "iterations": 5, "interval": 0.1},
                        terminate=self._stop.is_set)
                    if connected is None and not self._stop.is_set():
                        break  # the frontend gave up: reopen it
            except Exception as error:  # a reader that stops answering must not take the kiosk down
                self._status(False, f"stopped answering: {error}")
            finally:
                frontend.close()

    def _on_connect(self, tag: Any) -> bool:
        try:
            records = describe(tag.ndef.records) if tag.ndef is not None else ()
        except Exception:  # a card pulled away mid-read, or garbage in its memory
            log.warning("card reader %s: unreadable NDEF ignored", self.address)
            records = ()
        self.post(CardPresented(hash_uid(bytes(tag.identifier), self._secret), records, source=self.address))
        return True  # hold the connection until the card leaves: one event per presentation

    def _on_release(self, tag: Any) -> bool:
        self.post(CardRemoved(source=self.address))
        return True
