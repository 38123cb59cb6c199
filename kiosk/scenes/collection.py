"""A curated collection ("a first marathon"): its products, each with its aisle, and all on the map.

What is out of stock is marked "to order" (never given an aisle as if it were on the shelf) and left off
the map; a closed shop window gives no aisle and no map at all.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import Product, pick
from kiosk.core.pack.map_and_collections import Collection
from kiosk.scenes.base import ShopScene
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.context import SceneContext
from kiosk.scenes.customer_media import testimonials_section
from kiosk.scenes.member_words import price_box
from kiosk.scenes.store_status import in_store_shown
from kiosk.ui.layout import Box, Insets, column, fit, flex, row, scroll
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root


class CollectionScene(ShopScene):
    """The collection's text, its products as rows, and "see them on the map"."""

    name = "collection"

    def __init__(self, ctx: SceneContext, collection: Collection) -> None:
        super().__init__(ctx)
        self.collection = collection
        self._scrolled = 0.0  # where the list was when the scene was built again (a compare tick tapped)

    def details(self) -> dict[str, Any]:
        """Which collection and its products."""
        return {"collection": self.collection.id, "products": list(self.collection.skus)}

    def build(self, size: tuple[int, int]) -> Root:
        """Header, text, the products with their aisle, and the map button at the bottom."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        title = pick(self.collection.title, ctx.lang)
        products = ctx.shop.catalog.products(list(self.collection.skus))
        inside = in_store_shown(ctx)
        on_shelf = [product for product in products if product.stock > 0 and product.aisle]
        # one bar: "Compare (n)" once a product is ticked, and the map; side by side, so that the list keeps its room
        count = len(ctx.session.compare)
        actions = [kit.button(t("Compare ({count})", count=count), self.open_compare, style="secondary",
                              enabled=count >= 2, why=self.compare_why(), reason=self.compare_reason(),
                              width=fit())] if count else []
        if inside and on_shelf and ctx.shop.catalog.store_map():
            actions.append(kit.button(t("See them on the map"), partial(self._map, on_shelf), style="accent",
                                      width=flex()))
        bottom = [column(row(*actions, gap=gap, fold=True, align="start"), padding=Insets.all(margin))] \
            if actions else []  # each button its own height: a reason under "Compare (1)" stretches no other
        rows: list[Box] = [kit.words(pick(self.collection.text, ctx.lang))]
        said = testimonials_section(self, ctx.shop.catalog.testimonials(collection=self.collection.id),
                                    size[0] - 2 * margin)
        for product in products:
            card = kit.panel(on_tap=partial(self._open, product.sku), label=product.title(ctx.lang),
                             role="button")
            rows.append(row(kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 2),
                            column(kit.words(product.title(ctx.lang), bold=True, max_lines=2),
                                   price_box(ctx, product.sku, product.category, product.price_cents,
                                             size="text"), gap=gap // 2),
                            column(self._where(product, inside), compare_tick(ctx, product, self.rebuild),
                                   gap=gap // 2, align="end", width=fit()),
                            gap=gap, align="center", padding=Insets.all(gap // 2), widget=card))
        rows += said
        page = scroll(column(*rows, gap=gap, padding=Insets.all(margin)), title)
        assert isinstance(page.widget, ScrollView)
        self._list = page.widget
        root = self.screen(size, title, page, bottom=bottom)
        page.widget.scroll = min(self._scrolled, page.widget.max_scroll)
        return root

    def rebuild(self) -> None:
        """Build again, the list kept where it was scrolled to."""
        if self.root is not None:
            self._scrolled = self._list.scroll
        super().rebuild()

    def _where(self, product: Product, inside: bool) -> Box:
        """At the row's end: "To order" for what is out of stock, else its aisle (inside the store only)."""
        t, kit = self.ctx.t, self.kit
        if product.stock <= 0:
            return kit.words(t("To order"), bold=True, color="accent", align="right", width=fit(), max_lines=1,
                             valign="center")
        said = t("Aisle {aisle}", aisle=product.aisle) if product.aisle and inside else ""
        return kit.words(said, bold=True, align="right", width=fit(), max_lines=1, valign="center")

    def _open(self, sku: str) -> None:
        self.ctx.show(self.ctx.routes.product(sku))

    def _map(self, products: list[Any]) -> None:
        aisles = list(dict.fromkeys(p.aisle for p in products if p.aisle))
        self.ctx.show(self.ctx.routes.store_map(aisles, pick(self.collection.title, self.ctx.lang)))
