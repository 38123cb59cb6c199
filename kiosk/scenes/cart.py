"""The cart: each line with its picture, option and quantity, the total, and the way to order."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.cart import MAX_QUANTITY
from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene, suggestion_cards
from kiosk.scenes.context import SceneContext
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Widget


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
        """Lines in a scroll view; the total and "Order" at the bottom."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        top = self.header(root, t("Your cart"))
        cart = ctx.session.cart
        if not cart.lines:
            root.add(Label((margin, top + theme.px(200), width - 2 * margin, theme.px(80)), t("Your cart is empty."),
                           size="title", align="center"))
            root.add(Button(((width - theme.px(500)) // 2, top + theme.px(320), theme.px(500), theme.px(110)),
                            t("See our products"), ctx.home, style="secondary"))
            return root
        bar_h = theme.px(260)
        row_h = theme.px(230)
        suggestions = ctx.shop.catalog.bought_together(list(dict.fromkeys(line.sku for line in cart.lines)),
                                                       ctx.session.member, limit=3)
        extra_h = theme.px(500) if suggestions and height > width else 0  # portrait: room for "goes well with"
        view = root.add(ScrollView((0, top, width, height - top - bar_h - extra_h), 0, label=t("Your cart")))
        view.set_rows(len(cart.lines), row_h, partial(self._row, view, row_h), top=theme.px(20))
        if extra_h:
            y = height - bar_h - extra_h
            root.add(Label((margin, y, width - 2 * margin, theme.px(60)), t("Goes well with your cart"), size="title",
                           bold=True, heading=True))
            for card in suggestion_cards(ctx, pygame.Rect(margin, y + theme.px(70), width - 2 * margin,
                                                          extra_h - theme.px(90)), suggestions, self._open):
                root.add(card)
        self._total_bar(root, height - bar_h, bar_h)
        return root

    def _row(self, view: ScrollView, row_h: int, index: int) -> list[Widget]:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        line = ctx.session.cart.lines[index]
        width = ctx.size[0]
        margin, pad = theme.size("margin"), theme.px(20)
        y = theme.px(20) + index * row_h
        card = Panel((margin, y, width - 2 * margin, row_h - theme.px(16)), "surface")
        picture = row_h - theme.px(16) - 2 * pad
        card.add(Picture((margin + pad, y + pad, picture, picture), ctx.shop.image(line.image)))
        text_x = margin + 2 * pad + picture
        controls_w = theme.px(330)
        text_w = width - margin - pad - controls_w - text_x
        name = pick(line.name, ctx.lang)
        card.add(Label((text_x, y + pad, text_w, theme.px(34)), line.brand.upper(), size="small", color="muted",
                       bold=True))
        card.add(Label((text_x, y + pad + theme.px(36), text_w, theme.px(76)), name, wrap=True, max_lines=2,
                       valign="top", bold=True))
        option = line.variant.label(ctx.lang) if line.variant else ""
        card.add(Label((text_x, y + pad + theme.px(110), text_w, theme.px(40)), option, color="muted"))
        card.add(Label((text_x, y + pad + theme.px(146), text_w, theme.px(40)), ctx.fmt.price(line.total_cents),
                       bold=True, color="primary"))
        step = theme.size("touch_target")
        cx = width - margin - pad - controls_w
        cy = y + (row_h - theme.px(16) - step) // 2
        card.add(Button((cx, cy, step, step), t("One less {name}", name=name), partial(self._change, index, -1),
                        style="secondary", shown="−"))
        card.add(Label((cx + step, cy, controls_w - 2 * step, step), str(line.quantity), size="title", bold=True,
                       align="center"))
        card.add(Button((cx + controls_w - step, cy, step, step), t("One more {name}", name=name),
                        partial(self._change, index, 1), style="secondary", shown="+",
                        enabled=line.quantity < MAX_QUANTITY))
        return [card]

    def _total_bar(self, root: Root, y: int, bar_h: int) -> None:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width = ctx.size[0]
        margin = theme.size("margin")
        cart = ctx.session.cart
        root.add(Panel((0, y, width, bar_h), "surface", radius=False))
        root.add(Panel((0, y, width, max(1, theme.px(2))), "divider", radius=False))
        total = t("Total {total}", total=ctx.fmt.price(cart.total_cents))
        total_w = min(width - 2 * margin, ctx.screen.text.width(total, theme.size("title"), True) + theme.px(8))
        root.add(Label((margin, y + theme.px(20), width - 2 * margin - total_w, theme.px(60)),
                       t("Articles: {count}", count=cart.count), color="muted"))
        root.add(Label((width - margin - total_w, y + theme.px(10), total_w, theme.px(80)), total, size="title",
                       bold=True, align="right"))
        root.add(Button((margin, y + theme.px(110), width - 2 * margin, theme.px(120)), t("Order"), self._order,
                        style="accent"))

    def _change(self, index: int, by: int) -> None:
        cart = self.ctx.session.cart
        if index < len(cart.lines):
            cart.set_quantity(index, cart.lines[index].quantity + by)
        self.rebuild()

    def _open(self, sku: str) -> None:
        self.ctx.show(self.ctx.routes.product(sku))

    def _order(self) -> None:
        self.ctx.show(self.ctx.routes.checkout())
