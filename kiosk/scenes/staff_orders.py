"""Staff's list of orders not yet with the backend (or with no backend at all): what to prepare, and
who to call. Behind the PIN; shown on screen only, never logged."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from kiosk.core.orders import PERSONAL_FIELDS
from kiosk.scenes.base import ShopScene
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Root, Widget


class StaffOrdersScene(ShopScene):
    """Each waiting order: number, state, articles, collection or delivery, contact; "handled" for staff."""

    name = "staff_orders"

    def details(self) -> dict[str, Any]:
        """The waiting orders' numbers and states."""
        return {"orders": [(item.id, item.state) for item in self.ctx.shop.outbox.waiting("order")]}

    def build(self, size: tuple[int, int]) -> Root:
        """One card per order in a scroll view."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        top = self.header(root, t("Orders waiting"))
        orders = ctx.shop.outbox.waiting("order")
        if not orders:
            root.add(Label((margin, top + theme.px(100), width - 2 * margin, theme.px(80)),
                           t("Every order is with the backend."), align="center"))
            return root
        card_h = theme.px(420)
        view = root.add(ScrollView((0, top, width, height - top), 0, label=t("Orders waiting")))
        view.set_rows(len(orders), card_h + theme.size("gap"), partial(self._card, orders, card_h), top=margin)
        view.content_height += margin
        return root

    def _card(self, orders: list[Any], card_h: int, index: int) -> list[Widget]:
        ctx, theme, t, fmt = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt
        item = orders[index]
        order = item.payload
        width = ctx.size[0]
        margin, pad = theme.size("margin"), theme.px(24)
        y = margin + index * (card_h + theme.size("gap"))
        inner = width - 2 * margin - 2 * pad
        card = Panel((margin, y, width - 2 * margin, card_h), "surface")
        state = t("held: {error}", error=item.last_error) if item.state == "held" else \
            t("waiting ({attempts} tries)", attempts=item.attempts)
        card.add(Label((margin + pad, y + pad, inner, theme.px(50)), f"{item.id} · {fmt.price(order['total_cents'])}",
                       size="title", bold=True))
        card.add(Label((margin + pad, y + pad + theme.px(56), inner, theme.px(40)), state, size="small",
                       color="danger" if item.state == "held" else "muted"))
        articles = ", ".join(f"{line['quantity']} × {line['name']}" + (f" ({line['option']})" if line['option'] else "")
                             for line in order["lines"])
        card.add(Label((margin + pad, y + pad + theme.px(100), inner, theme.px(84)), articles, wrap=True, max_lines=2,
                       valign="top"))
        fulfilment = order["fulfilment"]
        where = (t("Collect from {when}", when=ctx.when(datetime.fromisoformat(fulfilment["from"])))
                 if fulfilment["kind"] == "collect" else
                 t("Deliver to {address}", address=", ".join(order.get("delivery_address", {}).values())))
        contact = order.get("contact", {})
        card.add(Label((margin + pad, y + pad + theme.px(190), inner, theme.px(44)), where))
        card.add(Label((margin + pad, y + pad + theme.px(236), inner, theme.px(44)),
                       " ".join(str(value) for value in contact.values()), bold=True))
        card.add(Button((margin + pad, y + card_h - pad - theme.px(90), theme.px(420), theme.px(90)),
                        t("Handled: {order}", order=item.id), partial(self._handled, item.id), style="secondary",
                        size="text", shown=t("Mark as handled")))
        return [card]

    def _handled(self, order_id: str) -> None:
        """Staff prepared or passed on the order by hand: it leaves the list and its personal data goes."""
        self.ctx.shop.outbox.delivered(order_id, erase=PERSONAL_FIELDS)
        self.ctx.shop.event("order_handled_by_staff", display=self.ctx.display_name)
        self.rebuild()

