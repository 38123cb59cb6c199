"""Checkout, one question a screen: how to reach you, collect or delivery (and where), then confirm.

"Buy now" (the shop window's) is the same checkout for one article, without the cart: how to reach you,
then the last look, where collect or delivery is one tap (collect chosen when the store can prepare it).

Nothing is paid here: the order is kept in the outbox, then the shopper pays at collection or with a
link on their phone. The contact and address live in this scene only (personal data) and go with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from kiosk.actions import OrderAnswers
from kiosk.core.orders.order import DeliveryAddress, Order, normalise_phone
from kiosk.core.orders.order_mail import fulfilment_text
from kiosk.core.shopper.cart import Cart
from kiosk.scenes.base import ShopScene
from kiosk.scenes.contact_keys import contact_shortcuts
from kiosk.scenes.context import SceneContext
from kiosk.scenes.email import valid_email
from kiosk.scenes.variant_words import line_words
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, first_that_fits, fit, fixed, flex, leaf, row, scroll
from kiosk.ui.widgets import Root

TYPED_STEPS = ("contact", "street", "postcode", "city")
ADDRESS_STEPS = ("street", "postcode", "city")  # one step to the shopper: the address
LIMITS = {"contact": 254, "street": 120, "postcode": 12, "city": 60}


class CheckoutScene(ShopScene):
    """The steps from cart to a confirmed order."""

    name = "checkout"

    def __init__(self, ctx: SceneContext, bought_now: Cart | None = None) -> None:
        super().__init__(ctx)
        self.cart = bought_now if bought_now is not None else ctx.session.cart  # what is ordered
        self.express = bought_now is not None  # "Buy now": no cart, no step of its own for collect or delivery
        self.step = "contact"
        self.by_phone = False
        self.choosing = True  # (accessible tablet) email or phone asked on its own, before the field and keys
        self.marketing = False
        self.typed = {key: "" for key in TYPED_STEPS}  # personal data: gone with the scene
        self.collect = True
        if self.express and self._collect_from() is None and ctx.shop.config.orders.delivery:
            self.collect = False  # the store never opens again: delivery is the way

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

    def _reason(self) -> str:
        """Why "Next" cannot be used yet, in a few words under it."""
        if self._ready():
            return ""
        return self.contact_reason(self.by_phone) if self.step == "contact" else self.ctx.t("Fill in this field")

    def _collect_from(self) -> datetime | None:
        preparation = timedelta(minutes=self.ctx.shop.config.orders.preparation_min)
        return self.ctx.shop.hours.ready_for_collection(self.ctx.clock.now(), preparation)

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the step: the order (articles and total) and what was chosen so far."""
        ctx, t = self.ctx, self.ctx.t
        cart = self.cart
        asking = self.choosing and self.reach_band(ctx.size)  # (the choice asked on its own: nothing chosen yet)
        chosen = [t("By phone") if self.by_phone else t("By email")] if self.step == "contact" and not asking else []
        return (t("Total {total}", total=ctx.fmt.price(cart.total_cents)), t("Articles: {count}", count=cart.count),
                *(line_words(t, line, ctx.lang) for line in cart.lines[:3]), *chosen)

    # --- screens ----------------------------------------------------------------------------------
    def build(self, size: tuple[int, int]) -> Root:
        """The current step."""
        if self.step == "contact" and self.choosing and self.reach_band(size):  # (a tablet in accessible mode:
            # the choice, the field, its consent and "Next" do not fit under the reach zone's top over the keys)
            return self._how_to_reach(size)
        if self.step in TYPED_STEPS:
            return self._typing(size)
        if self.step == "fulfilment":
            return self._fulfilment(size)
        return self._review(size)

    def _typing(self, size: tuple[int, int]) -> Root:
        """Field and keyboard; the contact's choice of email or phone first, over the field it decides (its
        hint, its keys: it came after the field, which asked for an email before the shopper could say they
        would rather give a phone number: designer's review); between field and keys "Next" and the offers'
        tick box (scrolled on a short screen)."""
        t, kit = self.ctx.t, self.kit
        titles = {"contact": t("How can we reach you?"), "street": t("Delivery address"),
                  "postcode": t("Postcode"), "city": t("Town or city")}
        hints = {"contact": t("06 12 34 56 78") if self.by_phone else t("your.name@example.com"),
                 "street": t("Number and street"), "postcode": t("Postcode"), "city": t("Town or city")}

        def contact(compact: bool) -> list[Box]:  # compact: without the line that only explains
            note = [] if compact else [kit.words(t("Only to tell you about this order."), color="muted",
                                                 max_lines=2)]
            return [*note,
                    kit.toggle(t("Send me the store's offers too"), self._toggle_marketing, checked=self.marketing)]

        def choice() -> Box:  # before the field: the field's hint and keys follow it
            return first_that_fits(self._choice(False, False, fold=True), self._choice(False, True),
                                   self._choice(True, True))

        # (the accessible tablet asked for the choice on its own step: the band above the reach zone says it, and
        # the field's label, what it is for: it stood unlabelled over the keys)
        asked = self.step == "contact" and not self.reach_band(size)

        def label() -> Box:
            return kit.words(t("By phone") if self.by_phone else t("By email"), bold=True, max_lines=1)

        root, _ = self.text_entry(size, titles[self.step], self.typed[self.step], hints[self.step], self.key,
                                  action=lambda: kit.button(t("Next"), self.next_step, style="accent",
                                                            enabled=self._ready(), reason=self._reason()),
                                  parts=contact if self.step == "contact" else None, above=self._summary,
                                  first=choice if asked else label if self.step == "contact" else None,
                                  enter=t("Next"), **self._keys())
        return root

    def _how_to_reach(self, size: tuple[int, int]) -> Root:
        """Email or phone, on its own before the field and its keys, at the reach zone's foot over the header,
        the order said above it (a tablet in accessible mode: with the keys up, the choice and the field stood
        above the reach zone)."""
        t, kit, theme = self.ctx.t, self.kit, self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        # the question over its answers, and the answers sharing the room under it (the question stood in the
        # header at the foot, under its answers, over a third of the screen empty: designer's review)
        question = kit.words(t("How can we reach you?"), size="title", bold=True, heading=True, max_lines=2)
        choices = [kit.button(label, partial(self._by_phone, phone), style="secondary",
                              height=flex(min=2 * theme.size("touch_target")))
                   for phone, label in ((False, t("By email")), (True, t("By phone")))]
        # the answers from the reach zone's top down, the question just over it (words may stand above it)
        band = self.reach_band(size)
        steps = column(self._steps(), padding=Insets(gap, margin, gap, margin))
        upper = column(steps, leaf(None, height=flex()), column(question, padding=Insets(0, margin, 0, margin)),
                       height=fixed(band)) if band else column(steps, column(question, padding=Insets(0, margin, 0,
                                                                                                      margin)))
        # the header names the screen, the question stands over its answers only (it was said in both)
        return self.screen(size, t("Your order"),
                           column(upper, column(*choices, gap=2 * gap, padding=Insets.all(margin), height=flex()),
                                  height=flex()))

    def go_back(self) -> None:
        """Back from the contact's field to its choice where it was asked on its own (the accessible tablet)."""
        if self.step == "contact" and not self.choosing and self.reach_band(self.ctx.size):
            self.choosing = True
            self.rebuild()
            return
        super().go_back()

    def _summary(self) -> Box:
        """Over a typing step where there is room: the steps, and what is being ordered (up to three lines and
        the count and total), so that the shopper sees what they are giving their details for."""
        ctx, t, kit, fmt = self.ctx, self.ctx.t, self.kit, self.ctx.fmt
        gap = ctx.theme.size("gap")
        if ctx.screen.offset:  # the strip above the reach zone says the order already (it was said twice)
            return self._steps()
        cart = self.cart  # bought now: the one article, not the session's cart
        lines = [row(kit.words(line_words(t, line, ctx.lang), max_lines=2),
                     kit.words(fmt.price(line.total_cents), align="right", width=fit(), max_lines=1), gap=gap)
                 for line in cart.lines[:3]]
        total = row(kit.words(t("Articles: {count}", count=cart.count), color="muted", max_lines=1),
                    kit.words(t("Total {total}", total=fmt.price(cart.total_cents)), bold=True, align="right",
                              width=fit(), max_lines=1), gap=gap)
        return column(self._steps(), column(*lines, kit.rule(), total, gap=gap // 2, padding=Insets.all(gap),
                                            widget=kit.panel("surface")), gap=gap)

    def _keys(self) -> dict[str, Any]:
        """The keyboard of the step: a phone keypad or an email keyboard for the contact, with the address
        typed before in the session and the country's email domains over it; the language's for the rest."""
        if self.step != "contact":
            return {}
        kind = "phone" if self.by_phone else "email"
        return {"keys": kind, "shortcuts": contact_shortcuts(self.ctx, kind, self.typed["contact"], self.fill)}

    def fill(self, text: str) -> None:
        """Put a whole address or number in the contact field (a shortcut key)."""
        self.typed["contact"] = text[: LIMITS["contact"]]
        self.rebuild()

    def _choice(self, folded: bool, compact: bool, fold: bool = False) -> Box:
        """Email or phone, the one chosen edged and ticked (never filled like "Next"): side by side (compact: on
        two lines each where a word does not fit), or one under the other."""
        t, kit, theme = self.ctx.t, self.kit, self.ctx.theme
        gap = theme.size("gap")
        buttons = []
        for phone, label in ((False, t("By email")), (True, t("By phone"))):
            longest = max(self.ctx.screen.text.width(word, theme.size("text"), True) for word in label.split())
            buttons.append(kit.choice(label, partial(self._by_phone, phone), chosen=self.by_phone == phone,
                                      width=flex(min=longest + 2 * gap) if compact else flex()))
        return column(*buttons, gap=gap) if folded else row(*buttons, gap=gap, fold=fold)

    def _steps(self) -> Box:
        """Where the shopper is: the steps by name (the address is a step once delivery is chosen), each of
        them read: the current one strong (filled, bold), those done ticked in the brand's colour on an edged
        cell, the next ones quieter (plain words on a tinted cell) but in the text's colour, never grey (the
        designer's review found the steps grey and hard to read)."""
        t, kit, theme = self.ctx.t, self.kit, self.ctx.theme
        gap = theme.size("gap")
        steps = [("contact", t("Contact"))] + ([] if self.express else [("fulfilment", t("Collect or delivery"))])
        steps += [("address", t("Address"))] if not self.collect else []
        steps += [("review", t("Check"))]
        current = [key for key, _ in steps].index("address" if self.step in ADDRESS_STEPS else self.step)

        def cells(one_line: bool) -> list[Box]:  # with `one_line`, each cell at least as wide as its words on one
            # line: shared equally where that holds them all, else a long step's cell wider (on the 4K window,
            # "2. Retrait ou livraison" took two lines in a third of the form's column, and the line that says what
            # the address is for no longer fitted beside the keys)
            made = []
            for number, (_, name) in enumerate(steps):
                done, here = number < current, number == current
                cell = kit.panel("primary") if here else kit.panel("surface", border="primary") if done else \
                    kit.panel("surface_alt")
                said = f"✓ {name}" if done else f"{number + 1}. {name}"
                color = "on_primary" if here else "primary" if done else "text"
                least = self.ctx.screen.text.width(said, theme.size("small"), here or done) + 2 * (gap // 2) + 1
                made.append(column(kit.words(said, size="small", bold=here or done, color=color, align="center",
                                             max_lines=2),
                                   padding=Insets.all(gap // 2), justify="center", widget=cell,
                                   width=flex(min=least) if one_line else None))
            return made

        return first_that_fits(row(*cells(True), gap=gap // 4), row(*cells(False), gap=gap // 4))

    def _fulfilment(self, size: tuple[int, int]) -> Root:
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        ready = self._collect_from()
        tall = fit(min=2 * theme.size("touch_target"))
        choices = []
        if ready is not None:
            choices.append(kit.button(t("Collect at the store"), partial(self._choose, True), style="secondary",
                                      note=t("To order: we tell you when it is ready")
                                      if ctx.actions.to_order(self.cart) else
                                      t("Ready {when} · pay when you collect", when=ctx.when(ready)),
                                      height=tall))
        if ctx.shop.config.orders.delivery:
            choices.append(kit.button(t("Delivery"), partial(self._choose, False), style="secondary",
                                      note=t("To your address"), height=tall))
        title = t("How would you like it?")
        if reach_top := self.out_of_reach(size):  # a landscape screen in accessible mode: the order above the
            # reach zone, the steps and the choices side by side within reach (one under the other, the first
            # stood at the top of the screen)
            choices = [column(choice, width=flex()) for choice in choices]
            return self.screen(size, title, column(self.reach_summary(size[0], reach_top, title),
                                                   leaf(None, height=flex()),
                                                   column(self._steps(), row(*choices, gap=2 * gap), gap=2 * gap,
                                                          padding=Insets.all(margin)), height=flex()))
        if self.bars_in_reach(size):  # accessible mode in a portrait screen's reach zone: the steps and the
            # choices at its foot, over the header (on a tablet the zone's top is still above the reach zone: the
            # first choice stood there)
            return self.screen(size, title, column(leaf(None, height=flex()),
                                                   column(self._steps(), *choices, gap=2 * gap,
                                                          padding=Insets.all(margin)), height=flex()))
        return self.screen(size, title, column(self._steps(), *choices, gap=2 * gap, padding=Insets.all(margin)))

    def _review(self, size: tuple[int, int]) -> Root:
        """The lines, the total, how and where, and "Confirm order" at the bottom (the rest scrolls)."""
        ctx, theme, t, fmt, kit = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        buttons = column(kit.button(t("Confirm order"), self.confirm, style="accent"),
                         kit.button(t("Change"), self._restart, style="ghost", size="text"),
                         gap=gap // 2, padding=Insets(gap, margin, gap, margin))
        def order_lines(side: int) -> list[Box]:  # the lines (their pictures `side` wide) and the total
            made: list[Box] = []
            for line in self.cart.lines:
                made.append(row(kit.picture(ctx.shop.image(line.image), side),
                                kit.words(line_words(t, line, ctx.lang), max_lines=2, valign="center"),
                                kit.words(fmt.price(line.total_cents), bold=True, align="right", width=fit(),
                                          max_lines=1, valign="center"), gap=gap, align="center"))
            return [*made, kit.rule(), kit.words(t("Total {total}", total=fmt.price(self.cart.total_cents)),
                                                 size="title", bold=True, align="right", max_lines=1)]

        lines: list[Box] = [self._steps(), *order_lines(theme.size("thumb") // 2)]
        order = self._order()
        choice = [self._fulfilment_choice()] if self.express else []  # collect or delivery: one tap, not a screen
        card = kit.panel("surface")
        # (bought now, collect or delivery is chosen just above: only the address is said again)
        fulfilment = [] if self.express and self.collect else [
            (t("Collect at the store") if self.collect else t("Delivery"), fulfilment_text(order, t, ctx.when))]
        facts = [*fulfilment, (t("Contact"), order.email or order.phone),
                 (t("Payment"), t("You pay when you collect it, or with a link on your phone if we show you one."))]
        said = column(*(column(kit.words(heading, size="small", color="muted", bold=True, heading=True),
                               kit.words(said), gap=gap // 4) for heading, said in facts),
                      gap=gap, padding=Insets.all(gap), widget=card)
        if self.wide(size):  # what is ordered on the left; how, where, and the buttons on the right, all in sight
            right = column(said, leaf(None, height=flex()), *choice, buttons, gap=gap, padding=Insets(margin, 0, 0, 0),
                           width=flex(2))
            buttons.padding = Insets(0, 0, margin, 0)
            ordered = scroll(column(*lines, gap=gap, padding=Insets.all(margin)), t("Check your order"))
            ordered.width = flex(3)
            body = row(ordered, right, padding=Insets(0, margin, 0, 0))
            return self.screen(size, t("Check your order"), body)
        content = column(*lines, *choice, said, gap=gap, padding=Insets.all(margin))
        room = size[1] - self.header(t("Check your order")).natural(size[0])[1]
        if not self.bars_in_reach(size) and \
                content.natural(size[0])[1] + buttons.natural(size[0])[1] <= room:
            # the buttons right under the order where it fits above them whole (docked at the foot, a third of
            # the portrait window stood empty between the payment and "Confirm order": designer's review); the
            # lines' pictures as large as the room holds (up to a third of the width, their words whole), and
            # what is left of the room shared over the order and under its buttons, the steps at the top (40 % of
            # the portrait window stood empty under "Change": designer's review)
            buttons.padding = Insets(0, margin, margin, margin)
            inner = size[0] - 2 * margin

            def page(side: int) -> Box:  # the steps at the top, the order (its pictures `side` wide) and its
                # buttons in the middle of the room under them
                return column(column(self._steps(), padding=Insets(margin, margin, 0, margin)),
                              leaf(None, height=flex()),
                              column(*order_lines(side), *choice, said, gap=gap, padding=Insets(0, margin, 0, margin)),
                              buttons, leaf(None, height=flex()), gap=gap)

            def named(side: int) -> bool:  # every line's words whole on their two lines beside a picture `side` wide
                cache, pixels = ctx.screen.text, theme.size("text")
                return all(not cache.wrap(line_words(t, line, ctx.lang), pixels, inner - side - 2 * gap -
                                          cache.width(fmt.price(line.total_cents), pixels, True), False,
                                          2)[-1].endswith("…") for line in self.cart.lines)

            side = next((side for side in range(inner // 3, theme.size("thumb") // 2, -gap)
                         if named(side) and page(side).natural(size[0])[1] <= room), theme.size("thumb") // 2)
            return self.screen(size, t("Check your order"), scroll(page(side), t("Check your order")))
        return self.screen(size, t("Check your order"), scroll(content, t("Check your order")), bottom=[buttons])

    # --- actions ------------------------------------------------------------------------------------
    def key(self, key: str) -> None:
        """A key of the on-screen keyboard, for the field of this step."""
        if key == ENTER:
            self.next_step()
            return
        self.choosing = False  # (typed on a desk's keyboard before the choice: an email, as the field first asks)
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
        if self.express:
            following["contact"] = "review" if self.collect else "street"
        self.step = following.get(self.step, self.step)
        self.rebuild()

    def _by_phone(self, phone: bool) -> None:
        self.by_phone = phone
        self.choosing = False
        self.typed["contact"] = ""
        self.rebuild()

    def _toggle_marketing(self) -> None:
        self.marketing = not self.marketing
        self.rebuild()

    def _choose(self, collect: bool) -> None:
        self.collect = collect
        self.step = "review" if collect or (self.express and self._address_given()) else "street"
        self.rebuild()

    def _address_given(self) -> bool:
        return all(self.typed[step].strip() for step in ADDRESS_STEPS)

    def _fulfilment_choice(self) -> Box:
        """Collect or delivery side by side, the one chosen marked (bought now: on the last look)."""
        ctx, t, kit = self.ctx, self.ctx.t, self.kit
        ready = self._collect_from()
        options = []
        if ready is not None:
            options.append(kit.choice(t("Collect at the store"), partial(self._choose, True),
                                      chosen=self.collect, width=flex(),
                                      note=t("To order: we tell you when it is ready")
                                      if ctx.actions.to_order(self.cart) else
                                      t("Ready {when}", when=ctx.when(ready))))  # (how to pay: said below)
        if ctx.shop.config.orders.delivery:
            options.append(kit.choice(t("Delivery"), partial(self._choose, False), chosen=not self.collect,
                                      width=flex(), note=t("To your address")))
        return row(*options, gap=ctx.theme.size("gap"), fold=True)

    def _restart(self) -> None:
        self.step = "contact"
        self.rebuild()

    def _answers(self) -> OrderAnswers:
        email, phone = self._contact()
        delivery = None if self.collect else DeliveryAddress(
            self.typed["street"].strip(), self.typed["postcode"].strip(), self.typed["city"].strip())
        return OrderAnswers(email, phone, self._collect_from() if self.collect else None, delivery, self.marketing)

    def _order(self) -> Order:
        """The order as it stands (for the summary)."""
        return self.ctx.actions.draft_order(self._answers(), self.cart)

    def confirm(self) -> None:
        """Keep the order durably, then (only then) show it confirmed."""
        ctx = self.ctx
        if not self.cart.lines or not any(self._contact()):
            return
        ordered = tuple(line_words(ctx.t, line, ctx.lang) for line in self.cart.lines)  # (the cart empties)
        placed = ctx.actions.place_order(self._answers(), self.cart)
        order = placed.order
        ctx.session.remember_contact(email=order.email, phone=order.phone)
        self.typed = {key: "" for key in TYPED_STEPS}
        stack = ctx.screen.stack
        stack.pop_to("home")
        ctx.show(ctx.routes.order_confirmed(order.id, ordered, fulfilment_text(order, ctx.t, ctx.when),
                                            placed.follow_url, placed.shopper_emailed))
