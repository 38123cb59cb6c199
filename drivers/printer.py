"""The receipt printer's driver (ESC/POS through python-escpos): one slip printed, or why not.

Its address says how it is reached: `tcp:HOST:PORT`, `usb:VENDOR:PRODUCT` (hex) or `serial:DEVICE`.
The printer is opened for each slip and closed after it, so one that was switched off or unplugged
in between is simply found again.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from escpos.escpos import Escpos

EXTRA = "store-kiosk[printer]"  # what pip installs for a receipt printer: python-escpos and what it needs


def driver_installed() -> bool:
    """Whether python-escpos is installed (pip's `printer` extra); without it nothing can print."""
    return importlib.util.find_spec("escpos") is not None


class PrinterOffline(Exception):
    """The printer could not be reached, or failed during the slip; the text says what happened."""


class OutOfPaper(Exception):
    """The paper sensor says the roll is empty: nothing was printed."""


class ReceiptPrinter:
    """An ESC/POS receipt printer at one address."""

    def __init__(self, address: str, timeout: float) -> None:
        self.address = address
        self.timeout = timeout

    def print_slip(self, lines: Sequence[str], qr: str) -> None:
        """Print the lines, then `qr` as a QR code drawn by the printer, and cut; the paper is checked
        first. Raises OutOfPaper, or PrinterOffline for anything else that went wrong."""
        try:
            device = self._device()
            device.open()
        except Exception as error:  # not found, refused, unplugged: all mean "offline" to the shopper
            raise PrinterOffline(str(error)) from error
        try:
            if device.paper_status() == 0:
                raise OutOfPaper()
            for line in lines:
                device.text(line + "\n")
            device.set(align="center")
            device.qr(qr, native=True, size=6)  # the printer draws it (sharper and smaller to send)
            device.set(align="left")
            device.cut()
        except OutOfPaper:
            raise
        except Exception as error:
            raise PrinterOffline(str(error)) from error
        finally:
            device.close()

    def _device(self) -> Escpos:
        """A python-escpos printer for the address (not yet opened)."""
        from escpos import printer

        scheme, _, rest = self.address.partition(":")
        if scheme == "tcp":
            host, _, port = rest.rpartition(":")
            return printer.Network(host, int(port or 9100), timeout=self.timeout)
        if scheme == "usb":
            vendor, _, product = rest.partition(":")
            return printer.Usb(int(vendor, 16), int(product, 16), timeout=int(self.timeout * 1000))
        if scheme == "serial":
            return printer.Serial(rest, timeout=self.timeout)
        raise ValueError(f"unknown printer address {self.address!r} (tcp:HOST:PORT, usb:VID:PID or serial:DEVICE)")
