"""Where a display's pixels go: a window (full screen, or scaled down on a desk), or nowhere (headless)."""

from __future__ import annotations

import io

import pygame

Pointer = tuple[str, tuple[int, int]]


class Output:
    """One window. The display draws at its configured size; a smaller window shows it scaled."""

    def __init__(self, name: str, size: tuple[int, int], *, headless: bool, windowed: bool) -> None:
        self.size = size
        window_size = size
        if windowed and not headless:
            desktop = pygame.display.get_desktop_sizes()[0]
            scale = min(1.0, desktop[0] * 0.95 / size[0], desktop[1] * 0.9 / size[1])
            window_size = (round(size[0] * scale), round(size[1] * scale))
        self.window = pygame.Window(name, window_size, fullscreen_desktop=not (windowed or headless))
        self.window_surface = self.window.get_surface()
        actual = self.window_surface.get_size()
        self.scaled = actual != size
        self.surface = pygame.Surface(size).convert() if self.scaled else self.window_surface
        self.scale = (actual[0] / size[0], actual[1] / size[1])
        self._finger: int | None = None

    def owns(self, event: pygame.event.Event) -> bool:
        """Whether an SDL event is for this window (events without a window go to the first)."""
        window = getattr(event, "window", None)
        return window is None or window == self.window

    def _to_display(self, pos: tuple[float, float]) -> tuple[int, int]:
        return round(pos[0] / self.scale[0]), round(pos[1] / self.scale[1])

    def pointer(self, event: pygame.event.Event) -> Pointer | None:
        """A mouse or finger event as (down|move|up, position in display pixels); None for others.

        Mouse events that SDL makes up from touches are skipped, so a finger counts once; only the
        first finger on the glass is followed.
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
        kind = {pygame.FINGERDOWN: "down", pygame.FINGERUP: "up", pygame.FINGERMOTION: "move"}.get(event.type)
        if kind is None:
            return None
        if kind == "down" and self._finger is None:
            self._finger = event.finger_id
        if event.finger_id != self._finger:
            return None
        if kind == "up":
            self._finger = None
        width, height = self.window_surface.get_size()
        return kind, self._to_display((event.x * width, event.y * height))

    def present(self) -> None:
        """Show the frame."""
        if self.scaled:
            pygame.transform.smoothscale(self.surface, self.window_surface.get_size(), self.window_surface)
        self.window.flip()

    def screenshot(self, path: str) -> None:
        """Write the display as shown, at its own size, as PNG."""
        pygame.image.save(self.surface, path)

    def snapshot(self) -> pygame.Surface:
        """A copy of the display as shown (a few ms at 4K), to encode off the loop with `png_bytes`."""
        return self.surface.copy()

    def close(self) -> None:
        """Close the window (before the video system stops, so nothing is freed twice)."""
        del self.surface, self.window_surface
        self.window.destroy()


def png_bytes(picture: pygame.Surface) -> bytes:
    """`picture` encoded as PNG in memory (any thread: a 4K picture takes ~0.4 s)."""
    buffer = io.BytesIO()
    pygame.image.save(picture, buffer, "screenshot.png")
    return buffer.getvalue()
