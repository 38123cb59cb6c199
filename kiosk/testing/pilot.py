"""Drive the real app in-process, for tests: tap, type, scan, present a card, move time on."""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

import pygame

from kiosk.automation.screens import shown_picture
from kiosk.config import KioskConfig
from kiosk.core.hours.clock import ManualClock
from kiosk.wiring import build_app, start_devices


class PilotError(AssertionError):
    """A request the app refused."""


class Pilot:
    """The app, headless, on a clock that only moves when told to; with `display` (and `only`), the app
    runs that display alone; with `power`, its screens go off and on by [power] as in a store."""

    def __init__(self, config: KioskConfig, display: str | None = None, *, only: bool = True,
                 clock: ManualClock | None = None, power: bool = False) -> None:
        self.clock = clock or ManualClock()
        names = (display,) if display and only else ()
        self.app = build_app(config, display_names=names, headless=True, clock=self.clock, power=power)
        self.display_name = display
        self.app.frame()

    def start_devices(self) -> None:
        """Start the config's devices and services, as the command line does."""
        start_devices(self.app)

    def request(self, cmd: str, **fields: Any) -> dict[str, Any]:
        """Carry out an automation request and draw the next frame; raise PilotError if refused."""
        reply = self.app.automation({"cmd": cmd, "display": self.display_name, **fields})
        self.app.step(block=False)
        if not reply["ok"]:
            raise PilotError(reply["error"])
        return reply

    def tap(self, label: str | None = None, x: int | None = None, y: int | None = None) -> None:
        """Tap a widget by label, or a point."""
        if label is not None:
            self.request("tap", label=label)
        else:
            self.request("tap", x=x, y=y)

    def swipe(self, start: tuple[int, int], end: tuple[int, int], ms: int = 300) -> None:
        """Drag a finger from `start` to `end`."""
        self.request("swipe", **{"from": list(start), "to": list(end), "ms": ms})

    def type(self, text: str) -> None:
        """Type on the on-screen keyboard."""
        self.request("type", text=text)

    def key(self, name: str) -> None:
        """Press a key."""
        self.request("key", name=name)

    def scan(self, data: str) -> None:
        """Scan a code."""
        self.request("scan", data=data)

    def present_card(self, uid: str, ndef: tuple[str, ...] = ()) -> None:
        """Put a card on the reader."""
        self.request("card", uid=uid, ndef=list(ndef))

    def advance(self, seconds: float, step: float = 0.5) -> None:
        """Let time pass, running the loop as it would (timers, animations)."""
        remaining = seconds
        while remaining > 0:
            delta = min(step, remaining)
            self.clock.advance(delta)
            remaining -= delta
            self.app.step(block=False)

    def reload_content(self, timeout: float = 120.0) -> list[Any]:
        """Import the content pack again, as staff or head office would (in the worker), running the loop
        until the new catalogue is swapped in; returns the pack's problems ([] when swapped in)."""
        outcome: list[list[Any]] = []
        if not self.app.shop.import_catalog(outcome.append):
            raise PilotError("an import is already running")
        deadline = time.monotonic() + timeout
        while not outcome:
            if time.monotonic() > deadline:
                raise PilotError("the import did not end in time")
            self.app.step(block=False)
            time.sleep(0.005)
        return outcome[0]

    def state(self) -> dict[str, Any]:
        """The automation `state` reply."""
        return self.request("state")

    @property
    def scene(self) -> str:
        """The name of the scene in front."""
        return str(self.app.display(self.display_name).screen.stack.top.name)

    def details(self) -> dict[str, Any]:
        """The state of the display in front."""
        display = self.app.display(self.display_name)
        return dict(display.state())

    def labels(self) -> list[str]:
        """Labels of the visible widgets."""
        tree = self.request("tree")["displays"]
        return [w["label"] for w in next(iter(tree.values()))["widgets"]]

    def screenshot(self, path: Path) -> Path:
        """Write what the display shows."""
        self.request("screenshot", path=str(Path(path).resolve()))
        return Path(path)

    def picture(self) -> pygame.Surface:
        """What the display shows, as the screenshot command has it before it writes it: the next frame drawn
        with its pictures. For tests that read pixels: encoding a PNG and reading it back took a second at
        3840x2160 (PNG writing has tests of its own)."""
        return shown_picture(self.app, self.app.display(self.display_name))

    def close(self) -> None:
        """Stop the app, and let go of what its parts still hold: a closed app's scenes and themes refer to
        each other, so their fonts keep their files open until the cycle collector runs; a test session
        opening hundreds of pilots reached file descriptors over 1024, which a serial scanner's select()
        refuses."""
        self.app.close()
        gc.collect()
