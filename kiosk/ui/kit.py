"""Widgets and their layout boxes made in one call: what a scene writes to declare its screen.

Each maker returns the box that holds and sizes its widget, so a scene reads as its structure
(`column(kit.words(...), row(kit.button(...), ...))`) with no coordinates in it, and a widget's place in
the widget tree is where its box is: `layout.mount` puts it in the widget of the box above it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pygame

from kiosk.ui.keyboard import Keyboard
from kiosk.ui.layout import (
    Box,
    Size,
    button,
    column,
    fit,
    fixed,
    flex,
    layout,
    leaf,
    mount,
    square,
    text,
)
from kiosk.ui.scroll import ScrollView
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Button, Choice, Label, Panel, Picture, RatingStar, Stars, Toggle, Widget


class Kit:
    """Makes labels, buttons, pictures and panels with their boxes, for one theme."""

    def __init__(self, theme: Theme, cache: TextCache) -> None:
        self.theme = theme
        self.cache = cache

    def words(self, said: str, *, size: str = "text", sizes: Sequence[str] = (), max_lines: int = 0,
              width: Size | None = None, reserve: bool = False, **style: Any) -> Box:
        """Text that wraps to its width, steps down through `sizes`, and keeps to `max_lines`; with
        `reserve`, as tall as `max_lines` lines even when shorter (cards of a list stay one height)."""
        style.setdefault("valign", "top")
        label = Label((0, 0, 0, 0), said, size=size, wrap=True, **style)
        box = text(label, self.cache, self.theme, sizes=sizes, max_lines=max_lines, width=width)
        if reserve:
            box.height = fit(min=max_lines * self.cache.line_height(self.theme.size(size), label.bold))
        return box

    def button(self, label: str, action: Callable[[], None] | None, *, width: Size | None = None,
               height: Size | None = None, reason: str = "", **style: Any) -> Box:
        """A button as wide as its text (or `width`), at least the touch target. Disabled with a `reason`
        (what is missing: "Choose 1 more product"), the reason stands under it before anyone taps, and a tap
        says it too (unless the button's `why` says more). A reason that asks for another control (a box to
        tick, a field to fill) belongs beside that control instead: `kit.reason`."""
        made = Button((0, 0, 0, 0), label, action, **style)
        box = button(made, self.cache, self.theme, width=width, height=height)
        if made.enabled or not reason:
            return box
        made.why = made.why or reason
        target = self.theme.size("touch_target")
        # as wide as the button, or a few targets when the button is narrow: it never widens the button's place
        said = self.words(reason, size="small", color="muted", align="center", max_lines=3,
                          width=fit(max=max(box.natural(1 << 20)[0], 3 * target)))
        return column(box, said, gap=self.theme.size("gap") // 4, width=box.width, height=fit())

    def one_line(self, size: str, *said: str) -> int:
        """The width a button needs to show each of `said` (its label, its other labels, "✓ Added" said on it
        after a tap) on one line in the theme's `size`: a bar's button given its words' room."""
        pad = self.theme.size("gap")
        return max(self.theme.size("touch_target"),
                   *(self.cache.width(words, self.theme.size(size), True) + 2 * pad for words in said))

    def reason_narrow(self, made: Box) -> Box:
        """A `button` box whose disabled reason under it keeps to the button's width (on more lines), so that
        what stands beside it (a consent box's words) keeps its room."""
        reason = made.children[1].widget if made.kind == "column" and len(made.children) == 2 else None
        if isinstance(made.children[0].widget if made.children else None, Button) and reason is not None:
            face = made.children[0]
            small = self.theme.size("small")
            longest = max(self.cache.width(word, small) for word in reason.label.split()) + self.theme.px(4)
            made.children[1] = self.words(reason.label, size="small", color="muted", align="center", max_lines=5,
                                          width=fit(max=max(face.natural(1 << 20)[0], longest)))
        return made

    def reason_wide(self, made: Box) -> Box:
        """A `button` box whose disabled reason under it takes the whole width the button is given (on one line
        where the button's own width had it on two), so that a form under it keeps its room."""
        if made.kind == "column" and len(made.children) == 2 and isinstance(made.children[0].widget, Button):
            made.children[1].width = flex()
        return made

    def reason(self, said: str, **style: Any) -> Box:
        """What a shopper must do before a greyed button works ("Tick the required box first"), read as the
        page is: in the body's size and the text's colour (it was the smallest, greyest words of the screen:
        designer's review). Put it beside the control it asks for."""
        style.setdefault("max_lines", 3)
        return self.words(said, size="text", color="text", **style)

    def choice(self, label: str, action: Callable[[], None], *, chosen: bool, note: str = "",
               width: Size | None = None, height: Size | None = None, size: str = "text", shown: str = "") -> Box:
        """One option of a few (a size, a language, a filter, a department), as wide as its words with the check
        mark it shows when chosen (or `width`), at least the touch target: chosen, it is tinted, edged and ticked,
        never filled like the main button. `shown`: its words where they are shorter than what speech says."""
        made = Choice((0, 0, 0, 0), label, action, chosen=chosen, size=size, note=note, shown=shown)
        box = button(made, self.cache, self.theme, width=width, height=height)
        plain = box.measure or (lambda available: (0, 0))

        def measure(available: int) -> tuple[int, int]:  # with the mark's room: one width, chosen or not
            shown, made.shown = made.shown, Choice.MARK + made.words
            try:
                return plain(available)
            finally:
                made.shown = shown

        box.measure = measure
        return box

    def toggle(self, label: str, action: Callable[[], None] | None, *, checked: bool, shown: str = "",
               switch: bool = False, size: str = "text", width: Size | None = None, stacked: bool = False,
               problem: str = "") -> Box:
        """A tick box (or a switch) with its words, as wide as they need (or `width`), at least the touch
        target; in less room the box alone, its words still its label. `stacked`: the box over its word in
        the small size, as narrow as the word (a card's corner). `problem`: what is missing, marked on it."""
        made = Toggle((0, 0, 0, 0), label, action, checked=checked, switch=switch, shown=shown, size=size,
                      stacked=stacked, problem=problem)
        target, pad = self.theme.size("touch_target"), self.theme.size("gap") // 2 + self.theme.px(8)
        mark = Toggle.mark_width(self.theme, self.cache, size, switch)

        between = Toggle.label_gap(mark if not switch else self.cache.line_height(self.theme.size(size), True))

        def measure(available: int) -> tuple[int, int]:
            pixels = self.theme.size(size)
            wide = 2 * pad + mark + between + self.cache.width(shown or label, pixels, True)
            if wide <= available:
                return max(target, wide), max(target, mark + pad)
            # on up to three lines (a consent's words are read whole, beside the button that waits for it)
            lines = self.cache.wrap(shown or label, pixels, available - 2 * pad - mark - between, True, 3)
            return max(target, available), max(target, mark + pad,
                                                len(lines) * self.cache.line_height(pixels, True) + pad)

        def measure_stacked(available: int) -> tuple[int, int]:
            small, inset = self.theme.size("small"), self.theme.px(20)
            side = Toggle.box_side(self.theme, self.cache, "small")
            wide = max(side, self.cache.width(shown or label, small, True)) + 2 * inset
            tall = side + Toggle.stacked_gap(side) + self.cache.line_height(small, True) + 2 * inset
            return max(target, min(wide, max(available, target))), max(target, tall)

        return Box("leaf", [], made, width or fit(min=target), fit(), measure=measure_stacked if stacked else measure)

    def picture(self, path: Path | str, largest: int, label: str = "") -> Box:
        """A square picture, at most `largest` pixels."""
        return square(Picture((0, 0, 0, 0), path, label=label), largest)

    def stars(self, rating: float, label: str, height: int) -> Box:
        """Five stars for a rating."""
        made = Stars((0, 0, 0, 0), rating, label)
        return leaf(made, width=fixed(Stars.width_for(height)), height=fixed(height))

    def rating_star(self, label: str, action: Callable[[], None], *, lit: bool, chosen: bool, side: int = 0) -> Box:
        """One of the five stars to tap to rate, a touch target square (or `side` pixels, larger): filled up to
        the rating chosen."""
        made = RatingStar((0, 0, 0, 0), label, action, lit=lit, chosen=chosen)
        side = max(side, self.theme.size("touch_target"))
        return leaf(made, width=fixed(side), height=fixed(side))

    @staticmethod
    def panel(color: str = "surface", **style: Any) -> Panel:
        """A box to hold a group (a card, a bar); give it to a container's `widget=`."""
        return Panel((0, 0, 0, 0), color, **style)

    def rule(self) -> Box:
        """A thin divider line across its container."""
        made = Panel((0, 0, 0, 0), "divider", radius=False)
        return leaf(made, height=fixed(max(1, self.theme.size("gap") // 10)))

    @staticmethod
    def fill(page: ScrollView, content: Box) -> None:
        """Put `content` in a scroll view made outside a scene's tree (a list's rows), laid out at its full
        height (scrolled when taller than the view)."""
        width = page.rect.width
        page.content_height = content.natural(width)[1]
        layout(mount(content, page), pygame.Rect(0, 0, width, page.content_height))

    @staticmethod
    def place(into: Widget, content: Box, rect: pygame.Rect) -> Box:
        """Put `content`'s widgets in `into` and lay it out in `rect` (a card of a list built row by row,
        a layer laid out on its own); returns it."""
        return layout(mount(content, into), rect)

    def keyboard(self, keys: Keyboard, width: int, height: int, most: int = 0) -> Box:
        """The keyboard zone: `keys` at the bottom, `width` wide (centred), `height` tall; with `most`, at
        least `height` and as tall as `most` where the room left allows (the keys fill what they get)."""
        tall = flex(1000, min=height, max=max(height, most)) if most else fixed(height)
        key_box = leaf(keys, width=fixed(width), height=tall)
        key_box.placed = keys.place
        return column(key_box, align="center", height=tall)
