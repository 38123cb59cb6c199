"""What a typing form keeps in place while the shopper types: the keyboard and the form's action button.

A shopper's finger aims at where a key was. A typing scene is built again at every key, and the form above
the keyboard changes as it goes (a reason under "Next" goes once the field is filled, a hint comes and goes,
an accessible field takes a second line): laid out afresh, the keyboard took what the form left it and
changed with it (a row of digits came and went, "@" and OK moved, the keys rose and sank), and "Next" moved
and changed width with its reason. Here the first layout of a field's form is remembered: from then on, the
keyboard has that rectangle's size (so the same rows and keys) and the action at least the size it had (its
reason's room kept once the reason is gone), whatever is typed; the rest of the form makes do with the room
left (its compact form, or its parts scrolled)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import pygame

from kiosk.ui.keyboard import Keyboard
from kiosk.ui.kit import Kit
from kiosk.ui.layout import Box, column, fit, fixed, flex, leaf


class KeptPlaces:
    """The sizes a scene's typing forms got at their first layout, by field (a key the scene gives: the
    field's kind, hint, screen size, language and mode) and part ("keys", or an action's arrangement)."""

    def __init__(self) -> None:
        self._sizes: dict[Hashable, tuple[int, int]] = {}
        self._forms: dict[Hashable, tuple[Hashable, ...]] = {}  # the arrangement each field's form took at first

    def forms(self, field: Hashable, tagged: Sequence[tuple[tuple[Hashable, ...], Box]]) -> list[Box]:
        """The arrangements of `field`'s form for `first_that_fits`, the preferred first, each with a tag whose
        last part says where its action stands; the last one is the form of a tiny room. Once one was laid
        out, those preferred to it and those with the action elsewhere are left out (but the last): with the
        keyboard kept, a fuller one would fit now, and a form that grows takes a more compact one instead,
        its action where it was."""
        order = list(dict.fromkeys(tag for tag, _ in tagged))
        kept = self._forms.get(field)
        kept = kept if kept in order else None
        shown = []
        for number, (tag, box) in enumerate(tagged):
            if kept is None or number == len(tagged) - 1 or \
                    (order.index(tag) >= order.index(kept) and tag[-1] == kept[-1]):
                self._remember_form(box, field, tag)
                shown.append(box)
        return shown

    def keyboard(self, kit: Kit, field: Hashable, made: Callable[[int], Keyboard], width: int, height: int,
                 most: int = 0, *, bottom: bool = False) -> Box:
        """The keyboard zone (`kit.keyboard`) of `field`: `made(width)` between `height` and `most` tall until
        it is first laid out, then `made` at that rectangle's width and height, fixed. With `bottom`, the zone
        at the bottom of the room it is given (an empty space over it), at the same place as it was there: the
        keys, kept at their size, stay where they were (the room's share between the space and the keys left
        a pixel under them, which the kept keys would have taken, coming down by it)."""
        keys = self._sizes.get((field, "keys"))
        if keys is not None:
            zone = kit.keyboard(made(keys[0]), keys[0], keys[1])
            if not bottom:
                return zone
            under = self._sizes.get((field, "under the keys"), (0, 0))[1]
            return column(leaf(None, height=flex()), zone, leaf(None, height=fixed(under)), height=flex())
        zone = kit.keyboard(made(width), width, height, most)
        self._remember(zone.children[0], (field, "keys"))
        if not bottom:
            return zone
        room = column(leaf(None, height=flex()), zone, height=flex())
        laid: dict[str, int] = {}

        def noted_room(rect: pygame.Rect) -> None:
            laid["bottom"] = rect.bottom

        def noted_zone(rect: pygame.Rect) -> None:  # (the room is laid out before the zone in it)
            self._sizes.setdefault((field, "under the keys"), (0, laid.get("bottom", rect.bottom) - rect.bottom))

        room.placed, zone.placed = noted_room, noted_zone
        return room

    def action(self, field: Hashable, part: str, made: Box) -> Box:
        """The action button's box `made` (with its reason under it while it is disabled) of `field` in the
        form's arrangement `part`: at least as wide and tall as it was first laid out, the button across
        that width at the top, so that it stays where it was when its reason goes."""
        kept = self._sizes.get((field, part))
        if kept is None:
            self._remember(made, (field, part))
            return made
        width, height = kept
        made.width = fit(min=width) if made.width.kind != "flex" else made.width
        return column(made, leaf(None, width=fixed(0), height=flex()), width=fit(min=width), height=fit(min=height))

    def _remember_form(self, box: Box, field: Hashable, tag: tuple[Hashable, ...]) -> None:
        """Note `tag` as `field`'s arrangement when `box` is the one laid out."""
        placed = box.placed

        def noted(rect: pygame.Rect) -> None:
            self._forms.setdefault(field, tag)
            if placed is not None:
                placed(rect)

        box.placed = noted

    def _remember(self, box: Box, key: Hashable) -> None:
        """Note the rectangle `box` gets when it is first laid out."""
        placed = box.placed

        def noted(rect: pygame.Rect) -> None:
            self._sizes.setdefault(key, (rect.width, rect.height))
            if placed is not None:
                placed(rect)

        box.placed = noted

