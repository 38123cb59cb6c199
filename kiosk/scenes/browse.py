"""A department: its products as cards, with sort and filters."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import pygame

from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.language.i18n import N_
from kiosk.core.models import ProductSummary, pick
from kiosk.scenes.base import ShopScene, product_grid
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import (
    Box,
    Insets,
    Size,
    column,
    fit,
    fixed,
    flex,
    flow,
    layer,
    layout,
    leaf,
    row,
    scroll,
    status_zone,
)
from kiosk.ui.more_cue import MoreCue, more_cue
from kiosk.ui.scene import Modal
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root, Status, Widget

SORT_LABELS = {"popular": N_("Most popular"), "price_asc": N_("Price: low to high"),
               "price_desc": N_("Price: high to low"), "rating": N_("Best rated")}
SEARCH_SORT_LABELS = {"relevance": N_("Best match"), **SORT_LABELS}  # a search's results: what it names first
PAGE = 60


class BrowseScene(ShopScene):
    """Products of one category."""

    name = "browse"

    def __init__(self, ctx: SceneContext, category: str) -> None:
        super().__init__(ctx)
        self.category = category
        self.sort = "popular"
        self.filter = BrowseFilter()
        self._grid: ScrollView | None = None
        self._scrolled = 0.0  # where the grid was when the scene was built again (a compare tick tapped)

    def details(self) -> dict[str, Any]:
        """Category, sort and filters."""
        return {"category": self.category, "sort": self.sort, "filters": self.filter.active,
                "count": self.ctx.shop.catalog.count(self.category, self.filter)}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the grid: the department, how many products it shows, and how they are
        sorted and filtered."""
        ctx, t = self.ctx, self.ctx.t
        category = ctx.shop.catalog.category(self.category)
        count = ctx.shop.catalog.count(self.category, self.filter)
        chosen = t(SORT_LABELS.get(self.sort, "")) if self.sort in SORT_LABELS else ""
        if self.filter.active:
            chosen += " · " + t("Sort and filter") + f" ({self.filter.active})"
        return tuple(line for line in (pick(category.name, ctx.lang) if category else self.category,
                                       t.plural("{count} product", "{count} products", count), chosen) if line)

    def banner_picture(self) -> str:
        """In reach mode, beside those lines: the picture of the department's first product."""
        first = self.ctx.shop.catalog.browse(self.category, self.sort, self.filter, limit=1)
        return str(self.ctx.shop.image(first[0].image)) if first and first[0].image else ""

    def build(self, size: tuple[int, int]) -> Root:
        """Toolbar and the grid of cards."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        catalog = ctx.shop.catalog
        margin = theme.size("margin")
        category = catalog.category(self.category)
        title = pick(category.name, ctx.lang) if category else self.category
        count = catalog.count(self.category, self.filter)
        tools = self.list_tools(count, self.filter.active, self.open_filters, size)
        products = catalog.browse(self.category, self.sort, self.filter, limit=PAGE)
        if products:
            grid = scroll(None, t("Products"), rows=partial(self._fill, products), height=flex())
        else:
            grid = scroll(column(kit.words(t("No product matches these filters."), align="center", color="muted"),
                                 padding=Insets.all(2 * margin)), t("Products"), height=flex())
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: the department in
            # words and a picture above the reach zone, its cards within reach (over the whole height, the top
            # row stood out of reach and a second row showed its names without prices under the bars)
            side = self.reach_tools(self.filter.active, self.open_filters, size[0] // 3)
            body = column(self.reach_strip(size[0], reach_top, title), row(grid, side, height=flex()),
                          height=flex())
            return self.screen(size, title, body)
        if self.bars_in_reach(size):  # the toolbar within reach, over the comparison's bar
            return self.screen(size, title, column(grid), bottom=[tools, *self.compare_bar()])
        return self.screen(size, title, column(tools, grid), bottom=self.compare_bar())

    def _fill(self, products: list[ProductSummary], view: ScrollView) -> None:
        """The cards in the grid's view, once it has its size (a row made as it comes into view), each with
        its compare tick; the grid stays where the shopper scrolled to."""
        view.remove_children()
        product_grid(self.ctx, view, products, self.open_product, self._tick)
        view.scroll = min(self._scrolled, view.max_scroll)
        self._grid = view

    def _tick(self, product: ProductSummary, stacked: bool) -> Box:
        return compare_tick(self.ctx, product, self.rebuild, stacked=stacked)

    def rebuild(self) -> None:
        """Build again, the grid kept where it was scrolled to."""
        if self._grid is not None and self.root is not None:
            self._scrolled = self._grid.scroll
        super().rebuild()

    def open_product(self, sku: str) -> None:
        """Show a product."""
        self.ctx.show(self.ctx.routes.product(sku))

    def open_filters(self) -> None:
        """Open the sort and filter sheet."""
        self.ctx.screen.stack.open_modal(FilterSheet(self.ctx, self.category, self.sort, self.filter),
                                         lambda chosen: self.apply(*chosen))

    def apply(self, sort: str, chosen: BrowseFilter) -> None:
        """Use a new sort and filter (the grid starts at its top)."""
        self.sort, self.filter = sort, chosen
        self.rebuild()
        self._scrolled = 0.0


class FilterSheet(ShopScene, Modal[tuple[str, BrowseFilter]]):
    """A sheet over the department (or a search's results, of one department or all): sort order, price,
    rating, brand, in stock. Its answer: the sort and filter to show ("Show N products"); closing it keeps
    the list as it was."""

    name = "filters"
    modal = True

    def __init__(self, ctx: SceneContext, category: str | None, sort: str, chosen: BrowseFilter,
                 query: str = "") -> None:
        super().__init__(ctx)
        self.category = category
        self.sort = sort
        self.filter = chosen
        self.query = query  # a search's results: only the products it finds
        self.sorts = SEARCH_SORT_LABELS if query else SORT_LABELS

    def details(self) -> dict[str, Any]:
        """What is chosen so far."""
        return {"sort": self.sort, "filters": self.filter.active}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the sheet: what it sorts and filters (the department, or what was searched),
        how many products the choices show, and the order chosen."""
        ctx, t = self.ctx, self.ctx.t
        category = ctx.shop.catalog.category(self.category) if self.category else None
        what = f"“{self.query}”" if self.query else pick(category.name, ctx.lang) if category else ""
        count = ctx.shop.catalog.count(self.category, self.filter, self.query)
        return tuple(line for line in (what or t("Sort and filter"),
                                       t.plural("{count} product", "{count} products", count),
                                       t(self.sorts[self.sort]) if self.sort in self.sorts else "") if line)

    def build(self, size: tuple[int, int]) -> Root:
        """Chips for each choice, and the buttons to apply or reset."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width, height = size  # the sheet and its backdrop take the whole screen
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height), color="")
        previous = getattr(self, "_panel", None)

        def chips(options: list[tuple[str, bool, Any]]) -> Box:
            return flow(*(kit.button(label, action, style="chip_on" if selected else "chip_off")
                          for label, selected, action in options), gap=gap)

        facets = ctx.shop.catalog.facets(self.category, self.query)
        bands = []
        for low, high in facets.price_bands:
            if low is None and high is not None:
                label = t("Under {price}", price=ctx.fmt.price(high))
            elif high is None and low is not None:
                label = t("{price} and more", price=ctx.fmt.price(low))
            else:
                label = f"{ctx.fmt.price(low or 0)} – {ctx.fmt.price(high or 0)}"
            chosen = (self.filter.price_min_cents, self.filter.price_max_cents) == (low, high)
            bands.append((label, chosen, lambda lo=low, hi=high, c=chosen: self._price(None, None) if c
                          else self._price(lo, hi)))
        count = ctx.shop.catalog.count(self.category, self.filter, self.query)
        show = t.plural("Show {count} product", "Show {count} products", count)
        close = kit.button(t("Close"), ctx.back, style="secondary", shown="✕ " + t("Close"))
        in_reach = self.bars_in_reach(size)  # accessible mode (the choices take all the room within reach)
        # accessible mode: Close with the other buttons at the sheet's bottom, within reach (at the sheet's top it
        # stood at 43 % of a portrait screen's height: designer's review)
        low_close = in_reach
        title_words = kit.words(t("Sort and filter"), size="title", bold=True, heading=True, valign="center",
                                max_lines=2)
        sections = [
            (t("Sort by"), chips([(t(label), key == self.sort, lambda k=key: self._set(sort=k))
                                  for key, label in self.sorts.items()])),
            (t("Price"), chips(bands)),
            (t("Rating"), chips([(t("{stars} ★ and more", stars=stars), self.filter.min_rating == stars,
                                  lambda s=stars: self._set(min_rating=None if self.filter.min_rating == s
                                                            else float(s)))
                                 for stars in (4, 3)])),
            (t("Availability"), chips([(t("In stock"), self.filter.in_stock_only,
                                        lambda: self._set(in_stock_only=not self.filter.in_stock_only))])),
            (t("Brand"), chips([(brand, brand in self.filter.brands, partial(self._toggle_brand, brand))
                                for brand in facets.brands])),
        ]
        # the three buttons at the bottom: Close and Reset as wide as their words, Show (what the shopper came
        # for) the strongest, taking the rest of the row (Reset was the widest: designer's review)
        close.width = fit(min=theme.size("touch_target"))
        if low_close:  # beside Reset and Show: its sign alone where the three words do not fit side by side
            words = [t("Close"), t("Reset"), show]
            pad, size_px = 2 * theme.size("gap") + theme.px(16), theme.size("button")
            if sum(ctx.screen.text.width(word, size_px, True) + pad for word in words) + 2 * (margin + gap) > width:
                close = kit.button(t("Close"), ctx.back, style="secondary", shown="✕", size="title",
                                   width=fixed(theme.size("touch_target")))
        actions = row(*([close] if low_close else []),
                      kit.button(t("Reset"), self._reset, style="secondary", width=fit()),
                      kit.button(show, self._apply, style="accent", enabled=count > 0, width=flex()),
                      gap=gap, padding=Insets(0, margin, margin, margin))
        keep = self.modal_room(size)
        reach_top = self.out_of_reach(size)
        cue: Box | None = None
        choices_height: Size | None = None
        if in_reach and self.wide(size):
            # accessible mode on a landscape screen, whose reach zone is short: the groups in columns side by
            # side (sort, price and the others at once; one showed), as many whole lines of chips as the room
            # takes, and beside the sheet's title a line that names the groups out of sight
            room = height - keep.bottom - max(reach_top, keep.top) - gap - actions.natural(width)[1]
            options, shown_h, cue = self._columns(sections, width - 2 * margin, room)
            choices_height = fixed(shown_h) if cue is not None else None
        else:
            options = column(*(part for name, made in sections for part in (self.section(name), made)),
                             gap=gap, padding=Insets(0, margin, 0, margin))
        # the title and the buttons to apply or reset stay in sight; only the choices scroll between them
        choices = scroll(options, t("Sort and filter"), color="background", height=choices_height or flex())
        if cue is not None:  # (beside the title, over the choices: their room within reach takes two lines of chips)
            title_words.width = fit()
        # a confirmation or a warning in the title's place, in the tree (it floated over the sheet)
        status = Status()
        zone = status_zone(status, title_words)
        if cue is not None:  # (the zone as wide as the title: the line beside it keeps its room)
            zone.width = fixed(title_words.natural(width - 2 * margin)[0])
        heading = row(zone, *([cue] if cue is not None else []),
                      *([] if low_close else [close]), gap=gap, align="center",
                      padding=Insets(margin, margin, 0, margin))
        if cue is not None:  # the view ends at its fold, the room under it left empty
            choices = column(choices, height=flex())
        sheet = column(heading, choices, actions, gap=gap, height=flex(), widget=kit.panel("background"))
        # the sheet from a quarter of the screen down, never over the header (dimmed, never half covered);
        # the dimmed room above it closes it when tapped. In accessible mode the choices take all the room
        # within reach: on a landscape screen the sheet's title stands above the reach zone (words only) and
        # its choices start at it; in a portrait screen's reach zone the sheet starts at the zone's top
        if reach_top:
            above_h = max(0, reach_top - keep.top - heading.natural(width)[1] - gap)
        elif in_reach:
            above_h = 0
        else:  # (higher, up to the header, where that shows every choice: the brands' chips were cut at its foot)
            room = height - keep.top - keep.bottom
            above_h = max(0, min(height // 4 - keep.top - keep.bottom, room - sheet.natural(width)[1]))
        above = leaf(Widget((0, 0, 0, 0), on_tap=ctx.back), height=fixed(above_h))
        self.mounted(root, layer(column(above, sheet, height=flex()), keep=keep), status)
        panel = next(node.widget for node in choices.walk() if isinstance(node.widget, ScrollView))
        # where the choices go on below, the sheet says so under its last whole row, where the words of the landscape
        # columns' cue do not say it already
        panel.whole_rows = cue is None
        self._panel = panel
        if previous is not None:  # a choice rebuilds the sheet: keep it where the shopper scrolled to
            panel.scroll = min(previous.scroll, panel.max_scroll)
        if cue is not None:
            panel.on_scroll = self._say_hidden
            self._say_hidden()
        return root

    def _columns(self, sections: list[tuple[str, Box]], inner: int, room: int) -> tuple[Box, int, Box | None]:
        """The sheet's groups for a short, wide room: the first ones side by side in columns (sort, price, rating
        and availability at once; one showed), each column as wide as its widest chip or title where they fit
        so, their titles one height so that their chips stand in lines across the columns; the groups that do
        not fit beside them (the brands) under them, across the width. Where that is taller than `room`, the view
        ends at the last line of chips it shows whole, and a line beside the sheet's title names the groups out of
        sight (`_say_hidden`): no chip is cut at the fold, and none is out of sight without the sheet saying so
        (half of "Price: low to high" showed, and the brands were under the fold). Returns the choices, the
        view's height, and that line (None when every group shows)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        count = max(2, min(len(sections), (inner + margin) // (3 * theme.size("touch_target") + margin)))
        titles = [kit.words(name, size="button", max_lines=2, bold=True, heading=True) for name, _ in sections]

        def need(index: int) -> int:  # a group's widest chip, or its title on one line
            chips = sections[index][1].children
            return max([ctx.screen.text.width(sections[index][0], theme.size("button"), True) + 1,
                        *(chip.natural(1 << 20)[0] for chip in chips)])

        while count > 2 and sum(need(index) for index in range(count)) + (count - 1) * margin > inner:
            count -= 1
        spare = inner - (count - 1) * margin - sum(need(index) for index in range(count))
        widths = [need(index) + spare // count for index in range(count)]
        title_h = max(title.natural(wide)[1] for title, wide in zip(titles, widths, strict=False))
        groups = [column(column(title, height=fixed(title_h)) if index < count else title, made, gap=gap // 2)
                  for index, (title, (_, made)) in enumerate(zip(titles, sections, strict=True))]
        self._groups = [(name, group) for (name, _), group in zip(sections, groups, strict=True)]
        beside = row(*(column(group, width=fixed(wide)) for group, wide in zip(groups, widths, strict=False)),
                     gap=margin, align="start")
        content = column(beside, *groups[count:], gap=gap, padding=Insets(0, margin, 0, margin))
        if content.natural(inner + 2 * margin)[1] <= room:
            return content, room, None
        cue = self._cue([name for name, _ in sections])
        cue.width = flex()  # (the line changes to name what is out of sight)
        assert isinstance(cue.widget, MoreCue)
        self._cue_label = cue.widget
        return content, self._fold(content, inner + 2 * margin, room), cue

    @staticmethod
    def _fold(content: Box, width: int, room: int) -> int:
        """The lowest height up to `room` at which the view cuts none of `content`'s chips or titles (laid out
        here as the view will lay it out)."""
        layout(content, pygame.Rect(0, 0, width, content.natural(width)[1]))
        spans = [(node.rect.top, node.rect.bottom) for node in content.walk()
                 if node.widget is not None and not node.children]
        fold = room
        while cut := [top for top, bottom in spans if top < fold < bottom]:
            fold = min(cut)
        return fold

    def _cue(self, hidden: list[str], above: bool = False) -> Box:
        """The line beside the sheet's title that names the groups out of sight, further down (or further up): in
        the look of every other "more below" (a chevron, small words in the text's colour; it was the only one in
        yellow, larger, with a sign of its own: designer's review)."""
        return more_cue(MoreCue(self._cue_words(hidden, above), up=above), self.ctx.screen.text, self.ctx.theme)

    def _cue_words(self, hidden: list[str], above: bool = False) -> str:
        """What the line beside the sheet's title says: the groups out of sight, further down (or further up)."""
        t = self.ctx.t
        return t("Further up: {groups}", groups=", ".join(hidden)) if above else \
            t("Further down: {groups}", groups=", ".join(hidden))

    def _say_hidden(self) -> None:
        """The cue names the groups whose titles the view does not show now: those further down (and "more
        choices" where a group in sight goes on under the fold), else those further up. A group whose title is in
        sight is not named (beside "Sort by" and "Price" in sight it said "Further down: Sort by, Price, Brand":
        designer's review), nor at the end of the choices the brands in sight."""
        panel, label = self._panel, getattr(self, "_cue_label", None)
        if label is None or label.parent is None:
            return
        top, bottom = round(panel.scroll), round(panel.scroll) + panel.rect.height
        titles = [(name, band, band.children[0].rect) for name, band in self._groups]
        below = [name for name, _, title in titles if title.bottom > bottom]
        going_on = any(band.rect.bottom > bottom for _, band, title in titles
                       if top <= title.top and title.bottom <= bottom)
        above = [name for name, _, title in titles if title.top < top]
        more = [self.ctx.t("more choices")] if going_on else []
        up = not (more or below) and bool(above)
        said = self._cue_words(above, above=True) if up else self._cue_words(more + below)
        if said != label.text or up != label.up:
            label.up = up
            label.set_text(said)
            label.invalidate()

    def _set(self, sort: str | None = None, **changes: Any) -> None:
        if sort is not None:
            self.sort = sort
        if changes:
            self.filter = replace(self.filter, **changes)
        self.rebuild()

    def _price(self, low: int | None, high: int | None) -> None:
        self._set(price_min_cents=low, price_max_cents=high)

    def _toggle_brand(self, brand: str) -> None:
        self._set(brands=self.filter.brands ^ {brand})

    def _reset(self) -> None:
        self.sort, self.filter = next(iter(self.sorts)), BrowseFilter()
        self.rebuild()

    def _apply(self) -> None:
        self.dismiss((self.sort, self.filter))
