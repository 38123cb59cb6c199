"""One screen of the shop and the shopper in front of it, as its role makes it.

A role is a value, not a subclass: the input it takes, its touch tolerance, its timeouts, its scenes
and the parts it adds (displays/terminal.py, displays/window.py). Every display has the staff door
(the hidden corner, the PIN pad, the maintenance menu); a terminal adds a code reader for its scanners
and card readers, which a shop window, having neither, does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from displays.routes import shop_routes
from displays.staff_door import StaffDoor
from kiosk.app.memory import release_free_memory
from kiosk.config.settings import DisplayConfig
from kiosk.core.codes.scan import CodeRules
from kiosk.core.hours.clock import Clock
from kiosk.core.messages import DeviceStatusChanged, MemberListsReady, PrintFinished
from kiosk.core.shopper.session import IdleState, IdleWatcher, ShopperSession
from kiosk.core.staff.corner_taps import CornerTaps
from kiosk.scenes.context import SceneContext
from kiosk.scenes.routes import Routes
from kiosk.scenes.still_there import StillThereDialog
from kiosk.shared.ports import NoScreenSwitch, ScreenSwitch
from kiosk.shared.shop import Shop, catalog_path
from kiosk.ui.film_sound import mixer_status
from kiosk.ui.picture_copies import PictureCopies
from kiosk.ui.reach import strip_height
from kiosk.ui.scene import Scene
from kiosk.ui.screen import Screen
from kiosk.ui.theme import load_theme
from kiosk.ui.widgets import Toggle, Widget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Role:
    """What makes a display role."""

    name: str
    accepts: frozenset[str]  # the device input it takes: "scan", "card" (scanners, card readers)
    slop_px: int  # how far a finger may wander and still tap (reference pixels)
    long_press_s: float  # a touch held longer is not a tap
    attract: Callable[[SceneContext, float], Scene]  # what shows while nobody uses it (seconds a slide)
    home: Callable[[SceneContext], Scene]  # where a session starts
    idle_timeout_s: float = 0.0  # without a touch this long, "Are you still there?"; 0: the shop's setting
    parts: tuple[Callable[[ShopDisplay], object], ...] = ()  # what it adds; each takes its own messages
    # the scenes it answers some routes with, in place of the shared ones (the window's product page)
    own_routes: Callable[[SceneContext, Routes], Routes] = lambda ctx, routes: routes


class ShopDisplay:
    """One screen of the shop and the shopper in front of it (the Display of kiosk/app/display.py)."""

    def __init__(self, role: Role, config: DisplayConfig, shop: Shop, surface: pygame.Surface,
                 clock: Clock) -> None:
        self.role_spec = role
        self.role = role.name
        self.accepts = role.accepts
        self.config = config
        self.name = config.name
        self.shop = shop
        self.clock = clock
        theme = load_theme(shop.config.path(config.theme), config.size)
        self.theme = theme
        self.screen = Screen(surface, theme, slop=theme.px(role.slop_px), long_press=role.long_press_s,
                             copies=PictureCopies(catalog_path(shop.config).with_name("picture-copies")))
        # the heap freed while pictures were made (texts and scenes too) goes back to the system, off the loop
        self.screen.images.after_burst = release_free_memory
        self.screen.on_focus = lambda widget: self.say(self.spoken(widget))
        self.screen.shown_state = lambda: self.session.shown()
        store = shop.config.store
        self.session = ShopperSession(store.default_language)
        self.idle = IdleWatcher(config.idle_timeout_s or self.default_idle_timeout(),
                                shop.config.session.still_there_countdown_s)
        self.ctx = SceneContext(shop, self.screen, self.session, clock, self.start_session, self.end_session,
                                config.name, self.role,
                                (config.map_position[0], config.map_position[1]) if config.map_position else None)
        devices = shop.config.devices
        self.rules = CodeRules(devices.loyalty_pattern, devices.staff_pattern)
        self.devices: dict[str, tuple[bool, str]] = {}
        self.print_jobs: set[str] = set()
        self.on_quit: Callable[[], None] = lambda: None  # set by wiring.py: how staff close the kiosk
        self.screen_switch: ScreenSwitch = NoScreenSwitch()  # set by wiring.py when screens are switched
        self.ctx.print_jobs = self.print_jobs
        self.ctx.film_volume = config.volume / 100 if config.sound else None
        self.ctx.toggle_accessible = lambda: self.set_accessible(not self.session.accessible)
        self.ctx.routes = role.own_routes(self.ctx, shop_routes(self.ctx, self.home_scene, self.rules))
        corner = CornerTaps(config.size, size=theme.size("margin") // 2)  # the strip no button reaches
        self.staff = StaffDoor(self.ctx, corner, self.devices, lambda: self.on_quit(), lambda: self.screen_switch)
        # what takes the messages its scenes leave: the role's parts, then the display itself
        self.parts: tuple[object, ...] = (*(part(self) for part in role.parts), self)
        self.apply_settings()
        self.screen.stack.reset(self.attract_scene())

    def apply_settings(self) -> None:
        """Staff's settings from the maintenance menu: the default language and the session timeout."""
        local = self.shop.local
        self.session.default_language = local.default_language or self.shop.config.store.default_language
        if not self.session.started:
            self.session.language = self.session.default_language
        factor = self.shop.config.accessibility.timeout_factor if self.session.accessible else 1.0
        self.idle.idle_timeout_s = (self.config.idle_timeout_s or self.default_idle_timeout()) * factor

    # --- accessible mode ------------------------------------------------------------------------
    def set_accessible(self, on: bool) -> None:
        """Accessible mode on or off: high contrast and larger text, controls within reach in the lower
        part of a portrait screen, longer sessions, and speech of what has the keypad's focus."""
        if on == self.session.accessible:
            return
        self.session.accessible = on
        settings = self.shop.config.accessibility
        theme = load_theme(self.shop.config.path(settings.theme), self.config.size) if on else self.theme
        top = strip_height(self.config.size, settings.reach, theme) if on else 0
        t = self.ctx.t
        self.screen.set_mode(theme, top, t("Accessible mode: everything is within reach below."))
        self.apply_settings()
        self.shop.event("accessible_mode", display=self.name, on=on)
        self.say(t("Accessible mode. The arrow keys move, OK chooses.") if on else t("Accessible mode off."),
                 always=True)

    def toast(self, text: str) -> None:
        """A short message on this display (head office's `show_message`)."""
        self.ctx.toast(text)

    def spoken(self, widget: Widget) -> str:
        """What speech says of a widget that gets the keypad's focus: its label, and a tick box's or a switch's
        state after it."""
        t = self.ctx.t
        if isinstance(widget, Toggle):
            if widget.role == "radio":  # one of several (a rating's stars): the one chosen says so
                return t("{label}: {state}", label=widget.label, state=t("chosen")) if widget.checked else widget.label
            if widget.switch:
                state = t("on") if widget.checked else t("off")
            else:
                state = t("ticked") if widget.checked else t("not ticked")
            return t("{label}: {state}", label=widget.label, state=state)
        return widget.label

    def say(self, text: str, always: bool = False) -> None:
        """Speak through the headset, in accessible mode (or `always`, to say it ends)."""
        if self.session.accessible or always:
            self.shop.speaker.say(text, self.session.language)

    def default_idle_timeout(self) -> float:
        """Seconds without a touch before "Are you still there?", unless the display sets its own: the
        role's, else staff's setting, else the config's."""
        session = self.shop.config.session
        return self.role_spec.idle_timeout_s or self.shop.local.idle_timeout_s or session.idle_timeout_s

    def attract_scene(self) -> Scene:
        """What shows while nobody uses the display."""
        return self.role_spec.attract(self.ctx, self.config.attract_slide_s)

    def home_scene(self) -> Scene:
        """Where a session starts."""
        return self.role_spec.home(self.ctx)

    # --- the session ------------------------------------------------------------------------
    def start_session(self) -> None:
        """A shopper touched the attract loop: show home."""
        self.session.started = True
        self.idle.touch(self.clock.monotonic())
        self.shop.event("session_started", display=self.name)
        self.screen.stack.reset(self.home_scene())

    def end_session(self) -> None:
        """Forget the shopper and go back to the attract loop."""
        self.set_accessible(False)
        self.ctx.actions.erase_shopper()
        self.screen.stack.reset(self.attract_scene())
        release_free_memory()
        log.info("session ended on %s", self.name)

    def pointer(self, kind: str, pos: tuple[int, int], now: float) -> None:
        """A finger (or the mouse) went down, moved or up: every pointer event comes through here."""
        if isinstance(self.screen.stack.top, StillThereDialog):
            # The dialog takes the whole touch ("Finish" must work, and the finger must not also press
            # what lies beneath); whatever the touch was, lifting it means someone is there.
            self.idle.touch(self.clock.monotonic())
            getattr(self.screen, f"pointer_{kind}")(pos, now)
            if kind == "up":
                self.activity()
            return
        self.activity()
        if kind == "down" and self.staff.corner_tapped(pos, now):
            return
        getattr(self.screen, f"pointer_{kind}")(pos, now)

    def pinch(self, center: tuple[int, int], factor: float, moved: tuple[int, int]) -> None:
        """Two fingers spread or closed: the picture under them (a gallery's) zooms, and follows them."""
        self.activity()
        self.screen.pinch(center, factor, moved)

    def activity(self) -> None:
        """Someone touched or typed: the session goes on."""
        self.idle.touch(self.clock.monotonic())
        top = self.screen.stack.top
        if isinstance(top, StillThereDialog):
            top.dismiss(True)

    def tick(self, now: float) -> None:
        """Check inactivity: ask "Are you still there?", then end the session. A display with sound says
        how the audio output is among its devices."""
        if self.config.sound:
            self.devices["sound"] = mixer_status()
        if not self.session.started:
            return
        holds = getattr(self.screen.stack.top, "holds_session", None)
        if holds is not None and holds(now) and self.idle.state(now) is not IdleState.ACTIVE:
            self.idle.touch(now)  # an adviser is on the way: the shopper waits, the session with them
        state = self.idle.state(now)
        if state is IdleState.EXPIRED:
            self.end_session()
        elif state is IdleState.WARNING and not isinstance(self.screen.stack.top, StillThereDialog):
            t = self.ctx.t
            self.say(t("Are you still there?") + " " + t("Touch the screen or press a key to go on."))
            dialog = StillThereDialog(self.ctx, lambda: self.idle.seconds_left(self.clock.monotonic()))
            self.screen.stack.open_modal(dialog, self._still_there_answered)

    def _still_there_answered(self, keep: bool) -> None:
        if keep:
            self.activity()
        else:
            self.end_session()

    def next_deadline(self, now: float) -> float | None:
        """When this display next needs the loop to wake up."""
        deadlines = [self.screen.next_deadline(now)]
        if self.session.started:
            deadlines.append(self.idle.next_change(now))
        found = [d for d in deadlines if d is not None]
        return min(found) if found else None

    # --- what services and devices report ------------------------------------------------------
    def on_member_lists_ready(self, message: MemberListsReady) -> None:
        """The lists the member in front saved at an earlier visit (a late answer for another is dropped)."""
        if self.ctx.actions.lists_came_back(message.ticket, message.lists):
            self.screen.stack.top.rebuild()  # (the scenes under it are built again when shown)

    def on_print_finished(self, message: PrintFinished) -> None:
        """Tell the shopper how their slip went, if it was theirs."""
        if message.job not in self.print_jobs:
            return
        self.print_jobs.discard(message.job)
        t = self.ctx.t
        if message.ok:
            self.ctx.toast(t("Printed: take your slip below the screen."))
        elif message.reason == "paper":
            self.ctx.toast(t("The printer is out of paper: scan the QR code or get it by email."))
        else:
            self.ctx.toast(t("The printer is not answering: scan the QR code or get it by email."))

    def on_device_status_changed(self, message: DeviceStatusChanged) -> None:
        """Keep each device's state for staff (and telemetry); the app logs the change once, with its
        technical detail (staff's screen says it in words)."""
        self.devices[message.device] = (message.connected, message.detail)

    # --- automation ------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The scene in front and its details (no personal data)."""
        top = self.screen.stack.top
        focused = self.screen.focus.widget
        return {"role": self.role, "scene": top.name, **top.details(), "toast": self.screen.toast_text,
                "banner": self.screen.banner_lines,
                "focus": focused.label if focused is not None else "",
                "devices": {name: connected for name, (connected, _) in self.devices.items()}}
