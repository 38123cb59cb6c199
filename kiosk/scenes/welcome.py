"""A loyalty member's welcome: their first name, points and tier, and offers for them."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import Offer
from kiosk.scenes.base import ShopScene
from kiosk.scenes.member_words import TIER_NAMES, offer_card, saved_list_card
from kiosk.ui.layout import Box, Insets, column, fit, leaf, row, scroll, text
from kiosk.ui.widgets import Button, Label, Panel, Root


class WelcomeScene(ShopScene):
    """Shown when a loyalty card or code identifies the shopper."""

    name = "welcome"

    def details(self) -> dict[str, Any]:
        """Which offers are shown (ids only: no personal data)."""
        member = self.ctx.session.member
        offers = self.ctx.shop.catalog.offers_for(member, self.ctx.local_now().date()) if member else []
        return {"offers": [o.id for o in offers], "saved_lists": [saved.id for saved in self.ctx.session.saved_lists]}

    def build(self, size: tuple[int, int]) -> Root:
        """Greeting, points card, offers (scrolled when they do not all fit), and the way out below them."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        margin, gap, cache = theme.size("margin"), theme.size("gap"), ctx.screen.text
        member = ctx.session.member
        if member is None:
            return self.screen(size, t("Welcome"), column(), back=False)

        def words(said: str, **style: Any) -> Box:
            return text(Label((0, 0, 0, 0), said, wrap=True, valign="top", **style), cache, theme, sizes=("text",),
                        max_lines=3)

        target = theme.size("touch_target")
        buttons = row(leaf(Button((0, 0, 0, 0), t("Not me? Sign out"), self.sign_out, style="secondary", size="text"),
                           height=fit(min=target)),
                      leaf(Button((0, 0, 0, 0), t("Start shopping"), self.go_shopping, style="accent"),
                           height=fit(min=target)), gap=gap, padding=Insets.all(margin))
        card = Panel((0, 0, 0, 0), "primary")
        parts = [words(t("Hello {name}!", name=member.first_name), size="headline", bold=True, heading=True),
                 column(words(t("{tier} member", tier=t(TIER_NAMES[member.tier])), size="title", bold=True,
                              color="on_primary"),
                        words(t.plural("{points} point", "{points} points", member.points,
                                       points=ctx.fmt.number(member.points)), size="title", color="on_primary"),
                        gap=gap // 2, padding=Insets.all(margin), widget=card),
                 words(t("Your offers today"), size="title", bold=True, heading=True)]
        for offer in ctx.shop.catalog.offers_for(member, ctx.local_now().date()):
            parts.append(offer_card(ctx, offer, partial(self.open_offer, offer)))
        if ctx.session.saved_lists:  # the backend gave them back, a moment after the card
            parts.append(words(t("Saved in your account"), size="title", bold=True, heading=True))
            parts += [saved_list_card(ctx, saved) for saved in ctx.session.saved_lists]
        page = scroll(column(*parts, gap=gap, padding=Insets.all(margin)), t("Your offers today"))
        return self.screen(size, t("Welcome"), page, bottom=[buttons], back=False)

    def open_offer(self, offer: Offer) -> None:
        """The products an offer covers (back comes here)."""
        self.ctx.show(self.ctx.routes.offer(offer))

    def go_shopping(self) -> None:
        """On to the home scene, identified."""
        self.ctx.screen.stack.replace(self.ctx.routes.home())

    def sign_out(self) -> None:
        """Forget the member (and everything else of the session)."""
        self.ctx.on_end_session()
