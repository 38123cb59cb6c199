"""The order is kept: its number, how it reaches the shopper, a QR code to follow it, and to pay when
the backend gives a payment link."""

from __future__ import annotations

from typing import Any

from kiosk.core.messages import DeliverySucceeded
from kiosk.core.orders.order import order_number
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Box, Insets, column, fit, fixed, leaf, row
from kiosk.ui.qr import QrCode
from kiosk.ui.widgets import Root

ORDERED_SHOWN = 3


class OrderConfirmedScene(ShopScene):
    """Shown only once the order is on disk in the outbox."""

    name = "order_confirmed"

    def __init__(self, ctx: SceneContext, order_id: str, ordered: tuple[str, ...], fulfilment: str, follow_url: str,
                 emailed: bool) -> None:
        super().__init__(ctx)
        self.order_id = order_id
        self.ordered = ordered  # its lines as the shopper reads them: "1 × Trail Ascent 3 (Size 39)"
        self.fulfilment = fulfilment
        self.follow_url = follow_url
        self.emailed = emailed
        self.payment_url = ""

    def details(self) -> dict[str, Any]:
        """The order's number and whether a payment link came."""
        return {"order": self.order_id, "number": order_number(self.order_id), "payment_link": bool(self.payment_url)}

    def on_delivery_succeeded(self, message: DeliverySucceeded) -> bool:
        """The backend has this order; with a payment link, the shopper can pay on their phone."""
        if message.item_id != self.order_id:
            return False
        if message.payment_url and message.payment_url != self.payment_url:
            self.payment_url = message.payment_url
            self.rebuild()
        return True

    def build(self, size: tuple[int, int]) -> Root:
        """Number, what happens next, the QR codes (as big as the room above "Done" allows, the shorter
        screen of reach mode too) and "Done"."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        done = column(kit.button(t("I'm done"), ctx.on_end_session, style="accent",
                                 note=t("Your choices are wiped from the screen")), padding=Insets.all(margin))
        notes = [kit.words(t("Thank you! Your order number:"), align="center"),
                 kit.words(order_number(self.order_id), size="headline", sizes=("title",), bold=True, align="center",
                           color="primary", max_lines=1),
                 *self._ordered(),
                 kit.words(self.fulfilment, align="center", max_lines=3),
                 kit.words(t("A confirmation is on its way to your inbox.") if self.emailed else
                           t("Keep this number: the store will contact you."), align="center", max_lines=3)]
        codes = [(url, text) for url, text in ((self.payment_url, t("Pay now on your phone")),
                                               (self.follow_url, t("Follow your order"))) if url]
        beside = self.wide(size) and bool(codes)  # a landscape screen: the codes beside the words, full height
        words_w = (width - 2 * margin) // 2 - gap if beside else width - 2 * margin
        if codes:
            said = 0 if beside else column(*notes, gap=gap).natural(words_w)[1]
            caption = max(ctx.screen.text.line_height(theme.size("text"), True) * 2, theme.size("touch_target"))
            codes_w = width - 2 * margin - (words_w + 2 * gap if beside else 0)
            side = max(theme.size("touch_target"),
                       min(theme.size("qr") * 2 // 3, codes_w // len(codes) - 2 * gap,
                           height - theme.size("header") - done.natural(width)[1] - said - caption - 6 * gap
                           - 2 * margin))
            cards = []
            for url, text in codes:
                card = kit.panel("surface")
                cards.append(column(leaf(QrCode((0, 0, 0, 0), url, text), width=fixed(side),
                                         height=fixed(side)),
                                    kit.words(text, bold=True, align="center", max_lines=2),
                                    gap=gap // 2, align="center", padding=Insets.all(gap // 2), widget=card,
                                    width=fit(min=side + gap)))
            if beside:
                return self.screen(size, t("Order confirmed"),
                                   column(row(column(*notes, gap=gap, justify="center", width=fixed(words_w)),
                                              row(*cards, gap=gap, justify="center"), gap=2 * gap, align="center",
                                              padding=Insets.all(margin))), bottom=[done], back=False)
            notes.append(row(*cards, gap=gap, justify="center"))
        return self.screen(size, t("Order confirmed"), column(*notes, gap=gap, padding=Insets.all(margin)),
                           bottom=[done], back=False)

    def _ordered(self) -> list[Box]:
        """What was ordered, each line with its size or colour (up to four lines; more: three, and how many
        more), so that the shopper sees what the number is for."""
        shown = self.ordered if len(self.ordered) <= ORDERED_SHOWN + 1 else self.ordered[:ORDERED_SHOWN]
        more = len(self.ordered) - len(shown)
        said = [*shown, *([self.ctx.t("and {count} more", count=more)] if more else [])]
        return [self.kit.words(line, bold=True, align="center", max_lines=2) for line in said]
