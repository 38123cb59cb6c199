"""A loyalty member's welcome: their first name, points and tier, and offers for them."""

from __future__ import annotations

from typing import Any

from kiosk.core.language.i18n import N_
from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene
from kiosk.ui.layout import Box, Insets, column, fit, layout, leaf, row, text
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Root, Widget

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
        """Greeting, points card, offers (scrolled when they do not all fit), and the way out below them."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap, cache = theme.size("margin"), theme.size("gap"), ctx.screen.text
        root = Root((0, 0, width, height))
        member = ctx.session.member
        top = self.header(root, t("Welcome"), back=False)
        if member is None:
            return root

        def words(parent: Widget, said: str, **style: Any) -> Box:
            return text(parent.add(Label((0, 0, 0, 0), said, wrap=True, valign="top", **style)), cache, theme,
                        sizes=("text",), max_lines=3)

        target = theme.size("touch_target")
        buttons = row(leaf(root.add(Button((0, 0, 0, 0), t("Not me? Sign out"), self.sign_out, style="secondary",
                                           size="text")), height=fit(min=target)),
                      leaf(root.add(Button((0, 0, 0, 0), t("Start shopping"), self.go_shopping, style="accent")),
                           height=fit(min=target)), gap=gap)
        buttons_h = buttons.natural(width - 2 * margin)[1]
        page = root.add(ScrollView((0, top, width, height - top - buttons_h - 2 * margin), 0,
                                   label=t("Your offers today")))
        card = page.add(Panel((0, 0, 0, 0), "primary"))
        parts = [words(page, t("Hello {name}!", name=member.first_name), size="headline", bold=True, heading=True),
                 column(words(card, t("{tier} member", tier=t(TIER_NAMES[member.tier])), size="title", bold=True,
                              color="on_primary"),
                        words(card, t.plural("{points} point", "{points} points", member.points,
                                             points=ctx.fmt.number(member.points)), size="title", color="on_primary"),
                        gap=gap // 2, padding=Insets.all(margin), widget=card),
                 words(page, t("Your offers today"), size="title", bold=True, heading=True)]
        for offer in ctx.shop.catalog.offers_for(member):
            box = page.add(Panel((0, 0, 0, 0), "highlight"))
            parts.append(column(words(box, pick(offer.title, ctx.lang), size="title", bold=True, color="accent"),
                                words(box, pick(offer.text, ctx.lang)), gap=gap // 2, padding=Insets.all(margin),
                                widget=box))
        content = column(*parts, gap=gap, padding=Insets.all(margin))
        page.content_height = content.natural(width)[1]
        layout(content, (0, 0, width, page.content_height))
        layout(buttons, (margin, height - margin - buttons_h, width - 2 * margin, buttons_h))
        return root

    def go_shopping(self) -> None:
        """On to the home scene, identified."""
        self.ctx.screen.stack.replace(self.ctx.routes.home())

    def sign_out(self) -> None:
        """Forget the member (and everything else of the session)."""
        self.ctx.on_end_session()
