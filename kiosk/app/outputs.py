"""Where a display's pixels go: a window (full screen, or scaled down on a desk), or nowhere (headless)."""

from __future__ import annotations

import io
import time

import pygame

from kiosk.app import compositor
from kiosk.app.monitors import Monitor
from kiosk.app.png_encoding import write_png
from kiosk.ui.gestures import Fingers, Pinch

Pointer = tuple[str, tuple[int, int]]


def desk_scales(sizes: list[tuple[int, int]], gap: int) -> list[float]:
    """The scale of each window on the desk's screen, side by side. The first display is the one the
    newcomer touches, so it gets the desk's height (up to half its width); the others share the width
    left at one scale, a little smaller than the one scale that would fit them all. Never enlarged."""
    desktop = pygame.display.get_desktop_sizes()[0]
    room_w, room_h = desktop[0] * 0.95, desktop[1] * 0.9
    wide = sum(width for width, _ in sizes) + gap * (len(sizes) - 1)
    common = min(1.0, room_w / wide, room_h / max(height for _, height in sizes))
    (first_w, first_h), others = sizes[0], sizes[1:]
    if not others:
        return [common]
    first = max(common, min(1.0, room_h / first_h, room_w / 2 / first_w))
    left = room_w - first_w * first - gap * len(others)
    rest = min(1.0, left / sum(width for width, _ in others), room_h / max(height for _, height in others))
    if rest < common * 0.75:  # the first would crowd the others out: one scale for all
        return [common] * len(sizes)
    return [first] + [rest] * len(others)


def turned(size: tuple[int, int], rotation: int) -> tuple[int, int]:
    """A size as it is after a turn of `rotation` degrees."""
    return (size[1], size[0]) if rotation in (90, 270) else size


