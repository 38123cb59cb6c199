"""The shop window's scenes: attract with the store's open/closed state, and a shop of big cards.

Open, the window says "come in" and shows what is in stock; closed, it says when the store opens
and takes orders to collect then (or to deliver).
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

import pygame

from kiosk.scenes.attract import AttractScene
from kiosk.scenes.base import ShopScene, product_card
from kiosk.scenes.context import SceneContext
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Label, Panel, Root, Widget

FEATURED = 24  # products on the window's shop page
NO_CLOSING_TIME = timedelta(hours=23, minutes=59)  # open longer than this without a break: no time to give


def store_status(ctx: SceneContext) -> tuple[bool, str]:
    """Whether the store is open now, and the sentence that says so."""
    now = ctx.clock.now()
    hours, t = ctx.shop.hours, ctx.t
    closes = hours.closes_at(now)
    if closes is not None:
        if closes - now > NO_CLOSING_TIME:
            return True, t("Open")
        return True, t("Open until {time}", time=ctx.fmt.time(closes.astimezone(hours.zone)))
    opens = hours.next_opening(now)
    return False, t("Closed · we open {when}", when=ctx.when(opens)) if opens else t("Closed")


class WindowAttractScene(AttractScene):
    """The playlist scheduled for the window, under a band that says open or closed and what to do."""

    name = "attract"

    def status_key(self) -> str:
        """The band changes when the store opens or closes."""
        return store_status(self.ctx)[1]

    def details(self) -> dict[str, Any]:
        """The slide, and the store's state as the band says it."""
        is_open, status = store_status(self.ctx)
        return {**super().details(), "open": is_open, "status": status}

    def call_to_action(self, size: tuple[int, int], ink: str) -> list[Widget]:
        """A wide band at the bottom: open/closed in big letters, and what a touch does."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        is_open, status = store_status(ctx)
        invite = t("Come in! Touch to see what is in stock.") if is_open else \
            t("Order now, collect when we open: touch the window.")
        band_h = theme.px(300)
        band = Panel((0, height - band_h, width, band_h), "accent" if not is_open else "primary", radius=False)
        ink_name = "on_accent" if not is_open else "on_primary"
        margin = theme.size("margin") * 2
        band.add(Label((margin, height - band_h + theme.px(30), width - 2 * margin, theme.px(110)), status,
                       size="headline", bold=True, color=ink_name, align="center"))
        band.add(Label((margin, height - band_h + theme.px(160), width - 2 * margin, theme.px(90)), invite,
                       size="title", color=ink_name, align="center"))
        return [band]


class WindowHomeScene(ShopScene):
    """Big product cards: in stock when the store is open, all of them to order when it is closed."""

    name = "home"

    def details(self) -> dict[str, Any]:
        """The store's state and how many products are shown."""
        is_open, status = store_status(self.ctx)
        return {"open": is_open, "status": status, "products": len(self._products(is_open))}

    def _products(self, is_open: bool) -> list[Any]:
        catalog = self.ctx.shop.catalog
        featured = [s.sku for s in catalog.playlist() if s.kind == "product"]
        products = catalog.products(featured) + catalog.browse(None, "popular", limit=FEATURED * 2)
        seen: set[str] = set()
        chosen = []
        for product in products:
            if product.sku in seen or (is_open and product.stock == 0):
                continue
            seen.add(product.sku)
            chosen.append(product)
        return chosen[:FEATURED]

    def build(self, size: tuple[int, int]) -> Root:
        """Header, the state of the store, and the grid."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        y = self.header(root, ctx.shop.config.store.name, back=False)
        is_open, status = store_status(ctx)
        band_h = theme.px(140)
        band = root.add(Panel((0, y, width, band_h), "highlight", radius=False))
        band.add(Label((margin, y, width // 2, band_h), status, size="title", bold=True,
                       color="primary" if is_open else "accent"))
        band.add(Label((width // 2, y, width // 2 - margin, band_h),
                       t("In stock now: come in") if is_open else t("Order here, collect when we open"),
                       align="right", color="muted", wrap=True, max_lines=2))
        y += band_h
        products = self._products(is_open)
        columns = max(2, (width - 2 * margin + gap) // (theme.px(420) + gap))
        card_w = (width - 2 * margin - (columns - 1) * gap) // columns
        card_h = card_w + theme.px(250)
        view = root.add(ScrollView((0, y, width, height - y), 0, label=t("Our products")))

        def row(index: int) -> list[Widget]:
            cards: list[Widget] = []
            for col in range(columns):
                item = index * columns + col
                if item >= len(products):
                    break
                rect = pygame.Rect(margin + col * (card_w + gap), margin + index * (card_h + gap), card_w, card_h)
                cards.append(product_card(ctx, rect, products[item], partial(self.open_product, products[item].sku)))
            return cards

        view.set_rows(-(-len(products) // columns), card_h + gap, row, top=margin)
        view.content_height += margin
        return root

    def open_product(self, sku: str) -> None:
        """A product's page."""
        from kiosk.scenes.product import ProductScene

        self.ctx.show(ProductScene(self.ctx, sku))
