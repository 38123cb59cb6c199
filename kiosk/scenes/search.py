"""Search as you type, on the on-screen keyboard; accents and case do not matter."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import ProductSummary
from kiosk.scenes.base import ShopScene
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Label, Panel, Picture, Root, TextField, Widget

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
        margin = theme.size("margin")
        found = ctx.shop.catalog.search(self.text, RESULTS) if self.text.strip() else []
        self.count = len(found)
        self.found = found
        brand_h = max(theme.px(40), ctx.screen.text.line_height(theme.size("small"), True))
        name_h = 2 * ctx.screen.text.line_height(theme.size("text"), True)
        row_h = max(theme.px(150), theme.px(34) + brand_h + name_h)  # taller for the larger text of accessible mode
        if not self.text.strip():
            view.add(Label((margin, theme.px(30), width - 2 * margin, theme.px(100)),
                           t("Type a product name, a brand or a department. “velo” finds “Vélo”."),
                           color="muted", wrap=True, valign="top"))
        elif not found:
            view.add(Label((margin, theme.px(30), width - 2 * margin, theme.px(100)),
                           t("Nothing found for “{query}”. Check the spelling or ask an adviser.", query=self.text),
                           color="muted", wrap=True, valign="top"))
        pitch = row_h + theme.px(12)

        def build_row(index: int) -> list[Widget]:
            product = found[index]
            y = index * pitch
            row = Panel((margin, y, width - 2 * margin, row_h), "surface", label=product.title(ctx.lang),
                        role="button", on_tap=partial(self.open_product, product.sku))
            pic = row_h - theme.px(20)
            row.add(Picture((margin + theme.px(10), y + theme.px(10), pic, pic), ctx.shop.image(product.image)))
            text_x = margin + pic + theme.px(36)
            text_w = width - 2 * margin - pic - theme.px(380)
            row.add(Label((text_x, y + theme.px(18), text_w, brand_h), product.brand.upper(), size="small",
                          color="muted", bold=True))
            row.add(Label((text_x, y + theme.px(18) + brand_h, text_w, name_h), product.title(ctx.lang), bold=True,
                          wrap=True, max_lines=2, valign="top"))
            row.add(Label((width - margin - theme.px(330), y, theme.px(306), row_h), ctx.fmt.price(product.price_cents),
                          size="title", bold=True, color="primary", align="right"))
            return [row]

        if found:
            view.set_rows(len(found), pitch, build_row)
        view.invalidate()

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
