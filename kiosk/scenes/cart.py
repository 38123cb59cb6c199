"""The cart: each line with its picture, option and quantity, the total, and the way to order."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.models import pick
from kiosk.core.shopper.cart import MAX_QUANTITY, CartLine
from kiosk.scenes.base import ShopScene, in_stock_first, suggestion_cards
from kiosk.scenes.context import SceneContext
from kiosk.scenes.variant_words import variant_words
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flex, leaf, row, scroll
from kiosk.ui.widgets import Root


class CartScene(ShopScene):
    """What the shopper is about to order; quantities change with − and +."""

    name = "cart"

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__(ctx)

    def details(self) -> dict[str, Any]:
        """The lines and the total (no personal data in a cart)."""
        cart = self.ctx.session.cart
        return {"lines": cart.state(), "total_cents": cart.total_cents}

    def build(self, size: tuple[int, int]) -> Root:
        """Lines in a scroll view; "goes well with" below them on a portrait screen; the total and
        "Order" at the bottom."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        cart = ctx.session.cart
        if not cart.lines:
            return self.screen(size, t("Your cart"),
                               column(kit.words(t("Your cart is empty."), size="title", align="center"),
                                      kit.button(t("See our products"), ctx.home, style="secondary"),
                                      gap=2 * gap, align="center", padding=Insets.all(4 * margin)))
        bar = self._total_bar()
        lines = scroll(column(*(self._line(index) for index in range(len(cart.lines))), gap=gap,
                              padding=Insets.all(margin)), t("Your cart"))
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: what the cart holds
            # above the reach zone, its lines (their − and +) within reach, the total and "Order" beside them
            aside = column(leaf(None, height=flex()), self._total_bar(narrow=True), width=fixed(width // 3),
                           height=flex())
            return self.screen(size, t("Your cart"), column(self.reach_summary(width, reach_top, t("Your cart")),
                                                            row(lines, aside, height=flex()), height=flex()))
        suggestions = ctx.shop.catalog.bought_together(list(dict.fromkeys(line.sku for line in cart.lines)),
                                                       ctx.session.member, limit=6)
        suggestions = in_stock_first(suggestions, 3)
        if suggestions and not self.wide(size):  # portrait: room for "goes well with", under the lines

            def under() -> Box:
                return column(self.section(t("Goes well with your cart")),
                              suggestion_cards(ctx, width - 2 * margin, suggestions, self._open),
                              gap=gap, padding=Insets(gap, margin, gap, margin))

            room = height - self.header(t("Your cart")).natural(width)[1] - bar.natural(width)[1]

            def together(side: int) -> Box:  # the lines (their pictures `side` wide), "goes well with" under them
                return column(column(*(self._line(index, side) for index in range(len(cart.lines))), gap=gap,
                                     padding=Insets(margin, margin, 0, margin)), under())

            # right under the lines where both fit above the total (docked over it, a third of the screen stood
            # empty between two lines and it: designer's review); else docked, in sight while the lines scroll.
            # The lines' pictures as large as the room holds, up to a third of the line (at two thirds of a
            # thumbnail, a quarter of the portrait terminal stood empty under two lines: designer's review)
            thumb = theme.size("thumb")
            sides = [side for side in range((width - 2 * margin) // 3, thumb * 2 // 3, -gap)
                     if self._names_whole(width - 2 * margin, side) and together(side).natural(width)[1] <= room]
            if sides or together(thumb * 2 // 3).natural(width)[1] <= room:
                return self.screen(size, t("Your cart"), scroll(together(sides[0] if sides else thumb * 2 // 3),
                                                                t("Your cart")), bottom=[bar])
            if under().natural(width)[1] <= room // 2:
                return self.screen(size, t("Your cart"), lines, bottom=[under(), bar])
        elif suggestions:  # landscape: "goes well with" beside the lines, in the room they leave
            side = width * 2 // 5
            extra = column(self.section(t("Goes well with your cart")),
                           suggestion_cards(ctx, side - 2 * margin, suggestions, self._open),
                           gap=gap, padding=Insets.all(margin), width=fixed(side))
            room = height - theme.size("header") - bar.natural(width)[1]
            if extra.natural(side)[1] <= room:  # (no room for it whole: not at all, as under the lines)
                return self.screen(size, t("Your cart"), row(lines, extra), bottom=[bar])
        return self.screen(size, t("Your cart"), lines, bottom=[bar])

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the lines: the cart, how many articles and the total."""
        ctx, t = self.ctx, self.ctx.t
        cart = ctx.session.cart
        return (t("Your cart"), t("Articles: {count}", count=cart.count),
                t("Total {total}", total=ctx.fmt.price(cart.total_cents))) if cart.lines else ()

    def _line(self, index: int, picture: int = 0) -> Box:
        """A line: picture, brand, name, size or colour, price, and the quantity with − and + beside them; with a
        larger `picture` (a portrait screen's room), the quantity under the words, at the picture's foot."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        line = ctx.session.cart.lines[index]
        gap = theme.size("gap")
        name = pick(line.name, ctx.lang)
        card = kit.panel("surface")
        option = variant_words(t, line.variant, ctx.lang) if line.variant else ""
        texts = [kit.words(line.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                 kit.words(name, bold=True, max_lines=2),
                 *([kit.words(option, color="muted", max_lines=1)] if option else []),
                 self._line_price(line)]
        quantity = row(kit.button(t("One less {name}", name=name), partial(self._change, index, -1),
                                  style="secondary", shown="−"),
                       kit.words(str(line.quantity), size="title", bold=True, align="center", valign="center",
                                 width=fixed(theme.size("touch_target")), max_lines=1),
                       kit.button(t("One more {name}", name=name), partial(self._change, index, 1),
                                  style="secondary", shown="+", enabled=line.quantity < MAX_QUANTITY),
                       width=fit(), align="center")
        if picture:  # the words at the picture's top and the quantity at its foot (centred beside a picture as
            # tall as three touch targets, − and + stood far over the card's foot: the next line or "goes well
            # with" seemed a band away from them)
            return row(kit.picture(ctx.shop.image(line.image), picture),
                       column(column(*texts, gap=gap // 4), quantity, gap=gap, justify="between"),
                       gap=gap, padding=Insets.all(gap), widget=card)
        return row(kit.picture(ctx.shop.image(line.image), theme.size("thumb") * 2 // 3),
                   column(*texts, gap=gap // 4), quantity, gap=gap, align="center", padding=Insets.all(gap),
                   widget=card)

    def _names_whole(self, inner: int, picture: int) -> bool:
        """Whether every line's name shows whole on its two lines, and its size or colour on one, beside a picture
        `picture` wide in a line `inner` wide, the quantity under them (the words' column narrows as the picture
        grows)."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        gap, target, cache = theme.size("gap"), theme.size("touch_target"), ctx.screen.text
        room = inner - picture - 3 * gap  # (the card's padding, the gap beside the picture)
        if room < 3 * target:  # (the quantity's − 1 +)
            return False
        for line in ctx.session.cart.lines:
            said = cache.wrap(pick(line.name, ctx.lang), theme.size("text"), room, True, 2)
            option = variant_words(t, line.variant, ctx.lang) if line.variant else ""
            if said[-1].endswith("…") or cache.width(option, theme.size("text")) > room:
                return False
        return True

    def _line_price(self, line: CartLine) -> Box:
        """The line's price; with a member's offer, the member price and the normal one beside it."""
        ctx, kit, fmt = self.ctx, self.kit, self.ctx.fmt
        if not line.saving_cents:
            return kit.words(fmt.price(line.total_cents), bold=True, color="primary", max_lines=1)
        return row(kit.words(fmt.price(line.total_cents), bold=True, color="accent", max_lines=1, width=fit()),
                   kit.words(ctx.t("instead of {price}", price=fmt.price(line.total_cents + line.saving_cents)),
                             size="small", color="muted", max_lines=1, valign="center"),
                   gap=ctx.theme.size("gap") // 2, align="center")

    def _total_bar(self, narrow: bool = False) -> Box:
        """The count, the total and "Order" (`narrow`: a column beside the lines, the count over the total)."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        cart = ctx.session.cart
        bar = kit.panel("surface", radius=False)
        total = kit.words(t("Total {total}", total=ctx.fmt.price(cart.total_cents)), size="title", bold=True,
                          align="right", max_lines=1, width=fit())
        saving = [kit.words(t("Member savings: {amount}", amount=ctx.fmt.price(cart.saving_cents)), bold=True,
                            color="accent", align="right", max_lines=1)] if cart.saving_cents else []
        if narrow:
            count_and_total = column(kit.words(t("Articles: {count}", count=cart.count), color="muted",
                                               align="right"), total, gap=gap // 2, align="end")
        else:
            count_and_total = row(kit.words(t("Articles: {count}", count=cart.count), color="muted", valign="center"),
                                  total, gap=gap, align="center")
        return column(kit.rule(),
                      column(*saving,
                             count_and_total,
                             kit.button(t("Order"), self._order, style="accent"),
                             gap=gap, padding=Insets(gap, margin, margin, margin)), widget=bar)

    def _change(self, index: int, by: int) -> None:
        cart = self.ctx.session.cart
        if index < len(cart.lines):
            cart.set_quantity(index, cart.lines[index].quantity + by)
        self.rebuild()

    def _open(self, sku: str) -> None:
        self.ctx.show(self.ctx.routes.product(sku))

    def _order(self) -> None:
        self.ctx.show(self.ctx.routes.checkout())
