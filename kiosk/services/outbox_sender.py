"""A thread that drains one kind of outbox item (emails, orders) towards where it goes.

Items go out oldest first, and never overtake an older one: a delivery that fails for now stops the
round, and the next round starts with that item once its back-off is over, so items arrive in the
order they were confirmed. One refused for good is held for staff and the round goes on.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.core.hours.clock import Clock, SystemClock
from kiosk.core.messages import DeviceStatusChanged, Message
from kiosk.core.orders.outbox import Outbox, OutboxItem

IDLE_LOOK_S = 60.0


class OutboxSender(abc.ABC):
    """Sends the outbox's items of `kinds` in its own thread."""

    kinds: tuple[str, ...] = ()
    device = ""  # the name staff see in the device list

    def __init__(self, outbox_path: Path, post: Callable[[Message], None], retry: tuple[float, float],
                 clock: Clock | None = None) -> None:
        self.outbox_path = outbox_path
        self.clock: Clock = clock or SystemClock()
        self.post = post
        self.retry = retry
        self.connected: bool | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=self.device, daemon=True)

    def start(self) -> None:
        """Start sending."""
        self._thread.start()

    def wake(self) -> None:
        """Something was added to the outbox: look now."""
        self._wake.set()

    def stop(self) -> None:
        """Stop sending."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def status(self, connected: bool, detail: str = "") -> None:
        """Tell staff when the destination becomes reachable or unreachable."""
        if connected != self.connected:
            self.connected = connected
            self.post(DeviceStatusChanged(self.device, connected, detail))

    def now(self) -> float:
        """The injected clock's time, as the outbox keeps it (seconds since the epoch)."""
        return self.clock.now().timestamp()

    @abc.abstractmethod
    def deliver(self, outbox: Outbox, item: OutboxItem) -> bool:
        """Deliver one item and record the outcome in `outbox`; False stops this round (try again later)."""

    def _run(self) -> None:
        outbox = Outbox(self.outbox_path, *self.retry)
        outbox.retry_now(self.kinds)  # a restart often follows a repaired network: try what waits at once
        try:
            while not self._stop.is_set():
                for item in outbox.due_in_order(self.now(), self.kinds):
                    if self._stop.is_set() or not self.deliver(outbox, item):
                        break
                next_due = outbox.next_due(self.kinds)
                wait = IDLE_LOOK_S if next_due is None else max(0.05, min(IDLE_LOOK_S, next_due - self.now()))
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            outbox.close()
