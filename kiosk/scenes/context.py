"""What a scene can reach: the shop, the shopper's session, the screen, and navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

import pygame

from kiosk.actions import ShopperActions
from kiosk.core.hours.clock import Clock
from kiosk.core.language.i18n import Translator
from kiosk.core.language.locale_format import Formatter
from kiosk.core.shopper.session import ShopperSession
from kiosk.scenes.routes import Routes
from kiosk.shared.shop import Shop
from kiosk.ui.scene import Scene
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme


@dataclass
class SceneContext:
    """Handed to every scene of one display."""

    shop: Shop
    screen: Screen
    session: ShopperSession
    clock: Clock
    on_start_session: Callable[[], None]
    on_end_session: Callable[[], None]
    display_name: str = "terminal"
    role: str = "terminal"
    map_position: tuple[float, float] | None = None  # where this display stands on the store's plan
    print_jobs: set[str] = field(default_factory=set)  # slips sent from this display, awaiting their result
    toggle_accessible: Callable[[], None] = lambda: None  # set by the display: accessible mode on or off
    film_volume: float | None = None  # films play their sound at this volume (0-1); None: muted (the default)
    routes: Routes = field(init=False)  # set by the display role: how scenes open one another

    @cached_property
    def actions(self) -> ShopperActions:
        """What the shopper does (order, review, email, save a list, sign up, erase), one call each."""
        return ShopperActions(self.shop, self.session, self.clock, self.display_name, self.when)

    @property
    def t(self) -> Translator:
        """Interface texts in the shopper's language."""
        return self.shop.t(self.session.language)

    @property
    def fmt(self) -> Formatter:
        """Prices, numbers and dates in the shopper's language."""
        return self.shop.formatter(self.session.language)

    @property
    def theme(self) -> Theme:
        """The display's theme."""
        return self.screen.theme

    @property
    def size(self) -> tuple[int, int]:
        """The display's size in pixels."""
        return self.screen.size

    @property
    def lang(self) -> str:
        """The shopper's language."""
        return self.session.language

    def local_now(self) -> datetime:
        """The time in the store's time zone."""
        return self.clock.now().astimezone(self.shop.hours.zone)

    def when(self, moment: object) -> str:
        """A day and time the shopper reads at a glance: "tomorrow at 09:30", "Saturday 28 November at 09:30"."""
        assert isinstance(moment, datetime)
        local = moment.astimezone(self.shop.hours.zone)
        days = (local.date() - self.local_now().date()).days
        if days == 0:
            return self.t("today at {time}", time=self.fmt.time(local))
        if days == 1:
            return self.t("tomorrow at {time}", time=self.fmt.time(local))
        return self.t("{day} at {time}", day=self.fmt.day(local), time=self.fmt.time(local))

    def rect(self) -> pygame.Rect:
        """The whole screen."""
        return pygame.Rect((0, 0), self.size)

    def show(self, scene: Scene) -> None:
        """Open a scene on top."""
        self.screen.stack.push(scene)

    def back(self) -> None:
        """Close the scene in front."""
        self.screen.stack.pop()

    def home(self) -> None:
        """Back to the home scene, closing everything above it."""
        self.screen.stack.pop_to("home")

    def toast(self, text: str, done: str = "", short: str = "", outlined: bool = False) -> None:
        """A short message in the screen's status zone; with `done` ("Added"), said in a tap's action, the
        tapped button also says "✓ Added" for a moment (`outlined` rather than filled); `short`, the message's
        shorter form where the whole does not fit (a portrait header's one line)."""
        self.screen.toast(text, self.clock.monotonic(), done, short, outlined)

    def set_language(self, language: str) -> None:
        """Switch the interface language; every open scene is built again."""
        self.session.language = language
        self.screen.rebuild_all()
