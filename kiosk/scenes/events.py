"""The store's events (workshops, group runs, signings) and signing up to one at the kiosk: a name, an
email or a phone number, explicit consent; then the outbox (`POST /events/{id}/signups`)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from kiosk.core.models import pick
from kiosk.core.orders.order import normalise_phone
from kiosk.core.pack.events import StoreEvent, upcoming
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.email import valid_email
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, flex, row, scroll
from kiosk.ui.widgets import Root

AHEAD_DAYS = 120  # events shown this far ahead
LIMITS = {"name": 60, "contact": 254}


def store_events(ctx: SceneContext) -> list[tuple[StoreEvent, datetime]]:
    """The events to come, soonest first, each with its next start (the store's local time)."""
    now = ctx.local_now().replace(tzinfo=None)
    return upcoming(ctx.shop.catalog.events(), now, AHEAD_DAYS)


class EventsScene(ShopScene):
    """Each event to come: what, when, where, the places left, and "Sign up"."""

    name = "events"

    def details(self) -> dict[str, Any]:
        """The events shown and their places left."""
        return {"events": [(event.id, self.ctx.actions.places_left(event, start))
                           for event, start in store_events(self.ctx)]}

    def build(self, size: tuple[int, int]) -> Root:
        """A card per event."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        cards: list[Box] = []
        for event, start in store_events(ctx):
            left = ctx.actions.places_left(event, start)
            places = (t("Full") if left <= 0 else
                      t.plural("{count} place left", "{count} places left", left))
            title = pick(event.title, ctx.lang)
            when = ctx.when(start.replace(tzinfo=ctx.shop.hours.zone))
            parts = [kit.words(title, size="title", bold=True, color="primary", heading=True, max_lines=2),
                     kit.words(when, bold=True, max_lines=2),
                     *([kit.words(pick(event.place, ctx.lang), color="muted", max_lines=2)] if event.place else []),
                     *([kit.words(pick(event.text, ctx.lang), max_lines=4)] if event.text else []),
                     row(kit.words(places, bold=True, color="danger" if left <= 3 else "best", max_lines=1,
                                   valign="center"),
                         kit.button(t("Sign up to {event}", event=title), partial(self.sign_up, event, start),
                                    style="accent", size="text", shown=t("Sign up"), enabled=left > 0),
                         gap=gap, align="center")]
            cards.append(column(*parts, gap=gap // 2, padding=Insets.all(margin), widget=kit.panel("surface")))
        if not cards:
            cards.append(kit.words(t("No event planned for now: come back soon."), color="muted", max_lines=2))
        title = t("Store events")
        return self.screen(size, title, scroll(column(*cards, gap=gap, padding=Insets.all(margin)), title))

    def sign_up(self, event: StoreEvent, start: datetime) -> None:
        """Ask for a name and a contact."""
        self.ctx.show(EventSignupScene(self.ctx, event, start))


class EventSignupScene(ShopScene):
    """Two steps: the first name, then an email or a phone number with the consent box and "Sign up"."""

    name = "event_signup"

    def __init__(self, ctx: SceneContext, event: StoreEvent, start: datetime) -> None:
        super().__init__(ctx)
        self.event = event
        self.start = start
        self.step = "name"
        self.by_phone = False
        self.consent = False
        self.typed = {"name": "", "contact": ""}  # personal data: gone with the scene

    def details(self) -> dict[str, Any]:
        """The step and whether it can go on (never what was typed)."""
        return {"event": self.event.id, "step": self.step, "ready": self._ready(), "consent": self.consent}

    def _contact(self) -> tuple[str, str]:
        text = self.typed["contact"].strip()
        if self.by_phone:
            return "", normalise_phone(text, self.ctx.shop.config.store.country) or ""
        return (text, "") if valid_email(text) else ("", "")

    def _ready(self) -> bool:
        if self.step == "name":
            return len(self.typed["name"].strip()) >= 2
        return any(self._contact()) and self.consent

    def _reason(self) -> str:
        """Why the step's button cannot be used yet, in a few words under it."""
        if self._ready():
            return ""
        if self.step == "name":
            return self.ctx.t("Type your first name")
        return self.contact_reason(self.by_phone) if not any(self._contact()) else \
            self.ctx.t("Tick the required box first")

    def build(self, size: tuple[int, int]) -> Root:
        """The field of the step, with the keyboard."""
        ctx, t, kit = self.ctx, self.ctx.t, self.kit
        gap = ctx.theme.size("gap")
        title = pick(self.event.title, ctx.lang)
        if self.step == "name":
            root, _ = self.text_entry(size, t("Your first name"), self.typed["name"], t("First name"), self.key,
                                      action=lambda: kit.button(t("Next"), self.next_step, style="accent",
                                                                enabled=self._ready(), reason=self._reason()),
                                      parts=lambda compact: [kit.words(title, bold=True, max_lines=2)],
                                      enter=t("Next"))
            return root
        consent = t("I agree to be contacted about this event only (required)")

        def choice() -> Box:  # before the field, whose hint and keys follow it
            return row(*(kit.choice(label, partial(self._by_phone, phone), chosen=self.by_phone == phone,
                                    width=flex())
                         for phone, label in ((False, t("By email")), (True, t("By phone")))), gap=gap, fold=True)

        def choices(compact: bool) -> list[Box]:
            return [kit.toggle(consent, self._toggle_consent, checked=self.consent)]

        root, _ = self.text_entry(size, t("How can we reach you?"), self.typed["contact"],
                                  t("06 12 34 56 78") if self.by_phone else t("your.name@example.com"), self.key,
                                  action=lambda: kit.button(t("Sign up"), self.confirm, style="accent",
                                                            enabled=self._ready(), reason=self._reason()),
                                  parts=choices, first=choice, enter=t("Sign up"))
        return root

    def key(self, key: str) -> None:
        """A key of the on-screen keyboard, for the field of this step."""
        if key == ENTER:
            self.next_step() if self.step == "name" else self.confirm()
            return
        text = self.typed[self.step]
        text = text[:-1] if key == BACKSPACE else text + (key.strip() if self.step == "contact" else key)
        self.typed[self.step] = text[: LIMITS[self.step]]
        self.rebuild()

    def on_text(self, text: str) -> bool:
        """Typed text (automation `type`, or a physical keyboard)."""
        for char in text:
            self.key(char)
        return True

    def next_step(self) -> None:
        """From the name to the contact."""
        if self.step == "name" and self._ready():
            self.step = "contact"
            self.rebuild()

    def _by_phone(self, phone: bool) -> None:
        self.by_phone = phone
        self.typed["contact"] = ""
        self.rebuild()

    def _toggle_consent(self) -> None:
        self.consent = not self.consent
        self.rebuild()

    def confirm(self) -> None:
        """Sign up (kept in the outbox before the shopper is told), then back to the events."""
        ctx = self.ctx
        if not self._ready():
            return
        email, phone = self._contact()
        done = ctx.actions.sign_up(self.event, self.start, self.typed["name"], email, phone, self.consent)
        self.typed = {"name": "", "contact": ""}
        ctx.back()
        ctx.screen.stack.top.rebuild()  # the events with the places left now
        ctx.toast(ctx.t("You are signed up: see you {when}!", when=ctx.when(self.start.replace(
            tzinfo=ctx.shop.hours.zone))) if done else ctx.t("Sorry, this event is full."),
                  short=ctx.t("Sign-up confirmed!") if done else "")  # a narrow header's one line
