"""Home: search, the categories, and a hint to scan a product."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import pick
from kiosk.core.pack.map_and_collections import Collection
from kiosk.scenes.base import ShopScene
from kiosk.ui.layout import Box, Insets, Size, column, first_that_fits, fit, fixed, flex, leaf, row, scroll
from kiosk.ui.widgets import Picture, Root, Widget


class BarcodeIcon(Widget):
    """A drawn barcode, for the scan hint."""

    def paint(self, painter: Any, rect: pygame.Rect) -> None:
        """Bars of varied widths."""
        pattern = [3, 1, 2, 1, 1, 3, 1, 2, 2, 1, 1, 1, 3, 2, 1, 1, 2, 3, 1, 1, 2, 1, 3, 1]
        unit = rect.width / (sum(pattern) + len(pattern))
        x = float(rect.x)
        color = painter.theme.color("text")
        for index, width in enumerate(pattern):
            if index % 2 == 0:
                pygame.draw.rect(painter.surface, color, (round(x), rect.y, max(1, round(width * unit)), rect.height))
            x += (width + 1) * unit


class HomeScene(ShopScene):
    """The start of a shopper's visit."""

    name = "home"

    def build(self, size: tuple[int, int]) -> Root:
        """Greeting, search bar, department tiles, ideas and the scan hint, above the compare bar. On a
        short screen (accessible mode's reach, a landscape counter) the subtitle and the scan hint give
        way first, then the ideas, so that the departments stay on screen at touch size."""
        ctx = self.ctx
        width = size[0]
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: the greeting and the
            # scan hint above the reach zone, across its width; search, the departments and the ideas within reach
            # what the departments leave: search (and a member's way out) and the comparison in a column beside
            left = width - width // 3
            forms = [self._content(left, extras, above=True) for extras in (("ideas", "events"), ("ideas",), ())]
            forms.append(scroll(self._content(left, (), above=True), ctx.t("Our departments"), height=flex()))
            side = self.reach_side(width // 3, lambda: [self._search(), *self._sign_out(width // 3)])
            body = column(self._greeting_strip(width, reach_top),
                          row(first_that_fits(*forms, height=flex()), side, height=flex()), height=flex())
            return self.screen(size, ctx.shop.config.store.name, body, back=False)
        band = self.reach_band(size)  # (a tablet) the zone's top still above the reach zone: words only there
        # (a landscape counter's home keeps the scan hint beside its greeting, where the width leaves room)
        forms = [self._content(width, extras, band=band) for extras in (("subtitle", "ideas", "events", "hint"),
                                                                        ("ideas", "events", "hint"),
                                                                        ("ideas", "events"), ("ideas",), ())]
        # shorter still (a tablet's reach zone above the compare bar): the departments scroll
        forms.append(scroll(self._content(width, (), band=band), ctx.t("Our departments"), height=flex()))
        return self.screen(size, ctx.shop.config.store.name, first_that_fits(*forms), back=False,
                           bottom=self.compare_bar())

    def _greeting_strip(self, width: int, height: int) -> Box:
        """Above a landscape screen's reach zone (accessible mode), in sight, nothing to touch: the greeting and
        what the kiosk is for on the left, the scan hint on the right."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        words = column(kit.words(self._greeting(), size="headline", sizes=("title",), max_lines=2, bold=True,
                                 heading=True),
                       kit.words(t("What are you looking for today?"), size="title", sizes=("text",), color="muted",
                                 max_lines=2), gap=gap, justify="center", width=flex(), height=flex())
        return row(words, column(self._hint(), justify="center", width=fixed(width // 2), height=flex()),
                   gap=2 * margin, padding=Insets.all(margin), height=fixed(height))

    def _search(self, width: Size | None = None) -> Box:
        """Search for a product: filled in the primary colour, after a magnifier, as on the shop window's home (it
        was outlined here and filled there: designer's review, one style for one action)."""
        return self.kit.button(self.ctx.t("Search for a product"), self.open_search, style="primary", lead="search",
                               size="title", width=width, height=fit(min=self.ctx.theme.size("field")))

    def _sign_out(self, width: int) -> list[Box]:
        """A member's way out (none for a shopper who is not one)."""
        member, t = self.ctx.session.member, self.ctx.t
        if member is None:
            return []
        return [self.kit.button(t("Not {name}? Sign out", name=member.first_name), self.ctx.on_end_session,
                                style="secondary", size="small",
                                width=fit(max=(width - 2 * self.ctx.theme.size("margin")) // 2))]

    def _greeting(self) -> str:
        member = self.ctx.session.member
        return self.ctx.t("Hello {name}!", name=member.first_name) if member else self.ctx.t("Hello!")

    def _hint(self, compact: bool = False) -> Box:
        """The scan hint: a barcode, and what scanning one does (`compact`: a gap around it, not a margin)."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        gap = theme.size("gap")
        margin = gap if compact else theme.size("margin")
        icon = BarcodeIcon((0, 0, 0, 0))
        return row(leaf(icon, width=fixed(theme.size("thumb") // 2), height=fixed(theme.size("thumb") // 3)),
                   column(kit.words(t("Scan a barcode"), size="title", bold=True, max_lines=2),
                          kit.words(t("Hold any product to the scanner to see its details, reviews and "
                                      "stock."), color="muted", max_lines=3), gap=gap // 2),
                   gap=2 * gap, align="center", padding=Insets.all(margin), widget=kit.panel("highlight"))

    def _content(self, width: int, extras: tuple[str, ...], above: bool = False, band: int = 0) -> Box:
        """The page's parts (`above`: the greeting is said above the reach zone, the member's way out beside
        the search button, within reach; `band`: the first pixels of the page are above the reach zone, the
        greeting fills them and the controls start under them)."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        if "hint" not in extras:
            gap //= 2  # a short screen: tighter, so that the ideas stay
        greeting = kit.words(self._greeting(), size="headline", sizes=("title",), max_lines=2, bold=True,
                             heading=True)
        heading = self.section(t("Our departments"))
        foot: list[Box] = []
        # a landscape screen: the scan hint beside the greeting, in the width the page's column leaves (at the
        # foot, it left no room for the departments: the 1920x1080 home had lost it, designer's review)
        aside = "hint" in extras and width > ctx.size[1] and not band and not above
        if band:  # (a tablet) the greeting, what the kiosk is for and the departments' heading where nothing is to
            # be touched, the departments under it; the search button (it stood above the reach zone) and a
            # member's way out at the page's foot, over the header
            said = [greeting]
            subtitle = kit.words(t("What are you looking for today?"), color="muted", max_lines=2)
            room = band - 2 * gap
            if column(greeting, subtitle, heading, gap=gap).natural(width - 2 * margin)[1] <= room:
                said.append(subtitle)
            boxes = [column(*said, heading, gap=gap, justify="end", height=fixed(max(0, room)))]
            foot = [row(self._search(width=flex()), *self._sign_out(width), gap=gap, align="center")]
        else:
            # the greeting, and beside it a member's way out, at touch size (it lay under the search button)
            subtitle_box = [kit.words(t("What are you looking for today?"), color="muted", max_lines=2)] \
                if "subtitle" in extras else []
            if above:
                boxes = []
            elif aside:
                boxes = [row(column(row(greeting, *self._sign_out(width), gap=gap, align="center"), *subtitle_box,
                                    gap=gap // 2, justify="center"),
                             column(self._hint(compact=True), width=fixed(width // 2)), gap=2 * gap,
                             align="center")]
            else:
                boxes = [row(greeting, *self._sign_out(width), gap=gap, align="center"), *subtitle_box]
            boxes += [*([] if above else [self._search()]), heading]
        boxes.append(self._tiles(width))
        collections = ctx.shop.catalog.collections()[:3]
        events = [kit.button(t("Workshops, group runs and events"), lambda: ctx.show(ctx.routes.events()),
                             style="secondary", size="small", width=flex())] \
            if "events" in extras and ctx.shop.catalog.events() and ctx.role == "terminal" else []  # (signed up in
        # the store) in the ideas' row beside the hint's greeting (a row of their own left no room for the hint)
        if collections and "ideas" in extras:
            boxes += [self.section(t("Ideas")),
                      row(*(kit.button(pick(c.title, ctx.lang), partial(self.open_collection, c),
                                       style="secondary", size="small", width=flex()) for c in collections),
                          *(events if aside else []), gap=gap)]
        if not (aside and collections):
            boxes += events
        if "hint" in extras and not aside:  # what the tiles leave: the hint sits at the bottom
            boxes += [leaf(None, height=flex(0.001)), self._hint()]
        boxes += foot
        return column(*boxes, gap=gap, padding=Insets(gap, margin, margin, margin), height=flex())

    def _tiles(self, width: int) -> Box:
        """The departments, two or three to a row; rows share the room between touch size and a tile's
        full height."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        gap = theme.size("gap")
        categories = ctx.shop.catalog.categories
        inner = width - 2 * theme.size("margin")
        columns = max(2, min(3, inner // theme.size("tile_width")))  # as many as stay readable
        tile_w = (inner - gap * (columns - 1)) // columns
        # the picture gives way to the name: the longest word must fit beside it at the smallest size
        longest = max((ctx.screen.text.width(word, theme.size("small"), True)
                       for category in categories for word in pick(category.name, ctx.lang).split()), default=0)
        # (a gap each side of the name, as between it and its picture: at half a gap "Stirnlampen" ended 7 px from
        # its tile's edge on the accessible portrait terminal: designer's review)
        icon_w = min(theme.size("tile") * 2 // 3, tile_w // 3, tile_w - longest - 2 * gap - gap // 2)
        if icon_w < theme.size("touch_target") // 2:
            icon_w = 0  # too small to show what it is
        # one size for every name of the grid (the tablet's tiles said "Fahrräder" large beside "Laufschuhe"
        # small): the largest at which each shows whole, its words unbroken, on two lines beside its picture
        room = tile_w - icon_w - 2 * gap - gap // 2 if icon_w else tile_w - gap - gap // 2
        names = [pick(category.name, ctx.lang) for category in categories]
        steps = ("button", "text", "small")
        size = next((step for step in steps if all(
            " ".join(ctx.screen.text.wrap(name, theme.size(step), room, True, 2)) == name for name in names)),
            steps[-1])
        tiles = []
        for category in categories:
            name = pick(category.name, ctx.lang)
            tile = kit.panel(on_tap=partial(self.open_category, category.id), label=name, role="button")
            # the picture as tall as the tile is, never taller: the room goes to the name first
            icon = [leaf(Picture((0, 0, 0, 0), ctx.shop.image(f"images/category-{category.id}.png")),
                         width=fixed(icon_w))] if icon_w else []
            tiles.append(row(*icon, kit.words(name, size=size, sizes=steps[steps.index(size) + 1:], max_lines=3,
                                             bold=True, valign="center"),
                             gap=gap, padding=Insets(gap // 2, gap, gap // 2, gap // 2), widget=tile, width=flex()))
        tile_h, target = theme.size("tile"), theme.size("touch_target")
        rows = [row(*tiles[i:i + columns], *(leaf(None) for _ in range(columns - len(tiles[i:i + columns]))),
                    gap=gap, height=flex(min=target, max=tile_h))
                for i in range(0, len(tiles), columns)]
        return column(*rows, gap=gap, height=flex(max=len(rows) * (tile_h + gap)))

    def open_search(self) -> None:
        """Go to search."""
        self.ctx.show(self.ctx.routes.search())

    def open_collection(self, collection: Collection) -> None:
        """A curated list of products, with where to find them."""
        self.ctx.show(self.ctx.routes.collection(collection))

    def open_category(self, category: str) -> None:
        """Go to a department."""
        self.ctx.show(self.ctx.routes.browse(category))
