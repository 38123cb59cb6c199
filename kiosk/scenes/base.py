"""The base of the shop's scenes, and the parts most scenes share: header bar, compare bar, product card."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

import pygame

from kiosk.config.countries import country_typing
from kiosk.core.models import ProductSummary
from kiosk.core.shopper.session import MAX_COMPARE
from kiosk.scenes.context import SceneContext
from kiosk.scenes.member_words import TIER_NAMES, price_box
from kiosk.ui.keyboard import Keyboard, Kind, Shortcut, layout_for, narrowest
from kiosk.ui.kit import Kit
from kiosk.ui.layout import (
    Box,
    Insets,
    column,
    dock,
    first_that_fits,
    fit,
    fixed,
    flex,
    grid,
    layer,
    layout,
    leaf,
    mount,
    row,
    scroll,
    shape,
    text,
)
from kiosk.ui.scene import Scene
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Status, TextField, Widget

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español", "it": "Italiano"}


class ShopScene(Scene):
    """A scene with the shop's context."""

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__()
        self.ctx = ctx

    @property
    def kit(self) -> Kit:
        """Makes widgets with their layout boxes, in this display's theme."""
        return Kit(self.ctx.theme, self.ctx.screen.text)

    def wide(self, size: tuple[int, int]) -> bool:
        """Whether a screen is landscape with room for two columns side by side (a counter, a window); a
        tablet's short reach zone in accessible mode is not, though it is wider than tall."""
        return shape(size, two_columns=self.ctx.theme.size("dialog") * 3 // 2) == "wide"

    def section(self, title: str) -> Box:
        """A section's title in a page: on two lines, or a size smaller, before it is cut."""
        return self.kit.words(title, size="title", sizes=("button",), max_lines=2, bold=True, heading=True)

    def screen(self, size: tuple[int, int], title: str, body: Box, *, bottom: Sequence[Box] = (),
               back: bool = True) -> Root:
        """A scene's whole screen as one tree: the header docked at the top with the status zone under it
        (where confirmations show, next to the cart they count, over nothing: a page scrolled under it
        settles on a whole line), `body` in the room left, and the `bottom` bars docked at the bottom (the
        header under them where `bars_in_reach`). Laid out, its widgets mounted in the tree's order."""
        root = Root((0, 0, *size))
        status = self.kit.status()
        header = self.header(title, back=back)
        if self.bars_in_reach(size):
            return self.mounted(root, dock(body, top=[status], bottom=[*bottom, header]), status)
        return self.mounted(root, dock(body, top=[header, status], bottom=bottom), status)

    def bars_in_reach(self, size: tuple[int, int]) -> bool:
        """Whether the header goes under the action bars, at the bottom of the screen: accessible mode on a
        landscape screen, where the lower part within reach of a shopper in a wheelchair or a child is too
        short for a screen of its own (a portrait screen lays its scenes out in that part instead), so the
        controls come down to it: Back, Home, the cart and the language under the page's own actions, the
        keyboard and its form above them."""
        return self.ctx.session.accessible and size[0] > size[1]

    @staticmethod
    def mounted(root: Root, tree: Box, status: Box | None = None) -> Root:
        """`tree` mounted in `root` and laid out in it; the root can lay it out again (a status came)."""
        mount(tree, root)
        layout(tree, root.rect)
        root.relayout = partial(layout, tree, root.rect)
        if status is not None and isinstance(status.widget, Status):
            root.status = status.widget
        return root

    def header(self, title: str, *, back: bool = True) -> Box:
        """The top bar: back, title, home, cart, language and accessibility.

        It looks the same on every screen of a display: the language button's form (its name, or its code
        when the bar would be crowded) and the title's size are chosen for the most crowded bar this
        display has (back, home, a cart of many articles), so neither changes when the cart appears."""
        ctx, theme = self.ctx, self.ctx.theme
        width = ctx.size[0]
        height = theme.size("header")
        target, gap = theme.size("touch_target"), theme.size("gap") // 2
        cache = ctx.screen.text
        bar = Panel((0, 0, width, height), "primary", radius=False)

        def wide(shown: str) -> int:  # a button as wide as its text needs (larger in accessible mode)
            return max(target, cache.width(shown, theme.size("text"), True) + 4 * gap)

        def button(label: str, shown: str, action: Callable[[], None], style: str = "header",
                   size: str = "text") -> Box:
            made = Button((0, 0, 0, 0), label, action, style=style, size=size, shown=shown)
            return leaf(made, width=fixed(wide(shown)), height=fixed(target))

        languages = [lang for lang in ctx.shop.config.store.languages if lang != ctx.lang]
        if len(languages) == 1:  # two languages: one touch switches
            names = (LANGUAGE_NAMES.get(languages[0], languages[0]), languages[0].upper())
        else:  # more: the current one's name opens the list, each written in its own language
            names = (LANGUAGE_NAMES.get(ctx.lang, ctx.lang) + " ▾", ctx.lang.upper() + " ▾")
        # words on Back and Home and the language's name, or (a narrow screen, the larger text) the
        # language's code, then the signs of Back and Home
        forms = [(words, language) for words in (("‹ " + ctx.t("Back"), ctx.t("Home")), ("‹", "⌂"))
                 for language in dict.fromkeys(names)]
        member = ctx.session.member
        badge = "★ " + ctx.t(TIER_NAMES[member.tier]) if member is not None else ""

        def room_left(form: tuple[tuple[str, str], str]) -> int:  # the title's, in the most crowded bar
            (back_words, home_words), language_words = form
            crowded = [back_words, home_words, ctx.t("Cart ({count})", count=88)] + ([badge] if badge else [])
            used = sum(wide(shown) + gap for shown in crowded) + target + theme.size("margin") + gap
            return width - used - (wide(language_words) + gap if languages else 0)

        # The bar is the display's, not the title's, so that it looks the same on every screen: the first form
        # that leaves a quarter of the width to the title beside the buttons; else (a tablet, the larger text)
        # the title has a line of its own above the buttons on every screen, and the buttons keep the first
        # form that fits
        inline = next((form for form in forms if room_left(form) >= width // 4), None)
        (back_shown, home_shown), language_shown = inline or next(
            (form for form in forms if room_left(form) >= 0), forms[-1])
        title_room = room_left(((back_shown, home_shown), language_shown))
        if not back:
            title_room += sum(wide(shown) + gap for shown in (back_shown, home_shown))
        title_size, title_lines = "", 1
        # one size for every title of the display: a title's where the bar leaves a third of its width, else the
        # buttons' (never smaller than their words); on two lines when one is not enough; in a line of its own
        # when it does not fit beside the buttons (on a tablet, in the larger text: but on a bar without Back
        # and Home)
        usual = "title" if title_room >= width // 3 else "button"
        if title_room > 0:
            for size_name, lines in ((usual, 1), (usual, 2)):
                if cache.line_height(theme.size(size_name), True) * lines <= height and \
                        " ".join(cache.wrap(title, theme.size(size_name), title_room, True, lines)) == title:
                    title_size, title_lines = size_name, lines
                    break
        title_above = not title_size  # a long title on a landscape bar has a line of its own too
        parts: list[Box] = []
        if back:
            parts.append(button(ctx.t("Back"), back_shown, ctx.back))
        words = (Label((0, 0, 0, 0), title, size=title_size or "title", color="on_primary", bold=True,
                              heading=True, wrap=title_lines > 1))
        title_box = text(words, cache, theme, sizes=("button", "small") if title_above else (),
                         max_lines=1 if title_above else title_lines)
        if not title_above:
            parts.append(title_box)
        else:
            parts.append(leaf(None))  # the buttons after Back stay at the right
        if badge and self.name not in ("offers", "checkout"):  # a member's offers, from anywhere
            parts.append(button(ctx.t("Your member offers"), badge, self.open_offers))
        articles = ctx.session.cart.count
        if articles and self.name not in ("cart", "checkout"):
            cart = ctx.t("Cart ({count})", count=articles)
            parts.append(button(cart, cart, self.open_cart, style="accent"))
        if back:
            parts.append(button(ctx.t("Home"), home_shown, ctx.home))
        if len(languages) == 1:
            parts.append(button(LANGUAGE_NAMES.get(languages[0], languages[0]), language_shown,
                                partial(ctx.set_language, languages[0])))
        elif languages:
            parts.append(button(ctx.t("Language"), language_shown, self.open_language_picker))
        on = ctx.session.accessible
        parts.append(button(ctx.t("Leave accessible mode") if on else ctx.t("Accessibility"), "♿",
                            ctx.toggle_accessible, size="title"))
        side = theme.size("margin") // 2
        if not title_above:
            return row(*parts, gap=gap, align="center", padding=Insets(0, side, 0, side), height=fixed(height),
                       widget=bar)
        buttons = row(*parts, gap=gap, align="center", padding=Insets(0, side, 0, side), height=fixed(height))
        return column(column(title_box, padding=Insets(gap, side, 0, side)), buttons, widget=bar)

    def dialog(self, size: tuple[int, int], title: str, body: Callable[[Panel], list[Box]],
               buttons: Callable[[Panel], list[Box]]) -> Root:
        """A modal's tree: a see-through root (taps outside land on it) and a centred box with its title,
        what `body` puts in it, and `buttons` side by side at the bottom (one under the other when their
        words do not fit side by side)."""
        kit, theme = self.kit, self.ctx.theme
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height), color="")
        box = kit.panel("surface")
        actions = buttons(box)
        side_by_side = row(*actions, gap=gap)
        box_w = min(width - 2 * margin, max(width * 2 // 3, theme.size("dialog")))
        inner = box_w - 4 * margin
        if side_by_side.natural(inner)[0] > inner or any(a.natural(inner // len(actions))[0] > inner // len(actions)
                                                         for a in actions):
            side_by_side = column(*actions, gap=gap)
        content = column(kit.words(title, size="title", sizes=("button",), max_lines=3, bold=True, align="center",
                                   heading=True),
                         *body(box), *([side_by_side] if actions else []), gap=2 * gap, padding=Insets.all(2 * margin),
                         widget=box, width=fixed(box_w))
        return self.mounted(root, layer(content, margin=margin))

    def text_entry(self, size: tuple[int, int], title: str, text: str, placeholder: str,
                   on_key: Callable[[str], None], action: Callable[[], Box] | None = None,
                   parts: Callable[[bool], list[Box]] | None = None,
                   results: Box | None = None, above: Callable[[], Box] | None = None,
                   with_keys: bool = True, *, keys: Kind = "text",
                   shortcuts: Sequence[Shortcut] = ()) -> tuple[Root, TextField]:
        """A typing scene: header, a text field, and the keyboard zone at the bottom; between field and
        keys the `results` (a list that scrolls; the `action` beside the field), or the scene's `parts`
        (`parts(compact)`: a choice, a consent) and its `action` button, laid out in the room the keyboard
        leaves: the whole form in sight, the button under the parts or beside the field, and in a short
        room the compact parts (without what only explains) over lower keys. What `above` makes stands
        over the field (a checkout's steps), but in the compact forms. `keys` is the keyboard's kind (a
        text, an email address, a phone number's keypad); `shortcuts` are keys over it (email domains, an
        address typed before), as many as its width holds. Without `with_keys`, the `results` take the
        keyboard's room too (the shopper scrolls them; a tap on the field brings the keys back). Returns the
        root and the field."""
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        layout_name = layout_for(ctx.lang)
        key_gap, target = gap // 2, theme.size("touch_target")
        endings = country_typing(ctx.shop.config.store.country).email_endings if keys == "email" else ()
        # keys at least the theme's touch size (the accessible theme's larger one too) where the room allows;
        # on a wide screen the keyboard keeps a hand's span, centred, instead of stretching over the width
        keyboard_w = min(width, round(theme.size("keyboard") * 2.6))
        fields: list[TextField] = []  # one for each form; the one of the form that fits is shown
        pad = Insets(margin, margin, gap, margin)

        def field_box() -> Box:
            fields.append(TextField((0, 0, 0, 0), text, placeholder))
            return leaf(fields[-1], height=fixed(theme.size("field")))

        def beside(button: Box) -> Box:  # the action at the field's end
            button.width = fit()
            return row(field_box(), button, gap=gap, align="center")

        def over(compact: bool) -> list[Box]:  # what stands over the field, but in a compact form
            return [above()] if above is not None and not compact else []

        def made_keys(keys_w: int) -> Keyboard:
            return Keyboard(pygame.Rect(0, 0, 0, 0), layout_name, on_key, key_gap, ctx.t("OK"), ctx.t("Keyboard"),
                            min_key=target, names=ctx.t, kind=keys, endings=endings,
                            shortcuts=self._shortcuts_within(shortcuts, keys_w - 2 * key_gap))

        probe = made_keys(keyboard_w)
        least = probe.least_height()
        most = max(min(theme.size("keyboard"), height // 3), probe.full_height())

        def keyboard(lowest: int) -> Box:
            return self.kit.keyboard(made_keys(keyboard_w), keyboard_w, lowest, most)

        if results is not None or (action is None and parts is None):  # the action beside the field
            entry = beside(action()) if action is not None else field_box()
            body = column(column(column(entry, padding=pad), *([results] if results is not None else []),
                                 height=flex()),
                          *([self.kit.keyboard(made_keys(keyboard_w), keyboard_w, most)] if with_keys else []))
            root = self.screen(size, title, body)
            return root, fields[0]

        def form(lowest: int, compact: bool, under: bool, tight: bool = False) -> Box:
            # `under`: the action under the parts; `tight`: less room around the form (over lower keys)
            made = parts(compact) if parts is not None else []
            # compact: a gap under the header, room for one row more; over lower keys, less under the form too
            around = Insets(gap, margin, gap // 2, margin) if tight else Insets(gap, margin, gap, margin) \
                if compact else pad
            if under and action is not None:
                entry = column(*over(compact), field_box(), *made, action(), gap=gap, padding=around)
            else:
                entry = column(*over(compact), beside(action()) if action is not None else field_box(), *made,
                               gap=gap, padding=around)
            return column(entry, leaf(None, height=flex()), keyboard(lowest), height=flex())

        # the form whole over the whole keyboard, keys of touch size, if it fits; else its compact form,
        # the button beside the field; else (a wide screen) the parts beside the keys; else over a smaller
        # keyboard (without its shortcuts, then its keys lower, then its digits on a second page), and in
        # a tiny room the parts scroll under the field
        forms: list[Box] = []
        under = action is not None and not self.wide(size)
        narrow = narrowest(layout_name, target) + 2 * key_gap
        beside_keys = parts is not None and self.wide(size) and narrow < width * 3 // 4
        for index, (lowest, touch_size) in enumerate(probe.tiers()):
            if not touch_size and beside_keys:
                # a wide screen: the parts (compact: a narrow column) beside a keyboard of its narrowest
                beside_keys = False
                made = parts(True) if parts is not None else []
                side = made_keys(narrow)
                keys_box = self.kit.keyboard(side, narrow, min(h for h, touch in side.tiers() if touch), most)
                keys_box.width = fixed(narrow)
                forms.append(column(column(beside(action()) if action is not None else field_box(), padding=pad),
                                    leaf(None, height=flex()),
                                    row(keys_box, column(*made, gap=gap), gap=margin,
                                        padding=Insets(0, margin, 0, margin)),
                                    height=flex()))
            if index == 0:
                forms += [form(lowest, compact, below) for compact in (False, True)
                          for below in ((True, False) if under else (False,))]
            else:
                forms += [form(lowest, compact, False, tight=not touch_size) for compact in (False, True)]
        made = parts(True) if parts is not None else []
        forms.append(column(column(beside(action()) if action is not None else field_box(), padding=pad),
                            scroll(column(*made, gap=gap, padding=Insets(0, margin, gap, margin)), title,
                                   height=flex()),
                            self.kit.keyboard(made_keys(keyboard_w), keyboard_w, least), height=flex()))
        root = self.screen(size, title, first_that_fits(*forms))
        return root, next(field for field in fields if field.visible)

    def _shortcuts_within(self, shortcuts: Sequence[Shortcut], width: int) -> list[Shortcut]:
        """The shortcuts that fit side by side in `width`, in their order, each as wide as its words ask
        (at least a touch target): an address typed before first, then the most used domains."""
        theme, cache = self.ctx.theme, self.ctx.screen.text
        pad, least = 2 * theme.size("gap"), theme.size("touch_target")
        kept: list[Shortcut] = []
        used = 0
        for shortcut in shortcuts:
            need = max(least, cache.width(shortcut.shown, theme.size("text"), True) + pad)
            if used + need > width:
                break
            kept.append(replace(shortcut, width=need))
            used += need
        return kept

    def compare_bar(self, *, hide_when_empty: bool = True) -> list[Box]:
        """The bar at the bottom while products wait to be compared (none while there are none)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        count = len(ctx.session.compare)
        if count == 0 and hide_when_empty:
            return []
        margin, gap = theme.size("margin"), theme.size("gap")
        bar = kit.panel("surface", radius=False)
        said = ctx.t.plural("{count} of {limit} products to compare", "{count} of {limit} products to compare",
                            count, limit=MAX_COMPARE)
        content = column(kit.rule(),
                         row(kit.words(said, color="muted", sizes=("small",), max_lines=2),
                             kit.button(ctx.t("Compare ({count})", count=count), self.open_compare,
                                        style="accent", enabled=count >= 2),
                             gap=gap, align="center", padding=Insets(gap, margin, gap, margin)),
                         widget=bar)
        return [content]

    def open_cart(self) -> None:
        """Show the cart."""
        if not self.ctx.screen.stack.pop_to("cart"):
            self.ctx.show(self.ctx.routes.cart())

    def open_offers(self) -> None:
        """The member's offers (the one already open, if it is)."""
        if not self.ctx.screen.stack.pop_to("offers"):
            self.ctx.show(self.ctx.routes.offers())

    def open_language_picker(self) -> None:
        """Show the languages the store offers."""
        self.ctx.show(self.ctx.routes.language_picker())

    def open_compare(self) -> None:
        """Show the comparison."""
        if not self.ctx.screen.stack.pop_to("compare"):
            self.ctx.show(self.ctx.routes.compare())


Tick = Callable[[ProductSummary], Box]  # a product's compare tick (kiosk/scenes/comparing.py)


def product_card(ctx: SceneContext, rect: pygame.Rect, product: ProductSummary,
                 on_tap: Callable[[], None], tick: Tick | None = None) -> Widget:
    """A tappable card in `rect`: picture, brand, name, rating and price, whether the product is in
    the cart, and its compare tick (the card is built again when either changes)."""
    card = Panel(rect, "surface", on_tap=on_tap, label=product.title(ctx.lang), role="button")
    layout(mount(product_card_box(ctx, product, tick), card), rect)
    return card


def product_card_box(ctx: SceneContext, product: ProductSummary, tick: Tick | None = None) -> Box:
    """The layout of a product card: the picture takes what the texts leave (the larger text
    of accessible mode takes room from the picture, never from the name). Every card is as tall for a
    width, whatever its product: the name has two lines, the state line is kept. With a `tick`, the
    compare tick stands at the bottom, across the card."""
    theme, t, kit = ctx.theme, ctx.t, Kit(ctx.theme, ctx.screen.text)
    gap = theme.size("gap")
    title = product.title(ctx.lang)
    name = kit.words(title, bold=True, max_lines=2, reserve=True)
    state = []
    if ctx.session.cart.holds(product.sku):
        state.append(t("✓ In cart"))
    if product.sku in ctx.session.compare and tick is None:  # the tick says it otherwise
        state.append(t("✓ Comparing"))
    rating = [kit.stars(product.rating, t("{rating} out of 5", rating=ctx.fmt.number(product.rating)),
                        theme.size("star"))] if product.review_count or product.rating else []
    marks = kit.words(" · ".join(state), size="small", color="best", bold=True, max_lines=1, reserve=True)
    if product.stock <= 0:  # never shown as if on the shelf: it is ordered (said on the line of the marks)
        marks = row(kit.words(t("To order"), size="small", color="accent", bold=True, max_lines=1, width=fit()),
                    marks, gap=gap)
    return column(leaf(Picture((0, 0, 0, 0), ctx.shop.image(product.image)), height=flex(min=gap)),
                  kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                  name, row(*rating, align="center", height=fit(min=theme.size("star"))),
                  price_box(ctx, product.sku, product.category, product.price_cents),
                  marks, *([tick(product)] if tick is not None else []), gap=gap // 3, padding=Insets.all(gap))


def product_card_height(ctx: SceneContext, width: int, product: ProductSummary, room: int,
                        tick: Tick | None = None) -> int:
    """How tall a product card of `width` is: its texts, and a picture as wide as the card, or less
    when the card would not show whole in `room` (a landscape counter shows a row of cards, not a row
    of pictures)."""
    gap = ctx.theme.size("gap")
    texts = product_card_box(ctx, product, tick).natural(width)[1]  # measured only: its widgets are never mounted
    picture = max(ctx.theme.size("thumb") // 2, min(width - 2 * gap, room * 9 // 10 - texts))
    return texts + picture


def product_grid(ctx: SceneContext, view: ScrollView, products: Sequence[ProductSummary],
                 on_open: Callable[[str], None], tick: Tick | None = None) -> None:
    """Products as cards in a scroll view, as many to a row as stay readable (two at least); a row is
    built only when it comes near the view, so that a department of thousands costs what is shown. With
    `tick`, each card has its compare tick."""
    theme = ctx.theme
    margin, gap = theme.size("margin"), theme.size("gap")
    inner = view.rect.width - 2 * margin
    columns = max(2, (inner + gap) // (theme.size("tile_width") + gap))
    card_w = (inner - (columns - 1) * gap) // columns
    card_h = product_card_height(ctx, card_w, products[0], view.rect.height, tick) if products else 0

    def build_row(index: int) -> list[Widget]:
        return [product_card(ctx, pygame.Rect(margin + col * (card_w + gap), margin + index * (card_h + gap),
                                              card_w, card_h), product, partial(on_open, product.sku), tick)
                for col, product in enumerate(products[index * columns:(index + 1) * columns])]

    view.set_rows(-(-len(products) // columns), card_h + gap, build_row, top=margin)
    view.content_height += margin


def suggestion_cards(ctx: SceneContext, width: int, products: list[ProductSummary],
                     on_tap: Callable[[str], None]) -> Box:
    """A row of small cards (picture, name, price): "bought together" suggestions, as many as `width`
    holds at a readable size."""
    theme, kit = ctx.theme, Kit(ctx.theme, ctx.screen.text)
    gap = theme.size("gap")
    cards = []
    shown = products[: max(1, (width + gap) // (theme.size("thumb") + gap))]
    to_order = any(product.stock <= 0 for product in shown)
    for product in shown:
        card = Panel((0, 0, 0, 0), "surface", on_tap=partial(on_tap, product.sku), label=product.title(ctx.lang),
                     role="button")
        name = kit.words(product.title(ctx.lang), size="small", bold=True, max_lines=2, reserve=True)
        # the same height for every card: "to order" on one out of stock, an empty line on the others
        state = [kit.words(ctx.t("To order") if product.stock <= 0 else "", size="small", color="accent",
                           bold=True, max_lines=1, reserve=True)] if to_order else []
        cards.append(column(kit.picture(ctx.shop.image(product.image), theme.size("thumb")), name,
                            price_box(ctx, product.sku, product.category, product.price_cents, size="text"), *state,
                            gap=gap // 3, padding=Insets.all(gap // 2), widget=card))
    return grid(*cards, columns=max(1, len(cards)), gap=gap)


def in_stock_first(products: Sequence[ProductSummary], limit: int) -> list[ProductSummary]:
    """The first `limit` suggestions, those on the shelf first, in their order: what is out of stock is
    left out when enough others are in stock, and otherwise comes after them (its card says "to order")."""
    return sorted(products, key=lambda product: product.stock <= 0)[:limit]


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
