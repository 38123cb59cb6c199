"""What a thread hands the test (MQTT messages, driver messages), taken by what it is, in any order.

A test that waits for one message must not throw away the others that came first: two kiosks say
"online" in whichever order they start, and a driver's second card event is exactly what a test of
"once per presentation" looks for. An `Inbox` keeps every message it has not handed out.
"""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Step = Callable[[], None] | None


class Inbox(Generic[T]):
    """Messages put from any thread; `take` hands out the first one accepted and keeps the rest."""

    def __init__(self) -> None:
        self.arrivals: queue.Queue[T] = queue.Queue()
        self.unclaimed: list[T] = []  # arrived, looked at, not taken yet: in the order they came

    def put(self, item: T) -> None:
        """Called by the producer, from any thread."""
        self.arrivals.put(item)

    def take(self, accept: Callable[[T], bool], timeout: float = 10, step: Step = None,
             what: str = "a matching message") -> T:
        """The first message (kept or new) that `accept` takes; the others stay for later.

        `step` runs the app between looks, when the test drives it on its own thread."""
        return self.take_all({what: accept}, timeout, step)[what]

    def take_all(self, accepts: Mapping[str, Callable[[T], bool]], timeout: float = 10,
                 step: Step = None) -> dict[str, T]:
        """One message for each named predicate, in whatever order they come; the others stay for later."""
        found: dict[str, T] = {}
        deadline = time.monotonic() + timeout
        looked = 0  # unclaimed messages already offered to every predicate
        while True:
            while looked < len(self.unclaimed):
                item = self.unclaimed[looked]
                name = next((name for name, accept in accepts.items() if name not in found and accept(item)), None)
                if name is None:
                    looked += 1
                else:
                    found[name] = self.unclaimed.pop(looked)
            if len(found) == len(accepts):
                return found
            if time.monotonic() > deadline:
                missing = sorted(set(accepts) - set(found))
                raise AssertionError(f"waited {timeout} s for {missing}; came and not taken: {self.unclaimed!r}")
            if step is not None:
                step()
            with contextlib.suppress(queue.Empty):
                self.unclaimed.append(self.arrivals.get(timeout=0.05))

    def rest(self, settle: float = 0.0, step: Step = None) -> list[T]:
        """Everything not taken, after waiting `settle` seconds for stragglers (stepping the app meanwhile)."""
        deadline = time.monotonic() + settle
        while True:
            if step is not None:
                step()
            try:
                self.unclaimed.append(self.arrivals.get(timeout=0.02))
                continue
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return list(self.unclaimed)


M = TypeVar("M")


def next_message(inbox: Inbox[Any], kind: type[M], timeout: float = 3.0) -> M:
    """The first message of this kind (a driver's DeviceStatusChanged, BarcodeScanned...); the others stay."""
    found = inbox.take(lambda message: isinstance(message, kind), timeout, what=kind.__name__)
    assert isinstance(found, kind)
    return found
