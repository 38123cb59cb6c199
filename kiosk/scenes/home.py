"""Home: search, the categories, and a hint to scan a product."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.models import pick
from kiosk.core.pack_store import Collection
from kiosk.scenes.base import ShopScene
from kiosk.ui.layout import fixed, layout, leaf, row, text
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Widget


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
        """Greeting, search bar, category tiles, scan hint."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        y = self.header(root, ctx.shop.config.store.name, back=False) + theme.px(40)
        member = ctx.session.member
        greeting = t("Hello {name}!", name=member.first_name) if member else t("Hello!")
        # the greeting, and beside it a member's way out, at touch size (it lay under the search button)
        words = root.add(Label((0, 0, 0, 0), greeting, size="headline", bold=True, heading=True, wrap=True,
                               valign="top"))
        parts = [text(words, ctx.screen.text, theme, sizes=("title",), max_lines=2)]
        if member is not None:
            leave = t("Not {name}? Sign out", name=member.first_name)
            leave_w = min((width - 2 * margin) // 2,
                          ctx.screen.text.width(leave, theme.size("small"), True) + 2 * gap + theme.px(24))
            leave_button = root.add(Button((0, 0, 0, 0), leave, ctx.on_end_session, style="secondary", size="small"))
            parts.append(leaf(leave_button, width=fixed(leave_w), height=fixed(theme.size("touch_target"))))
        greeting_row = row(*parts, gap=gap, align="center")
        greeting_h = greeting_row.natural(width - 2 * margin)[1]
        layout(greeting_row, (margin, y, width - 2 * margin, greeting_h))
        y += greeting_h + theme.px(6)
        categories = ctx.shop.catalog.categories
        columns = 2 if width < height else 3
        rows = max(1, -(-len(categories) // columns))
        collections = ctx.shop.catalog.collections()[:3]
        compare_h = theme.px(150) if ctx.session.compare else 0
        ideas_h = theme.px(190) if collections else 0
        bottom_reserved = theme.px(260) + ideas_h + compare_h
        # a short screen (accessible mode's reach): no subtitle and no scan hint, so that the tiles and the
        # ideas stay on screen at touch size
        compact = height - y - theme.px(326) - bottom_reserved - (rows - 1) * gap < rows * theme.px(150)
        if not compact:
            root.add(Label((margin, y, width - 2 * margin, theme.px(50)), t("What are you looking for today?"),
                           color="muted"))
            y += theme.px(80)
        search = root.add(Button((margin, y, width - 2 * margin, theme.px(120)), t("Search for a product"),
                                 self.open_search, style="secondary", shown=""))
        search.size_name = "title"
        y += theme.px(170 if not compact else 140)
        root.add(Label((margin, y, width - 2 * margin, theme.px(60)), t("Our departments"), size="title", bold=True,
                       heading=True))
        y += theme.px(76)
        tile_w = (width - 2 * margin - (columns - 1) * gap) // columns
        target = theme.size("touch_target")
        chip_h = max(theme.px(96), target)
        if compact:
            ideas_h = theme.px(86) + chip_h if collections else 0
            tile_h = (height - y - margin - compare_h - ideas_h - (rows - 1) * gap) // rows
            if tile_h < target:  # still too short: the departments come first
                collections, ideas_h = [], 0
            tile_h = max(target, (height - y - margin - compare_h - ideas_h - (rows - 1) * gap) // rows)
        else:
            tile_h = min(theme.px(300), (height - y - bottom_reserved - (rows - 1) * gap) // rows)
        for index, category in enumerate(categories):
            col, line = index % columns, index // columns
            rect = pygame.Rect(margin + col * (tile_w + gap), y + line * (tile_h + gap), tile_w, tile_h)
            name = pick(category.name, ctx.lang)
            tile = root.add(Panel(rect, "surface", on_tap=partial(self.open_category, category.id), label=name,
                                  role="button"))
            icon = min(tile_h - theme.px(40), tile_w * 2 // 5)
            tile.add(Picture((rect.x + theme.px(16), rect.y + (tile_h - icon) // 2, icon, icon),
                             ctx.shop.image(f"images/category-{category.id}.png")))
            tile.add(Label((rect.x + icon + theme.px(32), rect.y, tile_w - icon - theme.px(44), tile_h), name,
                           size="button", bold=True, wrap=True, max_lines=3))
        y += rows * (tile_h + gap) + theme.px(20)
        if collections:
            root.add(Label((margin, y, width - 2 * margin, theme.px(56)), t("Ideas"), size="title", bold=True,
                           heading=True))
            chip_w = (width - 2 * margin - gap * (len(collections) - 1)) // len(collections)
            for index, collection in enumerate(collections):
                root.add(Button((margin + index * (chip_w + gap), y + theme.px(66), chip_w, chip_h),
                                pick(collection.title, ctx.lang), partial(self.open_collection, collection),
                                style="secondary", size="small"))
        hint_h = theme.px(200)
        hint_y = height - hint_h - margin - compare_h
        if compact:
            self.compare_bar(root)
            return root
        hint = root.add(Panel((margin, hint_y, width - 2 * margin, hint_h), "highlight"))
        hint.add(BarcodeIcon((margin + theme.px(40), hint_y + theme.px(50), theme.px(150), hint_h - theme.px(100))))
        hint.add(Label((margin + theme.px(230), hint_y + theme.px(30), width - 2 * margin - theme.px(260),
                        theme.px(60)), t("Scan a barcode"), size="title", bold=True))
        hint.add(Label((margin + theme.px(230), hint_y + theme.px(90), width - 2 * margin - theme.px(260),
                        theme.px(80)), t("Hold any product to the scanner to see its details, reviews and stock."),
                       color="muted", wrap=True, max_lines=2, valign="top"))
        self.compare_bar(root)
        return root

    def open_search(self) -> None:
        """Go to search."""
        self.ctx.show(self.ctx.routes.search())

    def open_collection(self, collection: Collection) -> None:
        """A curated list of products, with where to find them."""
        self.ctx.show(self.ctx.routes.collection(collection))

    def open_category(self, category: str) -> None:
        """Go to a department."""
        self.ctx.show(self.ctx.routes.browse(category))
