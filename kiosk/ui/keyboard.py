"""The on-screen keyboard in the layout of the shopper's language (AZERTY, QWERTZ, QWERTY with the
language's letters) at every size, an email layer with @ and . beside the letters, and a phone keypad.

The letters keep their language's rows whatever the screen: where the keys grow (accessible mode) or the
screen is narrow, a key gets narrower, never a row shorter (a shopper looks for a letter where their own
keyboard has it). Where a form leaves little height, the keys get lower, then the row of digits goes to a
second page, as on a phone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import pygame

from kiosk.core.language.i18n import N_
from kiosk.ui.widgets import Button, Panel

# A key's name is its accessible label, translated where it is shown (and spoken in accessible mode).
SHIFT, BACKSPACE, SPACE, ENTER = N_("Shift"), N_("Backspace"), N_("Space"), N_("Enter")
SYMBOLS, LETTERS = N_("Digits and signs"), N_("Letters")  # the page keys of a keyboard without its digits row
# A key may be this share of the touch target, across and up, where the room asks for it: a phone's keys are
# about 31 points wide for the 44 points of its other targets.
SMALLEST_KEY = 0.7

Kind = Literal["text", "email", "phone"]
TEXT_ROW = ("@", ".", ",", "-", "'", "?", "!", SPACE, ENTER)  # the last row of a text keyboard
EMAIL_SIGNS = ("@", ".", "-", "_")  # an email keyboard's last row: no space (an address has none), its endings
SIGNS_ROW = ("@", ".", ",", "-", "'", "?", "!", "_", "+", "&", "/")  # the second page's signs
PHONE_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("+", "0", BACKSPACE))

# Each layout: its digits row (with the letters a language keeps there), its three rows of letters, then the
# last row of a text keyboard. French, German and English rows are 11 keys wide, Spanish and Italian 12.
LAYOUTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "azerty": (
        (*"1234567890", "à"),
        (*"azertyuiop", "è"),
        (*"qsdfghjklm", "ù"),
        (SHIFT, *"wxcvbn", "é", "ç", BACKSPACE),
        TEXT_ROW,
    ),
    "qwerty": (
        tuple("1234567890"),
        tuple("qwertyuiop"),
        tuple("asdfghjkl"),
        (SHIFT, *"zxcvbnm", BACKSPACE),
        TEXT_ROW,
    ),
    "qwertz": (
        (*"1234567890", "ß"),
        (*"qwertzuiop", "ü"),
        (*"asdfghjkl", "ö", "ä"),
        (SHIFT, *"yxcvbnm", BACKSPACE),
        TEXT_ROW,
    ),
    "qwerty-es": (
        (*"1234567890", "¿", "¡"),
        (*"qwertyuiop", "á", "é"),
        (*"asdfghjkl", "ñ", "í", "ó"),
        (SHIFT, *"zxcvbnm", "ú", BACKSPACE),
        TEXT_ROW,
    ),
    "qwerty-it": (
        tuple("1234567890"),
        (*"qwertyuiop", "è", "é"),
        (*"asdfghjkl", "ò", "à", "ù"),
        (SHIFT, *"zxcvbnm", "ì", BACKSPACE),
        TEXT_ROW,
    ),
}
LAYOUT_FOR_LANGUAGE = {"fr": "azerty", "de": "qwertz", "en": "qwerty", "es": "qwerty-es", "it": "qwerty-it"}
_WIDTH = {SHIFT: 1.5, BACKSPACE: 1.5, ENTER: 1.5, SYMBOLS: 1.5, LETTERS: 1.5, SPACE: 2.5}
_GLYPH = {SHIFT: "⇧", BACKSPACE: "⌫", SPACE: " ", ENTER: "OK", SYMBOLS: "123", LETTERS: "abc"}
_PHONE_KEY = 2.0  # a keypad's key is this many touch targets wide at most (a phone's dial pad)


@dataclass(frozen=True)
class Shortcut:
    """A key over the keyboard that types more than a letter: an email domain, or the address the shopper
    typed before in the session. `width` is what its words need, in pixels; `rank` the order in which the
    row's room is given (lower first), while the keys show in the order they are listed; a key that would
    change nothing now (the field holds that address already) stays, greyed, so that no key moves."""

    label: str
    shown: str
    on_tap: Callable[[], None]
    width: int
    style: str = "key_special"
    rank: int = 0
    enabled: bool = True


def key_units(key: str) -> float:
    """How many keys wide a key is (an ending such as ".com" is as wide as its letters ask)."""
    return _WIDTH.get(key, 1.0 if len(key) <= 2 else 1.5)


def _units(row: Sequence[str]) -> float:
    return sum(key_units(key) for key in row)


def layout_for(language: str) -> str:
    """The keyboard layout shoppers of this language expect."""
    return LAYOUT_FOR_LANGUAGE.get(language, "qwerty")


def widest(layout: str) -> float:
    """The widest row of a layout, in keys: every page of the keyboard has keys that wide."""
    return max(_units(row) for row in LAYOUTS[layout])


def narrowest(layout: str, min_key: int) -> int:
    """The narrowest a keyboard of `layout` is with its rows at `min_key` a key."""
    return round(widest(layout) * min_key)


def last_row(kind: Kind, endings: Sequence[str] = ()) -> tuple[str, ...]:
    """The row under the letters: signs, space and OK for a text; @ . - _ and the address endings the store's
    country uses (".fr", ".com") for an email."""
    return (*EMAIL_SIGNS, *endings, ENTER) if kind == "email" else TEXT_ROW


def letter_rows(layout: str, kind: Kind = "text", endings: Sequence[str] = (),
                digits: bool = True) -> tuple[tuple[str, ...], ...]:
    """The first page of a keyboard: the layout's rows, its last row for `kind`; without `digits`, the
    digits row goes to the second page and the letters it held join the last row."""
    layout_rows = LAYOUTS[layout]
    letters = layout_rows[1:4]
    if digits:
        return (layout_rows[0], *letters, last_row(kind, endings))
    kept = tuple(key for key in layout_rows[0] if not key.isdigit()) if kind == "text" else ()
    if kind == "email":
        bottom = (SYMBOLS, *EMAIL_SIGNS, *endings, ENTER)
    else:
        bottom = (SYMBOLS, *kept, ",", ".", "-", "'", SPACE, ENTER)
    return (*letters, bottom)


def sign_rows(layout: str) -> tuple[tuple[str, ...], ...]:
    """The second page of a keyboard without its digits row: the digits row, the signs, and back to the
    letters."""
    return (LAYOUTS[layout][0], SIGNS_ROW, (LETTERS, SPACE, BACKSPACE, ENTER))


def capital(key: str) -> str:
    """A key's capital; a letter without a one-letter capital stays as it is (German ß, not "SS")."""
    upper = key.upper()
    return upper if len(upper) == 1 else key


