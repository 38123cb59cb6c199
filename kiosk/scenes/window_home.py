"""The shop window's shop: the store's state, its departments and search, and big product cards.

Through the glass a passer-by has a minute: a department is one touch away (the cards change in place,
no page opens), search is the terminal's, and the cards are laid out so that two rows show on a
landscape screen (three on a portrait one) instead of one and a half.
"""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

import pygame

from kiosk.core.models import ProductSummary, pick
from kiosk.scenes.base import ShopScene, across, product_card, product_card_box, product_card_height
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.context import SceneContext
from kiosk.scenes.store_status import StoreStatus, collected_later, store_status
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flex, flow, leaf, row, scroll
from kiosk.ui.scroll import ScrollView, cue_height
from kiosk.ui.widgets import Root, Widget

FEATURED = 24  # products on the window's shop page before a department is chosen
MOST_COLUMNS = 6
PICTURE_TO_TICK = 2  # a card's picture at least twice as tall as its compare tick, where rows allow


class WindowHomeScene(ShopScene):
    """Big product cards: in stock when the store is open, all of them to order when it is closed; all
    departments (what the store features first) or one."""

    name = "home"

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__(ctx)
        self.department = ""  # a category id; "": all of them
        self._grid: ScrollView | None = None
        self._scrolled = 0.0  # where the grid was when the scene was built again (a compare tick tapped)

    def details(self) -> dict[str, Any]:
        """The store's state, the department chosen and how many products are shown."""
        status = store_status(self.ctx)
        return {"open": status.open, "status": status.sentence, "department": self.department,
                "products": len(self._products(status.open))}

    def _products(self, is_open: bool) -> list[ProductSummary]:
        """What the cards show: the department's products, or (all departments) the playlist's and then the
        most popular; open, only what is on the shelf (the passer-by can come in and take it)."""
        catalog = self.ctx.shop.catalog
        if self.department:
            products: list[ProductSummary] = catalog.browse(self.department, "popular", limit=200)
        else:
            featured = [s.sku for s in catalog.playlist() if s.kind == "product"]
            products = [*catalog.products(featured), *catalog.browse(None, "popular", limit=FEATURED * 2)]
        seen: set[str] = set()
        chosen = []
        for product in products:
            if product.sku in seen or (is_open and product.stock <= 0):
                continue
            seen.add(product.sku)
            chosen.append(product)
        return chosen if self.department else chosen[:FEATURED]

    def build(self, size: tuple[int, int]) -> Root:
        """Header, the state of the store, search and the departments, and the cards."""
        ctx, t = self.ctx, self.ctx.t
        status = store_status(ctx)
        products = self._products(status.open)
        grid = scroll(None, t("Our products"), height=flex(),
                      rows=lambda view: self._cards(view, products))
        name = ctx.shop.config.store.name
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: the store's state in
            # words above the reach zone, the cards within it, and search and the departments in one row at its
            # foot, over the header (the band, search, the departments and the first row of cards stood above it)
            # once a product is ticked, the comparison in a column beside the cards (as a bar across the bottom,
            # over the departments, it cut the 4K window's only row of cards: designer's review)
            side = [self.reach_side(size[0] // 3, lambda: [])] if ctx.session.compare else []
            body = column(self.reach_strip(size[0], reach_top, name), row(grid, *side, height=flex()), height=flex())
            return self.screen(size, name, body, back=False, bottom=[self._choices_in_reach()])
        # in a portrait screen's reach zone the strip above says the store's state: the cards take the band's room
        band = [] if ctx.screen.offset else [self._band()]
        return self.screen(size, name, column(*band, self._choices(size), grid),
                           back=False, bottom=self.compare_bar())  # (once a product is ticked)

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the reach zone (out of reach, in sight): the band's words, open or closed and
        what an order means now (the portrait window's prices were cut under its bar, the band in the zone)."""
        status = store_status(self.ctx)
        return " ".join(part for part in (status.headline, status.detail) if part), self._invite(status)

    def _invite(self, status: StoreStatus) -> str:
        """What an order means now: open, that what it shows is in stock, to come in and try ("En stock
        maintenant : entrez" read badly: designer's review); closed, "collect from Monday 10:00"."""
        t = self.ctx.t
        later = collected_later(self.ctx, status)  # the day of the opening is said beside: on that day, only the time
        if status.open:
            return t("In stock: come in and try them")  # (open, the window shows only the shelf's)
        if later is not None:
            return t("Order here, collect from {when}", when=later)
        return t("Order here, collect when we open")

    def _band(self) -> Box:
        """Open or closed, and what that means for an order: "collect from Monday 10:00"."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        status = store_status(ctx)
        invite = self._invite(status)
        headline = kit.words(status.headline, size="title", bold=True, max_lines=1, width=fit(), valign="center",
                             color="primary" if status.open else "accent")
        padding, band = Insets(gap // 2, margin, gap // 2, margin), kit.panel("highlight", radius=False)
        if self.wide(ctx.size):  # one line: "Closed" big, then when it opens, and what an order does now
            detail_w = kit.one_line("text", status.detail) if status.detail else 0
            invite_w = kit.one_line("text", invite)
            if headline.natural(ctx.size[0])[0] + detail_w + invite_w + 2 * margin <= ctx.size[0] - 2 * margin:
                # each said on one line where the band has their room (the 4K window broke "Nous ouvrons lundi 23
                # novembre / à 10:00" with room to spare: designer's review)
                return row(headline, kit.words(status.detail, bold=True, max_lines=1, valign="center", width=fit()),
                           kit.words(invite, align="right", bold=True, max_lines=1, valign="center", width=flex()),
                           gap=margin, align="center", padding=padding, widget=band)
            return row(headline, kit.words(status.detail, bold=True, max_lines=2, valign="center", width=flex(3)),
                       kit.words(invite, align="right", bold=True, max_lines=2, valign="center", width=flex(3)),
                       gap=margin, align="center", padding=padding, widget=band)
        return column(row(headline, kit.words(status.detail, bold=True, max_lines=2, valign="center"), gap=margin,
                          align="center"),
                      kit.words(invite, bold=True, max_lines=2), gap=gap // 2, padding=padding, widget=band)

    def _choices(self, size: tuple[int, int]) -> Box:
        """Search, then a button a department ("All" first), the one shown marked: on a landscape screen in
        one row across (a long name on two lines), else (a portrait screen, the larger text) in rows."""
        ctx, theme = self.ctx, self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        named = self._departments()
        padding = Insets(gap, margin, 0, margin)
        if not self.wide(size):
            return column(self._search_button("text"),
                          flow(*(self._department_chip(department, name, "text") for department, name in named),
                               gap=gap // 2), gap=gap, padding=padding)

        # in one row: each chip as narrow as two lines of its name allow, then on one line those the row has room
        # for, the cheapest first; with less room inside each chip where that leaves fewer names on two lines (the
        # 4K window broke "Sacs / à dos" and "Montres / GPS" with room to spare: designer's review)
        room = size[0] - 2 * margin - self._search_apart("text").natural(size[0])[0] - (len(named) + 1) * (gap // 2)
        ways = [way for inside in (gap, gap * 3 // 4, gap // 2)
                if (way := self._in_a_row([name for _, name in named], room, inside)) is not None]
        if not ways:  # (the larger text of accessible mode): the chips in rows
            return row(self._search_button("text"),
                       flow(*(self._department_chip(department, name, "text") for department, name in named),
                            gap=gap // 2), gap=gap, align="center", padding=padding)
        widths = min(ways, key=lambda way: way[0])[1]  # (the first of the fewest)
        if min(ways, key=lambda way: way[0])[0] and not ctx.session.accessible:
            # names on two lines ("Chaussures / de running", "Lampes / frontales" on the 4K window: designer's
            # review): every name on one line a size under, search too, where the row holds them so (with a third
            # of a gap inside each chip at least: the 4K window's Spanish "Zapatillas de running", "Tiendas de
            # campaña" and "Linternas frontales" took two lines for want of 33 px at half a gap); search without
            # its magnifier, then without its wider gap to them, where only that leaves them so (Spanish again)
            for (lead, spaced), inside in itertools.product(((True, True), (False, True), (False, False)),
                                                            (gap, gap * 3 // 4, gap // 2, gap // 3)):
                small = [self._search_apart("small", lead=lead) if spaced
                         else self._search_button("small", lead=lead),
                         *(self._department_chip(department, name, "small",
                                                 self._two_lines(name, "small", lines=1, inside=inside))
                           for department, name in named)]
                if sum(part.natural(size[0])[0] for part in small) + len(small) * (gap // 2) <= size[0] - 2 * margin:
                    return row(*small, leaf(None), gap=gap // 2, align="center", padding=padding)
        return row(self._search_apart("text"),
                   *(self._department_chip(department, name, "text", width)
                     for (department, name), width in zip(named, widths, strict=True)),
                   leaf(None), gap=gap // 2, align="center", padding=padding)

    def _departments(self) -> list[tuple[str, str]]:
        """Each department's id and name in the session's language, "All" (id "") first."""
        ctx = self.ctx
        return [("", ctx.t("All")), *((c.id, pick(c.name, ctx.lang)) for c in ctx.shop.catalog.categories)]

    def _department_chip(self, department: str, name: str, size: str, width: int | None = None) -> Box:
        """The chip that shows a department (`width` wide, else as its words), chosen while it is shown."""
        return self.kit.button(name, partial(self.choose, department), size=size,
                               width=fixed(width) if width is not None else None,
                               style="chip_on" if self.department == department else "chip_off")

    def _search_button(self, size: str, *, lead: bool = True) -> Box:
        """Search, in the text `size`: "Search" after a magnifier (with `lead`), an action set apart from the
        department chips (a chosen chip and search were both edged in the primary colour: designer's review);
        filled in the primary colour, as on every home (outlined where it stood above them: one style for one
        action across shapes, designer's review)."""
        return self.kit.button(self.ctx.t("Search for a product"), self.open_search,
                               style="primary", lead="search" if lead else "", size=size,
                               shown=self.ctx.t("Search"), width=fit())

    def _search_apart(self, size: str, *, lead: bool = True) -> Box:
        """Search leading a row of department chips: its gap to them three halves of theirs."""
        gap = self.ctx.theme.size("gap")
        return row(self._search_button(size, lead=lead), padding=Insets(0, gap // 4, 0, 0),
                   width=fit())

    def _choices_in_reach(self) -> Box:
        """Search, then the departments, in one row at the foot of a landscape screen's reach zone (accessible
        mode), each name on one line: in the text's size where the row holds them, else a size smaller, else the
        departments on as many rows as they need."""
        ctx, theme = self.ctx, self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        named = self._departments()

        def parts(size: str) -> list[Box]:  # each name as narrow as two lines of it allow (a chip is as tall)
            return [self._search_apart(size),
                    *(self._department_chip(department, name, size, self._two_lines(name, size))
                      for department, name in named)]

        # (half a gap above the bar: its yellow ran into the chips' yellow edges 6 px above it: designer's review)
        padding = Insets(gap // 4, margin, gap // 2, margin)
        for size in ("text", "small"):
            made = parts(size)
            if sum(part.natural(ctx.size[0])[0] for part in made) + (len(made) - 1) * (gap // 2) + 2 * margin \
                    <= ctx.size[0]:
                return row(*made, gap=gap // 2, align="center", padding=padding)
        search, *chips = parts("text")
        return row(search, flow(*chips, gap=gap // 2), gap=gap, align="center", padding=padding)

    def _in_a_row(self, names: list[str], room: int, inside: int) -> tuple[int, list[int]] | None:
        """The chips' widths in a row `room` wide, with `inside` each side of their words: each as narrow as two
        lines of its name allow, then on one line those the room holds, the cheapest first; and how many names
        stay on two lines (None: the row cannot hold them)."""
        widths = [self._two_lines(name, inside=inside) for name in names]
        whole = [self._two_lines(name, lines=1, inside=inside) for name in names]
        left = room - sum(widths)
        if left < 0:
            return None
        for index in sorted(range(len(names)), key=lambda index: whole[index] - widths[index]):
            if whole[index] - widths[index] <= left:
                left -= whole[index] - widths[index]
                widths[index] = whole[index]
        return sum(width < best for width, best in zip(widths, whole, strict=True)), widths

    def _two_lines(self, name: str, text: str = "text", lines: int = 2, inside: int = 0) -> int:
        """How wide a chip must be to show `name` whole on at most two lines (cut where they are most even), or
        on one (`lines`), in the theme's `text` size, with `inside` (else a gap) each side of its words."""
        theme, cache = self.ctx.theme, self.ctx.screen.text
        size = theme.size(text)
        words = name.split()
        cuts = [max(cache.width(" ".join(words[:cut]), size, True), cache.width(" ".join(words[cut:]), size, True))
                for cut in range(1, len(words) if lines > 1 else 1)]
        return max(theme.size("touch_target"),
                   min([cache.width(name, size, True), *cuts]) + 2 * (inside or theme.size("gap")))

    def _cards(self, view: ScrollView, products: list[ProductSummary]) -> None:
        """The cards in rows, as many to a row as stay readable and so tall that two rows show (three on a
        portrait screen); a row is built when it comes near the view."""
        ctx, theme = self.ctx, self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        width, height = view.rect.size
        height -= cue_height(theme, ctx.screen.text)  # (the cue under the rows says that more follows)
        inner = width - 2 * margin
        # under the strip above a landscape screen's reach zone (accessible mode) the cards start close to the
        # reach line: the next row starts under the first one, over the departments' row
        top = gap // 2 if self.out_of_reach(ctx.size) else margin
        cache, size = ctx.screen.text, theme.size("text")
        names = [product.title(ctx.lang) for product in products]
        widest_price = max((cache.width(ctx.fmt.price(product.price_cents), theme.size("title"), True)
                            for product in products), default=0)

        def readable(columns: int) -> bool:  # every name whole on a card's two lines, every price on one
            room = (inner - (columns - 1) * gap) // columns - 2 * gap
            return widest_price <= room and all(" ".join(cache.wrap(name, size, room, True, 2)) == name
                                                for name in names)

        columns = next((count for count in range(MOST_COLUMNS, 2, -1) if readable(count)), 2)
        card_w = (inner - (columns - 1) * gap) // columns
        # the compare tick, a chip in the card's top corner: beside the picture, or over it where the picture is
        # larger so (two columns of a portrait screen: beside the tick it was no larger than the tick itself,
        # designer's review), in a row's room where one row shows
        tick_w, tick_h = compare_tick(ctx, products[0], self.rebuild, stacked=True).natural(inner) if products \
            else (0, 0)
        one_row = height - top - gap - theme.size("title") - \
            (product_card_box(ctx, products[0]).natural(card_w)[1] if products else 0)
        beside = min(card_w - 2 * gap - tick_w - gap // 2, one_row) >= \
            min(card_w - 2 * gap, one_row - tick_h - gap // 3)
        above = 0 if beside else tick_h + gap // 3
        texts = product_card_box(ctx, products[0]).natural(card_w)[1] + above if products else 0
        widest = card_w - 2 * gap - (tick_w + gap // 2 if beside else 0)  # the picture's room across
        # three rows on a portrait screen, two on a landscape one (the last one's foot may go under the edge),
        # fewer where a card would not show its price in a row's room (the portrait window's accessible home cut
        # its prices under the bar) or its picture at its size beside the tick; one row shows whole, the next one
        # starting under it (a title's height), its picture taking the row's room
        card_h = 0
        for rows_shown in range(3 if height > width else 2, 0, -1):
            hint = theme.size("title") if rows_shown == 1 else 0
            room = (height - top - rows_shown * gap - hint) // rows_shown
            card_h = product_card_height(ctx, card_w, products[0], room) + above if products else 0
            if rows_shown == 1:
                card_h = texts + max(tick_h, min(widest, room - texts))
            elif card_h <= room * 10 // 9 and card_h - texts >= PICTURE_TO_TICK * tick_h:
                break
        picture_w = 0
        screen_w, screen_h = ctx.screen.full.get_size()
        if products and rows_shown == 1 and card_h > room and screen_w > screen_h:  # across, the texts beside
            # the picture (the landscape window's accessible home showed one row of cards standing up, and no next
            # row starting under it)
            columns, card_w, picture_w = across(ctx, columns, inner)
            beside = True  # the tick stacked, its box over its word
            card_h = product_card_box(ctx, products[0], partial(compare_tick, ctx, then=self.rebuild, stacked=True),
                                      across=picture_w).natural(card_w)[1]

        def build_row(index: int) -> list[Widget]:
            cards = []
            for col, product in enumerate(products[index * columns:(index + 1) * columns]):
                rect = pygame.Rect(margin + col * (card_w + gap), top + index * (card_h + gap), card_w, card_h)
                # the compare tick in the card's top corner: its box over its word beside the picture (the card
                # keeps its height, so that a row of big cards still shows through the glass), or over it
                cards.append(product_card(ctx, rect, product, partial(self.open_product, product.sku),
                                          partial(compare_tick, ctx, then=self.rebuild, stacked=beside),
                                          beside=beside, top=not beside, across=picture_w))
            return cards

        view.set_rows(-(-len(products) // columns), card_h + gap, build_row, top=top)
        view.content_height += margin
        view.scroll = min(self._scrolled, view.max_scroll)
        self._grid = view

    def rebuild(self) -> None:
        """Build again, the grid kept where it was scrolled to."""
        if self._grid is not None and self.root is not None:
            self._scrolled = self._grid.scroll
        super().rebuild()

    def choose(self, department: str) -> None:
        """Show a department's products (or all), from the top."""
        self.department = department
        self.rebuild()
        self._scrolled = 0.0

    def open_search(self) -> None:
        """The terminal's search, its results opening the window's product pages."""
        self.ctx.show(self.ctx.routes.search())

    def open_product(self, sku: str) -> None:
        """A product's page."""
        self.ctx.show(self.ctx.routes.product(sku))
