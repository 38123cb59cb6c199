"""The shop window's attract loop, with the store's open/closed state (its shop: window_home.py).

Open, the window says what it shows is in stock, to come in and try; closed, it says when the store opens
and takes orders to collect then (or to deliver).
"""

from __future__ import annotations

from typing import Any

from kiosk.core.models import ProductSummary
from kiosk.scenes.attract import AttractScene
from kiosk.scenes.store_status import collected_later, store_status
from kiosk.ui.layout import Box, Insets, column, fixed, flex, leaf, row, square, text
from kiosk.ui.widgets import Label, Panel, Picture

SHELF = 2  # products under a message slide: few and large, as a shop window shows them


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

    def featured(self, count: int) -> list[ProductSummary]:
        """The first `count` products the window features: its playlist's, then the most popular; while the
        store is open, only what is on the shelf (a passer-by can come in and take it)."""
        catalog = self.ctx.shop.catalog
        skus = [slide.sku for slide in self.slides if slide.kind == "product"]
        is_open = store_status(self.ctx).open
        chosen: list[ProductSummary] = []
        for product in [*catalog.products(skus), *catalog.browse(None, "popular", limit=4 * SHELF)]:
            if all(product.sku != other.sku for other in chosen) and (product.stock > 0 or not is_open):
                chosen.append(product)
        return chosen[:count]

    def shelf(self, size: tuple[int, int], room: int) -> Box | None:
        """Under a message slide's words, in `room` pixels of height, the products the window features: each
        its picture (most of its card), its name and its price, as a retailer dresses a window; text on green
        alone showed nothing to buy (designer's review, issue 22)."""
        ctx, theme = self.ctx, self.ctx.theme
        products = self.featured(SHELF)
        if not products:
            return None
        kit, gap = self.kit, theme.size("gap")
        card_w = (size[0] - 4 * theme.size("margin") - (len(products) - 1) * 2 * gap) // len(products)
        landscape = size[0] > size[1]  # (the words beside the picture, which takes the height)
        cards = []
        for product in products:
            said = [kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1,
                              align="center"),
                    kit.words(product.title(ctx.lang), bold=True, max_lines=2, reserve=True, align="center"),
                    kit.words(ctx.fmt.price(product.price_cents), size="title", color="primary", bold=True,
                              max_lines=1, align="center")]
            picture = Picture((0, 0, 0, 0), ctx.shop.image(product.image), label=product.title(ctx.lang))
            if landscape:
                side = max(theme.size("touch_target"), min(card_w // 2, room - 2 * gap))
                cards.append(row(square(picture, side), column(*said, gap=gap // 2, justify="center", height=flex()),
                                 gap=gap, padding=Insets.all(gap), widget=kit.panel("surface"), width=flex()))
                continue
            words_h = column(*said, gap=gap // 2).natural(card_w - 2 * gap)[1]
            side = max(theme.size("touch_target"), min(card_w - 2 * gap, room - words_h - 3 * gap))
            cards.append(column(square(picture, side), *said, gap=gap // 2, align="center", padding=Insets.all(gap),
                                widget=kit.panel("surface"), width=flex()))
        return column(row(*cards, gap=gap * 2, align="start"), justify="center", height=flex())

    def call_to_action(self, size: tuple[int, int], ink: str) -> Box:
        """A wide band at the bottom: open/closed in big letters, and what a touch does. The slide is laid
        out above it, never under it."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        status = store_status(ctx)
        later = collected_later(ctx, status)  # (an order is ready after its preparation, not at the opening)
        invite = t("Come in! Touch to see what is in stock.") if status.open else \
            t("Order now, collect from {when}: touch the window.", when=later) if later is not None else \
            t("Order now, collect when we open: touch the window.")
        # open, the cream band of the window's shop with the brand's green over it (a green band vanished into the
        # green of a message slide: designer's review, issue 22); closed, the accent's orange
        band = Panel((0, 0, 0, 0), "highlight" if status.open else "accent", radius=False)
        headline_ink, on_band = ("primary", "text") if status.open else ("on_accent", "on_accent")
        cache = ctx.screen.text
        # the one instruction to passers-by is never cut: three lines, a size smaller, before that
        lines = [text(Label((0, 0, 0, 0), words, size=size_name, bold=bold, color=ink, align="center", wrap=True,
                            valign="top"), cache, theme, max_lines=lines, sizes=sizes)
                 for words, size_name, bold, lines, sizes, ink in (
                     (status.headline, "headline", True, 2, (), headline_ink),
                     (status.detail, "title", True, 2, (), on_band),
                     (invite, "title", False, 3, ("button",), on_band)) if words]
        margin = theme.size("margin") * 2
        side = margin + theme.size("touch_target") if width > height else margin  # the button's end of the band
        edge = leaf(Panel((0, 0, 0, 0), "primary", radius=False), height=fixed(max(2, theme.size("gap") // 4)))
        said = column(*lines, gap=theme.size("gap") // 2, padding=Insets(margin // 2, side, margin // 2, side))
        # (an edge in the brand's green keeps it apart from a light slide's background too)
        content = column(*([edge] if status.open else []), said, widget=band)
        # (on a portrait window the status zone beside the button, over the slide; a landscape one's button stands on
        # the band's end, where a message would cover the band's words: there it floats)
        corner = self.corner() if width <= height else self.accessibility_button()
        button = row(corner, padding=Insets(theme.size("margin"), theme.size("margin"), 0, theme.size("margin")))
        self.steady_height = content.natural(width)[1]  # the band: the same on every slide, not dipped
        if width > height:  # the slide's text runs wide: the button stands on the band's left end, kept free
            return Box("stack", [content, column(button)])
        return column(button, content, gap=theme.size("margin"))
