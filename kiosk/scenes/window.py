"""The shop window's scenes: attract with the store's open/closed state, and a shop of big cards.

Open, the window says "come in" and shows what is in stock; closed, it says when the store opens
and takes orders to collect then (or to deliver).
"""

from __future__ import annotations

from typing import Any

from kiosk.scenes.attract import AttractScene
from kiosk.scenes.base import ShopScene, product_grid
from kiosk.scenes.store_status import store_status
from kiosk.ui.layout import Box, Insets, column, flex, row, scroll, text
from kiosk.ui.widgets import Label, Panel, Root

FEATURED = 24  # products on the window's shop page


class WindowAttractScene(AttractScene):
    """The playlist scheduled for the window, under a band that says open or closed and what to do."""

    name = "attract"

    def status_key(self) -> str:
        """The band changes when the store opens or closes."""
        return store_status(self.ctx).sentence

    def details(self) -> dict[str, Any]:
        """The slide, and the store's state as the band says it."""
        status = store_status(self.ctx)
        return {**super().details(), "open": status.open, "status": status.sentence}

    def call_to_action(self, size: tuple[int, int], ink: str) -> Box:
        """A wide band at the bottom: open/closed in big letters, and what a touch does. The slide is laid
        out above it, never under it."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        status = store_status(ctx)
        invite = t("Come in! Touch to see what is in stock.") if status.open else \
            t("Order now, collect when we open: touch the window.")
        band = Panel((0, 0, 0, 0), "primary" if status.open else "accent", radius=False)
        on_band = "on_primary" if status.open else "on_accent"
        cache = ctx.screen.text
        # the one instruction to passers-by is never cut: three lines, a size smaller, before that
        lines = [text(Label((0, 0, 0, 0), words, size=size_name, bold=bold, color=on_band, align="center", wrap=True,
                            valign="top"), cache, theme, max_lines=lines, sizes=sizes)
                 for words, size_name, bold, lines, sizes in (
                     (status.headline, "headline", True, 2, ()), (status.detail, "title", True, 2, ()),
                     (invite, "title", False, 3, ("button",))) if words]
        margin = theme.size("margin") * 2
        side = margin + theme.size("touch_target") if width > height else margin  # the button's end of the band
        content = column(*lines, gap=theme.size("gap") // 2, padding=Insets(margin // 2, side, margin // 2, side),
                         widget=band)
        button = row(self.accessibility_button(), padding=Insets(theme.size("margin"), theme.size("margin"), 0,
                                                                  theme.size("margin")))
        if width > height:  # the slide's text runs wide: the button stands on the band's left end, kept free
            return Box("stack", [content, column(button)])
        return column(button, content, gap=theme.size("margin"))


class WindowHomeScene(ShopScene):
    """Big product cards: in stock when the store is open, all of them to order when it is closed."""

    name = "home"

    def details(self) -> dict[str, Any]:
        """The store's state and how many products are shown."""
        status = store_status(self.ctx)
        return {"open": status.open, "status": status.sentence, "products": len(self._products(status.open))}

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
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        status = store_status(ctx)
        band = kit.panel("highlight", radius=False)
        band_box = row(column(kit.words(status.headline, size="title", bold=True, max_lines=1,
                                                 color="primary" if status.open else "accent"),
                                       kit.words(status.detail, bold=True, max_lines=2), gap=gap // 2,
                                       width=flex(3)),
                                kit.words(t("In stock now: come in") if status.open
                                          else t("Order here, collect when we open"), align="right", color="muted",
                                          max_lines=3, valign="center", width=flex(2)),
                       gap=gap, padding=Insets(gap, margin, gap, margin), widget=band)
        products = self._products(status.open)
        grid = scroll(None, t("Our products"), height=flex(),
                      rows=lambda view: product_grid(ctx, view, products, self.open_product))
        return self.screen(size, ctx.shop.config.store.name, column(band_box, grid), back=False)

    def open_product(self, sku: str) -> None:
        """A product's page."""
        self.ctx.show(self.ctx.routes.product(sku))