def _ignore_key(key: str) -> None:
    """What a disposed keyboard does with a key."""


@dataclass(frozen=True)
class Form:
    """One arrangement of a keyboard: whether the shortcuts show over it, and whether its first page holds
    the digits row."""

    shortcuts: bool
    digits: bool


class Keyboard(Panel):
    """Keys as buttons; each press calls `on_key` with the character, or SHIFT/BACKSPACE/ENTER (the
    special keys are labelled with their names in the shopper's language, given by `names`).

    `kind` is "text" (the language's layout), "email" (the same letters, @ . - _ and the address endings
    beside them, no space) or "phone" (a 3x4 keypad: digits, + and delete). `shortcuts` are keys in a row
    over the keys (email domains, an address typed before). A key's touch area reaches to the middle of the
    gap around it (its cap is drawn inside). The keyboard fills the height it is given: every row at
    `min_key` or more when it can, else lower keys (to SMALLEST_KEY of it), then without the shortcuts,
    then without the digits row (they go to a second page). Without `digits_row`, a keyboard of letters has its
    digits on the second page whatever the room (the same keyboard in every form of a kind)."""

    def __init__(self, rect: pygame.Rect, layout: str, on_key: Callable[[str], None], gap: int,
                 enter_label: str = "OK", label: str = "Keyboard", min_key: int = 0,
                 names: Callable[[str], str] = str, *, kind: Kind = "text", endings: Sequence[str] = (),
                 shortcuts: Sequence[Shortcut] = (), shortcuts_first: bool = False, digits_row: bool = True,
                 enter_enabled: bool = True, enter_why: str = "") -> None:
        super().__init__(rect, "surface_alt", radius=False, label=label, role="keyboard")
        # the Enter key disabled (drawn so, said so, and saying `enter_why` when tapped) while the form's button
        # it stands for is (it looked ready beside a greyed "Send": designer's review)
        self.enter_enabled, self.enter_why = enter_enabled, enter_why
        self.digits_row = digits_row  # whether its first page may hold the digits row (else always on the second)
        self.shortcuts_first = shortcuts_first  # the shortcuts kept over keys a little lower (a landscape screen)
        self.layout = layout
        self.on_key = on_key
        self.shifted = False
        self.gap = gap
        self.enter_label = enter_label
        self.names = names  # a special key's name in the shopper's language (its label, what speech says)
        self.min_key = min_key
        self.kind: Kind = kind
        self.endings = tuple(endings)
        self.shortcuts = tuple(shortcuts)
        self.keys: list[Button] = []
        self.page = LETTERS
        self.form = self.forms()[0]
        if rect.width and rect.height:  # else laid out when the keyboard zone is placed
            self._lay_keys(LETTERS)

    # --- which keys, for the room ---------------------------------------------------------------------
    def forms(self) -> list[Form]:
        """Its arrangements, the fullest first (a keyboard of letters without the digits row on its first page
        unless `digits_row`)."""
        return [form for form in self._all_forms() if self.digits_row or self.kind == "phone" or not form.digits]

    def _all_forms(self) -> list[Form]:
        """Its arrangements, the fullest first; an address typed before (a shortcut in accent) stays longer
        than the row of digits, and so do an email's domains (its digits go to a second page)."""
        strip = [True, False] if self.shortcuts else [False]
        if self.kind == "email" and self.shortcuts:  # its domains before its digits (on the second page), and
            # left out only where the room holds nothing more than the letters
            return [Form(True, True), Form(True, False), Form(False, False)]
        if self.kind == "phone":
            return [Form(shortcut, True) for shortcut in strip]
        remembered = any(shortcut.style != "key_special" for shortcut in self.shortcuts)
        order = [(True, True), (True, False), (False, True), (False, False)] if remembered else \
            [(True, True), (False, True), (True, False), (False, False)]
        return [Form(shortcut, digits) for shortcut, digits in order if shortcut in strip]

    def rows_of(self, form: Form) -> int:
        """How many rows of keys a form has (its shortcuts' row included)."""
        pages = PHONE_ROWS if self.kind == "phone" else letter_rows(self.layout, self.kind, self.endings,
                                                                    form.digits)
        return len(pages) + (1 if form.shortcuts else 0)

    def height_for(self, form: Form, share: float = 1.0) -> int:
        """The height a form needs with its keys `share` of the touch target."""
        return round(self.rows_of(form) * self.min_key * share) + self.gap

    def least_height(self) -> int:
        """The lowest it can be: its smallest form, its keys at their smallest."""
        return self.height_for(self.forms()[-1], SMALLEST_KEY)

    def full_height(self) -> int:
        """The height its fullest form needs with keys of touch size."""
        return self.height_for(self.forms()[0])

    def _candidates(self) -> list[tuple[Form, float]]:
        """The forms with the share of the touch target their keys get, in the order they are preferred:
        the forms with the digits row with keys of touch size, then lower; then without the digits row."""
        forms = self.forms()
        with_digits = [form for form in forms if form.digits]
        if self.kind == "email" and self.shortcuts:  # an email's domains stay, its digits row goes to the
            # second page first, as on a phone's email keyboard (accessible mode's short rooms showed no domain
            # at all: designer's review)
            return [(form, share) for form in forms for share in (1.0, SMALLEST_KEY)]
        if self.shortcuts_first and self.shortcuts:  # the shortcuts' row before keys of full touch size
            with_digits.sort(key=lambda form: not form.shortcuts)
            return [*((form, share) for form in with_digits for share in (1.0, SMALLEST_KEY)),
                    *((form, SMALLEST_KEY) for form in forms if not form.digits)]
        return [*((form, 1.0) for form in with_digits), *((form, SMALLEST_KEY) for form in with_digits),
                *((form, SMALLEST_KEY) for form in forms if not form.digits)]

    def tiers(self) -> list[tuple[int, bool]]:
        """The heights it can take, in the order it prefers them (see `_candidates`), each with whether its
        keys are of touch size there."""
        found: dict[int, bool] = {}
        for form, share in self._candidates():
            found.setdefault(self.height_for(form, share), share == 1.0)
        return list(found.items())

    def _form_for(self, height: int) -> Form:
        """The preferred arrangement that fits in `height`."""
        for form, share in self._candidates():
            if self.height_for(form, share) <= height:
                return form
        return self.forms()[-1]

    def place(self, rect: pygame.Rect) -> None:
        """Take the rectangle the layout gave the keyboard zone: the keys laid out again in it."""
        if rect != self.rect or not self.keys:
            self.rect = pygame.Rect(rect)
            form = self._form_for(rect.height)
            if form != self.form:
                self.form, self.page = form, LETTERS
            self._lay_keys(self.page)

    # --- the keys -------------------------------------------------------------------------------------
    def _rows(self, page: str) -> tuple[tuple[str, ...], ...]:
        if self.kind == "phone":
            return PHONE_ROWS
        if page == SYMBOLS:
            return sign_rows(self.layout)
        return letter_rows(self.layout, self.kind, self.endings, self.form.digits)

    def _lay_keys(self, page: str) -> None:
        """Make the keys of a page: the shortcuts' row, then the rows of keys, as tall as the room allows."""
        for old in self.keys:
            old.dispose()
        self.children = [child for child in self.children if child not in self.keys]
        self.keys = []
        self.page = page
        # half a gap of the panel around the keys (the gap `height_for` counts): a key's touch area stood on the
        # panel's edge, a disabled Enter key's face then read as a fill of its own against the page beside it
        rect = self.rect.inflate(-(self.gap // 2) * 2, -(self.gap // 2) * 2)
        rows = self._rows(page)
        count = len(rows) + (1 if self.form.shortcuts else 0)
        key_h = rect.height // max(1, count)
        y = rect.y
        if self.form.shortcuts:
            self._lay_shortcuts(pygame.Rect(rect.x, y, rect.width, key_h))
            y += key_h
        if self.kind == "phone":  # a dial pad: three keys a row, wider than tall, centred
            unit = min(rect.width / 3, self.min_key * _PHONE_KEY)
        else:  # the widest row of the layout fills the width, on every page
            unit = rect.width / widest(self.layout)
        for row_index, row in enumerate(rows):
            widths = [1.0 if self.kind == "phone" else 1.5 if self.kind == "email" and key in EMAIL_SIGNS[:2]
                      else key_units(key) for key in row]
            if ENTER in row and len(self.enter_label) > 2 and self.kind != "phone":  # "Aceptar": its words
                widths[row.index(ENTER)] += min(1.0, widest(self.layout) - sum(widths))  # in the row's room
                if self.kind == "email" and widths[row.index(ENTER)] < 2.0:  # a full row (its endings): "Weiter",
                    for sign in EMAIL_SIGNS[:2]:  # "Senden" from @ and ., as wide as a letter then ("We…" was cut,
                        widths[row.index(sign)] -= 0.5  # "Senden" drawn smaller than "Weiter")
                        widths[row.index(ENTER)] += 0.5
            x = rect.x + (rect.width - sum(widths) * unit) / 2  # a shorter row centred
            for key, units in zip(row, widths, strict=True):
                self._key(key, pygame.Rect(round(x), y + row_index * key_h, round(x + units * unit) - round(x), key_h))
                x += units * unit
        self.invalidate()

    def _key(self, key: str, rect: pygame.Rect) -> None:
        special = key in _GLYPH
        shown = self.enter_label if key == ENTER else _GLYPH.get(key, key)
        button = Button(rect, self.names(key) if special else key, self._press(key),
                        style="key_enter" if key == ENTER else "key_special" if special or len(key) > 1 else "key",
                        size="title" if len(shown) <= 2 else "text",
                        shown=capital(shown) if self.shifted and len(key) == 1 else shown,
                        enabled=self.enter_enabled or key != ENTER, why=self.enter_why if key == ENTER else "")
        button.inset = self.gap // 2
        self.keys.append(self.add(button))

    def _lay_shortcuts(self, rect: pygame.Rect) -> None:
        """The shortcuts side by side over the keys, each as wide as its words ask, sharing the width."""
        total = sum(shortcut.width for shortcut in self.shortcuts) or 1
        x = float(rect.x)
        for shortcut in self.shortcuts:
            width = rect.width * shortcut.width / total
            button = Button((round(x), rect.y, round(x + width) - round(x), rect.height), shortcut.label,
                            shortcut.on_tap, style=shortcut.style, size="text", shown=shortcut.shown,
                            enabled=shortcut.enabled)
            button.inset = self.gap // 2
            self.keys.append(self.add(button))
            x += width

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
