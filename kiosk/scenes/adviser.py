"""Call an adviser: the staff call goes to the store's staff topic, and the shopper is told someone comes."""

from __future__ import annotations

from typing import Any

from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import flex
from kiosk.ui.widgets import Root


def call_adviser(ctx: SceneContext, reason: str) -> None:
    """Send the staff call (display, location, time; nothing about the shopper) and say so."""
    location = ctx.shop.config.display(ctx.display_name).location if ctx.display_name else ""
    if ctx.shop.call_adviser(ctx.display_name, location, reason):
        ctx.toast(ctx.t("An adviser is on the way: stay near the screen."))
    else:
        ctx.toast(ctx.t("Please ask an adviser at the information desk."))


class UnknownCodeDialog(ShopScene):
    """Said kindly when a valid code is not in the catalogue, with an adviser one tap away."""

    name = "unknown_code"
    modal = True

    def details(self) -> dict[str, Any]:
        """Nothing more than its name."""
        return {}

    def build(self, size: tuple[int, int]) -> Root:
        """The dialog."""
        t, kit = self.ctx.t, self.kit
        return self.dialog(size, t("We don't know this product"),
                           lambda box: [kit.words(t("It may be new, or from another shop. An adviser can tell "
                                                         "you more."), align="center", color="muted")],
                           lambda box: [kit.button(t("No, thanks"), self.ctx.back, style="secondary",
                                                   width=flex()),
                                        kit.button(t("Call an adviser"), self.call, style="accent",
                                                   width=flex())])

    def call(self) -> None:
        """Call, then close."""
        self.ctx.back()
        call_adviser(self.ctx, "unknown code")
