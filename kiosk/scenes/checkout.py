"""Checkout, one question a screen: how to reach you, collect or delivery (and where), then confirm.

Nothing is paid here: the order is kept in the outbox, then the shopper pays at collection or with a
link on their phone. The contact and address live in this scene only (personal data) and go with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from kiosk.core.models import pick
from kiosk.core.order_mail import fulfilment_text
from kiosk.core.orders import DeliveryAddress, Order, new_order_id, normalise_phone
from kiosk.core.place_order import Voice, place
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.email import valid_email
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.widgets import Button, Label, Panel, Root

TYPED_STEPS = ("contact", "street", "postcode", "city")
LIMITS = {"contact": 254, "street": 120, "postcode": 12, "city": 60}


class CheckoutScene(ShopScene):
    """The steps from cart to a confirmed order."""

    name = "checkout"

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__(ctx)
        self.step = "contact"
        self.by_phone = False
        self.marketing = False
        self.typed = {key: "" for key in TYPED_STEPS}  # personal data: gone with the scene
        self.collect = True

    def details(self) -> dict[str, Any]:
        """The step and whether it can go on (never what was typed)."""
        return {"step": self.step, "ready": self._ready(), "by_phone": self.by_phone}

    # --- what the shopper typed -------------------------------------------------------------
    def _contact(self) -> tuple[str, str]:
        """(email, phone) from what was typed: one of them, normalised; both empty when not valid."""
        text = self.typed["contact"].strip()
        if self.by_phone:
            return "", normalise_phone(text, self.ctx.shop.config.store.country) or ""
        return (text, "") if valid_email(text) else ("", "")

    def _ready(self) -> bool:
        if self.step == "contact":
            return any(self._contact())
        if self.step in ("street", "city"):
            return len(self.typed[self.step].strip()) >= 2
        if self.step == "postcode":
            return len(self.typed["postcode"].strip()) >= 3
        return True

    def _collect_from(self) -> datetime | None:
        preparation = timedelta(minutes=self.ctx.shop.config.orders.preparation_min)
        return self.ctx.shop.hours.ready_for_collection(self.ctx.clock.now(), preparation)

    # --- screens ----------------------------------------------------------------------------------
    def build(self, size: tuple[int, int]) -> Root:
        """The current step."""
        if self.step in TYPED_STEPS:
            return self._typing(size)
        if self.step == "fulfilment":
            return self._fulfilment(size)
        return self._review(size)

    def _typing(self, size: tuple[int, int]) -> Root:
        theme, t = self.ctx.theme, self.ctx.t
        width = size[0]
        margin = theme.size("margin")
        titles = {"contact": t("How can we reach you?"), "street": t("Delivery address"),
                  "postcode": t("Postcode"), "city": t("Town or city")}
        hints = {"contact": t("06 12 34 56 78") if self.by_phone else t("your.name@example.com"),
                 "street": t("Number and street"), "postcode": t("Postcode"), "city": t("Town or city")}
        root, _, y, _ = self.text_entry(size, titles[self.step], self.typed[self.step], hints[self.step], self.key)
        if self.step == "contact":
            chip_w = (width - 2 * margin - theme.size("gap")) // 2
            for index, (phone, label) in enumerate(((False, t("By email")), (True, t("By phone")))):
                root.add(Button((margin + index * (chip_w + theme.size("gap")), y, chip_w, theme.px(90)), label,
                                partial(self._by_phone, phone), style="chip_on" if self.by_phone == phone else "chip",
                                size="text"))
            y += theme.px(110)
            root.add(Label((margin, y, width - 2 * margin, theme.px(80)),
                           t("Only to tell you about this order."), color="muted", wrap=True, max_lines=2))
            y += theme.px(90)
            on = self.marketing
            shown = ("☑  " if on else "☐  ") + t("Send me the store's offers too")
            text = self.ctx.screen.text
            one_line = text.width(shown, theme.size("text"), True) <= width - 2 * margin - theme.px(16)
            # a label too long for one line (larger text, German) gets a button tall enough for two
            tick_h = theme.px(90) if one_line else 2 * text.line_height(theme.size("text"), True) + theme.px(24)
            root.add(Button((margin, y, width - 2 * margin, tick_h), t("Send me the store's offers too"),
                            self._toggle_marketing, style="chip_on" if on else "chip", size="text", shown=shown))
            y += tick_h + theme.px(20)
        root.add(Button((margin, y, width - 2 * margin, theme.px(110)), t("Next"), self.next_step, style="accent",
                        enabled=self._ready()))
        return root

    def _fulfilment(self, size: tuple[int, int]) -> Root:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        y = self.header(root, t("How would you like it?")) + theme.px(60)
        ready = self._collect_from()
        choice_h = theme.px(200)
        if ready is not None:
            root.add(Button((margin, y, width - 2 * margin, choice_h), t("Collect at the store"),
                            partial(self._choose, True), style="secondary",
                            note=t("Ready {when} · pay when you collect", when=ctx.when(ready))))
            y += choice_h + theme.size("gap") * 2
        if ctx.shop.config.orders.delivery:
            root.add(Button((margin, y, width - 2 * margin, choice_h), t("Delivery"), partial(self._choose, False),
                            style="secondary", note=t("To your address")))
        return root

    def _review(self, size: tuple[int, int]) -> Root:
        ctx, theme, t, fmt = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt
        width, height = size
        margin = theme.size("margin")
        inner = width - 2 * margin
        root = Root((0, 0, width, height))
        y = self.header(root, t("Check your order")) + theme.px(30)
        line_h = theme.px(64)
        cart = ctx.session.cart
        shown = cart.lines[: max(1, (height // 2 - y) // line_h)]
        for line in shown:
            option = f" ({line.variant.label(ctx.lang)})" if line.variant else ""
            root.add(Label((margin, y, inner - theme.px(260), line_h),
                           f"{line.quantity} × {pick(line.name, ctx.lang)}{option}"))
            root.add(Label((width - margin - theme.px(250), y, theme.px(250), line_h), fmt.price(line.total_cents),
                           bold=True, align="right"))
            y += line_h
        if len(cart.lines) > len(shown):
            root.add(Label((margin, y, inner, line_h), t("… and {count} more", count=len(cart.lines) - len(shown)),
                           color="muted"))
            y += line_h
        root.add(Panel((margin, y + theme.px(10), inner, max(1, theme.px(2))), "divider", radius=False))
        y += theme.px(30)
        root.add(Label((margin, y, inner, theme.px(80)), t("Total {total}", total=fmt.price(cart.total_cents)),
                       size="title", bold=True, align="right"))
        y += theme.px(110)
        order = self._order(preview=True)
        for text in (fulfilment_text(order, t, ctx.when), order.email or order.phone,
                     t("You pay when you collect it, or with a link on your phone if we show you one.")):
            text_h = ctx.screen.text.wrapped_height(text, theme.size("text"), inner)
            root.add(Label((margin, y, inner, text_h), text, wrap=True, valign="top"))
            y += text_h + theme.px(20)
        root.add(Button((margin, height - theme.px(300), inner, theme.px(130)), t("Confirm order"), self.confirm,
                        style="accent"))
        root.add(Button((margin, height - theme.px(150), inner, theme.px(100)), t("Change"), self._restart,
                        style="ghost", size="text"))
        return root

    # --- actions ------------------------------------------------------------------------------------
    def key(self, key: str) -> None:
        """A key of the on-screen keyboard, for the field of this step."""
        if key == ENTER:
            self.next_step()
            return
        text = self.typed[self.step]
        text = text[:-1] if key == BACKSPACE else text + (key.strip() if self.step == "contact" else key)
        self.typed[self.step] = text[: LIMITS[self.step]]
        self.rebuild()

    def on_text(self, text: str) -> bool:
        """Typed text (automation `type`, or a physical keyboard)."""
        if self.step not in TYPED_STEPS:
            return False
        for char in text:
            self.key(char)
        return True

    def next_step(self) -> None:
        """On to the next question, once this one is answered."""
        if not self._ready():
            return
        following = {"contact": "fulfilment", "street": "postcode", "postcode": "city", "city": "review"}
        self.step = following.get(self.step, self.step)
        self.rebuild()

    def _by_phone(self, phone: bool) -> None:
        self.by_phone = phone
        self.typed["contact"] = ""
        self.rebuild()

    def _toggle_marketing(self) -> None:
        self.marketing = not self.marketing
        self.rebuild()

    def _choose(self, collect: bool) -> None:
        self.collect = collect
        self.step = "review" if collect else "street"
        self.rebuild()

    def _restart(self) -> None:
        self.step = "contact"
        self.rebuild()

    def _order(self, preview: bool = False) -> Order:
        ctx = self.ctx
        email, phone = self._contact()
        delivery = None if self.collect else DeliveryAddress(
            self.typed["street"].strip(), self.typed["postcode"].strip(), self.typed["city"].strip())
        return Order(
            id="" if preview else new_order_id(ctx.shop.config.store.id), store=ctx.shop.config.store.id,
            device=ctx.display_name, placed_at=ctx.clock.now(), language=ctx.lang, currency=ctx.shop.catalog.currency,
            lines=tuple(ctx.session.cart.lines), email=email, phone=phone,
            collect_from=self._collect_from() if self.collect else None, delivery=delivery,
            marketing_opt_in=self.marketing)

    def confirm(self) -> None:
        """Keep the order durably, then (only then) show it confirmed."""
        ctx = self.ctx
        if not ctx.session.cart.lines or not any(self._contact()):
            return
        shop = ctx.shop
        store_language = shop.config.store.default_language
        placed = place(self._order(), store_name=shop.config.store.name,
                       follow_url_template=shop.config.orders.follow_url, mail=shop.mail_enabled,
                       store_email=shop.config.orders.store_email,
                       shopper=Voice(ctx.t, ctx.fmt.price, ctx.when),
                       store=Voice(shop.t(store_language), shop.formatter(store_language).price, ctx.when))
        shop.keep_order(placed)
        order = placed.order
        shop.event("order_placed", display=ctx.display_name, articles=ctx.session.cart.count,
                   total_cents=order.total_cents)
        ctx.session.cart.clear()
        self.typed = {key: "" for key in TYPED_STEPS}
        stack = ctx.screen.stack
        stack.pop_to("home")
        ctx.show(ctx.routes.order_confirmed(order.id, fulfilment_text(order, ctx.t, ctx.when), placed.follow_url,
                                            placed.shopper_emailed))
