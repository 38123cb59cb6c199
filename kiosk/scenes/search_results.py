"""All the results of a search (Enter, or "See all results"): as cards with their compare tick, by department,
sorted (best match, popularity, price, rating) and filtered with the department's filters."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.models import ProductSummary, pick
from kiosk.scenes.base import ShopScene, product_grid
from kiosk.scenes.browse import SEARCH_SORT_LABELS, FilterSheet
from kiosk.scenes.comparing import compare_tick
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Box, Insets, column, flex, flow, row, scroll
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Root

SHOWN_AT_MOST = 240  # cards listed (a row is made only as it comes into view); the count says how many there are


class SearchResultsScene(ShopScene):
    """What a search finds, every product of it, with the departments they fall in as chips."""

    name = "search_results"

    def __init__(self, ctx: SceneContext, query: str, department: str = "") -> None:
        super().__init__(ctx)
        self.query = query
        self.department = department  # "" : every department
        self.sort = "relevance"
        self.filter = BrowseFilter()
        self._grid: ScrollView | None = None
        self._scrolled = 0.0  # where the grid was when the scene was built again (a tick tapped)

    def details(self) -> dict[str, Any]:
        """The query, the department chosen, sort, filters, how many products and their departments."""
        catalog = self.ctx.shop.catalog
        return {"query": self.query, "department": self.department, "sort": self.sort,
                "filters": self.filter.active, "count": catalog.count(self.department or None, self.filter, self.query),
                "departments": [d for d, _ in catalog.departments_found(self.query, self.filter)]}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the results: what was searched, how many products it finds, the department
        chosen and how they are sorted and filtered."""
        ctx, t = self.ctx, self.ctx.t
        catalog = ctx.shop.catalog
        count = catalog.count(self.department or None, self.filter, self.query)
        category = catalog.category(self.department) if self.department else None
        chosen = [pick(category.name, ctx.lang)] if category else []
        if self.sort in SEARCH_SORT_LABELS:
            chosen.append(t(SEARCH_SORT_LABELS[self.sort]))
        if self.filter.active:
            chosen.append(t("Sort and filter") + f" ({self.filter.active})")
        return (t("Results for “{query}”", query=self.query), t.plural("{count} product", "{count} products", count),
                *([" · ".join(chosen)] if chosen else []))

    def banner_picture(self) -> str:
        """In reach mode, beside those lines: the picture of the first product found."""
        first = self.ctx.shop.catalog.browse(self.department or None, self.sort, self.filter, limit=1,
                                             query=self.query)
        return str(self.ctx.shop.image(first[0].image)) if first and first[0].image else ""

    def build(self, size: tuple[int, int]) -> Root:
        """Count and "Sort and filter", the department chips, and the cards."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        catalog = ctx.shop.catalog
        margin = theme.size("margin")
        count = catalog.count(self.department or None, self.filter, self.query)
        tools = self.list_tools(count, self.filter.active, self.open_filters, size)
        products = catalog.browse(self.department or None, self.sort, self.filter, limit=SHOWN_AT_MOST,
                                  query=self.query)
        if products:
            grid = scroll(None, t("Products"), rows=partial(self._fill, products), height=flex())
        else:
            grid = scroll(column(kit.words(t("No product matches these filters."), align="center", color="muted"),
                                 padding=Insets.all(2 * margin)), t("Products"), height=flex())
        title = t("Results for “{query}”", query=self.query)
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: what was searched in
            # words and a picture above the reach zone, the cards within reach, the departments' chips and the tools
            # in a column beside them (as the department's page; the chips and the first row of cards stood out of
            # reach, and over the cards the chips left them one row and none starting under it)
            label = t("Sort and filter") + (f" ({self.filter.active})" if self.filter.active else "")
            side = self.reach_side(size[0] // 3, lambda: [
                self._chips(padded=False), kit.button(t("Sort and filter"), self.open_filters, style="secondary",
                                                      width=flex(), shown="☰  " + label)])
            body = column(self.reach_strip(size[0], reach_top, title), row(grid, side, height=flex()), height=flex())
            return self.screen(size, title, body)
        if self.bars_in_reach(size):  # the toolbar within reach, over the comparison's bar
            return self.screen(size, title, column(self._chips(), grid), bottom=[tools, *self.compare_bar()])
        return self.screen(size, title, column(tools, self._chips(), grid), bottom=self.compare_bar())

    def _chips(self, padded: bool = True) -> Box:
        """"All" and each department the results fall in, with how many; the chosen one on (`padded`: across the
        page, with its margins; else in a column's room, scrolled where they are more than it shows)."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        catalog = ctx.shop.catalog
        found = catalog.departments_found(self.query, self.filter)
        total = sum(count for _, count in found)
        chips = [kit.button(t("All ({count})", count=total), partial(self.choose, ""),
                            style="chip_off" if self.department else "chip_on", size="text")]
        for department, count in found:
            category = catalog.category(department)
            name = pick(category.name, ctx.lang) if category else department
            chips.append(kit.button(f"{name} ({count})", partial(self.choose, department),
                                    style="chip_on" if department == self.department else "chip_off", size="text"))
        margin, gap = theme.size("margin"), theme.size("gap")
        chosen = flow(*chips, gap=gap // 2)
        if padded:
            return column(chosen, padding=Insets(gap, margin, 0, margin))
        return scroll(chosen, t("Our departments"), height=flex())

    def _fill(self, products: list[ProductSummary], view: ScrollView) -> None:
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

    def choose(self, department: str) -> None:
        """Narrow the results to a department ("" : all of them again); a chosen chip tapped again lets go.
        A brand filter of another department is dropped."""
        self.department = "" if department == self.department else department
        if self.filter.brands:
            brands = set(self.ctx.shop.catalog.facets(self.department or None, self.query).brands)
            self.filter = replace(self.filter, brands=self.filter.brands & brands)
        self.rebuild()
        self._scrolled = 0.0

    def open_filters(self) -> None:
        """The sort and filter sheet, with the filters of the department chosen (or of all the results)."""
        sheet = FilterSheet(self.ctx, self.department or None, self.sort, self.filter, query=self.query)
        self.ctx.screen.stack.open_modal(sheet, lambda chosen: self.apply(*chosen))

    def apply(self, sort: str, chosen: BrowseFilter) -> None:
        """Use a new sort and filter (the grid starts at its top)."""
        self.sort, self.filter = sort, chosen
        self.rebuild()
        self._scrolled = 0.0

    def open_product(self, sku: str) -> None:
        """Show a product; the search counts among the store's popular ones."""
        self.ctx.shop.searches.led_to_a_product(self.query)
        self.ctx.show(self.ctx.routes.product(sku))
