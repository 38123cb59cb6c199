"""The on-screen keyboard in the layout of the shopper's language (AZERTY, QWERTZ, QWERTY with the
language's letters), with @ and . for email addresses."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from kiosk.core.language.i18n import N_
from kiosk.ui.widgets import Button, Panel

# A key's name is its accessible label, translated where it is shown (and spoken in accessible mode).
SHIFT, BACKSPACE, SPACE, ENTER = N_("Shift"), N_("Backspace"), N_("Space"), N_("Enter")
SYMBOLS, LETTERS = N_("Digits and signs"), N_("Letters")  # the page keys of a keyboard folded onto narrow rows
SIGNS = tuple("1234567890@.,-'?!_+&/")
_LAST_ROW = ("@", ".", ",", "-", "'", "?", "!", SPACE, ENTER)

# Each layout has its language's letters and the signs a review needs (, ? !). French, German and English
# rows are at most 11 keys wide, so that the full rows keep their touch size on a portrait terminal;
# Spanish and Italian need a twelfth (they fold onto two pages sooner).
LAYOUTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "azerty": (
        (*"1234567890", "à"),
        (*"azertyuiop", "è"),
        (*"qsdfghjklm", "ù"),
        (SHIFT, *"wxcvbn", "é", "ç", BACKSPACE),
        _LAST_ROW,
    ),
    "qwerty": (
        tuple("1234567890"),
        tuple("qwertyuiop"),
        tuple("asdfghjkl"),
        (SHIFT, *"zxcvbnm", BACKSPACE),
        _LAST_ROW,
    ),
    "qwertz": (
        (*"1234567890", "ß"),
        (*"qwertzuiop", "ü"),
        (*"asdfghjkl", "ö", "ä"),
        (SHIFT, *"yxcvbnm", BACKSPACE),
        _LAST_ROW,
    ),
    "qwerty-es": (
        (*"1234567890", "¿", "¡"),
        (*"qwertyuiop", "á", "é"),
        (*"asdfghjkl", "ñ", "í", "ó"),
        (SHIFT, *"zxcvbnm", "ú", BACKSPACE),
        _LAST_ROW,
    ),
    "qwerty-it": (
        tuple("1234567890"),
        (*"qwertyuiop", "è", "é"),
        (*"asdfghjkl", "ò", "à", "ù"),
        (SHIFT, *"zxcvbnm", "ì", BACKSPACE),
        _LAST_ROW,
    ),
}
LAYOUT_FOR_LANGUAGE = {"fr": "azerty", "de": "qwertz", "en": "qwerty", "es": "qwerty-es", "it": "qwerty-it"}
_WIDTH = {SHIFT: 1.5, BACKSPACE: 1.5, ENTER: 1.5, SYMBOLS: 1.5, LETTERS: 1.5}
_GLYPH = {SHIFT: "⇧", BACKSPACE: "⌫", SPACE: " ", ENTER: "OK", SYMBOLS: "123", LETTERS: "abc"}


FULL_SPACE = 2.5  # the space bar's width in keys on a full keyboard


def _units(row: tuple[str, ...], space: float = FULL_SPACE) -> float:
    return sum(space if key == SPACE else _WIDTH.get(key, 1.0) for key in row)


def fold_columns(layout: str, width: int, min_key: int) -> int:
    """How many keys a row of a folded keyboard `width` wide takes, or 0 when the full rows reach
    `min_key` a key."""
    widest = max(_units(row) for row in LAYOUTS[layout])
    return 0 if width / widest >= min_key else max(7, width // max(1, min_key))


def narrowest(layout: str, min_key: int) -> int:
    """The narrowest a keyboard of `layout` is with its full rows at `min_key` a key."""
    return round(max(_units(row) for row in LAYOUTS[layout]) * min_key)


def row_count(layout: str, width: int, min_key: int) -> int:
    """How many rows of keys the letters take (the height a keyboard needs is that many keys)."""
    columns = fold_columns(layout, width, min_key)
    return len(LAYOUTS[layout] if not columns else folded(layout, columns, LETTERS))


def folded(layout: str, columns: int, page: str) -> tuple[tuple[str, ...], ...]:
    """A layout's keys on rows of at most `columns` keys, for a keyboard too narrow for its full rows at
    touch size (accessible mode, a portrait window): the letters in the layout's order, or on the other
    page the digits and signs, then a row of shift, page, space, backspace and OK."""
    singles = [key for row in LAYOUTS[layout] for key in row if len(key) == 1]
    keys = sorted((key for key in singles if key.isalpha()), key=lambda key: not key.isascii()) if page == LETTERS \
        else [*SIGNS, *(key for key in singles if not key.isalnum() and key not in SIGNS)]
    rows = [tuple(keys[i:i + columns]) for i in range(0, len(keys), columns)]
    other = SYMBOLS if page == LETTERS else LETTERS
    if len(rows) > 1 and len(rows[-1]) + 5 <= columns:
        # the keys left over beside the space bar, rather than on a row of their own (a row of keys less
        # is room for the form above; the row's keys are then one key wide each, see `_row_widths`)
        return (*rows[:-1], (SHIFT, other, *rows[-1], SPACE, BACKSPACE, ENTER))
    return (*rows, (SHIFT, other, SPACE, BACKSPACE, ENTER))


def capital(key: str) -> str:
    """A key's capital; a letter without a one-letter capital stays as it is (German ß, not "SS")."""
    upper = key.upper()
    return upper if len(upper) == 1 else key


