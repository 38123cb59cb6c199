"""A member's offers: every one on today as a card (the header's member badge opens it), and one
offer's products with the member's price beside the normal one."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import Offer, pick
from kiosk.core.shopper.member_offers import offers_on
from kiosk.scenes.base import ShopScene, product_grid
from kiosk.scenes.context import SceneContext
from kiosk.scenes.member_words import TIER_NAMES, offer_card, saved_list_card, validity_text
from kiosk.ui.layout import Box, Insets, column, flex, scroll
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root


class OffersScene(ShopScene):
    """The member's offers on today, each leading to its products."""

    name = "offers"

    def offers(self) -> list[Offer]:
        """The offers of the member's tier that run today (none without a member)."""
        member = self.ctx.session.member
        if member is None:
            return []
        return offers_on(self.ctx.shop.catalog.offers(), member.tier, self.ctx.local_now().date())

    def details(self) -> dict[str, Any]:
        """Which offers show (ids only: no personal data)."""
        return {"offers": [offer.id for offer in self.offers()]}

    def build(self, size: tuple[int, int]) -> Root:
        """The member's tier and points, then the offers as cards."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        member = ctx.session.member
        parts: list[Box] = []
        if member is not None:
            parts.append(kit.words(t("{tier} member", tier=t(TIER_NAMES[member.tier])) + " · " +
                                   t.plural("{points} point", "{points} points", member.points,
                                            points=ctx.fmt.number(member.points)), size="title", bold=True,
                                   max_lines=2))
        offers = self.offers()
        parts += [offer_card(ctx, offer, partial(self.open_offer, offer)) for offer in offers]
        if not offers:
            parts.append(kit.words(t("No offer today: come back soon."), color="muted", max_lines=2))
        if ctx.session.saved_lists:
            parts.append(self.section(t("Saved in your account")))
            parts += [saved_list_card(ctx, saved) for saved in ctx.session.saved_lists]
        title = t("Your member offers")
        return self.screen(size, title, scroll(column(*parts, gap=gap, padding=Insets.all(margin)), title))

    def open_offer(self, offer: Offer) -> None:
        """The products the offer covers."""
        self.ctx.show(self.ctx.routes.offer(offer))


class OfferScene(ShopScene):
    """One offer: its words, when it ends, and the products it covers, with the member's prices."""

    name = "offer"

    def __init__(self, ctx: SceneContext, offer: Offer) -> None:
        super().__init__(ctx)
        self.offer = offer
        self.products = ctx.shop.catalog.offer_products(offer)

    def details(self) -> dict[str, Any]:
        """The offer and its products."""
        return {"offer": self.offer.id, "products": [p.sku for p in self.products]}

    def build(self, size: tuple[int, int]) -> Root:
        """Words and end above, the products as cards below (they scroll)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        title = pick(self.offer.title, ctx.lang)
        ends = validity_text(ctx, self.offer)
        about = [kit.words(pick(self.offer.text, ctx.lang), max_lines=3)]
        if ends:
            about.append(kit.words(ends, bold=True, color="accent", max_lines=1))
        grid = scroll(None, title, rows=self._fill, height=flex())
        body = column(column(*about, gap=gap // 2, padding=Insets(margin, margin, 0, margin)), grid, gap=gap)
        return self.screen(size, title, body, bottom=self.compare_bar())

    def _fill(self, view: ScrollView) -> None:
        """The cards in the grid's view, once it has its size."""
        view.remove_children()
        product_grid(self.ctx, view, self.products, self.open_product)

    def open_product(self, sku: str) -> None:
        """A product's page."""
        self.ctx.show(self.ctx.routes.product(sku))
