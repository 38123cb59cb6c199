"""Turning a screen off and on: HDMI-CEC, a Wayland compositor's output power, X11's DPMS, a sysfs
backlight, or a black picture with the loop asleep (which always works, and saves the least).

Each method says whether it can work here, and turns the screen off or on or raises `PowerError`
with what went wrong (CEC support varies from TV to TV: staff and telemetry see which method
worked). `auto` tries them in that order and keeps the first that works.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
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

    def __init__(self, address: str = "0") -> None:
        self.address = address

    def usable(self) -> bool:
        """Whether cec-client is installed."""
        return shutil.which("cec-client") is not None

    def set(self, on: bool) -> None:
        """Send "on" or "standby" to the TV; refused when no adapter answers."""
        output = _run(["cec-client", "-s", "-d", "1"], stdin=f"{'on' if on else 'standby'} {self.address}\n")
        if "could not open a connection" in output.lower() or "no adapters found" in output.lower():
            raise PowerError("cec-client found no CEC adapter")


class WaylandPower:
    """A Wayland compositor's output power: `wlr-randr --output NAME --off/--on`, or sway's IPC."""

    name = "wayland"

    def __init__(self, output: str) -> None:
        self.output = output

    def usable(self) -> bool:
        """Under a Wayland compositor, with wlr-randr or swaymsg."""
        return bool(os.environ.get("WAYLAND_DISPLAY")) and bool(self.output) and \
            (shutil.which("wlr-randr") is not None or shutil.which("swaymsg") is not None)

    def set(self, on: bool) -> None:
        """Power the output off or on."""
        if shutil.which("wlr-randr"):
            _run(["wlr-randr", "--output", self.output, "--on" if on else "--off"])
            return
        try:
            _run(["swaymsg", "output", self.output, "power", "on" if on else "off"])
        except PowerError as error:
            if "Invalid output subcommand" not in str(error):
                raise
            _run(["swaymsg", "output", self.output, "dpms", "on" if on else "off"])  # sway before 1.8


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
    every: dict[str, PowerMethod] = {"cec": CecPower(cec_address), "wayland": WaylandPower(wayland_output),
                                     "dpms": DpmsPower(), "backlight": BacklightPower(backlight),
                                     "black": BlackPower()}
    if method == "none":
        return []
    if method == "auto":
        return list(every.values())
    return [every[method], every["black"]] if method != "black" else [every["black"]]
