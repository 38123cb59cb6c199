"""A department: its products as cards, with sort and filters."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.language.i18n import N_
from kiosk.core.models import ProductSummary, pick
from kiosk.scenes.base import ShopScene, product_grid
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flex, flow, layer, leaf, row, scroll
from kiosk.ui.scene import Modal
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root, Widget

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
            return flow(*(kit.button(label, action, style="chip_on" if selected else "chip")
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
        heading = row(title_words, *([] if low_close else [close]), gap=gap, align="center",
                      padding=Insets(margin, margin, 0, margin))
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
        if in_reach and self.wide(size):
            # accessible mode on a landscape screen, whose reach zone is short: the groups in columns side by
            # side (sort, price and the others at once; one showed), each going to the shortest column
            options = self._columns(sections, width - 2 * margin)
        else:
            options = column(*(part for name, made in sections for part in (self.section(name), made)),
                             gap=gap, padding=Insets(0, margin, 0, margin))
        # the title and the buttons to apply or reset stay in sight; only the choices scroll between them
        close.width = fit(min=theme.size("touch_target"))
        if low_close:  # beside Reset and Show: its sign alone where the three words do not fit side by side
            words = [t("Close"), t("Reset"), show]
            pad, size_px = 2 * theme.size("gap") + theme.px(16), theme.size("button")
            if sum(ctx.screen.text.width(word, size_px, True) + pad for word in words) + 2 * (margin + gap) > width:
                close = kit.button(t("Close"), ctx.back, style="secondary", shown="✕", size="title",
                                   width=fixed(theme.size("touch_target")))
        actions = row(*([close] if low_close else []),
                      kit.button(t("Reset"), self._reset, style="secondary", width=flex()),
                      kit.button(show, self._apply, style="accent", enabled=count > 0, width=flex()),
                      gap=gap, padding=Insets(0, margin, margin, margin))
        choices = scroll(options, t("Sort and filter"), color="background", height=flex())
        sheet = column(heading, choices, actions, gap=gap, height=flex(), widget=kit.panel("background"))
        # the sheet from a quarter of the screen down, never over the header (dimmed, never half covered);
        # the dimmed room above it closes it when tapped. In accessible mode the choices take all the room
        # within reach: on a landscape screen the sheet's title stands above the reach zone (words only) and
        # its choices start at it; in a portrait screen's reach zone the sheet starts at the zone's top
        keep = self.modal_room(size)
        reach_top = self.out_of_reach(size)
        if reach_top:
            above_h = max(0, reach_top - keep.top - heading.natural(width)[1] - gap)
        elif in_reach:
            above_h = 0
        else:
            above_h = max(0, height // 4 - keep.top - keep.bottom)
        above = leaf(Widget((0, 0, 0, 0), on_tap=ctx.back), height=fixed(above_h))
        self.mounted(root, layer(column(above, sheet, height=flex()), keep=keep))
        panel = choices.widget
        assert isinstance(panel, ScrollView)
        self._panel = panel
        if previous is not None:  # a choice rebuilds the sheet: keep it where the shopper scrolled to
            panel.scroll = min(previous.scroll, panel.max_scroll)
        return root

    def _columns(self, sections: list[tuple[str, Box]], inner: int) -> Box:
        """The sheet's groups (a title over its chips) in columns at least three touch targets wide, each group
        put in the column that is shortest so far, in their order."""
        theme = self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        count = max(2, min(len(sections), (inner + margin) // (3 * theme.size("touch_target") + margin)))
        col_w = (inner - (count - 1) * margin) // count
        groups = [column(self.section(name), made, gap=gap // 2) for name, made in sections]
        columns: list[list[Box]] = [[] for _ in range(count)]
        heights = [0] * count
        for group in groups:
            shortest = heights.index(min(heights))
            columns[shortest].append(group)
            heights[shortest] += group.natural(col_w)[1] + gap
        return row(*(column(*made, gap=gap, width=fixed(col_w)) for made in columns if made), gap=margin,
                   align="start", padding=Insets(0, margin, 0, margin))

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
