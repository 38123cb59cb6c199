"""The shopper's sound control beside a film, on a display whose config enables sound: films start muted,
and this button turns their sound on or off (a speaker, crossed out while muted, before the words for what
a tap does). One choice for the whole session (the session keeps it; every film on the screen follows it,
also while it plays), said aloud in accessible mode when it changes."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from kiosk.ui.icons import draw_icon
from kiosk.ui.layout import Box, fit
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Button, Painter


class SoundButton(Button):
    """Turns films' sound on (while muted) or off: `is_on` tells which, `flip` changes it, `words` are what
    a tap does in each case: (turn it on, turn it off). Its label follows the choice on every turn."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], is_on: Callable[[], bool],
                 flip: Callable[[], None], words: tuple[str, str], said: Callable[[SoundButton], None]) -> None:
        self.is_on = is_on
        self.words = words
        self._flip = flip
        self._said = said
        super().__init__(rect, words[is_on()], self.tap, style="secondary", size="text")

    def tap(self) -> None:
        """Change the choice; say the new state of things (accessible mode)."""
        self._flip()
        self.animate(0.0)
        self._said(self)

    def animate(self, dt: float) -> bool:
        """Keep the words with the choice (another film's button may have changed it)."""
        label = self.words[self.is_on()]
        if label != self.label:
            self.label = label
            self.invalidate()
        return super().animate(dt)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The outlined button, the speaker and the words side by side, centred."""
        theme = painter.theme
        ink_color = self._paint_face(painter, rect)
        size = theme.size(self.size_name)
        side = icon_side(painter.text, size)
        gap = theme.size("gap") // 3
        pad = padding(theme)
        room = rect.width - 2 * pad - side - gap
        words = painter.text.ellipsize(self.label, size, room, bold=True)
        image = painter.text.render(words, size, ink_color, bold=True)
        left = rect.centerx - (side + gap + image.get_width()) // 2
        draw_icon(painter.surface, "sound_on" if self.is_on() else "sound_off",
                  pygame.Rect(left, rect.centery - side // 2, side, side), ink_color)
        painter.surface.blit(image, image.get_rect(midleft=(left + side + gap, rect.centery)))


def icon_side(cache: TextCache, size: int) -> int:
    """How big the speaker is: a little more than a line of the words (its cone fills half of it)."""
    return cache.line_height(size, True) * 5 // 4


def padding(theme: Theme) -> int:
    """The room inside the button's outline, on each side."""
    return theme.size("gap") // 2 + theme.px(8)


def sound_button(widget: SoundButton, cache: TextCache, theme: Theme) -> Box:
    """`widget` as a box as wide as its icon and the longer of its words (it does not change size when
    they change), at least the touch target."""
    target = theme.size("touch_target")
    size = theme.size(widget.size_name)

    def measure(available: int) -> tuple[int, int]:
        side = icon_side(cache, size)
        words = max(cache.width(word, size, True) for word in widget.words)
        return min(available, max(target, 2 * padding(theme) + side + theme.size("gap") // 3 + words)), target

    return Box("leaf", [], widget, fit(min=target), fit(), measure=measure)