def _row_widths(row: tuple[str, ...], columns: int) -> list[float]:
    """The widths of a folded keyboard's row, in keys: its special keys wider where the row has room, the
    space bar taking what is left; all one key wide where it has none."""
    widths = [_WIDTH.get(key, 1.0) for key in row if key != SPACE]
    if sum(widths) + 1 > columns:
        widths = [1.0] * len(widths)
    space = max(1.0, columns - sum(widths))
    shown = iter(widths)
    return [space if key == SPACE else next(shown) for key in row]


def _ignore_key(key: str) -> None:
    """What a disposed keyboard does with a key."""


def layout_for(language: str) -> str:
    """The keyboard layout shoppers of this language expect."""
    return LAYOUT_FOR_LANGUAGE.get(language, "qwerty")


class Keyboard(Panel):
    """Keys as buttons; each press calls `on_key` with the character, or SHIFT/BACKSPACE/ENTER (the
    special keys are labelled with their names in the shopper's language, given by `names`).

    A key's touch area reaches to the middle of the gap around it (its cap is drawn inside), so that the
    keys of a full row reach the touch size on a portrait screen; when even so a full row would be
    narrower than `min_key` a key, the keys fold onto shorter rows over two pages (letters, then digits
    and signs) instead of shrinking."""

    def __init__(self, rect: pygame.Rect, layout: str, on_key: Callable[[str], None], gap: int,
                 enter_label: str = "OK", label: str = "Keyboard", min_key: int = 0,
                 names: Callable[[str], str] = str) -> None:
        super().__init__(rect, "surface_alt", radius=False, label=label, role="keyboard")
        self.layout = layout
        self.on_key = on_key
        self.shifted = False
        self.gap = gap
        self.enter_label = enter_label
        self.names = names  # a special key's name in the shopper's language (its label, what speech says)
        self.min_key = min_key
        self.columns = fold_columns(layout, rect.width, min_key)
        self.keys: list[Button] = []
        self.page = LETTERS
        if rect.width and rect.height:  # else laid out when the keyboard zone is placed
            self._lay_keys(LETTERS)

    def place(self, rect: pygame.Rect) -> None:
        """Take the rectangle the layout gave the keyboard zone: the keys laid out again in it."""
        if rect != self.rect or not self.keys:
            self.rect = pygame.Rect(rect)
            self.columns = fold_columns(self.layout, rect.width, self.min_key)
            self._lay_keys(self.page)

    def _lay_keys(self, page: str) -> None:
        """Make the keys of a page (the full layout, or a folded page)."""
        for old in self.keys:
            old.dispose()
        self.children = [child for child in self.children if child not in self.keys]
        self.keys = []
        self.page = page
        rect = self.rect
        rows = LAYOUTS[self.layout] if not self.columns else folded(self.layout, self.columns, page)
        if self.columns:
            row_widths = [_row_widths(row, self.columns) for row in rows]
        else:
            row_widths = [[FULL_SPACE if key == SPACE else _WIDTH.get(key, 1.0) for key in row] for row in rows]
        key_h = rect.height // len(rows)
        unit = rect.width / max(sum(widths) for widths in row_widths)
        for row_index, (row, widths) in enumerate(zip(rows, row_widths, strict=True)):
            x = rect.x + (rect.width - sum(widths) * unit) / 2  # the widest row fills the width, others centred
            for key, units in zip(row, widths, strict=True):
                special = key in _GLYPH
                shown = self.enter_label if key == ENTER else _GLYPH.get(key, key)
                button = Button((round(x), rect.y + row_index * key_h, round(x + units * unit) - round(x), key_h),
                                self.names(key) if special else key, self._press(key),
                                style="key_special" if special else "key", size="title",
                                shown=capital(shown) if self.shifted and len(key) == 1 else shown)
                button.inset = self.gap // 2
                self.keys.append(self.add(button))
                x += units * unit
        self.invalidate()

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
            if key in (SYMBOLS, LETTERS):
                self._lay_keys(key)
                return
            if key == SPACE:
                self.on_key(" ")
            elif len(key) == 1 and self.shifted:
                self.on_key(capital(key))
                self.set_shift(False)
            else:
                self.on_key(key)
        return press

    def set_shift(self, shifted: bool) -> None:
        """Show capitals (for the next letter) or small letters."""
        self.shifted = shifted
        for button in self.keys:
            if len(button.label) == 1 and button.label.isalpha():
                button.shown = capital(button.label) if shifted else button.label
                button.invalidate()
