"""A pretend card reader for the demo: its key (F3) presents a demo member's loyalty card."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from kiosk.core.messages import CardPresented, CardRemoved, DeviceStatusChanged, Message

DEMO_CARD = ("text:LOYALTY-1234",)


class SimCardReader:
    """Presents (and removes) the demo card when its key is pressed."""

    demo_key = "f3"  # the key of the desk demo that taps the card (wired in kiosk/wiring.py)

    def __init__(self, address: str, post: Callable[[Message], None]) -> None:
        self.address = address
        self.post = post

    def start(self) -> None:
        """Report itself as connected."""
        self.post(DeviceStatusChanged(f"card reader {self.address}", True, "simulated"))

    def demo(self) -> None:
        """Tap the demo card (its demo key was pressed)."""
        self.post(CardPresented(hashlib.sha256(b"demo card").hexdigest(), DEMO_CARD, source=self.address))
        self.post(CardRemoved(source=self.address))

    def stop(self) -> None:
        """Nothing to close."""
