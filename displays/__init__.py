"""Display roles: each a mode with its own scenes, touch tolerance, timeouts and parts."""

from displays.shop_display import Role, ShopDisplay
from displays.terminal import TERMINAL
from displays.window import WINDOW

DISPLAY_ROLES: dict[str, Role] = {"terminal": TERMINAL, "window": WINDOW}
__all__ = ["DISPLAY_ROLES", "Role", "ShopDisplay"]
