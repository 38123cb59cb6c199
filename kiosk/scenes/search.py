"""Search as you type, on the on-screen keyboard; accents and case do not matter."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import ProductSummary
from kiosk.scenes.base import ShopScene
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, fit, flex, row, scroll
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

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the field and keys: what is typed, how many products it finds, the first of
        them (the list below shows few in the short reach zone)."""
        ctx = self.ctx
        if not self.text.strip():
            return ()
        return (f"“{self.text}”", ctx.t.plural("{count} product", "{count} products", self.count),
                *(f"{product.title(ctx.lang)} · {ctx.fmt.price(product.price_cents)}" for product in self.found[:5]))

    def build(self, size: tuple[int, int]) -> Root:
        """Field, results and keyboard."""
        t = self.ctx.t
        results = scroll(None, t("Results"), rows=self._fill_results, height=flex())
        root, self.field = self.text_entry(size, t("Search"), self.text, t("Name, brand or department"),
                                           self.on_key_pressed, results=results)
        return root

    def _fill_results(self, view: ScrollView) -> None:
        """The results of what is typed in `view`, a row made as it comes into view."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        self.results = view
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
            self.kit.fill(view, column(self.kit.words(said, color="muted"), padding=Insets.all(margin)))
            view.invalidate()
            return

        row_h = self._row_height(width - 2 * margin, found[0])

        def build_row(index: int) -> list[Widget]:
            product = found[index]
            rect = pygame.Rect(margin, gap // 2 + index * (row_h + gap // 2), width - 2 * margin, row_h)
            line = Panel(rect, "surface", label=product.title(ctx.lang), role="button",
                         on_tap=partial(self.open_product, product.sku))
            self.kit.place(line, self._result(product), rect)
            return [line]

        view.set_rows(len(found), row_h + gap // 2, build_row, top=gap // 2)
        view.invalidate()

    def _result(self, product: ProductSummary) -> Box:
        """A result: picture, brand, name (two lines kept, so every row is as tall) and price."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        gap = theme.size("gap")
        return row(kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 2),
                   column(kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                          kit.words(product.title(ctx.lang), bold=True, max_lines=2, reserve=True)),
                   kit.words(ctx.fmt.price(product.price_cents), size="title", bold=True, color="primary",
                             align="right", max_lines=1, width=fit(), valign="center"),
                   gap=gap, align="center", padding=Insets.all(gap // 2))

    def _row_height(self, width: int, product: ProductSummary) -> int:
        """How tall a result row is at `width`, measured once (not on every keystroke)."""
        key = (width, self.ctx.theme.size("text"))  # accessible mode has larger text: measured again
        if self._measured_row is None or self._measured_row[0] != key:
            self._measured_row = (key, self._result(product).natural(width)[1])  # measured, never mounted
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
        if self.results is not None:
            self._fill_results(self.results)

    def open_product(self, sku: str) -> None:
        """Show a result."""
        self.ctx.show(self.ctx.routes.product(sku))
