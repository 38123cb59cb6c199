"""Turning a screen off and on: HDMI-CEC, a Wayland compositor's output power, X11's DPMS, a sysfs
backlight, or a black picture with the loop asleep (which always works, and saves the least).

Each method says whether it can work here, and turns the screen off or on or raises `PowerError`
with what went wrong (CEC support varies from TV to TV: staff and telemetry see which method
worked). `auto` tries them in that order and keeps the first that works.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)
COMMAND_TIMEOUT_S = 10.0


class PowerError(Exception):
    """A method could not turn the screen off or on."""


class PowerMethod(Protocol):
    """One way of turning a screen off and on."""

    name: str

    def usable(self) -> bool:
        """Whether this method can be tried on this machine."""
        ...

    def set(self, on: bool) -> None:
        """Turn the screen on or off; PowerError if that did not work."""
        ...


def _run(command: list[str], stdin: str = "", env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S,
                              env={**os.environ, **(env or {})}, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PowerError(f"{command[0]}: {error}") from error
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise PowerError(f"{command[0]} ended with code {done.returncode}: {output.strip()[-300:]}")
    return output


class CecPower:
    """HDMI-CEC through libcec's `cec-client` (Debian's cec-utils): standby and on, to the TV."""

    name = "cec"

    def __init__(self, address: str = "0", *, needs_adapter: bool = False) -> None:
        self.address = address
        self.needs_adapter = needs_adapter  # `auto`: tried only where an adapter is plugged in
        self._adapter: bool | None = None

    def usable(self) -> bool:
        """Whether cec-client is installed (and, for `auto`, finds an adapter: looked for once, so that a
        PC without one logs no CEC warning at every start and switch)."""
        if shutil.which("cec-client") is None:
            return False
        if self.needs_adapter and self._adapter is None:
            try:
                listed = _run(["cec-client", "-l"])
            except PowerError:
                listed = ""
            self._adapter = "com port:" in listed.lower()
            if not self._adapter:
                log.info("no HDMI-CEC adapter found (cec-client -l): screens are not switched by CEC")
        return not self.needs_adapter or bool(self._adapter)

    def set(self, on: bool) -> None:
        """Send "on" or "standby" to the TV; refused when no adapter answers."""
        output = _run(["cec-client", "-s", "-d", "1"], stdin=f"{'on' if on else 'standby'} {self.address}\n")
        if "could not open a connection" in output.lower() or "no adapters found" in output.lower():
            raise PowerError("cec-client found no CEC adapter")


class WaylandPower:
    """A Wayland compositor's output power: sway's own IPC under sway (`output NAME power`, `dpms` before
    sway 1.8), else `wlr-randr --output NAME --off/--on`. The output's state is read back after each
    switch: a compositor may answer success and not apply it (sway 1.7's `dpms` on some backends).

    wlr-randr is never used under sway: its `--off` takes the output out of the layout (the other
    screen's windows move), and sway 1.7 tells it neither the mode nor the place, so its `--on` put
    every output at (0,0). Elsewhere `--on` gives back the mode, place, turn and scale read before `--off`.
    """

    name = "wayland"

    def __init__(self, output: str) -> None:
        self.output = output
        self._layout: OutputLayout | None = None  # as it was before the output was turned off

    def usable(self) -> bool:
        """Under a Wayland compositor, with swaymsg (under sway) or wlr-randr."""
        if not (os.environ.get("WAYLAND_DISPLAY") and self.output):
            return False
        return self._under_sway() or shutil.which("wlr-randr") is not None

    @staticmethod
    def _under_sway() -> bool:
        return bool(os.environ.get("SWAYSOCK")) and shutil.which("swaymsg") is not None

    def set(self, on: bool) -> None:
        """Power the output off or on; PowerError if the compositor refused or did not do it."""
        if self._under_sway():
            self._set_by_sway(on)
        else:
            self._set_by_wlr_randr(on)

    def _set_by_sway(self, on: bool) -> None:
        word = "on" if on else "off"
        try:
            _run(["swaymsg", "output", self.output, "power", word])
        except PowerError as error:
            if "Invalid output subcommand" not in str(error):
                raise
            _run(["swaymsg", "output", self.output, "dpms", word])  # sway before 1.8
        try:
            outputs = json.loads(_run(["swaymsg", "-r", "-t", "get_outputs"]))
        except ValueError as error:
            raise PowerError(f"swaymsg -t get_outputs: {error}") from error
        shown = next((o for o in outputs if isinstance(o, dict) and o.get("name") == self.output), None)
        if shown is None:
            raise PowerError(f"sway has no output {self.output}")
        powered = shown.get("power", shown.get("dpms"))
        if powered is not on:
            raise PowerError(f"sway answered yes, but {self.output} is still {'off' if on else 'on'} "
                             "(its backend cannot switch it)")

    def _set_by_wlr_randr(self, on: bool) -> None:
        before = self._read()
        if on and before.enabled:
            return  # already on: nothing to give back, nothing to move
        if not on:
            if not before.enabled and not before.described:
                # sway 1.7 reports every output so to wlr-randr, lit or not: "already off" would be a guess
                raise PowerError(f"wlr-randr reports {self.output} off with no mode: whether it is on cannot be "
                                 "told (under sway, the kiosk needs $SWAYSOCK)")
            if not before.enabled:
                return
            self._layout = before
            _run(["wlr-randr", "--output", self.output, "--off"])
        else:
            layout = self._layout
            if layout is None or not layout.mode:
                raise PowerError(f"wlr-randr does not know {self.output}'s mode and place: not turning it on, "
                                 "which would move it")
            _run(["wlr-randr", "--output", self.output, "--on", "--mode", layout.mode, "--pos", layout.position,
                  "--transform", layout.transform, "--scale", layout.scale])
        after = self._read()
        if after.enabled is not on:
            raise PowerError(f"wlr-randr answered yes, but {self.output} is still {'off' if on else 'on'}")
        if on and self._layout is not None and after.position != self._layout.position:
            raise PowerError(f"{self.output} came back at {after.position}, not {self._layout.position}")

    def _read(self) -> OutputLayout:
        """The output as wlr-randr reports it."""
        return read_layout(_run(["wlr-randr"]), self.output)


@dataclass(frozen=True)
class OutputLayout:
    """An output as the compositor reports it: on or off, its mode, place, turn and scale (wlr-randr's words)."""

    enabled: bool
    mode: str = ""  # "1920x1080@60.000000"
    position: str = ""  # "1920,0"
    transform: str = "normal"
    scale: str = "1.000000"
    described: bool = True  # it lists at least one real mode (sway 1.7 lists "0x0 px" alone)


def read_layout(report: str, output: str) -> OutputLayout:
    """One output's state out of `wlr-randr`'s report; PowerError if it has no such output."""
    block: list[str] = []
    for line in report.splitlines():
        if not line.startswith(" "):
            if block:
                break
            if line.split(" ", 1)[0] == output:
                block = [line]
        elif block:
            block.append(line.strip())
    if not block:
        raise PowerError(f"wlr-randr does not list {output}")
    fields = {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in block[1:]) if value}
    mode = ""
    for line in block:
        found = re.match(r"(\d+x\d+) px, ([\d.]+) Hz .*current", line)
        if found and found.group(1) != "0x0":
            mode = f"{found.group(1)}@{found.group(2)}"
    described = any(re.match(r"[1-9]\d*x[1-9]\d* px", line) for line in block)
    return OutputLayout(fields.get("Enabled") == "yes", mode, fields.get("Position", ""),
                        fields.get("Transform", "normal"), fields.get("Scale", "1.000000"), described)


class DpmsPower:
    """X11's DPMS (`xset dpms force off/on`), where the X server has the extension."""

    name = "dpms"

    def usable(self) -> bool:
        """Under X11 with xset, and a server that has DPMS."""
        if not os.environ.get("DISPLAY") or shutil.which("xset") is None:
            return False
        try:
            return "does not have the DPMS Extension" not in _run(["xset", "q"])
        except PowerError:
            return False

    def set(self, on: bool) -> None:
        """Force the monitor off or on."""
        _run(["xset", "dpms", "force", "on" if on else "off"])


class BacklightPower:
    """A panel's backlight in sysfs (`bl_power`: 0 lit, 4 off), as on a Raspberry Pi's touch screen."""

    name = "backlight"

    def __init__(self, folder: str = "", root: Path = Path("/sys/class/backlight")) -> None:
        self.folder = Path(folder) if folder else next(iter(sorted(root.glob("*"))), root / "none")

    def usable(self) -> bool:
        """Whether there is a backlight this user may switch."""
        power = self.folder / "bl_power"
        return power.is_file() and os.access(power, os.W_OK)

    def set(self, on: bool) -> None:
        """Light or darken the backlight."""
        try:
            (self.folder / "bl_power").write_text("0\n" if on else "4\n", encoding="ascii")
        except OSError as error:
            raise PowerError(f"backlight {self.folder}: {error}") from error


class BlackPower:
    """The last resort: the display shows black and its loop sleeps (the panel stays lit)."""

    name = "black"

    def __init__(self) -> None:
        self.on = True

    def usable(self) -> bool:
        """Always."""
        return True

    def set(self, on: bool) -> None:
        """Remembered; the display draws black while off."""
        self.on = on


def methods_for(method: str, *, cec_address: str, wayland_output: str, backlight: str) -> list[PowerMethod]:
    """The methods to try, in order: the one configured, or for `auto` all of them (black last)."""
    every: dict[str, PowerMethod] = {"cec": CecPower(cec_address, needs_adapter=method == "auto"),
                                     "wayland": WaylandPower(wayland_output),
                                     "dpms": DpmsPower(), "backlight": BacklightPower(backlight),
                                     "black": BlackPower()}
    if method == "none":
        return []
    if method == "auto":
        return list(every.values())
    return [every[method], every["black"]] if method != "black" else [every["black"]]
