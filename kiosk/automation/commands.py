"""The automation requests of DESIGN §4, carried out on the main loop between frames.

Used by the automation socket (from outside) and by the pilot (in-process tests): one code path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drivers.barcode.decode import decode
from drivers.nfc.identity import card_secret, hash_uid
from drivers.scanners import scanned
from kiosk.app.display import Display
from kiosk.app.keys import press_key
from kiosk.app.loop import App
from kiosk.app.png_encoding import write_png
from kiosk.automation.schema import request_problem
from kiosk.automation.screens import shown_surface
from kiosk.core.messages import CardPresented


class AutomationError(Exception):
    """A request that cannot be carried out; the message goes back to the caller."""


class AutomationCommands:
    """Carries out one request and returns its reply."""

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        """Reply to a request: {"ok": true, ...} or {"ok": false, "error": why}."""
        problem = request_problem(request)
        if problem is not None:
            return {"ok": False, "error": problem}
        handler = getattr(self, f"cmd_{request['cmd']}")
        try:
            display = self.app.display(request.get("display"))
        except KeyError:
            return {"ok": False, "error": f"no display named {request.get('display')!r}"}
        try:
            result = handler(display, request)
        except AutomationError as error:
            return {"ok": False, "error": str(error)}
        except (KeyError, TypeError, ValueError) as error:
            return {"ok": False, "error": f"bad request: {error!r}"}
        return {"ok": True, **(result or {})}

    def cmd_tree(self, display: Display, request: dict[str, Any]) -> dict[str, Any]:
        """The visible widgets of a display."""
        screen = display.screen
        return {"displays": {display.name: {"size": list(screen.full.get_size()), "scene": screen.stack.top.name,
                                            "widgets": screen.accessible_tree()}}}

    def cmd_state(self, display: Display, request: dict[str, Any]) -> dict[str, Any]:
        """Every display's scene and screen, the session of the named one (no personal data), and the faults
        caught."""
        return {"displays": {d.name: d.state() for d in self.app.displays}, "session": display.session.public_state(),
                "faults": self.app.faults.telemetry(),
                "screens": {d.name: {**o.describe(), "power": self.app.power.states().get(d.name, {})}
                            for d, o in zip(self.app.displays, self.app.outputs, strict=True)}}

    def cmd_tap(self, display: Display, request: dict[str, Any]) -> None:
        """A tap at x, y or on the first visible, enabled widget with that label."""
        if "label" in request:
            rect = display.screen.find(str(request["label"]))
            if rect is None:
                raise AutomationError(f"no visible, enabled widget labelled {request['label']!r}")
            pos = rect.center
        else:
            pos = (int(request["x"]), int(request["y"]))
        now = self.app.clock.monotonic()
        display.pointer("down", pos, now)
        display.pointer("up", pos, now)

    def cmd_swipe(self, display: Display, request: dict[str, Any]) -> None:
        """A drag from one point to another over `ms` milliseconds, with the moves in between."""
        (x0, y0), (x1, y1) = request["from"], request["to"]
        seconds = max(0.016, float(request.get("ms", 300)) / 1000)
        start = self.app.clock.monotonic()
        steps = max(4, round(seconds / 0.016))
        display.pointer("down", (int(x0), int(y0)), start)
        for step in range(1, steps + 1):
            f = step / steps
            display.pointer("move", (round(x0 + (x1 - x0) * f), round(y0 + (y1 - y0) * f)), start + seconds * f)
        display.pointer("up", (int(x1), int(y1)), start + seconds)

    def cmd_type(self, display: Display, request: dict[str, Any]) -> None:
        """Text, as if typed on the on-screen keyboard."""
        display.activity()
        if not display.screen.stack.top.on_text(str(request["text"])):
            raise AutomationError("nothing on this screen takes text")

    def cmd_key(self, display: Display, request: dict[str, Any]) -> None:
        """A key: enter, backspace, back (escape)."""
        display.activity()
        if not press_key(display, str(request["name"])):
            raise AutomationError(f"the key {request['name']!r} does nothing here")

    def cmd_scan(self, display: Display, request: dict[str, Any]) -> dict[str, Any]:
        """As if a scanner read `data`: decoded and checked as a scanner's would be; garbage is ignored."""
        barcode = decode(str(request["data"]))
        if barcode is None or "scan" not in display.accepts:  # garbage, or a display without scanners
            return {"ignored": True}
        self.app.deliver(display, scanned(barcode, "automation"))
        return {"ignored": False}

    def cmd_card(self, display: Display, request: dict[str, Any]) -> None:
        """As if a card was presented (then removed); the UID is hashed at once, as a reader driver does."""
        uid = bytes.fromhex(str(request["uid"]))
        uid_hash = hash_uid(uid, card_secret(self.app.config.devices.card_secret, self.app.config.store.id))
        if "card" in display.accepts:  # a shop window has no card reader
            self.app.deliver(display, CardPresented(uid_hash, tuple(request.get("ndef", ())), source="automation"))

    def cmd_power(self, display: Display, request: dict[str, Any]) -> dict[str, Any]:
        """Staff's word on a display's screen: "on", "off" or back to the "schedule" (as the fleet's
        screen_power); the switch is made off the loop, and `state` then says how it went."""
        if not self.app.power.ask(display.name, str(request["power"]), self.app.clock.now(),
                                  self.app.clock.monotonic()):
            raise AutomationError(f"display {display.name} has no screen power to switch (headless, or method none)")
        return {"power": self.app.power.states()[display.name]}

    def cmd_screenshot(self, display: Display, request: dict[str, Any]) -> dict[str, Any]:
        """Write the display as shown to an absolute path, as PNG (after the next frame is drawn)."""
        path = Path(str(request["path"]))
        if not path.is_absolute():
            raise AutomationError("the screenshot path must be absolute")
        if not path.parent.is_dir():
            raise AutomationError(f"no folder {str(path.parent)!r} to write the screenshot in")
        if path.is_dir():
            raise AutomationError(f"{str(path)!r} is a folder, not a file name")
        picture = shown_surface(self.app, display)  # encoded here, on the loop: no copy of the screen
        try:
            with path.open("wb") as out:
                write_png(picture, out)
        except OSError as error:
            raise AutomationError(f"the screenshot could not be written: {error}") from error
        return {"path": str(path)}
