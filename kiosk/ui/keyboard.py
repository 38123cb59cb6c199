"""The on-screen keyboard in the layout of the shopper's language (AZERTY, QWERTZ, QWERTY with the
language's letters), with @ and . for email addresses."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from kiosk.ui.widgets import Button, Panel

SHIFT, BACKSPACE, SPACE, ENTER = "Shift", "Backspace", "Space", "Enter"

LAYOUTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "azerty": (
        tuple("1234567890"),
        tuple("azertyuiop"),
        tuple("qsdfghjklm"),
        (SHIFT, *"wxcvbné", "è", BACKSPACE),
        ("@", ".", "-", "'", SPACE, ENTER),
    ),
    "qwerty": (
        tuple("1234567890"),
        tuple("qwertyuiop"),
        tuple("asdfghjkl"),
        (SHIFT, *"zxcvbnm", BACKSPACE),
        ("@", ".", "-", "'", SPACE, ENTER),
    ),
    "qwertz": (
        tuple("1234567890"),
        tuple("qwertzuiopü"),
        tuple("asdfghjklöä"),
        (SHIFT, *"yxcvbnm", "ß", BACKSPACE),
        ("@", ".", "-", "'", SPACE, ENTER),
    ),
    "qwerty-es": (
        tuple("1234567890"),
        tuple("qwertyuiop"),
        tuple("asdfghjklñ"),
        (SHIFT, *"zxcvbnm", "ç", BACKSPACE),
        ("@", ".", "-", "'", SPACE, ENTER),
    ),
    "qwerty-it": (
        tuple("1234567890"),
        tuple("qwertyuiopè"),
        tuple("asdfghjklòà"),
        (SHIFT, *"zxcvbnm", "ù", "ì", BACKSPACE),
        ("@", ".", "-", "'", SPACE, ENTER),
    ),
}
LAYOUT_FOR_LANGUAGE = {"fr": "azerty", "de": "qwertz", "en": "qwerty", "es": "qwerty-es", "it": "qwerty-it"}
_WIDTH = {SHIFT: 1.5, BACKSPACE: 1.5, SPACE: 4.0, ENTER: 2.0}
_GLYPH = {SHIFT: "⇧", BACKSPACE: "⌫", SPACE: " ", ENTER: "OK"}


def _ignore_key(key: str) -> None:
    """What a disposed keyboard does with a key."""


def layout_for(language: str) -> str:
    """The keyboard layout shoppers of this language expect."""
    return LAYOUT_FOR_LANGUAGE.get(language, "qwerty")


class Keyboard(Panel):
    """Keys as buttons; each press calls `on_key` with the character, or SHIFT/BACKSPACE/ENTER."""

    def __init__(self, rect: pygame.Rect, layout: str, on_key: Callable[[str], None], gap: int,
                 enter_label: str = "OK", label: str = "Keyboard") -> None:
        super().__init__(rect, "surface_alt", radius=False, label=label)
        self.layout = layout
        self.on_key = on_key
        self.shifted = False
        rows = LAYOUTS[layout]
        key_h = (rect.height - gap * (len(rows) + 1)) // len(rows)
        # The widest row fills the width (gaps included); the others are centred.
        unit = min((rect.width - gap * (len(row) + 1)) / sum(_WIDTH.get(k, 1.0) for k in row) for row in rows)
        self.keys: list[Button] = []
        for row_index, row in enumerate(rows):
            widths = [_WIDTH.get(k, 1.0) for k in row]
            total = sum(widths) * unit + gap * (len(row) - 1)
            x = rect.x + (rect.width - total) / 2
            y = rect.y + gap + row_index * (key_h + gap)
            for key, w in zip(row, widths):
                width = round(w * unit)
                special = key in _GLYPH
                shown = enter_label if key == ENTER else _GLYPH.get(key, key)
                button = Button((round(x), y, width, key_h), key, self._press(key),
                                style="key_special" if special else "key", size="title", shown=shown)
                self.keys.append(self.add(button))
                x += width + gap

    def dispose(self) -> None:
        """Also let go of the keys and of the scene's handler."""
        self.keys = []
        self.on_key = _ignore_key
        super().dispose()

    def _press(self, key: str) -> Callable[[], None]:
        def press() -> None:
            if key == SHIFT:
                self.set_shift(not self.shifted)
                return
            if key == SPACE:
                self.on_key(" ")
            elif len(key) == 1 and self.shifted:
                self.on_key(key.upper())
                self.set_shift(False)
            else:
                self.on_key(key)
        return press

    def set_shift(self, shifted: bool) -> None:
        """Show capitals (for the next letter) or small letters."""
        self.shifted = shifted
        for button in self.keys:
            if len(button.label) == 1 and button.label.isalpha():
                button.shown = button.label.upper() if shifted else button.label
                button.invalidate()
