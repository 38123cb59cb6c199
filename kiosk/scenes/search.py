"""Search as you type, on the on-screen keyboard; accents, case and typos do not matter.

Search opens empty for each shopper, with the store's popular searches to tap; a corrected query says
"did you mean"; chips of the departments the results fall in narrow them; each result has its compare
tick; Enter (or "See all results") shows every result with sort and filters. The keyboard makes way
when the shopper scrolls the results, and comes back when the field is tapped. When nothing is found,
an adviser is a tap away."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import ProductSummary, pick
from kiosk.scenes.adviser import call_adviser
from kiosk.scenes.base import ShopScene
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.store_status import in_store_shown
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
        self.department = ""  # the department chip chosen ("": all); a new query lets go of it
        self.departments: list[str] = []  # the departments the results fall in, best first (the chips)
        self.keys_shown = True  # the keyboard; it makes way when the results are scrolled
        self._scrolled = 0.0  # where the results were when the scene was built again
        self._measured_row: tuple[tuple[int, int, bool], int] | None = None  # (width, text size, short) -> height
        self._shown: tuple[object, ...] | None = None  # what the list shows, to leave it be when that is the same
        self._found_in_build = False  # the build searched already: its list is filled with what it found

    @property
    def text(self) -> str:
        """What the shopper typed."""
        return self.query

    def details(self) -> dict[str, Any]:
        """The query, how many results it has, the corrected query ("did you mean"), the department chips
        and the one chosen, and whether the keyboard shows."""
        return {"query": self.text, "results": self.count, "meant": self.meant, "departments": self.departments,
                "department": self.department, "keyboard": self.keys_shown,
                "products": [product.sku for product in self.found]}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the field and keys: what is typed, how many products it finds, the first of
        them (the list below shows few in the short reach zone)."""
        ctx = self.ctx
        if not self.text.strip():
            return ()
        return (f"“{self.text}”", ctx.t.plural("{count} product", "{count} products", self.count),
                *(f"{product.title(ctx.lang)} · {ctx.fmt.price(product.price_cents)}" for product in self.found[:5]))

    def build(self, size: tuple[int, int]) -> Root:
        """Field, a clear button, results (with the compare bar under them while products wait to be
        compared) and keyboard."""
        t, theme = self.ctx.t, self.ctx.theme
        self._found_in_build = bool(self.out_of_reach(size))  # said above the reach zone
        if self._found_in_build:
            self._find()
        bars = self.compare_bar()
        least = 0
        if self._short_zone() and not self.wide(size):  # accessible portrait: one result whole at least over the
            # keys (they take a row less room), whatever the bars under the list; the list's room is laid out once
            # (typing fills the list again, it does not lay the screen out): room for its tallest row
            width = size[0] - 2 * theme.size("margin")
            tallest = ProductSummary("", "", {self.ctx.lang: "M" * 80}, "", 0, 1, 0.0, 0, "")
            least = self._result(tallest, width).natural(width)[1] + theme.size("gap") + \
                sum(bar.natural(size[0])[1] for bar in bars)
        results = column(scroll(None, t("Results"), rows=self._fill_results, height=flex()), *bars,
                         height=flex(min=least))
        root, self.field = self.text_entry(size, t("Search"), self.text, t("Name, brand or department"),
                                           self.on_key_pressed, results=results,
                                           action=self._clear_button,
                                           with_keys=self.keys_shown)
        self.field.on_tap = self.show_keys
        return root

    def _clear_button(self) -> Box:
        """"Clear all" at the field's end; in accessible mode its sign only (its words said aloud), so that
        the field keeps the column's width for what is typed."""
        t = self.ctx.t
        if not self.ctx.session.accessible:
            return self.kit.button(t("Clear all"), self.clear, style="secondary")
        return self.kit.button(t("Clear all"), self.clear, style="secondary", shown="✕", size="title")

    def hide_keys(self) -> None:
        """The shopper scrolls the results: the keyboard makes way, the results take its room."""
        if self.keys_shown:
            self.keys_shown = False
            self.rebuild()

    def show_keys(self) -> None:
        """The field was tapped: the keyboard comes back."""
        if not self.keys_shown:
            self.keys_shown = True
            self.rebuild()

    def rebuild(self) -> None:
        """Build again, the results kept where they were scrolled to."""
        if self.results is not None and self.root is not None:
            self._scrolled = self.results.scroll
        super().rebuild()

    def _fill_results(self, view: ScrollView) -> None:
        """The results of what is typed in `view`, a row made as it comes into view."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        self.results = view
        view.on_drag = self.hide_keys
        # beside the keys in a landscape screen's short reach zone, two whole results and the next one starting, no
        # cue under them (its line took the second result's room)
        view.whole_rows = not self._short_zone()
        width = view.rect.width
        margin, gap = theme.size("margin"), theme.size("gap")
        found = self.found if self._found_in_build else self._find()  # one search a keystroke
        self._found_in_build = False
        shown = (id(view), view.rect.size, theme.size("text"), ctx.lang, tuple(ctx.session.compare), tuple(found),
                 tuple(self.departments), self.department, self.meant)
        if found and shown == self._shown:
            return  # a letter more finds the same (most letters of a long word): the list stays as it is drawn
        self._shown = shown if found else None
        if not found:
            view.set_rows(0, 1, lambda index: [], keys=lambda index: index)  # the rows shown are kept aside
            view.scroll = 0.0
            self.kit.fill(view, self._nothing_yet() if not self.text.strip() else self._nothing_found())
            view.invalidate()
            return

        row_h = self._row_height(width - 2 * margin, found[0])
        # where the results fall, to narrow them; but not over the keys in a landscape screen's short reach zone,
        # where the list beside the keys shows two or three results instead (it showed one): the chips come back
        # with the list's whole room once the keys make way
        chips = (len(self.departments) > 1 or bool(self.department)) and not self._short_zone()
        heads = [kind for kind, shown in (("chips", chips), ("meant", self.meant)) if shown]

        def build_row(index: int) -> list[Widget]:
            rect = pygame.Rect(margin, gap // 2 + index * (row_h + gap // 2), width - 2 * margin, row_h)
            if index < len(heads) or index == len(heads) + len(found):
                holder = Widget(rect)
                if index == len(heads) + len(found):  # the end of the list: every result, sorted and filtered
                    head = self.kit.button(t("See all results, with sort and filters"), self.show_all,
                                           style="secondary", width=flex())
                elif heads[index] == "chips":
                    head = self._chips(rect.width)
                else:
                    said = t("Did you mean “{query}”?", query=self.meant)
                    head = self.kit.button(said, partial(self._set_text, self.meant), style="secondary")
                self.kit.place(holder, row(head, align="center"), rect)
                return [holder]
            product = found[index - len(heads)]
            line = Panel(rect, "surface", label=product.title(ctx.lang), role="button",
                         on_tap=partial(self.open_product, product.sku))
            self.kit.place(line, self._result(product, rect.width), rect)
            return [line]

        def row_key(index: int) -> tuple[object, ...]:  # all a row shows: a row showing the same is kept
            if index < len(heads):
                return (heads[index], self.meant) if heads[index] == "meant" else \
                    (heads[index], tuple(self.departments), self.department)
            if index == len(heads) + len(found):
                return ("all",)
            product = found[index - len(heads)]
            return ("product", product.sku, product.brand, product.title(ctx.lang), product.price_cents,
                    product.sku in ctx.session.compare)

        view.set_rows(len(heads) + len(found) + 1, row_h + gap // 2, build_row, top=gap // 2, keys=row_key)
        scroll = min(self._scrolled, view.max_scroll)
        if round(scroll) != round(view.scroll):  # from the top again: everything in view is new
            view.scroll = scroll
            view.invalidate()
        else:
            view.scroll = scroll
            view.invalidate_rows()  # the rows that show the same stay as they are drawn

    def _find(self) -> list[ProductSummary]:
        """The products found for what is typed (of the department chosen), kept with their count, the
        departments they fall in and what was meant."""
        catalog = self.ctx.shop.catalog
        result = catalog.find(self.text, RESULTS, self.ctx.lang) if self.text.strip() else None
        found = result.products if result else []
        found_in = [product.category for product in found]  # the chips: where most results are first
        self.departments = sorted(dict.fromkeys(found_in), key=lambda department: -found_in.count(department))
        if self.department:  # a chip chosen: the results of that department, all of them up to a page
            found = catalog.browse(self.department, "relevance", limit=RESULTS, query=self.text)
        self.count, self.found, self.meant = len(found), found, result.meant if result else ""
        return found

    def _chips(self, width: int) -> Box:
        """"All" and the departments the results fall in, as many as one line holds; the chosen one on."""
        ctx, kit, gap = self.ctx, self.kit, self.ctx.theme.size("gap")
        chips = [kit.button(ctx.t("All"), partial(self.choose, ""), style="chip_off" if self.department else "chip_on",
                            size="small")]
        for department in dict.fromkeys([*([self.department] if self.department else []), *self.departments]):
            category = ctx.shop.catalog.category(department)
            chips.append(kit.button(pick(category.name, ctx.lang) if category else department,
                                    partial(self.choose, department), size="small",
                                    style="chip_on" if department == self.department else "chip_off"))
        while len(chips) > 2 and sum(chip.natural(width)[0] for chip in chips) + gap // 2 * (len(chips) - 1) > width:
            chips.pop()  # the least found departments give way
        return row(*chips, gap=gap // 2, align="center")

    def choose(self, department: str) -> None:
        """Narrow the results to a department's ("": all again; the chosen chip tapped again lets go)."""
        self.department = "" if department == self.department else department
        self._scrolled = 0.0
        if self.results is not None:
            self._fill_results(self.results)

    def show_all(self) -> None:
        """Every result, with sort and filters (of the department chosen)."""
        if self.text.strip():
            self.ctx.show(self.ctx.routes.search_results(self.meant or self.text, self.department))

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
        if not in_store_shown(self.ctx):  # a closed store's window: no adviser comes
            return column(kit.words(t("Nothing found for “{query}”. Check the spelling.", query=self.text),
                                    color="muted"), padding=Insets.all(margin))
        return column(kit.words(t("Nothing found for “{query}”. Check the spelling or ask an adviser.",
                                  query=self.text), color="muted"),
                      kit.button(t("Call an adviser"), lambda: call_adviser(self.ctx, "search: nothing found")),
                      gap=gap, align="start", padding=Insets.all(margin))

    def clear(self) -> None:
        """Empty the field: the popular searches are offered again."""
        self._set_text("")

    def _result(self, product: ProductSummary, width: int) -> Box:
        """A result: picture, brand, name (two lines kept, so every row is as tall), price and compare tick:
        in one line where `width` leaves the name its room beside them all, the price over the tick
        otherwise; in a narrow list (beside the keys of a landscape screen) no brand, a smaller picture and
        price, and the name on up to three lines, so that it shows whole. The middle of a row is its name
        (a tap there opens the product, never the tick)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        gap, text_size = theme.size("gap"), theme.size("text")
        name = kit.words(product.title(ctx.lang), bold=True, max_lines=2, reserve=True)
        price = kit.words(ctx.fmt.price(product.price_cents), size="title", bold=True, color="primary",
                          align="right", max_lines=1, width=fit())
        tick = compare_tick(ctx, product, self.rebuild)
        brand = kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1)
        picture = kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 2)
        beside = theme.size("thumb") // 2 + price.natural(width)[0] + tick.natural(width)[0] + 4 * gap
        if width - beside >= 12 * text_size:
            return row(picture, column(brand, name), price, tick, gap=gap, align="center",
                       padding=Insets.all(gap // 2))
        if self._short_zone():  # beside the keys in a landscape screen's reach zone: picture, name and price
            # only, a touch target tall, so that two or three results show whole (one did); the compare ticks
            # come back with the list's whole room, once the keys make way
            small = kit.words(ctx.fmt.price(product.price_cents), bold=True, color="primary", align="right",
                              max_lines=1, width=fit())
            name = kit.words(product.title(ctx.lang), bold=True, max_lines=3, sizes=("small",))
            return row(kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 3), name, small,
                       gap=gap, align="center", padding=Insets.all(gap // 2),
                       height=fit(min=theme.size("touch_target")))
        if width < text_size * 26:  # a narrow list (beside the keys of a landscape screen): the name's room
            small = kit.words(ctx.fmt.price(product.price_cents), bold=True, color="primary", align="right",
                              max_lines=1, width=fit())
            name = kit.words(product.title(ctx.lang), bold=True, max_lines=3, reserve=True, sizes=("small",))
            # the tick's box over its word: beside it, the box and word took the name's room (cut at 3 lines)
            stacked = compare_tick(ctx, product, self.rebuild, stacked=True)
            return row(kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 3), name,
                       column(small, stacked, gap=gap // 3, align="end", width=fit()),
                       gap=gap, align="center", padding=Insets.all(gap // 2))
        return row(picture, column(brand, name), column(price, tick, gap=gap // 3, align="end", width=fit()),
                   gap=gap, align="center", padding=Insets.all(gap // 2))

    def _short_zone(self) -> bool:
        """Whether the list shares accessible mode's short reach zone with the keys (beside them on a landscape
        screen, over them on a portrait one): compact rows, no chips, so that results show whole."""
        return self.keys_shown and self.ctx.session.accessible

    def _row_height(self, width: int, product: ProductSummary) -> int:
        """How tall a result row is at `width`, measured once (not on every keystroke)."""
        key = (width, self.ctx.theme.size("text"), self._short_zone())  # accessible mode: measured again
        if self._measured_row is None or self._measured_row[0] != key:
            self._measured_row = (key, self._result(product, width).natural(width)[1])  # measured, never mounted
        return self._measured_row[1]

    def on_key_pressed(self, key: str) -> None:
        """A key of the on-screen keyboard."""
        if key == ENTER:
            if len(self.found) == 1:
                self.open_product(self.found[0].sku)
            else:
                self.show_all()
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
        self.department, self._scrolled = "", 0.0  # new results: their own departments, from the top
        if self.field is not None:
            self.field.set_text(text)
        if self.out_of_reach(self.ctx.size):  # the summary above the reach zone says what is found: built again
            self.rebuild()
        elif self.results is not None:
            self._fill_results(self.results)

    def open_product(self, sku: str) -> None:
        """Show a result; the search counts among the store's popular ones."""
        self.ctx.shop.searches.led_to_a_product(self.meant or self.text)
        self.ctx.show(self.ctx.routes.product(sku))
