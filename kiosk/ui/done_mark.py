"""The tapped button says what it did: for a moment after "Add to cart", "In the comparison" or "Print it",
the button under the finger shows "✓ Added" in the success colour, in its own place and size (nothing
moves), then its usual words again. The comparison's tick says it by its tick, in the ticked look it keeps
(kiosk/ui/widgets.py Toggle), not filled as the cart's "✓ Added". The confirmation in the header's status
zone stays (speech reads it, and it names what was done); this one is where the shopper looks (the header
is some 1,500 px from the action bar on a portrait terminal: designer's review, issue 22)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from kiosk.ui.widgets import Button, Point, Root, Widget

DONE_SECONDS = 2.0  # how long the tapped button says what it did


@dataclass
class DoneMark:
    """One button's confirmation: the scene and the point tapped (the scene may build its tree again for
    the new state, the button at that point then says it), the words, until when."""

    scene: object
    pos: Point
    words: str
    until: float
    outlined: bool = False  # the comparison's "✓ In the comparison": outlined, not the cart's filled look
    widget: Button | None = None  # the button that shows it, in the scene's tree as last built


class DoneMarks:
    """The confirmation on the button last tapped (one at a time), kept across the scene's rebuilds."""

    def __init__(self) -> None:
        self.mark: DoneMark | None = None
        self.tapping: tuple[object, Point] | None = None  # while a tap's action runs: its scene and point

    def start(self, words: str, now: float, outlined: bool = False) -> pygame.Rect | None:
        """The button being tapped says `words` until DONE_SECONDS from `now` (nothing outside a tap: a
        confirmation that no button caused, from the fleet, stays in the header), `outlined` or filled.
        Returns what to draw again (the button that said an earlier one)."""
        old = self.clear()
        if self.tapping is not None:
            scene, pos = self.tapping
            self.mark = DoneMark(scene, pos, words, now + DONE_SECONDS, outlined)
        return old

    def show(self, top: object, root: Root) -> None:
        """Put the mark on the button at its point in the top scene's `root` (built again since: the new
        button there: the ticked "In the comparison" where its empty box was tapped)."""
        mark = self.mark
        if mark is None or mark.scene is not top or (mark.widget is not None and mark.widget.root() is root):
            return
        found: Widget | None = root.hit(mark.pos)
        if isinstance(found, Button):
            found.done, found.done_outlined = mark.words, mark.outlined
            found.invalidate()
            mark.widget = found

    def expire(self, now: float, top: object) -> pygame.Rect | None:
        """End the mark once its time is over or its scene no longer in front; returns what to draw again."""
        if self.mark is not None and (now >= self.mark.until or self.mark.scene is not top):
            return self.clear()
        return None

    def clear(self) -> pygame.Rect | None:
        """No mark any more; the button that showed it (its area on screen) says its own words again."""
        mark, self.mark = self.mark, None
        if mark is None or mark.widget is None:
            return None
        mark.widget.done = ""
        mark.widget.invalidate()
        return mark.widget.visible_rect()

    @property
    def deadline(self) -> float | None:
        """When the mark ends, if one shows."""
        return self.mark.until if self.mark is not None else None
