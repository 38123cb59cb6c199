"""Text drawing with a cache: each (text, size, weight, colour) is rendered once."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from kiosk.ui.line_breaks import break_lines
from kiosk.ui.theme import Color, Theme

MAX_BYTES = 8 << 20  # of rendered text kept for reuse, at most
WRAPS_KEPT = 2000  # texts broken into lines, kept (a few screens' worth)
WIDTHS_KEPT = 2000  # texts measured, kept: a layout measures each text several times


def text_budget(size: tuple[int, int]) -> int:
    """Bytes of rendered text to keep for a screen of `size` beyond those the last frames drew (always kept,
    see `TextCache`): a quarter of a screenful of 32-bit pixels (2 MB on the 1080x1920 terminal, where half a
    screenful, 4 MB, kept the texts of pages left long ago; an eighth cost a page met again 1 ms more CPU to
    draw), at most 8 MB."""
    return min(MAX_BYTES, size[0] * size[1] * 4 // 4)


class TextCache:
    """Renders and keeps text surfaces; the least recently used go past `max_bytes` of pixels, except those
    drawn in the last two frames (`frame_drawn`): a scene never renders its own texts again each frame, however
    many it has, and what is kept beyond them is the scenes met a moment ago."""

    def __init__(self, theme: Theme, max_bytes: int = MAX_BYTES) -> None:
        self.theme = theme
        self.max_bytes = max_bytes
        self._surfaces: OrderedDict[tuple[str, int, bool, Color], pygame.Surface] = OrderedDict()
        self._bytes = 0
        self._frame = 0  # frames drawn so far
        self._drawn_in: dict[tuple[str, int, bool, Color], int] = {}  # the frame each text kept was last drawn in
        self._wrapped: dict[tuple[str, int, int, bool, int], list[str]] = {}
        self._widths: dict[tuple[str, int, bool], int] = {}

    def render(self, text: str, size: int, color: Color, bold: bool = False) -> pygame.Surface:
        """The text as an antialiased surface."""
        key = (text, size, bold, color)
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self.theme.font(size, bold).render(text, True, color)
            if color[3] != 255:
                surface.set_alpha(color[3])
            self._surfaces[key] = surface
            self._bytes += surface.get_width() * surface.get_height() * surface.get_bytesize()
            while self._bytes > self.max_bytes and len(self._surfaces) > 1:
                oldest = next(iter(self._surfaces))
                if self._drawn_in.get(oldest, -2) >= self._frame - 1:
                    break  # this one and all newer were drawn in the last two frames: they stay
                dropped = self._surfaces.pop(oldest)
                self._drawn_in.pop(oldest, None)
                self._bytes -= dropped.get_width() * dropped.get_height() * dropped.get_bytesize()
        else:
            self._surfaces.move_to_end(key)
        self._drawn_in[key] = self._frame
        return surface

    def frame_drawn(self) -> None:
        """A frame is being drawn: the texts drawn before the last two frames may go."""
        self._frame += 1

    @property
    def held_bytes(self) -> int:
        """Pixels of the rendered texts kept now (for the memory benchmarks)."""
        return self._bytes

    def clear(self) -> None:
        """Forget every rendered text (rendered again when drawn)."""
        self._surfaces.clear()
        self._drawn_in.clear()
        self._wrapped.clear()
        self._widths.clear()
        self._bytes = 0

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """Width of the text in pixels."""
        key = (text, size, bold)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= WIDTHS_KEPT:
                self._widths.clear()  # a few screens' worth measured again: cheaper than keeping their order
            width = self._widths[key] = int(self.theme.font(size, bold).size(text)[0])
        return width

    def two_lines_width(self, text: str, size: int, bold: bool = False) -> int:
        """The narrowest width `text` shows in on at most two lines, broken at a space: its wider line there."""
        words = text.split(" ")
        return min((max(self.width(" ".join(words[:cut]), size, bold), self.width(" ".join(words[cut:]), size, bold))
                    for cut in range(1, len(words))), default=self.width(text, size, bold))

    def line_height(self, size: int, bold: bool = False) -> int:
        """Distance between two lines of this size."""
        return int(self.theme.font(size, bold).get_linesize())

    def wrapped_height(self, text: str, size: int, width: int, bold: bool = False, max_lines: int = 0) -> int:
        """How tall `text` is once wrapped to `width` (see `wrap`)."""
        return len(self.wrap(text, size, width, bold, max_lines)) * self.line_height(size, bold)

    def wrap(self, text: str, size: int, width: int, bold: bool = False, max_lines: int = 0) -> list[str]:
        """Break text into lines no wider than `width`; the last kept line ends with … when cut (kept: a
        text is measured several times as its screen is laid out, then drawn)."""
        key = (text, size, width, bold, max_lines)
        lines = self._wrapped.get(key)
        if lines is None:
            broken = self._broken(text, size, width, bold)
            if max_lines and len(broken) > max_lines:
                broken = broken[:max_lines]
                broken[-1] = self.ellipsize(broken[-1] + "…", size, width, bold)
            lines = self._wrapped[key] = [self.ellipsize(line, size, width, bold) for line in broken]
            self._forget_wraps()
        return list(lines)

    def _broken(self, text: str, size: int, width: int, bold: bool) -> list[str]:
        """The text broken into lines at spaces, on as few lines as it takes, keeping together the words that
        belong together where another break gives as few lines (kiosk/ui/line_breaks.py; a word longer than
        `width` alone on its line, whole), kept: a label is measured with all its lines, then drawn with its first
        `max_lines`."""
        key = (text, size, width, bold, -1)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = self._break(text, size, width, bold)
            self._forget_wraps()
        return list(lines)

    def _forget_wraps(self) -> None:
        if len(self._wrapped) > WRAPS_KEPT:
            del self._wrapped[next(iter(self._wrapped))]  # the first wrapped, long ago

    def _break(self, text: str, size: int, width: int, bold: bool) -> list[str]:
        font = self.theme.font(size, bold)

        def width_of(line: str) -> int:
            return int(font.size(line)[0])

        return [line for paragraph in text.split("\n") for line in break_lines(paragraph, width_of, width)]

    def ellipsize(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """The text, cut with … so it fits in `width`."""
        if self.width(text, size, bold) <= width:
            return text
        font = self.theme.font(size, bold)
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"
