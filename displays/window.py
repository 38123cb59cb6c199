"""The shop window: through-glass touch, attract by day, take orders by night.

Its own scenes, bigger touch tolerance (a finger on glass jitters and presses longer) and a shorter
session: passers-by leave without saying so. It has no scanner or card reader of its own.
"""

from __future__ import annotations

from displays.terminal import TerminalDisplay
from kiosk.scenes.window import WindowAttractScene, WindowHomeScene
from kiosk.ui.scene import Scene

WINDOW_IDLE_TIMEOUT_S = 60.0


class WindowDisplay(TerminalDisplay):
    """One shop-window screen."""

    role = "window"
    accepts: frozenset[str] = frozenset()  # scanners and card readers stand at terminals
    slop_px = 48
    long_press_s = 2.5

    def default_idle_timeout(self) -> float:
        """Passers-by move on quickly: a minute unless the display sets its own."""
        return WINDOW_IDLE_TIMEOUT_S

    def attract_scene(self) -> Scene:
        """The window's playlist under the open/closed band."""
        return WindowAttractScene(self.ctx, self.config.attract_slide_s)

    def home_scene(self) -> Scene:
        """The window's shop of big cards."""
        return WindowHomeScene(self.ctx)
