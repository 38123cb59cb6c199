"""The devices of a config, chosen in one place by their address (DESIGN §4): scanners, card readers,
and the receipt printer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drivers.nfc.identity import card_secret
from drivers.nfc.reader import NfcReader
from drivers.nfc.sim import SimCardReader
from drivers.scanners import open_scanner
from kiosk.core.messages import Message


def open_devices(config: Any, post: Callable[[Message], None], codes: Callable[[], list[str]]) -> list[Any]:
    """Scanners and the card reader of `config` (not started)."""
    devices: list[Any] = []
    for scanner in config.devices.scanners:
        options = {"baudrate": scanner.baudrate, "terminator": scanner.terminator, "prefix": scanner.prefix,
                   "suffix": scanner.suffix}
        devices.append(open_scanner(scanner.address, post, options, codes))
    address = config.devices.nfc
    if address:
        devices.append(SimCardReader(address, post) if address.startswith("sim:")
                       else NfcReader(address, post, card_secret(config)))
    return devices


def open_printer(address: str, timeout: float) -> Any:
    """A python-escpos printer for an address (not yet opened)."""
    from escpos import printer

    scheme, _, rest = address.partition(":")
    if scheme == "tcp":
        host, _, port = rest.rpartition(":")
        return printer.Network(host, int(port or 9100), timeout=timeout)
    if scheme == "usb":
        vendor, _, product = rest.partition(":")
        return printer.Usb(int(vendor, 16), int(product, 16), timeout=int(timeout * 1000))
    if scheme == "serial":
        return printer.Serial(rest, timeout=timeout)
    raise ValueError(f"unknown printer address {address!r} (tcp:HOST:PORT, usb:VID:PID or serial:DEVICE)")
