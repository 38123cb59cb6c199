"""The devices of a config, chosen in one place by their address (DESIGN §4): scanners and card readers.

The receipt printer is a driver of its own (drivers/printer.py), used by the printer service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from drivers.nfc.reader import NfcReader
from drivers.nfc.sim import SimCardReader
from drivers.scanners import Post, Scanner, open_scanner

CardReader = NfcReader | SimCardReader


class ScannerLine(Protocol):
    """A scanner as the config names it: its address and, for a serial one, its line settings."""

    @property
    def address(self) -> str: ...
    @property
    def baudrate(self) -> int: ...
    @property
    def terminator(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...


def open_card_reader(address: str, post: Post, secret: bytes) -> CardReader:
    """The card reader for an address: sim: (the demo's), else an nfcpy path; UIDs are hashed with `secret`."""
    return SimCardReader(address, post) if address.startswith("sim:") else NfcReader(address, post, secret)


def open_devices(scanners: Iterable[ScannerLine], card_reader: str, secret: bytes, post: Post,
                 codes: Callable[[], list[str]]) -> list[Scanner | CardReader]:
    """The scanners and the card reader (none when `card_reader` is empty), not started."""
    devices: list[Scanner | CardReader] = [
        open_scanner(line.address, post, codes, baudrate=line.baudrate, terminator=line.terminator,
                     prefix=line.prefix, suffix=line.suffix)
        for line in scanners]
    if card_reader:
        devices.append(open_card_reader(card_reader, post, secret))
    return devices
