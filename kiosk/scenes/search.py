"""Search as you type, on the on-screen keyboard; accents and case do not matter."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import ProductSummary
from kiosk.scenes.base import ShopScene
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, fit, layout, row
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Panel, Root, TextField, Widget

RESULTS = 30


class SearchScene(ShopScene):
    """A text field, the results under it, and the keyboard."""

    name = "search"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.field: TextField | None = None
        self.results: ScrollView | None = None
        self.count = 0
        self.found: list[ProductSummary] = []
        self._measured_row: tuple[tuple[int, int], int] | None = None  # (width, text size) -> a row's height

    @property
    def text(self) -> str:
        """What the shopper typed (kept in the session, wiped with it)."""
        return str(self.ctx.session.search_text)

    def details(self) -> dict[str, Any]:
        """The query and how many results it has."""
        return {"query": self.text, "results": self.count}

    def build(self, size: tuple[int, int]) -> Root:
        """Field, results and keyboard."""
        t = self.ctx.t
        root, self.field, top, bottom = self.text_entry(size, t("Search"), self.text, t("Name, brand or department"),
                                                        self.on_key_pressed)
        self.results = root.add(ScrollView((0, top, size[0], bottom - top), 0, label=t("Results")))
        self._fill_results()
        return root

    def _fill_results(self) -> None:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        view = self.results
        if view is None:
            return
        view.remove_children()
        view.set_rows(0, 1, lambda index: [])
        view.scroll = 0.0
        width = view.rect.width
        margin, gap = theme.size("margin"), theme.size("gap")
        found = ctx.shop.catalog.search(self.text, RESULTS) if self.text.strip() else []
        self.count = len(found)
        self.found = found
        if not self.text.strip() or not found:
            said = (t("Type a product name, a brand or a department. “velo” finds “Vélo”.") if not self.text.strip()
                    else t("Nothing found for “{query}”. Check the spelling or ask an adviser.", query=self.text))
            self.kit.fill(view, column(self.kit.words(view, said, color="muted"), padding=Insets.all(margin)))
            view.invalidate()
            return

        row_h = self._row_height(width - 2 * margin, found[0])

        def build_row(index: int) -> list[Widget]:
            product = found[index]
            rect = pygame.Rect(margin, gap // 2 + index * (row_h + gap // 2), width - 2 * margin, row_h)
            line = Panel(rect, "surface", label=product.title(ctx.lang), role="button",
                         on_tap=partial(self.open_product, product.sku))
            layout(self._result(line, product), rect)
            return [line]

        view.set_rows(len(found), row_h + gap // 2, build_row, top=gap // 2)
        view.invalidate()

    def _result(self, parent: Widget, product: ProductSummary) -> Box:
        """A result: picture, brand, name (two lines kept, so every row is as tall) and price."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        gap = theme.size("gap")
        return row(kit.picture(parent, ctx.shop.image(product.image), theme.size("thumb") // 2),
                   column(kit.words(parent, product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                          kit.words(parent, product.title(ctx.lang), bold=True, max_lines=2, reserve=True)),
                   kit.words(parent, ctx.fmt.price(product.price_cents), size="title", bold=True, color="primary",
                             align="right", max_lines=1, width=fit(), valign="center"),
                   gap=gap, align="center", padding=Insets.all(gap // 2))

    def _row_height(self, width: int, product: ProductSummary) -> int:
        """How tall a result row is at `width`, measured once (not on every keystroke)."""
        key = (width, self.ctx.theme.size("text"))  # accessible mode has larger text: measured again
        if self._measured_row is None or self._measured_row[0] != key:
            sample = Widget((0, 0, 0, 0))
            self._measured_row = (key, self._result(sample, product).natural(width)[1])
            sample.dispose()
        return self._measured_row[1]

    def on_key_pressed(self, key: str) -> None:
        """A key of the on-screen keyboard."""
        if key == ENTER:
            if len(self.found) == 1:
                self.open_product(self.found[0].sku)
            return
        text = self.text[:-1] if key == BACKSPACE else (self.text + key)[:60]
        self._set_text(text)

    def on_text(self, text: str) -> bool:
        """Typed text (automation `type`, or a physical keyboard)."""
        for char in text:
            self.on_key_pressed(char)
        return True

    def on_key(self, name: str) -> bool:
        """Backspace and Enter from a physical keyboard."""
        if name in ("backspace", "enter", "return"):
            self.on_key_pressed(BACKSPACE if name == "backspace" else ENTER)
            return True
        return False

    def _set_text(self, text: str) -> None:
        self.ctx.session.search_text = text
        if self.field is not None:
            self.field.set_text(text)
        self._fill_results()

    def open_product(self, sku: str) -> None:
        """Show a result."""
        self.ctx.show(self.ctx.routes.product(sku))
