"""The receipt printer (ESC/POS through python-escpos): a thread prints slips and reports how it went.

Its address (`tcp:HOST:PORT`, `usb:VENDOR:PRODUCT`, `serial:/dev/ttyUSB0`) is resolved by the one device
registry, drivers/devices.py. Before each slip the paper sensor is asked;
out of paper or unreachable, the shopper is told and offered the QR code or email instead.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from drivers.devices import open_printer
from kiosk.core.messages import DeviceStatusChanged, Message, PrintFinished
from kiosk.core.shopper.slip import Slip

log = logging.getLogger(__name__)


class PrinterService:
    """Prints slips one at a time in its own thread."""

    available = True

    def __init__(self, address: str, post: Callable[[Message], None], timeout: float = 5.0) -> None:
        self.address = address
        self.post = post
        self.timeout = timeout
        self._jobs: queue.Queue[Slip | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def stop(self) -> None:
        """Finish the slip in progress and stop."""
        self._jobs.put(None)
        self._thread.join(timeout=self.timeout + 1)

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
            device = open_printer(self.address, self.timeout)
            device.open()
        except Exception as error:  # not found, refused, unplugged: all mean "offline" to the shopper
            self.post(DeviceStatusChanged("printer", False, str(error)))
            return False, "offline"
        try:
            if device.paper_status() == 0:
                self.post(DeviceStatusChanged("printer", True, "out of paper"))
                return False, "paper"
            for line in slip.lines:
                device.text(line + "\n")
            device.set(align="center")
            device.qr(slip.qr, native=True, size=6)  # the printer draws it (sharper and smaller to send)
            device.set(align="left")
            device.cut()
        except Exception as error:
            self.post(DeviceStatusChanged("printer", False, str(error)))
            return False, "offline"
        finally:
            device.close()
        self.post(DeviceStatusChanged("printer", True, ""))
        return True, ""
