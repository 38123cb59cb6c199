"""The order is kept: its number, how it reaches the shopper, a QR code to follow it, and to pay when
the backend gives a payment link."""

from __future__ import annotations

from typing import Any

from kiosk.core.messages import DeliverySucceeded
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.qr import QrCode
from kiosk.ui.widgets import Button, Label, Panel, Root


class OrderConfirmedScene(ShopScene):
    """Shown only once the order is on disk in the outbox."""

    name = "order_confirmed"

    def __init__(self, ctx: SceneContext, order_id: str, fulfilment: str, follow_url: str, emailed: bool) -> None:
        super().__init__(ctx)
        self.order_id = order_id
        self.fulfilment = fulfilment
        self.follow_url = follow_url
        self.emailed = emailed
        self.payment_url = ""

    def details(self) -> dict[str, Any]:
        """The order's number and whether a payment link came."""
        return {"order": self.order_id, "payment_link": bool(self.payment_url)}

    def on_delivery_succeeded(self, message: DeliverySucceeded) -> bool:
        """The backend has this order; with a payment link, the shopper can pay on their phone."""
        if message.item_id != self.order_id:
            return False
        if message.payment_url and message.payment_url != self.payment_url:
            self.payment_url = message.payment_url
            self.rebuild()
        return True

    def build(self, size: tuple[int, int]) -> Root:
        """Number, what happens next, the QR codes and "Done"."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        inner = width - 2 * margin
        root = Root((0, 0, width, height))
        y = self.header(root, t("Order confirmed"), back=False) + theme.px(50)
        root.add(Label((margin, y, inner, theme.px(60)), t("Thank you! Your order number:"), align="center"))
        y += theme.px(70)
        root.add(Label((margin, y, inner, theme.px(110)), self.order_id, size="headline", bold=True, align="center",
                       color="primary"))
        y += theme.px(130)
        notes = [self.fulfilment]
        notes.append(t("A confirmation is on its way to your inbox.") if self.emailed else
                     t("Keep this number: the store will contact you."))
        for note in notes:
            root.add(Label((margin, y, inner, theme.px(100)), note, wrap=True, max_lines=2, align="center"))
            y += theme.px(110)
        codes = [(url, text) for url, text in ((self.payment_url, t("Pay now on your phone")),
                                               (self.follow_url, t("Follow your order"))) if url]
        if codes:
            gap = theme.size("gap")
            column = (inner - gap * (len(codes) - 1)) // len(codes)
            # as big as the room above "Done" allows (the shorter screen of reach mode too), the card as wide
            # as its caption
            side = min(theme.px(460), column, height - theme.px(180) - theme.px(20) - y - theme.px(100))
            card_w = min(column, max(side + theme.px(20),
                                     max(ctx.screen.text.width(text, theme.size("text"), True) for _, text in codes)
                                     + theme.px(30)))
            total = len(codes) * card_w + (len(codes) - 1) * gap
            x = (width - total) // 2
            for url, text in codes:
                card = root.add(Panel((x, y, card_w, side + theme.px(90)), "surface"))
                card.add(QrCode((x + (card_w - side) // 2, y + theme.px(10), side, side), url, text))
                card.add(Label((x, y + side + theme.px(20), card_w, theme.px(60)), text, bold=True, align="center"))
                x += card_w + gap
            y += side + theme.px(120)
        root.add(Button((margin, height - theme.px(180), inner, theme.px(120)), t("Done"), ctx.on_end_session,
                        style="accent"))
        return root
