"""The printing service: a thread prints slips on the receipt printer and reports how it went.

The printer itself (its address, ESC/POS, the paper sensor) is its driver, drivers/printer.py. Out of
paper or unreachable, the shopper is told and offered the QR code or email instead.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from drivers.printer import EXTRA, OutOfPaper, PrinterOffline, ReceiptPrinter, driver_installed
from kiosk.core.messages import DeviceStatusChanged, Message, PrintFinished
from kiosk.core.shopper.slip import Slip

log = logging.getLogger(__name__)


class PrinterService:
    """Prints slips one at a time in its own thread."""

    def __init__(self, printer: ReceiptPrinter, post: Callable[[Message], None]) -> None:
        # without its driver (pip's `printer` extra) nothing offers printing, and staff are told at start
        self.available = driver_installed()
        self.printer = printer
        self.post = post
        self._jobs: queue.Queue[Slip | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)

    def start(self) -> None:
        """Start the thread; without the printer's driver, say so to staff instead."""
        if not self.available:
            log.warning("a receipt printer is configured ([printer] address) but its driver is not installed: "
                        "pip install '%s'", EXTRA)
            self.post(DeviceStatusChanged("printer", False, f"driver not installed: pip install '{EXTRA}'"))
            return
        self._thread.start()

    def stop(self) -> None:
        """Finish the slip in progress and stop."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join(timeout=self.printer.timeout + 1)

    def submit(self, slip: Slip) -> None:
        """Queue a slip (thread-safe)."""
        self._jobs.put(slip)

    def _run(self) -> None:
        while True:
            slip = self._jobs.get()
            if slip is None:
                return
            self.post(PrintFinished(slip.job, *self._print(slip)))

    def _print(self, slip: Slip) -> tuple[bool, str]:
        try:
            self.printer.print_slip(slip.lines, slip.qr)
        except OutOfPaper:
            self.post(DeviceStatusChanged("printer", True, "out of paper"))
            return False, "paper"
        except PrinterOffline as error:
            self.post(DeviceStatusChanged("printer", False, str(error)))
            return False, "offline"
        self.post(DeviceStatusChanged("printer", True, ""))
        return True, ""
