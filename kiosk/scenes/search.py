"""Search as you type, on the on-screen keyboard; accents, case and typos do not matter.

Search opens empty for each shopper, with the store's popular searches to tap; a corrected query says
"did you mean"; when nothing is found, an adviser is a tap away."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import ProductSummary
from kiosk.scenes.adviser import call_adviser
from kiosk.scenes.base import ShopScene
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, fit, flex, flow, row, scroll
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Panel, Root, TextField, Widget

RESULTS = 30
POPULAR = 6  # popular searches offered before the first letter


class SearchScene(ShopScene):
    """A text field, the results under it, and the keyboard."""

    name = "search"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.field: TextField | None = None
        self.results: ScrollView | None = None
        self.count = 0
        self.found: list[ProductSummary] = []
        self.meant = ""  # the query with its typos corrected, when it was
        self.query = ""  # a new search scene (opened from home) starts empty: the last shopper's words are gone
        self._measured_row: tuple[tuple[int, int], int] | None = None  # (width, text size) -> a row's height

    @property
    def text(self) -> str:
        """What the shopper typed."""
        return self.query

    def details(self) -> dict[str, Any]:
        """The query, how many results it has and the corrected query ("did you mean")."""
        return {"query": self.text, "results": self.count, "meant": self.meant}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the field and keys: what is typed, how many products it finds, the first of
        them (the list below shows few in the short reach zone)."""
        ctx = self.ctx
        if not self.text.strip():
            return ()
        return (f"“{self.text}”", ctx.t.plural("{count} product", "{count} products", self.count),
                *(f"{product.title(ctx.lang)} · {ctx.fmt.price(product.price_cents)}" for product in self.found[:5]))

    def build(self, size: tuple[int, int]) -> Root:
        """Field, a clear button, results and keyboard."""
        t = self.ctx.t
        results = scroll(None, t("Results"), rows=self._fill_results, height=flex())
        root, self.field = self.text_entry(size, t("Search"), self.text, t("Name, brand or department"),
                                           self.on_key_pressed, results=results,
                                           action=lambda: self.kit.button(t("Clear all"), self.clear,
                                                                          style="secondary"))
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
        result = ctx.shop.catalog.find(self.text, RESULTS) if self.text.strip() else None
        found = result.products if result else []
        self.count, self.found, self.meant = len(found), found, result.meant if result else ""
        if not found:
            self.kit.fill(view, self._nothing_yet() if not self.text.strip() else self._nothing_found())
            view.invalidate()
            return

        row_h = self._row_height(width - 2 * margin, found[0])
        first = 1 if self.meant else 0  # "did you mean" stands over the results

        def build_row(index: int) -> list[Widget]:
            rect = pygame.Rect(margin, gap // 2 + index * (row_h + gap // 2), width - 2 * margin, row_h)
            if index < first:
                holder = Widget(rect)
                said = t("Did you mean “{query}”?", query=self.meant)
                self.kit.place(holder, row(self.kit.button(said, partial(self._set_text, self.meant),
                                                           style="secondary"), align="center"), rect)
                return [holder]
            product = found[index - first]
            line = Panel(rect, "surface", label=product.title(ctx.lang), role="button",
                         on_tap=partial(self.open_product, product.sku))
            self.kit.place(line, self._result(product), rect)
            return [line]

        view.set_rows(len(found) + first, row_h + gap // 2, build_row, top=gap // 2)
        view.invalidate()

    def _nothing_yet(self) -> Box:
        """Before the first letter: how search works, and the store's popular searches to tap."""
        t, kit, margin, gap = self.ctx.t, self.kit, self.ctx.theme.size("margin"), self.ctx.theme.size("gap")
        popular = self.ctx.shop.popular_searches(self.ctx.lang, POPULAR)
        return column(kit.words(t("Type a product name, a brand or a department. “velo” finds “Vélo”."), color="muted"),
                      *([kit.words(t("Popular searches"), bold=True),
                         flow(*(kit.button(text, partial(self._set_text, text), style="secondary")
                                for text in popular), gap=gap)] if popular else []),
                      gap=gap, padding=Insets.all(margin))

    def _nothing_found(self) -> Box:
        """Nothing found: say so, and offer to call an adviser."""
        t, kit, margin, gap = self.ctx.t, self.kit, self.ctx.theme.size("margin"), self.ctx.theme.size("gap")
        return column(kit.words(t("Nothing found for “{query}”. Check the spelling or ask an adviser.",
                                  query=self.text), color="muted"),
                      kit.button(t("Call an adviser"), lambda: call_adviser(self.ctx, "search: nothing found")),
                      gap=gap, align="start", padding=Insets.all(margin))

    def clear(self) -> None:
        """Empty the field: the popular searches are offered again."""
        self._set_text("")

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
        self.query = text
        if self.field is not None:
            self.field.set_text(text)
        if self.results is not None:
            self._fill_results(self.results)

    def open_product(self, sku: str) -> None:
        """Show a result; the search counts among the store's popular ones."""
        self.ctx.shop.searches.led_to_a_product(self.meant or self.text)
        self.ctx.show(self.ctx.routes.product(sku))
