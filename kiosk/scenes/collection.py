"""A curated collection ("a first marathon"): its products, each with its aisle, and all on the map."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import pick
from kiosk.core.pack_store import Collection
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Widget


class CollectionScene(ShopScene):
    """The collection's text, its products as rows, and "see them on the map"."""

    name = "collection"

    def __init__(self, ctx: SceneContext, collection: Collection) -> None:
        super().__init__(ctx)
        self.collection = collection

    def details(self) -> dict[str, Any]:
        """Which collection and its products."""
        return {"collection": self.collection.id, "products": list(self.collection.skus)}

    def build(self, size: tuple[int, int]) -> Root:
        """Header, text, rows, map button."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        y = self.header(root, pick(self.collection.title, ctx.lang)) + margin
        text = pick(self.collection.text, ctx.lang)
        text_h = ctx.screen.text.wrapped_height(text, theme.size("text"), width - 2 * margin)
        root.add(Label((margin, y, width - 2 * margin, text_h), text, wrap=True, valign="top"))
        y += text_h + margin
        products = ctx.shop.catalog.products(list(self.collection.skus))
        button_h = theme.px(120)
        row_h = theme.px(190)
        view = root.add(ScrollView((0, y, width, height - y - button_h - 2 * margin), 0,
                                   label=pick(self.collection.title, ctx.lang)))
        view.set_rows(len(products), row_h, partial(self._row, products, row_h))
        if ctx.shop.catalog.store_map() is not None:
            root.add(Button((margin, height - button_h - margin, width - 2 * margin, button_h),
                            t("See them on the map"), partial(self._map, products), style="accent"))
        return root

    def _row(self, products: list[Any], row_h: int, index: int) -> list[Widget]:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        product = products[index]
        width = ctx.size[0]
        margin, pad = theme.size("margin"), theme.px(16)
        y = index * row_h
        card = Panel((margin, y, width - 2 * margin, row_h - theme.px(14)), "surface",
                     on_tap=partial(self._open, product.sku), label=product.title(ctx.lang), role="button")
        picture = row_h - theme.px(14) - 2 * pad
        card.add(Picture((margin + pad, y + pad, picture, picture), ctx.shop.image(product.image)))
        x = margin + 2 * pad + picture
        text_w = width - margin - pad - x - theme.px(220)
        card.add(Label((x, y + pad, text_w, theme.px(76)), product.title(ctx.lang), bold=True, wrap=True,
                       max_lines=2, valign="top"))
        card.add(Label((x, y + pad + theme.px(90), text_w, theme.px(50)), ctx.fmt.price(product.price_cents),
                       color="primary", bold=True))
        card.add(Label((width - margin - pad - theme.px(210), y, theme.px(210), row_h - theme.px(14)),
                       t("Aisle {aisle}", aisle=product.aisle) if product.aisle else "", bold=True, align="right"))
        return [card]

    def _open(self, sku: str) -> None:
        self.ctx.show(self.ctx.routes.product(sku))

    def _map(self, products: list[Any]) -> None:
        aisles = list(dict.fromkeys(p.aisle for p in products if p.aisle))
        self.ctx.show(self.ctx.routes.store_map(aisles, pick(self.collection.title, self.ctx.lang)))
