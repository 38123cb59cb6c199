"""Scanner devices: each reads in its own thread, decodes, and posts BarcodeScanned or DeviceStatusChanged.

A scanner that cannot be opened or goes away is reported as disconnected and reopened every
RETRY_S seconds, so it comes back by itself within 2 s of being plugged in again. Scan contents are
never logged (a loyalty card's code is personal data).
"""

from __future__ import annotations

import abc
import errno
import fcntl
import logging
import os
import random
import select
import time
from collections.abc import Callable

import serial

from drivers.barcode.decode import Barcode, decode
from drivers.barcode.framing import Framer
from drivers.barcode.hid_keys import KeyDecoder
from drivers.device_thread import DeviceThread
from kiosk.core.messages import BarcodeScanned, DeviceStatusChanged, Message

log = logging.getLogger(__name__)
RETRY_S = 0.25
WARN_EVERY_S = 10.0  # unreadable scans: one warning line in this time at most, with the count
EVIOCGRAB = 0x40044590  # _IOW('E', 0x90, int): take a keyboard for ourselves
Post = Callable[[Message], None]


def scanned(barcode: Barcode, source: str) -> BarcodeScanned:
    """The message for a decoded scan."""
    return BarcodeScanned(barcode.gtin or barcode.data, source=source, symbology=barcode.symbology,
                          kind=barcode.kind)


class ScannerThread(DeviceThread):
    """A scanner read in a thread: opened, read until it goes, reopened every RETRY_S seconds."""

    kind = "scanner"
    _unreadable = 0  # unreadable scans since the last warning
    _warned_at = -WARN_EVERY_S

    def deliver(self, text: str) -> None:
        """Decode one scan and post it; garbage is logged (not its content, and not every time) and ignored."""
        barcode = decode(text)
        if barcode is None:
            self._unreadable += 1
            now = time.monotonic()
            if now - self._warned_at >= WARN_EVERY_S:
                log.warning("scanner %s: ignored %d unreadable scan(s) (the last: %d characters)", self.address,
                            self._unreadable, len(text))
                self._unreadable, self._warned_at = 0, now
            return
        self.post(scanned(barcode, self.address))

    def run(self) -> None:
        """Read, and reopen the device whenever it goes away, until stopped."""
        while not self.stopping:
            try:
                self.read_until_gone()
            except Exception as error:  # a driver must never take the kiosk down
                self.status(False, f"{type(error).__name__}: {error}")
            self.wait(RETRY_S)

    @abc.abstractmethod
    def read_until_gone(self) -> None:
        """Open the device and read until it fails or the thread is stopped."""


class SerialScanner(ScannerThread):
    """A scanner on a serial port or any pySerial URL (loop://, socket://, rfc2217://)."""

    def __init__(self, address: str, post: Post, *, baudrate: int = 9600, terminator: str = "CR",
                 prefix: str = "", suffix: str = "") -> None:
        super().__init__(address, post)
        self.baudrate = baudrate
        self.framer = Framer(terminator, prefix, suffix)

    def read_until_gone(self) -> None:
        """Read bytes, cut them into scans, decode and post."""
        try:
            port = serial.serial_for_url(self.address, baudrate=self.baudrate, timeout=0.05)
        except (serial.SerialException, OSError, ValueError) as error:
            self.status(False, str(error))
            return
        self.status(True)
        self.framer.reset()  # a scan cut by an unplug must not prefix the first one after
        try:
            while not self.stopping:
                data = port.read(1)  # waits up to the timeout for the first byte, then takes what came
                if data and port.in_waiting:
                    data += port.read(port.in_waiting)
                now = time.monotonic()
                for text in self.framer.feed(data, now) if data else self.framer.idle(now):
                    self.deliver(text)
        except (serial.SerialException, OSError) as error:
            self.status(False, f"lost: {error}")
        finally:
            port.close()


class HidScanner(ScannerThread):
    """A keyboard-wedge scanner read from its evdev device (hid:/dev/input/by-id/...), grabbed so its
    keystrokes never reach the screen."""

    def __init__(self, address: str, post: Post) -> None:
        super().__init__(address, post)
        self.path = address.removeprefix("hid:")
        self.keys = KeyDecoder()

    def read_until_gone(self) -> None:
        """Read input_event records and turn them into scans."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as error:
            self.status(False, error.strerror or str(error))
            return
        try:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 1)
            except OSError as error:
                if error.errno != errno.ENOTTY:  # not an input device (a test pipe): nothing to grab
                    log.warning("scanner %s could not be grabbed (%s): its keys may reach the screen",
                                self.address, error.strerror)
            self.status(True)
            while not self.stopping:
                ready, _, _ = select.select([fd], [], [], 0.2)
                if not ready:
                    continue
                data = os.read(fd, 24 * 64)
                if not data:  # the writer went away (a pipe); a device raises ENODEV instead
                    self.status(False, "closed")
                    return
                for text in self.keys.feed(data):
                    self.deliver(text)
        except OSError as error:
            self.status(False, f"lost: {error.strerror or error}")
        finally:
            os.close(fd)


class SimScanner:
    """A pretend scanner for the demo: scans a random product of the catalogue when its key is pressed."""

    demo_key = "f2"  # the key of the desk demo that pulls its trigger (wired in kiosk/wiring.py)

    def __init__(self, address: str, post: Post, codes: Callable[[], list[str]]) -> None:
        self.address = address
        self.post = post
        self.codes = codes
        self.connected = True

    def start(self) -> None:
        """Report itself as connected."""
        self.post(DeviceStatusChanged(f"scanner {self.address}", True, "simulated"))

    def demo(self) -> None:
        """Scan a random product (its demo key was pressed)."""
        codes = self.codes()
        if codes:
            self.deliver_code(random.choice(codes))

    def deliver_code(self, code: str) -> None:
        """Scan this code."""
        barcode = decode(code)
        if barcode is not None:
            self.post(scanned(barcode, self.address))

    def stop(self) -> None:
        """Nothing to close."""


Scanner = SerialScanner | HidScanner | SimScanner


def open_scanner(address: str, post: Post, codes: Callable[[], list[str]], *, baudrate: int = 9600,
                 terminator: str = "CR", prefix: str = "", suffix: str = "") -> Scanner:
    """The scanner for an address (one place decides, by scheme): sim:, hid:PATH, or a pySerial URL (the
    line settings are a serial scanner's; `codes` are what the demo's pretend scanner picks from)."""
    if address.startswith("sim:"):
        return SimScanner(address, post, codes)
    if address.startswith("hid:"):
        return HidScanner(address, post)
    return SerialScanner(address, post, baudrate=baudrate, terminator=terminator, prefix=prefix, suffix=suffix)
