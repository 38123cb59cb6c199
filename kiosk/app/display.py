"""What the loop, the automation and the wiring know of a display role (displays/ implements it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from kiosk.core.shopper.session import ShopperSession
from kiosk.shared.ports import ScreenSwitch
from kiosk.ui.screen import Screen


class Display(Protocol):
    """One screen and the shopper in front of it."""

    name: str
    role: str
    accepts: frozenset[str]  # the device input it takes: "scan", "card"
    screen: Screen
    session: ShopperSession
    devices: dict[str, tuple[bool, str]]  # device name -> (connected, detail), for staff and telemetry
    on_quit: Callable[[], None]  # how staff close the kiosk from its maintenance menu
    screen_switch: ScreenSwitch  # its screen's power, for the maintenance menu (wiring.py plugs it in)
    parts: tuple[object, ...]  # what takes the messages its scenes leave (kiosk/app/router.py)

    def pointer(self, kind: str, pos: tuple[int, int], now: float) -> None:
        """A finger went down, moved or up."""

    def pinch(self, center: tuple[int, int], factor: float, moved: tuple[int, int]) -> None:
        """Two fingers spread (`factor` > 1) or closed around `center`, which moved by `moved`."""

    def activity(self) -> None:
        """Someone used the display (a key, typed text)."""

    def tick(self, now: float) -> None:
        """Timers: the idle warning, the end of a session."""

    def next_deadline(self, now: float) -> float | None:
        """When the display's next timer is due."""

    def end_session(self) -> None:
        """Forget the shopper and show the attract loop."""

    def apply_settings(self) -> None:
        """Staff changed a setting."""

    def toast(self, text: str) -> None:
        """A short message on the screen."""

    def state(self) -> dict[str, Any]:
        """The scene in front and its details (no personal data)."""
