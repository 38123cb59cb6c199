"""Compare 2 to 4 products side by side: a row whose words differ is shaded in a light tint of the brand's
green (the legend says so), the lowest price is said as the fact it is ("cheapest"; no "best" that judges for
the shopper), and each product's aisle stands under its name."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from kiosk.core.shopper.compare import CompareRow, Comparison, build_comparison
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.store_status import in_store_shown
from kiosk.scenes.variant_words import chosen_choices
from kiosk.ui.layout import Box, Insets, Size, column, fit, fixed, flex, flow, leaf, row, scroll
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root

ROWS_IN_SIGHT = 4  # a short room's table shows at least this many rows under the heads, if it can


class CompareScene(ShopScene):
    """The comparison table."""

    name = "compare"

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__(ctx)
        self.differences_only = False  # the "differences only" switch: rows that are the same are left out
        self._table: ScrollView | None = None

    def details(self) -> dict[str, Any]:
        """The products compared, the rows that differ, the rows shown."""
        comparison = self._comparison()
        return {"products": list(self.ctx.session.compare),
                "differs": [row.key for row in comparison.rows if row.differs],
                "cheapest": sorted(comparison.products[i].sku for i in self._cheapest(comparison)),
                "differences_only": self.differences_only,
                "rows": [row.key for row in comparison.rows if self._shown(row)]}

    def _comparison(self) -> Comparison:
        ctx = self.ctx
        products = ctx.shop.catalog.products(ctx.session.compare)
        choices = chosen_choices(ctx, products)  # the sizes and colours chosen: a first row says them
        comparison = build_comparison(products, ctx.shop.catalog.categories, ctx.lang, ctx.t, ctx.fmt.price,
                                      ctx.fmt.number, [choices[p.sku].words if p.sku in choices else ""
                                                       for p in products],
                                      rating_words=self._rating_words, stock_words=self._stock_words)
        if in_store_shown(ctx):
            return comparison
        # a closed store's window: no shelf stock, no aisle
        return replace(comparison, rows=tuple(row for row in comparison.rows if row.key not in ("stock", "aisle")))

    @staticmethod
    def _cheapest(comparison: Comparison) -> frozenset[int]:
        """The columns with the lowest price (none when every price is the same): a fact, said under it."""
        return next((line.best for line in comparison.rows if line.key == "price"), frozenset())

    def _rating_words(self, rating: float, reviews: int) -> str:
        """A rating as every column writes it, on one line ("4,7 ★ (6)": short enough for four narrow columns
        in the larger text). The catalogue's rating without a review in the pack is the one the product page
        shows ("3,6 ★", no "(0)", which read as made up: designer's review); no rating at all, "No reviews yet"."""
        if not rating:
            return self.ctx.t("No reviews yet")
        shown = self.ctx.fmt.number(rating)
        if rating == int(rating):  # "4,0" beside "4,3", not "4"
            shown += self.ctx.fmt.number(0.5).strip("05") + "0"
        # never broken over two lines
        return f"{shown}\u00a0★\u00a0({reviews})" if reviews else f"{shown}\u00a0★"

    def _stock_words(self, stock: int) -> str:
        """Whether a product is on the shelf: what the table compares (not how many are left)."""
        return self.ctx.t("In stock") if stock > 0 else self.ctx.t("To order")

    def build(self, size: tuple[int, int]) -> Root:
        """Product heads, then one band per property; on a wide screen the property names make a first
        column, so that the bands stay one line each and the table shows above the fold."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        comparison = self._comparison()
        count = len(comparison.products)
        title = t("Compare ({count})", count=count)
        if count < 2:
            return self.screen(size, title, column(kit.words(t("Add at least 2 products to compare them side by "
                                                               "side."), size="title", align="center"),
                                                   kit.button(t("Find products"), ctx.home, style="accent"),
                                                   gap=2 * gap, align="center", padding=Insets.all(3 * margin)))
        if self.out_of_reach(size):
            return self._in_reach(size, comparison, title)
        wide = self.wide(size)
        # a short room (accessible mode's reach zone, a tablet's): the heads without their pictures (named in the
        # strip above in reach mode) and the switch beside "Send to my phone", so that several rows show
        compact = not wide and size[1] < size[0] * 3 // 2
        send = kit.button(t("Send to my phone"), self.share, style="accent", width=flex())
        bar = column(kit.rule(), row(*([self._switch(narrow=True)] if compact else []), send, gap=gap,
                                     align="center", padding=Insets(gap, margin, gap, margin)),
                     widget=kit.panel("surface", radius=False))
        names_w = fixed((width - 2 * margin) // 5)
        if wide:  # as wide as the switch's words or the legend's need on one line, up to a quarter of the width
            # (at a fifth, the French 1920x1080 screen said them on four lines beside the heads: designer's review)
            cache, small = self.ctx.screen.text, self.ctx.theme.size("small")
            needs = (self._switch(narrow=True).natural(width)[0],  # (the legend: a sample 2 lines wide, room)
                     3 * cache.line_height(small, True) + cache.width(self.ctx.t("Shaded row: they differ"), small,
                                                                       True))
            names_w = fixed(max([int(names_w.value), *(need for need in needs if need <= (width - 2 * margin) // 4)]))
        # on a wide screen the legend stands in the names' column, beside the heads (the table stays above the fold)
        names = [self._legend(narrow=True, width=names_w)] if wide else []
        cell = (width - 2 * margin - gap * count) // (count + (1 if wide else 0))  # a column's width, about
        # accessible mode: each product's "✕ Remove" at the foot of its column under the table, as on its
        # landscape screens (over the table on a portrait one, under it on a landscape one, or in the table's last
        # row on a tablet: designer's review)
        feet = ctx.session.accessible
        heads, removes = self._heads(comparison, cell, pictures=not compact, removes=not compact and not feet,
                                     wide=wide)
        rows = [line for line in comparison.rows if self._shown(line)]
        bands, heading = self._bands(comparison, rows, names_w, wide)
        under_heads: list[Box] = []
        if compact and not feet:
            # each product's "✕ Remove" in a row under the heads, as wide as its column (in the head, inside its
            # padding, the German word did not fit four narrow columns and a bare ✕ showed: designer's review), in
            # reach; where that leaves the table less than ROWS_IN_SIGHT rows (four products on a tablet in the
            # larger text), in a last row of the table instead (the cue that says more follows may take the last one's
            # room)
            least = sum(box.natural(width)[1] for box in bands[heading:heading + 2 * ROWS_IN_SIGHT - 1]) - gap // 2
            under_heads = [row(*removes, gap=gap)]
            heads_h = column(row(*heads, gap=gap), *under_heads, gap=gap // 2).natural(width - 2 * margin)[1]
            room = size[1] - self.header_height() - bar.natural(width)[1] - 2 * gap - heads_h
            if room < least:
                under_heads = []
                bands.append(row(*removes, gap=gap, padding=Insets(gap // 2, margin, gap // 2, margin)))
        # the heads stay in sight over the rows that scroll under them: each value's product is always named
        strip = [row(*names, *heads, gap=gap)] if wide else [column(row(*heads, gap=gap), *under_heads, gap=gap // 2)] \
            if compact else [self._switch(), row(*heads, gap=gap)]
        # under a tall screen's table, its legend (above it, it took a short screen's room from the table)
        legend = [] if wide else [column(self._legend(), padding=Insets(gap, margin, margin, margin))]
        table = scroll(column(*([column(*bands[:heading], gap=gap, padding=Insets(gap, margin, gap, margin))]
                                if heading else []), *bands[heading:], *legend), t("Comparison"), height=flex())
        assert isinstance(table.widget, ScrollView)
        self._table = table.widget
        foot = [kit.rule(), row(*removes, gap=gap, padding=Insets(gap // 4, margin, gap // 4, margin))] if feet else []
        # (with the feet under the table, the heads closer to the strip over them: four rows stay in sight)
        body = column(column(*strip, gap=gap, padding=Insets(gap if compact or feet else margin, margin, gap, margin)),
                      kit.rule(), table, *foot, height=flex())
        return self.screen(size, title, body, bottom=[bar])

    def _bands(self, comparison: Comparison, rows: list[CompareRow], names_w: Size,
               wide: bool) -> tuple[list[Box], int]:
        """The table's bands: a note where the departments differ (or every row is the same), then one band per
        row shown, each under a rule; and how many notes lead them."""
        kit, t, gap, margin = self.kit, self.ctx.t, self.ctx.theme.size("gap"), self.ctx.theme.size("margin")
        bands: list[Box] = []
        if len(comparison.departments) > 1:  # a bike beside a tent: said, rather than rows of "—"
            bands.append(kit.words(t("Products of different departments ({departments}): only what they share is "
                                     "compared.", departments=", ".join(comparison.departments)),
                                   color="muted", max_lines=3))
        cheapest = self._cheapest(comparison)
        if not rows:
            bands.append(kit.words(t("These products are the same on every line compared."), color="muted",
                                   align="center", max_lines=3))
        heading = len(bands)  # the note and "the same on every line": not banded
        for line in rows:
            # a word wider than a narrow column ("Bewertungen" in four) a size smaller rather than cut; the lowest
            # price says so under it, in the same ink as the others (a fact, not a colour that says "best"), the
            # prices and their row's name on one line
            price = line.key == "price"
            label = kit.words(line.label, size="small", color="muted", bold=True, max_lines=2, keep_with_next=not wide,
                              width=names_w if wide else None, valign="center" if wide and not price else "top")
            values = [column(kit.words(value, align="center", max_lines=2, sizes=("small",)),
                             kit.words(t("cheapest"), size="small", align="center", max_lines=2))
                      if price and index in cheapest else
                      kit.words(value, align="center", max_lines=2, sizes=("small",),
                                valign="top" if price else "center")
                      for index, value in enumerate(line.values)]
            cells = row(*([label] if wide else []), *values, gap=gap, align="stretch")
            content = column(*([] if wide else [label]), cells, gap=gap // 4,
                             padding=Insets(gap // 2, margin, gap // 2, margin))
            bands += [self._band(content, line.differs), kit.rule()]
        return bands, heading

    def _in_reach(self, size: tuple[int, int], comparison: Comparison, title: str) -> Root:
        """A landscape screen in accessible mode: the table to read over the whole width from the top (each
        column headed by its product's name and aisle, words only), and at the foot of each column, within
        reach, its product's buttons side by side: see it, remove it; "Differences only" and "Send to my phone" in
        the bar under them. (The heads with their buttons stood at the top, out of reach, and three rows showed
        under them.) The legend only where it tells shaded rows from others (every row shown differed)."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        count = len(comparison.products)
        names_w = fixed((width - 2 * margin) // 5)
        cell = (width - 2 * margin - gap * count) // (count + 1)
        heads, _ = self._heads(comparison, cell, pictures=False, removes=False, wide=True, tappable=False)
        rows = [line for line in comparison.rows if self._shown(line)]
        bands, heading = self._bands(comparison, rows, names_w, wide=True)
        told = any(line.differs for line in rows) and not all(line.differs for line in rows)
        legend = [self._legend(narrow=True, width=names_w, switch=False)] if told else [leaf(None, width=names_w)]
        table = scroll(column(*([column(*bands[:heading], gap=gap, padding=Insets(gap, margin, gap, margin))]
                                if heading else []), *bands[heading:]), t("Comparison"), height=flex())
        assert isinstance(table.widget, ScrollView)
        self._table = table.widget
        # each product's "View" and "✕ Remove" side by side, the latter the one style of every shape (a bare ✕
        # here, plain words there: three styles, designer's review), on two lines where the column is narrow
        feet = [row(kit.button(product.title(ctx.lang), partial(self.open_product, product.sku), style="secondary",
                               size="small", shown=t("View"), width=flex(min=self._word_room(t("View")))),
                    self._remove_button(product.sku, product.title(ctx.lang)),
                    gap=gap // 2, width=flex())
                for product in comparison.products]
        send = kit.button(t("Send to my phone"), self.share, style="accent", width=flex())
        bar = column(kit.rule(), row(self._switch(narrow=True), send, gap=gap, align="center",
                                     padding=Insets(gap, margin, gap, margin)),
                     widget=kit.panel("surface", radius=False))
        feet_row = row(leaf(None, width=names_w), *feet, gap=gap, padding=Insets(gap, margin, gap, margin))
        body = column(row(*legend, *heads, gap=gap, padding=Insets(margin, margin, gap, margin)), kit.rule(), table,
                      kit.rule(), feet_row, height=flex())
        return self.screen(size, title, body, bottom=[bar])

    def _heads(self, comparison: Comparison, cell: int, *, pictures: bool, removes: bool,
               wide: bool = False, tappable: bool = True) -> tuple[list[Box], list[Box]]:
        """Each product's head (its picture, name and aisle; a tap opens its page) and its "✕ Remove" button,
        under its name with `removes`; for columns about `cell` pixels wide (`wide`: a landscape screen's)."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        gap, small = theme.size("gap"), theme.size("small")
        # where to find each product, under its name: its place, not a property compared (as a row, every
        # product's own aisle read as a difference left unshaded: designer's review)
        aisles = next((line.values for line in comparison.rows if line.key == "aisle"), ())
        # every name as tall as the longest (on up to three lines), so that the pictures, the names and the
        # aisles stand on one line across the columns (a name on two lines pushed its picture down)
        name_lines = max(len(ctx.screen.text.wrap(product.title(ctx.lang), small, cell - gap, True, 3))
                         for product in comparison.products)
        thumb = theme.size("thumb") // 2 if wide else theme.size("thumb") * 4 // 5
        heads: list[Box] = []
        buttons: list[Box] = []
        for index, product in enumerate(comparison.products):
            name = product.title(ctx.lang)
            head = kit.panel(role="button", label=name, on_tap=partial(self.open_product, product.sku))
            picture = [kit.picture(ctx.shop.image(product.image), thumb)] if pictures else []
            buttons.append(self._remove_button(product.sku, name))
            aisle = [kit.words(t("Aisle {aisle}", aisle=aisles[index]), size="small", color="muted", align="center",
                               max_lines=1)] if index < len(aisles) and aisles[index] else []
            heads.append(column(*picture, kit.words(name, size="small", bold=True, max_lines=name_lines,
                                                    reserve=True, align="center"),
                                *aisle, *([leaf(None, height=flex()), buttons[-1]] if removes else []),
                                gap=gap // 2, align="center", padding=Insets.all(gap // 2),
                                height=fit(min=theme.size("touch_target")) if tappable else fit(),
                                widget=head if tappable else None))
        return heads, buttons

    def _remove_button(self, sku: str, name: str) -> Box:
        """A product's "✕ Remove", the same on every shape: outlined, the sign and the word, on two lines in a
        narrow column (never the word or the sign alone)."""
        t = self.ctx.t
        return self.kit.button(t("Remove {name}", name=name), partial(self.remove, sku), style="secondary",
                               size="small", shown="✕ " + t("Remove"), width=flex(min=self._word_room(t("Remove"))))

    def _word_room(self, words: str) -> int:
        """How wide a small button is with its longest word whole on a line."""
        theme, text = self.ctx.theme, self.ctx.screen.text
        return max(text.width(word, theme.size("small"), True) for word in words.split()) + theme.px(16)

    def _shown(self, line: CompareRow) -> bool:
        """Whether a row shows: every row, or with "differences only" those that differ (the aisle is in the
        heads, on every row's side)."""
        return line.key != "aisle" and (not self.differences_only or line.differs)

    def _band(self, content: Box, differs: bool) -> Box:
        """A row of the table; one where the products differ is tinted and marked at its start with a bar of
        the brand's colour (the legend shows the same), calm but plain on white as on black."""
        if not differs:
            return content
        kit, theme = self.kit, self.ctx.theme
        marker = leaf(kit.panel("primary", radius=False), width=fixed(max(4, theme.size("gap") // 2)))
        return row(marker, content, widget=kit.panel("differs", radius=False))

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the table: what is compared (the department), then the products by name, all
        alike (their heads below are short; the first was bolder than the others, as if it were chosen)."""
        ctx = self.ctx
        comparison = self._comparison()
        departments = [", ".join(comparison.departments)] if comparison.departments else []
        return (ctx.t("Compare ({count})", count=len(comparison.products)), *departments,
                *(p.title(ctx.lang) for p in comparison.products))

    def _switch(self, narrow: bool = False) -> Box:
        """The "differences only" switch."""
        switch = self.kit.toggle(self.ctx.t("Differences only"), self.toggle_differences,
                                 checked=self.differences_only, switch=True, size="small" if narrow else "text")
        return switch if narrow else row(switch, leaf(None), align="center")

    def _legend(self, narrow: bool = False, width: Size | None = None, switch: bool = True) -> Box:
        """What the colour says: a shaded sample that reads as a row that differs (not an empty box); `narrow`:
        under the switch, in the names' column."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        gap = theme.size("gap")
        lines = 4 if narrow else 2
        # a legend: a sample of the row's tint and bar, then what it means in plain words beside it
        side = self.ctx.screen.text.line_height(theme.size("small"), True)
        sample = self._band(leaf(None, width=fixed(2 * side), height=fixed(side)), True)
        sample.width = fit()
        shaded = row(column(sample, justify="center", width=fit()),
                     kit.words(t("Shaded row: they differ"), size="small", bold=True, max_lines=lines, valign="center"),
                     gap=gap // 2)
        if narrow:
            return column(*([self._switch(narrow=True)] if switch else []), shaded, gap=gap // 2, align="start",
                          justify="center", width=width)
        return flow(shaded, gap=gap)

    def toggle_differences(self) -> None:
        """Show only the rows where the products differ, or every row again."""
        self.differences_only = not self.differences_only
        kept = self._table.scroll if self._table is not None else 0.0
        self.rebuild()
        self.tree(self.ctx.size)
        if self._table is not None:
            self._table.scroll = min(kept, self._table.max_scroll)

    def share(self) -> None:
        """Show the comparison as a QR code."""
        self.ctx.show(self.ctx.routes.share(list(self.ctx.session.compare)))

    def remove(self, sku: str) -> None:
        """Take a product out of the comparison."""
        self.ctx.session.remove_from_compare(sku)
        self.ctx.toast(self.ctx.t("Removed from the comparison"))
        self.rebuild()

    def open_product(self, sku: str) -> None:
        """Show one of the compared products."""
        self.ctx.show(self.ctx.routes.product(sku))
