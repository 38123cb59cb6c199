"""Staff's list of orders not yet with the backend (or with no backend at all): what to prepare, and
who to call. Behind the PIN; shown on screen only, never logged."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from kiosk.core.orders.order import PERSONAL_FIELDS, order_number
from kiosk.scenes.base import ShopScene
from kiosk.ui.layout import Box, Insets, column, fit, row, scroll
from kiosk.ui.widgets import Root


class StaffOrdersScene(ShopScene):
    """Each waiting order: number, state, articles, collection or delivery, contact; "handled" for staff."""

    name = "staff_orders"

    def details(self) -> dict[str, Any]:
        """The waiting orders' numbers and states."""
        return {"orders": [(item.id, item.state) for item in self.ctx.shop.outbox.waiting("order")]}

    def build(self, size: tuple[int, int]) -> Root:
        """One card per order in a scroll view."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        orders = ctx.shop.outbox.waiting("order")
        cards = [self._card(item) for item in orders] or \
            [kit.words(t("Every order is with the backend."), align="center")]
        return self.screen(size, t("Orders waiting"), scroll(column(*cards, gap=gap, padding=Insets.all(margin)),
                                                             t("Orders waiting")))

    def _card(self, item: Any) -> Box:
        ctx, theme, t, fmt, kit = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt, self.kit
        gap = theme.size("gap")
        order = item.payload
        card = kit.panel("surface")
        state = t("held: {error}", error=item.last_error) if item.state == "held" else \
            t("waiting ({attempts} tries)", attempts=item.attempts)
        articles = ", ".join(f"{line['quantity']} × {line['name']}" + (f" ({line['option']})" if line['option'] else "")
                             for line in order["lines"])
        fulfilment = order["fulfilment"]
        where = (t("To order first, then to collect: tell the customer when it is ready")
                 if fulfilment["kind"] == "collect" and fulfilment.get("to_order") else
                 t("Collect from {when}", when=ctx.when(datetime.fromisoformat(fulfilment["from"])))
                 if fulfilment["kind"] == "collect" else
                 t("Deliver to {address}", address=", ".join(order.get("delivery_address", {}).values())))
        contact = order.get("contact", {})
        return column(kit.words(f"{order_number(item.id)} · {fmt.price(order['total_cents'])}", size="title", bold=True,
                                sizes=("button",), max_lines=2),
                      kit.words(state, size="small", color="danger" if item.state == "held" else "muted"),
                      kit.words(articles, max_lines=3), kit.words(where),
                      kit.words(" ".join(str(value) for value in contact.values()), bold=True),
                      row(kit.button(t("Handled: {order}", order=item.id), partial(self._handled, item.id),
                                     style="secondary", size="text", shown=t("Mark as handled"), width=fit())),
                      gap=gap // 2, padding=Insets.all(gap), widget=card)

    def _handled(self, order_id: str) -> None:
        """Staff prepared or passed on the order by hand: it leaves the list and its personal data goes."""
        self.ctx.shop.outbox.delivered(order_id, erase=PERSONAL_FIELDS)
        self.ctx.shop.event("order_handled_by_staff", display=self.ctx.display_name)
        self.rebuild()

