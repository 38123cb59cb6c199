"""The shop window: through-glass touch, attract by day, take orders by night.

Its own scenes, bigger touch tolerance (a finger on glass jitters and presses longer) and a shorter
session: passers-by leave without saying so. It has no scanner or card reader of its own, so it has
no part that reads codes.
"""

from __future__ import annotations

from dataclasses import replace

from displays.shop_display import Role
from kiosk.scenes.context import SceneContext
from kiosk.scenes.routes import Routes
from kiosk.scenes.window import WindowAttractScene
from kiosk.scenes.window_home import WindowHomeScene
from kiosk.scenes.window_product import WindowProductScene


def window_routes(ctx: SceneContext, routes: Routes) -> Routes:
    """The window's own product page ("Buy now"; a closed store's words) in place of the terminal's."""
    return replace(routes, product=lambda sku, variant="": WindowProductScene(ctx, sku, variant))


WINDOW = Role(
    name="window",
    accepts=frozenset(),  # scanners and card readers stand at terminals
    slop_px=48,
    long_press_s=2.5,
    attract=WindowAttractScene,  # the window's playlist under the open/closed band
    home=WindowHomeScene,  # the window's shop of big cards
    own_routes=window_routes,
    idle_timeout_s=60.0,  # passers-by move on quickly: a minute unless the display sets its own
)
