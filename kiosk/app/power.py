"""Each screen on or off on the store's schedule, on staff's or head office's word, and woken by a touch
in quiet hours; the commands run off the loop (cec-client can take seconds), and how it went comes
back as a message. A screen that is off on purpose says so ("off: quiet hours, by cec"); one whose
methods all failed says that instead, so the two never look alike."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from kiosk.core.hours.opening_hours import OpeningHours
from kiosk.core.hours.power_schedule import PowerRule, Wanted, wanted
from kiosk.core.messages import Message, ScreenPowerApplied
from kiosk.services.screen_power import PowerError, PowerMethod

log = logging.getLogger(__name__)
CHECK_EVERY_S = 30.0


class ScreenPower:
    """One display's screen: what it should be, what it is, and how it got there."""

    def __init__(self, display: str, rule: PowerRule, methods: list[PowerMethod], *, wake_on_touch: bool,
                 wake_for: timedelta) -> None:
        self.display = display
        self.rule = rule
        self.methods = methods
        self.wake_on_touch = wake_on_touch
        self.wake_for = wake_for
        self.asked = "schedule"  # or "on" / "off": staff or head office
        self.woken_until: datetime | None = None
        self.target: bool | None = None  # None until the first check
        self.reason = ""
        self.method = ""  # the method that worked last
        self.error = ""
        self.on = True  # as last applied

    @property
    def dark(self) -> bool:
        """Whether the display must show black itself (off with no other method that worked)."""
        return not self.on and self.method in ("black", "")

    def decide(self, hours: OpeningHours, now: datetime, shop_open: bool | None) -> Wanted:
        """What the screen should be now."""
        if self.asked in ("on", "off"):
            return Wanted(self.asked == "on", "staff" if self.asked == "on" else "turned off by staff")
        if self.woken_until is not None and now < self.woken_until:
            return Wanted(True, "woken by a touch")
        return wanted(hours, self.rule, now, shop_open)

    def apply(self, on: bool) -> ScreenPowerApplied:
        """Turn the screen on or off with the first method that works (on a worker thread)."""
        errors = []
        for method in self.methods:
            if not method.usable():
                continue
            try:
                method.set(on)
            except PowerError as error:
                errors.append(f"{method.name}: {error}")
                log.warning("screen %s: %s could not turn it %s: %s", self.display, method.name,
                            "on" if on else "off", error)
                continue
            return ScreenPowerApplied(self.display, on, method.name, "; ".join(errors))
        return ScreenPowerApplied(self.display, on, "", "; ".join(errors) or "no method can switch this screen")

    def state(self) -> dict[str, Any]:
        """For staff and telemetry: on or off, why, by which method, the last error, and whether the switch
        to it is still under way (method and error are then the previous switch's)."""
        return {"on": self.on if self.target is None else self.target, "reason": self.reason, "asked": self.asked,
                "method": self.method, "error": self.error,
                "switching": self.target is not None and self.target != self.on}


class PowerManager:
    """Every display's screen power, checked every half minute and when asked."""

    def __init__(self, screens: list[ScreenPower], hours: OpeningHours, shop_open: Callable[[], bool | None],
                 post: Callable[[Message], None]) -> None:
        self.screens = {screen.display: screen for screen in screens}
        self.hours = hours
        self.shop_open = shop_open
        self.post = post
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="screen-power") if screens else None
        self._next_check = 0.0
        self.switching = 0  # switches sent to the worker whose outcome has not come back yet

    def check(self, now: datetime, monotonic: float, *, force: bool = False) -> None:
        """Turn screens on or off where what they should be changed."""
        if not force and monotonic < self._next_check:
            return
        self._next_check = monotonic + CHECK_EVERY_S
        for screen in self.screens.values():
            decided = screen.decide(self.hours, now, self.shop_open())
            screen.reason = decided.reason
            if decided.on != screen.target:
                screen.target = decided.on
                log.info("screen %s %s (%s)", screen.display, "on" if decided.on else "off", decided.reason)
                if self._worker is not None:
                    self.switching += 1
                    self._worker.submit(self._switch, screen, decided.on)

    def _switch(self, screen: ScreenPower, on: bool) -> None:
        """On the worker: switch, and say how it went."""
        self.post(screen.apply(on))

    def seconds_to_next_check(self, monotonic: float) -> float | None:
        """How long the loop may sleep before the next check (None: no screen to look after)."""
        return max(0.0, self._next_check - monotonic) if self.screens else None

    def applied(self, message: ScreenPowerApplied) -> None:
        """How a switch went (on the loop)."""
        self.switching = max(0, self.switching - 1)
        screen = self.screens.get(message.display)
        if screen is None:
            return
        screen.on, screen.method, screen.error = message.on, message.method, message.error

    def ask(self, display: str, power: str, now: datetime, monotonic: float) -> bool:
        """Staff or head office: "on", "off", or back to the "schedule"; False for an unknown display."""
        screen = self.screens.get(display)
        if screen is None:
            return False
        screen.asked = power
        screen.woken_until = None
        self.check(now, monotonic, force=True)
        return True

    def touched(self, display: str, now: datetime, monotonic: float) -> bool:
        """A touch on a display: True when it was dark and the touch only woke it (the touch is spent)."""
        screen = self.screens.get(display)
        if screen is None:
            return False
        if screen.target is not False:
            if screen.woken_until is not None and now < screen.woken_until:
                screen.woken_until = now + screen.wake_for  # still ordering: lit a while longer
            return False
        if screen.asked == "schedule" and screen.reason == "quiet hours" and screen.wake_on_touch:
            screen.woken_until = now + screen.wake_for
            self.check(now, monotonic, force=True)
        return True  # a dark screen does not press what the shopper cannot see

    def dark(self, display: str) -> bool:
        """Whether `display` shows black itself (off, with no other method that worked): nothing is drawn on it."""
        screen = self.screens.get(display)
        return screen is not None and screen.dark

    def states(self) -> dict[str, dict[str, Any]]:
        """Every screen's state, for staff and telemetry."""
        return {name: screen.state() for name, screen in self.screens.items()}

    def close(self) -> None:
        """Stop the worker (a switch under way finishes)."""
        if self._worker is not None:
            self._worker.shutdown(wait=True, cancel_futures=True)


class DisplaySwitch:
    """One display's screen power as its maintenance menu sees it (kiosk/shared/ports.py ScreenSwitch)."""

    available = True

    def __init__(self, manager: PowerManager, display: str, now: Callable[[], datetime],
                 monotonic: Callable[[], float]) -> None:
        self.manager = manager
        self.display = display
        self.now = now
        self.monotonic = monotonic

    def state(self) -> dict[str, Any]:
        """On or off, why, by which method, the last error."""
        return self.manager.states().get(self.display, {})

    def ask(self, power: str) -> None:
        """Staff's word: "on", "off", or back to the "schedule"."""
        self.manager.ask(self.display, power, self.now(), self.monotonic())
