"""The base of the shop's scenes, and the parts most scenes share: header bar, compare bar, product card."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from kiosk.core.models import ProductSummary
from kiosk.core.session import MAX_COMPARE
from kiosk.scenes.context import SceneContext
from kiosk.ui.keyboard import Keyboard, layout_for
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
        """The top bar: back, title, home and language; returns where content starts."""
        ctx, theme = self.ctx, self.ctx.theme
        width = ctx.size[0]
        height = theme.size("header")
        margin = theme.size("margin")
        bar = root.add(Panel((0, 0, width, height), "primary", radius=False))
        target = theme.size("touch_target")
        x = margin // 2

        def fit(text: str, size: str) -> int:  # a button as wide as its text needs (larger in accessible mode)
            return max(target, ctx.screen.text.width(text, theme.size(size), True) + theme.px(32))

        if back:
            w = fit("‹ " + ctx.t("Back"), "button")
            bar.add(Button((x, (height - target) // 2, w, target), ctx.t("Back"), ctx.back,
                           style="header", shown="‹ " + ctx.t("Back")))
            x += w + theme.px(10)
        right = width - margin // 2
        on = ctx.session.accessible
        bar.add(Button((right - target, (height - target) // 2, target, target),
                       ctx.t("Leave accessible mode") if on else ctx.t("Accessibility"), ctx.toggle_accessible,
                       style="header", size="title", shown="♿"))
        right -= target + theme.px(8)
        # (label, what is shown, action, style), right to left
        items: list[tuple[str, str, Callable[[], None], str]] = []
        languages = [lang for lang in ctx.shop.config.store.languages if lang != ctx.lang]
        if len(languages) == 1:  # two languages: one touch switches
            name = LANGUAGE_NAMES.get(languages[0], languages[0])
            items.append((name, name, partial(ctx.set_language, languages[0]), "header"))
        elif languages:  # more: the current one's name opens the list, each written in its own language
            items.append((ctx.t("Language"), LANGUAGE_NAMES.get(ctx.lang, ctx.lang) + " ▾", self.open_language_picker,
                          "header"))
        if back:
            items.append((ctx.t("Home"), ctx.t("Home"), ctx.home, "header"))
        articles = ctx.session.cart.count
        if articles and self.name not in ("cart", "checkout"):
            cart = ctx.t("Cart ({count})", count=articles)
            items.append((cart, cart, self.open_cart, "accent"))

        def title_room() -> int:
            return right - sum(fit(shown, "text") + theme.px(8) for _, shown, _, _ in items) - x - theme.px(20)

        title_w = ctx.screen.text.width(title, theme.size("title"), True)
        if languages and title_w > title_room():  # crowded: the language by its code ("DE ▾"), the title first
            code = (languages[0] if len(languages) == 1 else ctx.lang).upper()
            label, shown, action, style = items[0]
            items[0] = (label, code if len(languages) == 1 else code + " ▾", action, style)
        for label, shown, action, style in items:
            w = fit(shown, "text")
            bar.add(Button((right - w, (height - target) // 2, w, target), label, action, style=style, size="text",
                           shown=shown))
            right -= w + theme.px(8)
        room = right - x - theme.px(20)
        # still crowded (larger text, the cart): a smaller title on two lines, or three, rather than a cut one
        size, lines = "title", 1
        for size, lines in (("title", 1), ("button", 2), ("small", 3)):
            if " ".join(ctx.screen.text.wrap(title, theme.size(size), room, True, lines)) == title:
                break
        bar.add(Label((x + theme.px(10), 0, room, height), title, size=size, color="on_primary", bold=True,
                      heading=True, wrap=lines > 1, max_lines=lines))
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
        keyboard_h = min(theme.px(600), height // 3)
        root.add(Keyboard(pygame.Rect(0, height - keyboard_h, width, keyboard_h), layout_for(ctx.lang), on_key,
                          theme.px(10), ctx.t("OK"), ctx.t("Keyboard")))
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
