"""A loyalty member's welcome: their first name, points and tier, and offers for them."""

from __future__ import annotations

from typing import Any

from kiosk.core.i18n import N_
from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene
from kiosk.ui.widgets import Button, Label, Panel, Root

TIER_NAMES = {"bronze": N_("Bronze"), "silver": N_("Silver"), "gold": N_("Gold")}


class WelcomeScene(ShopScene):
    """Shown when a loyalty card or code identifies the shopper."""

    name = "welcome"

    def details(self) -> dict[str, Any]:
        """Which offers are shown (ids only: no personal data)."""
        member = self.ctx.session.member
        offers = self.ctx.shop.catalog.offers_for(member) if member else []
        return {"offers": [o.id for o in offers]}

    def build(self, size: tuple[int, int]) -> Root:
        """Greeting, points card, offers, and the way out."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        member = ctx.session.member
        top = self.header(root, t("Welcome"), back=False)
        if member is None:
            return root
        y = top + theme.px(50)
        root.add(Label((margin, y, width - 2 * margin, theme.px(100)), t("Hello {name}!", name=member.first_name),
                       size="headline", bold=True, heading=True))
        y += theme.px(120)
        card = root.add(Panel((margin, y, width - 2 * margin, theme.px(200)), "primary"))
        card.add(Label((margin + theme.px(40), y + theme.px(30), width // 2, theme.px(60)),
                       t("{tier} member", tier=t(TIER_NAMES[member.tier])), size="title", bold=True,
                       color="on_primary"))
        card.add(Label((margin + theme.px(40), y + theme.px(100), width - 2 * margin - theme.px(80), theme.px(60)),
                       t.plural("{points} point", "{points} points", member.points,
                                points=ctx.fmt.number(member.points)), size="title",
                       color="on_primary"))
        y += theme.px(240)
        root.add(Label((margin, y, width - 2 * margin, theme.px(60)), t("Your offers today"), size="title",
                       bold=True, heading=True))
        y += theme.px(76)
        for offer in ctx.shop.catalog.offers_for(member):
            box = root.add(Panel((margin, y, width - 2 * margin, theme.px(180)), "highlight"))
            box.add(Label((margin + theme.px(30), y + theme.px(20), width - 2 * margin - theme.px(60), theme.px(56)),
                          pick(offer.title, ctx.lang), size="title", bold=True, color="accent"))
            box.add(Label((margin + theme.px(30), y + theme.px(84), width - 2 * margin - theme.px(60), theme.px(80)),
                          pick(offer.text, ctx.lang), wrap=True, max_lines=2, valign="top"))
            y += theme.px(180) + gap
        button_h = theme.px(120)
        button_w = (width - 2 * margin - gap) // 2
        by = height - margin - button_h
        root.add(Button((margin, by, button_w, button_h), t("Not me? Sign out"), self.sign_out, style="secondary",
                        size="text"))
        root.add(Button((margin + button_w + gap, by, button_w, button_h), t("Start shopping"), self.go_shopping,
                        style="accent"))
        return root

    def go_shopping(self) -> None:
        """On to the home scene, identified."""
        self.ctx.screen.stack.replace(self.ctx.routes.home())

    def sign_out(self) -> None:
        """Forget the member (and everything else of the session)."""
        self.ctx.on_end_session()
