"""Call an adviser: the staff call goes to the store's staff topic, and the shopper is told someone comes."""

from __future__ import annotations

from typing import Any

from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Insets, column, flex
from kiosk.ui.widgets import Root

ADVISER_HOLD_S = 600.0  # the session waits this long for the adviser, then "Are you still there?" as always


def call_adviser(ctx: SceneContext, reason: str) -> None:
    """Send the staff call (display, location, time; nothing about the shopper) and show that someone is
    coming, on a screen that holds the session until they come or the shopper cancels."""
    if ctx.actions.call_adviser(reason):
        ctx.show(AdviserComingScene(ctx, ctx.clock.monotonic()))
    else:
        ctx.toast(ctx.t("Please ask an adviser at the information desk."))


class AdviserComingScene(ShopScene):
    """"An adviser is on the way": the session waits (no "Are you still there?" meanwhile) until the
    shopper goes on, cancels the call, or ADVISER_HOLD_S passes."""

    name = "adviser_coming"

    def __init__(self, ctx: SceneContext, called_at: float) -> None:
        super().__init__(ctx)
        self.called_at = called_at

    def details(self) -> dict[str, Any]:
        """Whether it still holds the session."""
        return {"holds_session": self.holds_session(self.ctx.clock.monotonic())}

    def holds_session(self, now: float) -> bool:
        """Whether the session waits for the adviser at `now`."""
        return now - self.called_at < ADVISER_HOLD_S

    def build(self, size: tuple[int, int]) -> Root:
        """What happens, where to wait, and the two ways on."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        card = kit.panel("highlight")
        words = [kit.words(t("An adviser is on the way"), size="headline", sizes=("title",), bold=True,
                           align="center", heading=True, max_lines=3),
                 kit.words(t("Stay near the screen: they know where to find you."), align="center", max_lines=4),
                 kit.words(t("Your session stays open while you wait."), color="muted", align="center",
                           max_lines=3)]
        body = column(column(*words, gap=gap, padding=Insets.all(2 * margin), widget=card),
                      justify="center", padding=Insets.all(margin), height=flex())
        buttons = column(kit.button(t("Keep browsing while I wait"), ctx.back, style="accent"),
                         kit.button(t("Cancel the call"), self.cancel, style="secondary"),
                         gap=gap, padding=Insets.all(margin))
        return self.screen(size, t("Call an adviser"), body, bottom=[buttons], back=False)

    def cancel(self) -> None:
        """The shopper no longer needs anyone: staff are told, the screen closes."""
        self.ctx.actions.cancel_adviser()
        self.ctx.back()
        self.ctx.toast(self.ctx.t("The call is cancelled."))


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