class Output:
    """One window on its screen. The display draws upright at its own size; the window shows that
    picture turned by `rotation` (clockwise, for a panel mounted turned) and scaled the same on both
    axes, centred, with black bars if the shapes differ (never stretched unevenly).

    Full screen, the display's size is the screen's real one (turned back), so the layout is made for
    the screen there is; `size` is what was configured. On a desk (`windowed`) the configured size is
    kept and scaled down to fit, and windows stand side by side from `tile_x`."""

    def __init__(self, name: str, size: tuple[int, int], *, headless: bool, windowed: bool, rotation: int = 0,
                 monitor: Monitor | None = None, tile_x: int = 0, desk_scale: float = 1.0) -> None:
        self.rotation = rotation
        self.claimed: frozenset[int] = frozenset()  # touch devices that belong to this display
        self.all_claimed: frozenset[int] = frozenset()  # those that belong to any display
        self.fingers = Fingers()  # the fingers on the glass: one points, two pinch
        self._own: pygame.Surface | None = None  # the display's picture when it cannot draw on the window
        full_screen = not (windowed or headless)
        if full_screen and monitor is not None:
            physical = monitor.size
            self.window = pygame.Window(name, physical, position=monitor.bounds[:2], fullscreen_desktop=True)
        else:
            physical = turned(size, rotation)
            position: tuple[int, int] | int = pygame.WINDOWPOS_UNDEFINED
            if windowed and not headless:  # on a desk: at its scale, beside the others
                physical = (round(physical[0] * desk_scale), round(physical[1] * desk_scale))
                position = (tile_x, 0)
            self.window = pygame.Window(name, physical, position=position, fullscreen_desktop=full_screen)
        if full_screen:
            pygame.mouse.set_visible(False)  # a kiosk shows no pointer; the finger is the pointer
            if monitor is not None:
                self._settle_on(name, monitor)
        self._fit(size if not full_screen else None)

    def _settle_on(self, name: str, monitor: Monitor) -> None:
        """Make sure the window is full screen on its screen: under sway by asking it (a Wayland client
        cannot place its window), then wait for the compositor's size to arrive (it comes as an event)."""
        self.window.get_surface().fill((0, 0, 0))
        self.window.flip()  # mapped: the compositor knows the window
        compositor.place(name, monitor.name)
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and self.window.size != monitor.size:
            pygame.event.pump()
            time.sleep(0.02)

    def _fit(self, layout_size: tuple[int, int] | None) -> None:
        """The display's size (`layout_size`, or the window's turned back) and how its picture fits the
        window: one scale, centred, black bars."""
        rotation = self.rotation
        self.window_surface = self.window.get_surface()
        actual = self.window_surface.get_size()
        # full screen: lay out for the screen there is; on a desk or headless: the configured size
        self.size = layout_size or turned(actual, rotation)
        picture = turned(self.size, rotation)
        scale = min(actual[0] / picture[0], actual[1] / picture[1])
        shown = (round(picture[0] * scale), round(picture[1] * scale))
        self.offset = ((actual[0] - shown[0]) // 2, (actual[1] - shown[1]) // 2)
        self.shown = shown
        # drawn straight on the window only at its own size: a picture scaled down to a desk's window is
        # laid out at the display's size and scaled when presented, never laid out again for the window
        self.direct = rotation == 0 and picture == actual
        if self.direct:
            self.surface = self.window_surface
        else:
            if self._own is None or self._own.get_size() != self.size:
                self._own = pygame.Surface(self.size).convert()
            self.surface = self._own
        self.scale = (shown[0] / picture[0], shown[1] / picture[1])
        if not self.direct:
            self.window_surface.fill((0, 0, 0))

    def resized(self) -> bool:
        """The compositor changed the window's size (after start-up): the display keeps its layout, shown
        at the new size with one scale; True when the display must draw into a new surface."""
        if self.window.get_surface().get_size() == self.window_surface.get_size():
            return False
        drawn_on = self.surface
        if self.direct:  # what was drawn stays: the new surfaces start from it
            self._own = drawn_on.copy()
        self._fit(self.size)
        return self.surface is not drawn_on

    def describe(self) -> dict[str, object]:
        """Where this display shows: the size it is laid out for, its window on the desktop, the turn."""
        return {"size": list(self.size), "window": list(self.window.size), "position": list(self.window.position),
                "rotation": self.rotation}

    def owns(self, event: pygame.event.Event) -> bool:
        """Whether an SDL event is for this display: a finger of a touch screen given to a display goes
        to that display only; other events go by window (events without a window go to the first)."""
        touch = getattr(event, "touch_id", None)
        if touch is not None and touch in self.all_claimed:
            return touch in self.claimed
        window = getattr(event, "window", None)
        return window is None or window == self.window

    def _to_display(self, pos: tuple[float, float]) -> tuple[int, int]:
        """A point of the window to the upright picture: the bars and the scale taken off, the turn undone."""
        x = (pos[0] - self.offset[0]) / self.scale[0]
        y = (pos[1] - self.offset[1]) / self.scale[1]
        width, height = self.size
        if self.rotation == 90:  # the upright top edge shows along the right of the glass
            x, y = y, height - 1 - x
        elif self.rotation == 180:
            x, y = width - 1 - x, height - 1 - y
        elif self.rotation == 270:  # the upright top edge shows along the left of the glass
            x, y = width - 1 - y, x
        return min(width - 1, max(0, round(x))), min(height - 1, max(0, round(y)))

    def pointer(self, event: pygame.event.Event) -> Pointer | Pinch | None:
        """A mouse or finger event as (down|move|up, position in display pixels); None for others.

        Mouse events that SDL makes up from touches are skipped, so a finger counts once. The first finger
        on the glass is the pointer; a second one turns the touch into a pinch: the first finger's touch is
        cancelled ("cancel"), then the two fingers' moves come as a `Pinch` (in display pixels, the turn
        undone) until both have left.
        """
        kind = {pygame.MOUSEBUTTONDOWN: "down", pygame.MOUSEBUTTONUP: "up", pygame.MOUSEMOTION: "move"}.get(event.type)
        if kind is not None:
            if getattr(event, "touch", False):
                return None
            if kind != "move" and getattr(event, "button", 1) != 1:
                return None
            if kind == "move" and not event.buttons[0]:
                return None
            return kind, self._to_display(event.pos)
        if event.type not in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            return None
        width, height = self.window_surface.get_size()
        pos = self._to_display((event.x * width, event.y * height))
        said: str | Pinch | None
        if event.type == pygame.FINGERDOWN:
            said = self.fingers.down(event.finger_id, pos)
        elif event.type == pygame.FINGERMOTION:
            said = self.fingers.move(event.finger_id, pos)
        else:
            said = self.fingers.up(event.finger_id)
        if said is None or isinstance(said, Pinch):
            return said
        return said, pos

    def present(self) -> None:
        """Show the frame: turned, scaled and centred when the window needs it."""
        if not self.direct:
            picture = self.surface if not self.rotation else pygame.transform.rotate(self.surface, -self.rotation)
            if picture.get_size() != self.shown:
                picture = pygame.transform.smoothscale(picture, self.shown)
            self.window_surface.blit(picture, self.offset)
        self.window.flip()

    def blank(self) -> None:
        """Show black (a screen off with no other way to turn it off); the display's own picture is black
        too, so that a screenshot shows what the glass shows (it is drawn whole again when it comes back)."""
        self.surface.fill((0, 0, 0))
        self.window_surface.fill((0, 0, 0))
        self.window.flip()

    def picture(self) -> pygame.Surface:
        """The display as shown, at its own size (not a copy: drawn over by the next frame)."""
        return self.surface

    def close(self) -> None:
        """Close the window (before the video system stops, so nothing is freed twice)."""
        del self.surface, self.window_surface
        self.window.destroy()


def png_bytes(picture: pygame.Surface) -> bytes:
    """`picture` encoded as PNG, a strip of rows at a time (any thread: a 4K picture takes about 0.1 s of CPU).

    Not with pygame's writer into a BytesIO: pygame-ce (2.5.8) keeps references to a Python object it
    saves into and never drops them (every screenshot's PNG stayed in memory, without end)."""
    out = io.BytesIO()
    write_png(picture, out)
    return out.getvalue()
