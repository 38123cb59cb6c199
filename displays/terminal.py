"""The walk-up terminal: attract loop, then a shopper's session until they finish or walk away."""

from __future__ import annotations

import logging
from typing import Any

import pygame

from kiosk.config.settings import DisplayConfig
from kiosk.core.clock import Clock
from kiosk.core.messages import BarcodeScanned, CardPresented
from kiosk.core.scan import read_code
from kiosk.core.session import IdleState, IdleWatcher, ShopperSession
from kiosk.scenes.attract import AttractScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.home import HomeScene
from kiosk.scenes.product import ProductScene
from kiosk.scenes.still_there import StillThereDialog
from kiosk.shop import Shop
from kiosk.ui.screen import Screen
from kiosk.ui.theme import load_theme

log = logging.getLogger(__name__)


class TerminalDisplay:
    """One walk-up terminal screen and the shopper in front of it."""

    role = "terminal"

    def __init__(self, config: DisplayConfig, shop: Shop, surface: pygame.Surface, clock: Clock) -> None:
        self.config = config
        self.name = config.name
        self.shop = shop
        self.clock = clock
        theme = load_theme(shop.config.path(config.theme), config.size)
        self.screen = Screen(surface, theme, slop=theme.px(28))
        store = shop.config.store
        self.session = ShopperSession(store.default_language)
        self.idle = IdleWatcher(shop.config.session.idle_timeout_s, shop.config.session.still_there_countdown_s)
        self.ctx = SceneContext(shop, self.screen, self.session, clock, self.start_session, self.end_session,
                                config.name)
        self.screen.stack.reset(AttractScene(self.ctx, config.attract_slide_s))

    # --- the session ------------------------------------------------------------------------
    def start_session(self) -> None:
        """A shopper touched the attract loop: show home."""
        self.session.started = True
        self.idle.touch(self.clock.monotonic())
        self.screen.stack.reset(HomeScene(self.ctx))

    def end_session(self) -> None:
        """Forget the shopper and go back to the attract loop."""
        self.session.wipe()
        self.screen.stack.reset(AttractScene(self.ctx, self.config.attract_slide_s))
        log.info("session ended on %s", self.name)

    def activity(self) -> None:
        """Someone touched or typed: the session goes on."""
        self.idle.touch(self.clock.monotonic())
        if self.screen.stack.top.name == "still_there":
            self.screen.stack.pop()

    def tick(self, now: float) -> None:
        """Check inactivity: ask "Are you still there?", then end the session."""
        if not self.session.started:
            return
        state = self.idle.state(now)
        if state is IdleState.EXPIRED:
            self.end_session()
        elif state is IdleState.WARNING and self.screen.stack.top.name != "still_there":
            self.screen.stack.push(StillThereDialog(self.ctx, lambda: self.idle.seconds_left(self.clock.monotonic()),
                                                    self.activity, self.end_session))

    def next_deadline(self, now: float) -> float | None:
        """When this display next needs the loop to wake up."""
        deadlines = [self.screen.next_deadline(now)]
        if self.session.started:
            deadlines.append(self.idle.next_change(now))
        found = [d for d in deadlines if d is not None]
        return min(found) if found else None

    # --- devices --------------------------------------------------------------------------
    def on_barcode(self, message: BarcodeScanned) -> None:
        """A scan opens the product's page from any scene; an unknown code is said kindly."""
        code = read_code(message.data)
        if code.kind == "invalid":
            log.warning("ignored an unreadable scan from %s", message.source)
            return
        if not self.session.started:
            self.start_session()
        self.activity()
        product = self.shop.catalog.by_gtin(code.value) if code.kind == "gtin" else None
        if product is None:
            self.ctx.toast(self.ctx.t("We don't know this code. An adviser can help you."))
            return
        stack = self.screen.stack
        if stack.top.name == "product" and getattr(stack.top, "sku", None) == product.sku:
            return
        stack.pop_to("home")
        stack.push(ProductScene(self.ctx, product.sku))

    def on_card(self, message: CardPresented) -> None:
        """A card starts the session; loyalty is recognised by the loyalty module."""
        if not self.session.started:
            self.start_session()
        self.activity()
        self.ctx.toast(self.ctx.t("Card read"))

    # --- automation ------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The scene in front and its details (no personal data)."""
        top = self.screen.stack.top
        return {"role": self.role, "scene": top.name, **top.details(), "toast": self.screen.toast_text}
