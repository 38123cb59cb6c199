"""The shop window: through-glass touch, attract by day, take orders by night.

Its own scenes, bigger touch tolerance (a finger on glass jitters and presses longer) and a shorter
session: passers-by leave without saying so. It has no scanner or card reader of its own, so it has
no part that reads codes.
"""

from __future__ import annotations

from displays.shop_display import Role
from kiosk.scenes.window import WindowAttractScene, WindowHomeScene

WINDOW = Role(
    name="window",
    accepts=frozenset(),  # scanners and card readers stand at terminals
    slop_px=48,
    long_press_s=2.5,
    attract=WindowAttractScene,  # the window's playlist under the open/closed band
    home=WindowHomeScene,  # the window's shop of big cards
    idle_timeout_s=60.0,  # passers-by move on quickly: a minute unless the display sets its own
)
