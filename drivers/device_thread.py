"""What every device thread shares: a named daemon thread, stopping, and status changes posted once."""

from __future__ import annotations

import abc
import logging
import threading
from collections.abc import Callable

from kiosk.core.messages import DeviceStatusChanged, Message

log = logging.getLogger(__name__)


class DeviceThread(abc.ABC):
    """A device read in its own thread; subclasses implement `run()` and call `status()`."""

    kind = "device"  # how staff see it: "scanner", "card reader"

    def __init__(self, address: str, post: Callable[[Message], None]) -> None:
        self.address = address
        self.post = post
        self.connected: bool | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self.run, name=f"{self.kind} {address}", daemon=True)

    @property
    def name(self) -> str:
        """The device as staff see it."""
        return f"{self.kind} {self.address}"

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to finish and wait a little for it."""
        self._stop.set()
        self._thread.join(timeout=3)

    @property
    def stopping(self) -> bool:
        """Whether the thread was asked to finish."""
        return self._stop.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep, waking early if asked to stop."""
        self._stop.wait(seconds)

    def status(self, connected: bool, detail: str = "") -> None:
        """Report a change of connection (not repeated while it stays the same)."""
        if connected != self.connected:
            self.connected = connected
            (log.info if connected else log.warning)("%s %s %s", self.name,
                                                    "connected" if connected else "disconnected", detail)
            self.post(DeviceStatusChanged(self.name, connected, detail))

    @abc.abstractmethod
    def run(self) -> None:
        """The thread's work."""
