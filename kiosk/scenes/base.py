"""The base of the shop's scenes, and the parts most scenes share: header bar, compare bar, product card."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from kiosk.core.models import ProductSummary
from kiosk.core.session import MAX_COMPARE
from kiosk.scenes.context import SceneContext
from kiosk.ui.keyboard import LAYOUTS, Keyboard, layout_for
from kiosk.ui.layout import Box, Insets, fixed, layout, leaf, row, text
from kiosk.ui.scene import Scene
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Stars, TextField, Widget

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español", "it": "Italiano"}


class ShopScene(Scene):
    """A scene with the shop's context."""

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__()
        self.ctx = ctx

    def section_heading(self, parent: Widget, x: int, y: int, width: int, text: str) -> int:
        """A section's title in a page, on two lines when one is too short (a long translation, the
        larger text); returns how far down the section's content starts."""
        ctx, theme = self.ctx, self.ctx.theme
        size = theme.size("title")
        height = max(theme.px(60), ctx.screen.text.wrapped_height(text, size, width, True, 2))
        parent.add(Label((x, y, width, height), text, size="title", bold=True, heading=True, wrap=True,
                         max_lines=2))
        return y + height + theme.px(16)

    def header(self, root: Root, title: str, *, back: bool = True) -> int:
        """The top bar: back, title, home, cart, language and accessibility; returns where content starts.

        It looks the same on every screen of a display: the language button's form (its name, or its code
        when the bar would be crowded) and the title's size are chosen for the most crowded bar this
        display has (back, home, a cart of many articles), so neither changes when the cart appears."""
        ctx, theme = self.ctx, self.ctx.theme
        width = ctx.size[0]
        height = theme.size("header")
        target, gap = theme.size("touch_target"), theme.size("gap") // 2
        cache = ctx.screen.text
        bar = root.add(Panel((0, 0, width, height), "primary", radius=False))

        def wide(shown: str) -> int:  # a button as wide as its text needs (larger in accessible mode)
            return max(target, cache.width(shown, theme.size("text"), True) + 2 * gap + theme.px(12))

        def button(label: str, shown: str, action: Callable[[], None], style: str = "header",
                   size: str = "text") -> Box:
            made = bar.add(Button((0, 0, 0, 0), label, action, style=style, size=size, shown=shown))
            return leaf(made, width=fixed(wide(shown)), height=fixed(target))

        back_shown = "‹ " + ctx.t("Back")
        languages = [lang for lang in ctx.shop.config.store.languages if lang != ctx.lang]
        if len(languages) == 1:  # two languages: one touch switches
            names = (LANGUAGE_NAMES.get(languages[0], languages[0]), languages[0].upper())
        else:  # more: the current one's name opens the list, each written in its own language
            names = (LANGUAGE_NAMES.get(ctx.lang, ctx.lang) + " ▾", ctx.lang.upper() + " ▾")
        crowded = ([back_shown, ctx.t("Home")] if back else []) + [ctx.t("Cart ({count})", count=88)]
        fixed_room = sum(wide(shown) + gap for shown in crowded) + target + theme.size("margin") + gap
        language_shown = names[0] if width - fixed_room - wide(names[0]) >= width // 4 else names[1]
        title_room = width - fixed_room - (wide(language_shown) + gap if languages else 0)
        title_size, title_lines = "small", 3  # the largest that shows the whole title in the crowded bar
        for size_name, lines in (("title", 1), ("button", 2), ("small", 3)):
            if " ".join(cache.wrap(title, theme.size(size_name), title_room, True, lines)) == title:
                title_size, title_lines = size_name, lines
                break

        parts: list[Box] = []
        if back:
            parts.append(button(ctx.t("Back"), back_shown, ctx.back))
        words = bar.add(Label((0, 0, 0, 0), title, size=title_size, color="on_primary", bold=True, heading=True,
                              wrap=title_lines > 1))
        parts.append(text(words, cache, theme, max_lines=title_lines))
        articles = ctx.session.cart.count
        if articles and self.name not in ("cart", "checkout"):
            cart = ctx.t("Cart ({count})", count=articles)
            parts.append(button(cart, cart, self.open_cart, style="accent"))
        if back:
            parts.append(button(ctx.t("Home"), ctx.t("Home"), ctx.home))
        if len(languages) == 1:
            parts.append(button(LANGUAGE_NAMES.get(languages[0], languages[0]), language_shown,
                                partial(ctx.set_language, languages[0])))
        elif languages:
            parts.append(button(ctx.t("Language"), language_shown, self.open_language_picker))
        on = ctx.session.accessible
        parts.append(button(ctx.t("Leave accessible mode") if on else ctx.t("Accessibility"), "♿",
                            ctx.toggle_accessible, size="title"))
        layout(row(*parts, gap=gap, align="center", padding=Insets(0, theme.size("margin") // 2, 0,
                                                                    theme.size("margin") // 2)),
               (0, 0, width, height))
        return height

    def dialog(self, size: tuple[int, int], height: int, title: str) -> tuple[Root, Panel, pygame.Rect]:
        """A modal's tree: a see-through root (taps outside land on it), a centred box with its title;
        returns them and the box's inner area (padding taken off)."""
        theme = self.ctx.theme
        width, screen_height = size
        root = Root((0, 0, width, screen_height), color="")
        box_w = width - 4 * theme.size("margin")
        box_rect = pygame.Rect((width - box_w) // 2, (screen_height - height) // 2, box_w, height)
        box = root.add(Panel(box_rect, "surface"))
        inner = box_rect.inflate(-2 * theme.px(40), -2 * theme.px(40))
        box.add(Label((inner.x, inner.y, inner.width, theme.px(80)), title, size="title", bold=True, align="center",
                      heading=True))
        return root, box, inner

    def text_entry(self, size: tuple[int, int], title: str, text: str, placeholder: str,
                   on_key: Callable[[str], None]) -> tuple[Root, TextField, int, int]:
        """The frame of a typing scene: header, a text field, the on-screen keyboard at the bottom.
        Returns the root, the field, and the free band between them (top y, bottom y)."""
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        y = self.header(root, title) + theme.px(28)
        field = root.add(TextField((margin, y, width - 2 * margin, theme.px(120)), text, placeholder))
        layout_name = layout_for(ctx.lang)
        rows, key_gap, target = len(LAYOUTS[layout_name]), theme.px(10), theme.size("touch_target")
        # keys at least the theme's touch size (the accessible theme's larger one too), rows and gaps counted;
        # on a wide screen the keyboard keeps a hand's span, centred, instead of stretching over the width
        keyboard_h = max(min(theme.px(600), height // 3), rows * target + (rows + 1) * key_gap)
        keyboard_w = min(width, round(keyboard_h * 2.6))
        root.add(Keyboard(pygame.Rect((width - keyboard_w) // 2, height - keyboard_h, keyboard_w, keyboard_h),
                          layout_name, on_key, key_gap, ctx.t("OK"), ctx.t("Keyboard")))
        return root, field, y + theme.px(140), height - keyboard_h

    def compare_bar(self, root: Root, *, hide_when_empty: bool = True) -> int:
        """The bar at the bottom while products wait to be compared; returns its height (0 if none)."""
        ctx, theme = self.ctx, self.ctx.theme
        count = len(ctx.session.compare)
        if count == 0 and hide_when_empty:
            return 0
        width, height = ctx.size
        bar_h = theme.px(150)
        bar = root.add(Panel((0, height - bar_h, width, bar_h), "surface", radius=False))
        bar.add(Panel((0, height - bar_h, width, max(1, theme.px(2))), "divider", radius=False))
        margin = theme.size("margin")
        bar.add(Label((margin, height - bar_h, width // 2, bar_h),
                      ctx.t.plural("{count} of {limit} products to compare", "{count} of {limit} products to compare",
                                   count, limit=MAX_COMPARE), color="muted"))
        button_w = theme.px(420)
        bar.add(Button((width - margin - button_w, height - bar_h + (bar_h - theme.size("touch_target")) // 2,
                        button_w, theme.size("touch_target")), ctx.t("Compare ({count})", count=count),
                       self.open_compare, style="accent", enabled=count >= 2))
        return bar_h

    def open_cart(self) -> None:
        """Show the cart."""
        if not self.ctx.screen.stack.pop_to("cart"):
            self.ctx.show(self.ctx.routes.cart())

    def open_language_picker(self) -> None:
        """Show the languages the store offers."""
        self.ctx.show(self.ctx.routes.language_picker())

    def open_compare(self) -> None:
        """Show the comparison."""
        if not self.ctx.screen.stack.pop_to("compare"):
            self.ctx.show(self.ctx.routes.compare())


def product_card(ctx: SceneContext, rect: pygame.Rect, product: ProductSummary,
                 on_tap: Callable[[], None]) -> Widget:
    """A tappable card: picture, brand, name, rating and price."""
    theme = ctx.theme
    pad = theme.px(20)
    card = Panel(rect, "surface", on_tap=on_tap, label=product.title(ctx.lang), role="button")
    # heights from the text's own lines, so the larger text of accessible mode takes room from the picture
    text = ctx.screen.text
    brand_h = text.line_height(theme.size("small"), True)
    name_h = 2 * text.line_height(theme.size("text"), True)
    price_h = text.line_height(theme.size("title"), True)
    star_h = theme.px(26)
    below = theme.px(8) + brand_h + name_h + theme.px(6) + star_h + theme.px(8) + price_h
    picture_h = min(rect.width - 2 * pad, rect.height - 2 * pad - below)
    card.add(Picture((rect.x + pad, rect.y + pad, rect.width - 2 * pad, picture_h), ctx.shop.image(product.image)))
    y = rect.y + pad + picture_h + theme.px(8)
    inner_w = rect.width - 2 * pad
    card.add(Label((rect.x + pad, y, inner_w, brand_h), product.brand.upper(), size="small", color="muted",
                   bold=True))
    y += brand_h
    card.add(Label((rect.x + pad, y, inner_w, name_h), product.title(ctx.lang), wrap=True, max_lines=2,
                   valign="top", bold=True))
    y += name_h + theme.px(6)
    if product.review_count or product.rating:
        card.add(Stars((rect.x + pad, y, Stars.width_for(star_h), star_h), product.rating,
                       ctx.t("{rating} out of 5", rating=ctx.fmt.number(product.rating))))
    card.add(Label((rect.x + pad, rect.bottom - pad - price_h, inner_w, price_h),
                   ctx.fmt.price(product.price_cents), size="title", bold=True, color="primary"))
    if product.stock == 0:
        card.add(Label((rect.x + pad, y, inner_w, star_h), ctx.t("Out of stock"), size="small", color="danger",
                       align="right", bold=True))
    return card


def suggestion_cards(ctx: SceneContext, rect: pygame.Rect, products: list[ProductSummary],
                     on_tap: Callable[[str], None]) -> list[Widget]:
    """A row of small cards (picture, name, price) across `rect`: "bought together" suggestions."""
    theme = ctx.theme
    gap = theme.size("gap")
    shown = products[: max(1, (rect.width + gap) // (theme.px(300) + gap))]
    if not shown:
        return []
    card_w = (rect.width - gap * (len(shown) - 1)) // len(shown)
    cards: list[Widget] = []
    pad = theme.px(14)
    # the text's own line heights, so the larger text of accessible mode takes room from the picture
    name_h = 2 * ctx.screen.text.line_height(theme.size("small"), True)
    price_h = ctx.screen.text.line_height(theme.size("text"), True)
    for index, product in enumerate(shown):
        x = rect.x + index * (card_w + gap)
        card = Panel((x, rect.y, card_w, rect.height), "surface", on_tap=partial(on_tap, product.sku),
                     label=product.title(ctx.lang), role="button")
        picture = min(card_w - 2 * pad, rect.height - 2 * pad - name_h - price_h - theme.px(6))
        card.add(Picture((x + (card_w - picture) // 2, rect.y + pad, picture, picture), ctx.shop.image(product.image)))
        y = rect.y + pad + picture + theme.px(6)
        card.add(Label((x + pad, y, card_w - 2 * pad, name_h), product.title(ctx.lang), size="small", bold=True,
                       wrap=True, max_lines=2, valign="top"))
        card.add(Label((x + pad, rect.bottom - pad - price_h, card_w - 2 * pad, price_h),
                       ctx.fmt.price(product.price_cents), bold=True, color="primary"))
        cards.append(card)
    return cards


def stock_text(ctx: SceneContext, stock: int) -> tuple[str, str]:
    """What to say about stock, and in which colour."""
    if stock <= 0:
        return ctx.t("Out of stock — order it here"), "danger"
    if stock <= 3:
        return ctx.t("Only {count} left in store", count=stock), "accent"
    return ctx.t("In stock: {count}", count=stock), "best"


def compare_toast(ctx: SceneContext, result: str, name: str) -> None:
    """Tell the shopper what adding to the comparison did."""
    messages = {
        "added": ctx.t("{name} added to the comparison", name=name),
        "already": ctx.t("Already in the comparison"),
        "full": ctx.t("You can compare up to 4 products: remove one first"),
    }
    ctx.toast(messages[result])
