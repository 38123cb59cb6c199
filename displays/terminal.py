"""The walk-up terminal: attract loop, then a shopper's session until they finish or walk away; its
scanners and card readers open products and greet members."""

from __future__ import annotations

from displays.code_reader import CodeReader
from displays.shop_display import Role, ShopDisplay
from kiosk.scenes.attract import AttractScene
from kiosk.scenes.home import HomeScene


def code_reader(display: ShopDisplay) -> CodeReader:
    """The terminal's scans and cards."""
    return CodeReader(display.ctx, display.rules, display.staff, display.activity, display.home_scene)


TERMINAL = Role(
    name="terminal",
    accepts=frozenset({"scan", "card"}),
    slop_px=28,
    long_press_s=1.2,
    attract=AttractScene,
    home=HomeScene,
    parts=(code_reader,),
)
