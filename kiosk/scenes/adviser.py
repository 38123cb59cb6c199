"""Call an adviser: the staff call goes to the store's staff topic, and the shopper is told someone comes."""

from __future__ import annotations

from typing import Any

from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.widgets import Button, Label, Root


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
        theme, t = self.ctx.theme, self.ctx.t
        root, box, inner = self.dialog(size, theme.px(520), t("We don't know this product"))
        box.add(Label((inner.x, inner.y + theme.px(100), inner.width, theme.px(140)),
                      t("It may be new, or from another shop. An adviser can tell you more."), align="center",
                      wrap=True, color="muted"))
        gap = theme.px(40)
        button_w = (inner.width - gap) // 2
        button_h = theme.size("touch_target") + theme.px(10)
        by = inner.bottom - button_h
        box.add(Button((inner.x, by, button_w, button_h), t("No, thanks"), self.ctx.back, style="secondary"))
        box.add(Button((inner.x + button_w + gap, by, button_w, button_h), t("Call an adviser"), self.call,
                       style="accent", size="text"))
        return root

    def call(self) -> None:
        """Call, then close."""
        self.ctx.back()
        call_adviser(self.ctx, "unknown code")
