"""The screens the system has, and the touch devices: read from SDL, the library pygame draws with.

pygame tells how many screens there are and their sizes, but not their names ("HDMI-A-1") nor where
each lies on the desktop, and nothing of touch devices' names. SDL knows all three; it is the very
library pygame has loaded, asked through ctypes (the same copy, so the answers are about the same
session). Where it cannot be asked, the screens are numbered in pygame's order.
"""

from __future__ import annotations

import ctypes
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pygame

from kiosk.app.compositor import output_names

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Monitor:
    """One screen: its index, its name, and where it lies on the desktop."""

    index: int
    name: str
    bounds: tuple[int, int, int, int]  # x, y, width, height

    @property
    def size(self) -> tuple[int, int]:
        """Its width and height in pixels."""
        return self.bounds[2], self.bounds[3]


class _Rect(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("w", ctypes.c_int), ("h", ctypes.c_int)]


def _loaded_sdl() -> ctypes.CDLL | None:
    """The SDL library this process already has loaded (pygame's), or None."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "/libSDL2-2" in line or "/libSDL2-2.0" in line}
    except OSError:
        return None
    for path in sorted(paths):
        if Path(path).name.startswith(("libSDL2-2", "libSDL2-2.0")):
            try:
                return ctypes.CDLL(path)
            except OSError:
                continue
    return None


def monitors() -> list[Monitor]:
    """The screens, in SDL's order (pygame's video system must be started)."""
    sdl = _loaded_sdl()
    sizes = pygame.display.get_desktop_sizes()
    if sdl is None:
        x = 0
        found = []
        for index, (width, height) in enumerate(sizes):
            found.append(Monitor(index, str(index), (x, 0, width, height)))
            x += width
        return found
    connectors = output_names()  # under sway, by position: SDL's Wayland names are descriptions
    sdl.SDL_GetDisplayName.restype = ctypes.c_char_p
    sdl.SDL_GetDisplayName.argtypes = [ctypes.c_int]
    sdl.SDL_GetDisplayBounds.argtypes = [ctypes.c_int, ctypes.POINTER(_Rect)]
    found = []
    for index in range(sdl.SDL_GetNumVideoDisplays()):
        rect = _Rect()
        sdl.SDL_GetDisplayBounds(index, ctypes.byref(rect))
        name = connectors.get((rect.x, rect.y)) or \
            (sdl.SDL_GetDisplayName(index) or b"").decode("utf-8", "replace") or str(index)
        found.append(Monitor(index, name, (rect.x, rect.y, rect.w, rect.h)))
    return found


def choose(wanted: str, screens: list[Monitor], taken: set[int]) -> Monitor | None:
    """The screen a display asked for: by connector name (a part of SDL's name, such as "HDMI-A-1"
    in "HDMI-A-1 (Dell...)"), or by index; with nothing asked, the first screen not taken yet.
    None when there is no screen at all."""
    if not screens:
        return None
    if wanted.isdigit() and int(wanted) < len(screens):
        return screens[int(wanted)]
    if wanted:
        for screen in screens:  # "HDMI-A-1", or X11's "HDMI-A-1", or a description ending "(HDMI-A-1)"
            if wanted == screen.name or wanted in re.split(r"[\s()]+", screen.name) or screen.name.startswith(wanted):
                return screen
        log.warning("no screen named %s (there are: %s); using the first free one", wanted,
                    ", ".join(s.name for s in screens))
    free = [s for s in screens if s.index not in taken]
    return free[0] if free else screens[0]


def touch_devices() -> dict[int, str]:
    """The touch devices SDL knows: their id (as in finger events) and name."""
    sdl = _loaded_sdl()
    if sdl is None or not hasattr(sdl, "SDL_GetTouchName"):
        return {}
    sdl.SDL_GetTouchDevice.restype = ctypes.c_int64
    sdl.SDL_GetTouchDevice.argtypes = [ctypes.c_int]
    sdl.SDL_GetTouchName.restype = ctypes.c_char_p
    sdl.SDL_GetTouchName.argtypes = [ctypes.c_int]
    return {sdl.SDL_GetTouchDevice(index): (sdl.SDL_GetTouchName(index) or b"").decode("utf-8", "replace")
            for index in range(sdl.SDL_GetNumTouchDevices())}
