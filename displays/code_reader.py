"""What a terminal does with a scanned code or a presented card (a shop window has neither)."""

from __future__ import annotations

from collections.abc import Callable

from displays.staff_door import StaffDoor
from kiosk.core.codes.scan import CodeRules
from kiosk.core.messages import BarcodeScanned, CardPresented
from kiosk.scenes.adviser import UnknownCodeDialog
from kiosk.scenes.context import SceneContext
from kiosk.scenes.welcome import WelcomeScene
from kiosk.ui.scene import Scene


class CodeReader:
    """A terminal's scans and cards: a product opens its page, a loyalty code or card greets the member,
    a staff badge opens the PIN pad."""

    def __init__(self, ctx: SceneContext, rules: CodeRules, staff: StaffDoor, activity: Callable[[], None],
                 home: Callable[[], Scene]) -> None:
        self.ctx = ctx
        self.rules = rules
        self.staff = staff
        self.activity = activity
        self.home = home

    def on_barcode_scanned(self, message: BarcodeScanned) -> None:
        """A scan from any scene: a product opens its page (a size's or a colour's code with it chosen), a
        loyalty code greets the member, a staff badge opens the PIN pad; an unknown code is said kindly."""
        ctx = self.ctx
        meaning = self.rules.meaning(message.kind, message.data)
        if meaning.kind == "staff":
            self.staff.open_pin_pad()
            return
        if not ctx.session.started:
            ctx.on_start_session()
        self.activity()
        if meaning.kind == "loyalty":
            self.identify(meaning.value)
            return
        found = ctx.shop.catalog.scanned(meaning.value) if meaning.kind == "product" else None
        if found is None:
            if ctx.shop.fleet.available:
                ctx.screen.stack.push(UnknownCodeDialog(ctx))
            else:
                ctx.toast(ctx.t("We don't know this code. An adviser can help you."))
            return
        sku = found.product.sku
        ctx.shop.event("product_scanned", sku=sku, variant=found.variant)
        stack = ctx.screen.stack
        shown = stack.top.details()
        if shown.get("product") == sku and (not found.variant or shown.get("variant") == found.variant):
            return
        stack.pop_to("home")
        stack.push(ctx.routes.product(sku, found.variant))

    def on_card_presented(self, message: CardPresented) -> None:
        """A loyalty card: its NDEF text or URI names the member."""
        ctx = self.ctx
        if not ctx.session.started:
            ctx.on_start_session()
        self.activity()
        for record in message.ndef:
            _, _, value = record.partition(":")
            meaning = self.rules.meaning("text", value.rsplit("/", 1)[-1] if "://" in value else value)
            if meaning.kind == "loyalty":
                self.identify(meaning.value)
                return
            if meaning.kind == "staff":
                self.staff.open_pin_pad()
                return
        ctx.toast(ctx.t("This card is not one of our loyalty cards."))

    def identify(self, loyalty_id: str) -> None:
        """Greet a member by name with their offers; an unknown number is said kindly."""
        ctx = self.ctx
        if ctx.actions.sign_in(loyalty_id) is None:
            ctx.toast(ctx.t("We could not find this loyalty card. An adviser can help you."))
            return
        ctx.screen.stack.reset(self.home())
        ctx.screen.stack.push(WelcomeScene(ctx))
