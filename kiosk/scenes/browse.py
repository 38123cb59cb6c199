"""A department: its products as cards, with sort and filters."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import pygame

from kiosk.core.catalog import BrowseFilter
from kiosk.core.i18n import N_
from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene, product_card
from kiosk.scenes.context import SceneContext
from kiosk.ui.scene import Modal
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Root, Widget

SORT_LABELS = {"popular": N_("Most popular"), "price_asc": N_("Price: low to high"),
               "price_desc": N_("Price: high to low"), "rating": N_("Best rated")}
PAGE = 60


class BrowseScene(ShopScene):
    """Products of one category."""

    name = "browse"

    def __init__(self, ctx: SceneContext, category: str) -> None:
        super().__init__(ctx)
        self.category = category
        self.sort = "popular"
        self.filter = BrowseFilter()

    def details(self) -> dict[str, Any]:
        """Category, sort and filters."""
        return {"category": self.category, "sort": self.sort, "filters": self.filter.active,
                "count": self.ctx.shop.catalog.count(self.category, self.filter)}

    def build(self, size: tuple[int, int]) -> Root:
        """Toolbar and the grid of cards."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        catalog = ctx.shop.catalog
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        category = catalog.category(self.category)
        title = pick(category.name, ctx.lang) if category else self.category
        y = self.header(root, title)
        bottom = height - self.compare_bar(root)
        target = theme.size("touch_target")
        bar_h = max(theme.px(130), target + theme.px(28))  # the larger targets of accessible mode keep a margin
        count = catalog.count(self.category, self.filter)
        root.add(Label((margin, y, width // 2 - margin, bar_h), t.plural("{count} product", "{count} products", count),
                       color="muted"))
        filters_label = t("Sort and filter")
        shown = filters_label + (f" ({self.filter.active})" if self.filter.active else "")
        root.add(Button((width - margin - theme.px(430), y + (bar_h - target) // 2, theme.px(430), target),
                        filters_label, self.open_filters, style="secondary", shown="☰  " + shown))
        y += bar_h
        products = catalog.browse(self.category, self.sort, self.filter, limit=PAGE)
        columns = 2 if width < height else 4
        card_w = (width - 2 * margin - (columns - 1) * gap) // columns
        card_h = card_w + theme.px(250)
        rows = -(-len(products) // columns)
        scroll = root.add(ScrollView((0, y, width, bottom - y), 0, label=t("Products")))

        def build_row(row: int) -> list[Widget]:
            cards: list[Widget] = []
            for col, product in enumerate(products[row * columns:(row + 1) * columns]):
                rect = pygame.Rect(margin + col * (card_w + gap), row * (card_h + gap), card_w, card_h)
                cards.append(product_card(ctx, rect, product, partial(self.open_product, product.sku)))
            return cards

        scroll.set_rows(rows, card_h + gap, build_row)
        scroll.content_height += margin
        if not products:
            scroll.add(Label((margin, theme.px(80), width - 2 * margin, theme.px(120)),
                             t("No product matches these filters."), align="center", color="muted"))
        return root

    def open_product(self, sku: str) -> None:
        """Show a product."""
        self.ctx.show(self.ctx.routes.product(sku))

    def open_filters(self) -> None:
        """Open the sort and filter sheet."""
        self.ctx.screen.stack.open_modal(FilterSheet(self.ctx, self.category, self.sort, self.filter),
                                         lambda chosen: self.apply(*chosen))

    def apply(self, sort: str, chosen: BrowseFilter) -> None:
        """Use a new sort and filter."""
        self.sort, self.filter = sort, chosen
        self.rebuild()


class FilterSheet(ShopScene, Modal[tuple[str, BrowseFilter]]):
    """A sheet over the department: sort order, price, rating, brand, in stock. Its answer: the sort and
    filter to show ("Show N products"); closing it keeps the department as it was."""

    name = "filters"
    modal = True

    def __init__(self, ctx: SceneContext, category: str, sort: str, chosen: BrowseFilter) -> None:
        super().__init__(ctx)
        self.category = category
        self.sort = sort
        self.filter = chosen

    def details(self) -> dict[str, Any]:
        """What is chosen so far."""
        return {"sort": self.sort, "filters": self.filter.active}

    def build(self, size: tuple[int, int]) -> Root:
        """Chips for each choice, and the buttons to apply or reset."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height), color="")
        top = height // 4
        root.add(Widget((0, 0, width, top), on_tap=ctx.back))  # a tap on the dimmed part closes the sheet
        panel = root.add(ScrollView((0, top, width, height - top), 0, color="background", label=t("Sort and filter")))
        previous, self._panel = getattr(self, "_panel", None), panel
        chip_h = theme.size("touch_target")
        y = margin

        def heading(text: str) -> None:
            nonlocal y
            panel.add(Label((margin, y, width - 2 * margin, theme.px(56)), text, size="title", bold=True,
                            heading=True))
            y += theme.px(70)

        def chips(options: list[tuple[str, bool, Any]]) -> None:
            nonlocal y
            x = margin
            for label, selected, action in options:
                w = ctx.screen.text.width(label, theme.size("button"), True) + theme.px(60)
                if x + w > width - margin:
                    x, y = margin, y + chip_h + gap
                panel.add(Button((x, y, w, chip_h), label, action, style="chip_on" if selected else "chip"))
                x += w + gap
            y += chip_h + theme.px(40)

        close = "✕ " + t("Close")
        close_w = max(theme.px(220), ctx.screen.text.width(close, theme.size("button"), True) + theme.px(40))
        panel.add(Label((margin, y, width - 2 * margin - close_w, chip_h), t("Sort and filter"), size="title",
                        bold=True, heading=True))
        panel.add(Button((width - margin - close_w, y, close_w, chip_h), t("Close"), ctx.back, style="secondary",
                         shown=close))
        y += chip_h + theme.px(30)
        heading(t("Sort by"))
        chips([(t(label), key == self.sort, lambda k=key: self._set(sort=k)) for key, label in SORT_LABELS.items()])
        facets = ctx.shop.catalog.facets(self.category)
        heading(t("Price"))
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
        chips(bands)
        heading(t("Rating"))
        chips([(t("{stars} ★ and more", stars=stars), self.filter.min_rating == stars,
                lambda s=stars: self._set(min_rating=None if self.filter.min_rating == s else float(s)))
               for stars in (4, 3)]
              + [(t("In stock"), self.filter.in_stock_only,
                  lambda: self._set(in_stock_only=not self.filter.in_stock_only))])
        heading(t("Brand"))
        chips([(brand, brand in self.filter.brands, partial(self._toggle_brand, brand)) for brand in facets.brands])
        count = ctx.shop.catalog.count(self.category, self.filter)
        button_w = (width - 2 * margin - gap) // 2
        panel.add(Button((margin, y, button_w, chip_h), t("Reset"), self._reset, style="secondary"))
        show = t.plural("Show {count} product", "Show {count} products", count)
        panel.add(Button((margin + button_w + gap, y, button_w, chip_h), show,
                         self._apply, style="accent", enabled=count > 0))
        panel.content_height = y + chip_h + margin
        if previous is not None:  # a choice rebuilds the sheet: keep it where the shopper scrolled to
            panel.scroll = min(previous.scroll, panel.max_scroll)
        return root

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
        self.sort, self.filter = "popular", BrowseFilter()
        self.rebuild()

    def _apply(self) -> None:
        self.dismiss((self.sort, self.filter))
