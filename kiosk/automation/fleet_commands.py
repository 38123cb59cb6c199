"""Commands from head office (MQTT), carried out on the main loop between frames, each with a reply."""

from __future__ import annotations

import base64
import threading
from typing import Any

from kiosk.app.loop import App
from kiosk.app.outputs import png_bytes
from kiosk.automation.screens import shown_picture
from kiosk.core.messages import CommandReceived, Quit
from kiosk.core.problems import Problem

LATER: dict[str, Any] = {}  # a handler's answer when it replies by itself, later


class FleetCommands:
    """ping, screenshot, show_message, reload_content, set_closed_override, screen_power, restart."""

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, command: CommandReceived) -> dict[str, Any] | None:
        """The reply to a command: {"ok": true, ...} or {"ok": false, "error": why}; None when the command
        replies by itself once its work, done off the loop, is over (reload_content)."""
        if command.error:
            return {"ok": False, "error": command.error}
        handler = getattr(self, f"cmd_{command.name}", None)
        if handler is None:
            return {"ok": False, "error": f"unknown command {command.name!r}"}
        try:
            result = handler(command)
        except (KeyError, TypeError, ValueError) as error:
            return {"ok": False, "error": f"bad command: {error!r}"}
        if result is LATER:
            return None
        return {"ok": True, **result}

    def cmd_ping(self, command: CommandReceived) -> dict[str, Any]:
        """Alive, and which content runs."""
        return {"pong": True, "content_version": self.app.shop.catalog.version}

    def cmd_screenshot(self, command: CommandReceived) -> dict[str, Any]:
        """The display as shown, as a base64 PNG: copied on the loop, encoded in memory by a worker, which
        sends the reply (the encoding of a 4K screen took the loop 0.4 s)."""
        display = self.app.display(command.payload.get("display"))
        picture = shown_picture(self.app, display)
        fleet = self.app.shop.fleet

        def encode_and_reply() -> None:
            try:
                data = png_bytes(picture)
            except Exception as error:  # nothing in a worker may go unanswered
                fleet.reply(command, {"ok": False, "error": f"the screenshot failed: {type(error).__name__}"})
                return
            fleet.reply(command, {"ok": True, "display": display.name, "png": base64.b64encode(data).decode()})

        threading.Thread(target=encode_and_reply, name="screenshot", daemon=True).start()
        return LATER

    def cmd_show_message(self, command: CommandReceived) -> dict[str, Any]:
        """A staff message on every display (or one)."""
        payload = command.payload
        text = str(payload["text"])[:200]
        displays = [self.app.display(payload["display"])] if "display" in payload else self.app.displays
        for display in displays:
            display.toast(text)
        return {"shown_on": [d.name for d in displays]}

    def cmd_reload_content(self, command: CommandReceived) -> dict[str, Any]:
        """Import the content pack again (if it changed) in a worker; the reply comes once the new
        catalogue is swapped in between frames, or refused (the old one keeps serving)."""
        fleet = self.app.shop.fleet

        def done(problems: list[Problem]) -> None:
            if problems:
                fleet.reply(command, {"ok": True, "reloaded": False, "problems": [str(p) for p in problems[:20]]})
            else:
                fleet.reply(command, {"ok": True, "reloaded": True, "content_version": self.app.shop.catalog.version})

        if not self.app.shop.import_catalog(done):
            raise ValueError("an import is already running")
        return LATER

    def cmd_set_closed_override(self, command: CommandReceived) -> dict[str, Any]:
        """Say the store is closed (true) or open (false) whatever its hours, or follow them again (null).

        Shop windows show it at once; it lasts until changed or until the kiosk restarts.
        """
        payload = command.payload
        windows = [d for d in self.app.displays if d.role == "window"]
        if not windows:
            raise ValueError("this device has no shop-window display")
        closed = payload["closed"]
        if closed is not None and not isinstance(closed, bool):
            raise ValueError("closed must be true, false or null")
        self.app.shop.set_closed_override(closed)
        return {"closed": closed, "displays": [d.name for d in windows]}

    def cmd_screen_power(self, command: CommandReceived) -> dict[str, Any]:
        """Turn a display's screen "on" or "off", or back to its "schedule"; the reply says what it is now
        (the switch itself is done off the loop; telemetry then says by which method)."""
        payload = command.payload
        power = payload["power"]
        if power not in ("on", "off", "schedule"):
            raise ValueError('power must be "on", "off" or "schedule"')
        display = self.app.display(payload.get("display"))
        if not self.app.power.ask(display.name, power, self.app.clock.now(), self.app.clock.monotonic()):
            raise ValueError(f"display {display.name} has no screen power to switch (headless?)")
        return {"display": display.name, **self.app.power.states()[display.name]}

    def cmd_restart(self, command: CommandReceived) -> dict[str, Any]:
        """Stop; the service manager (systemd, Restart=always) starts the kiosk again."""
        self.app.post(Quit("restart requested by head office"))
        return {"restarting": True}
