"""Tick boxes a shopper sees from a step back (designer's review, issue 22: too faint, too small, tight against
their words, nearly invisible on black): measured in the screenshot, the box's outline stands out from its chip
at 3:1 and more in a stroke of a few pixels, the box is at least as tall as its words' capitals (larger in
accessible mode), and there is room between it and its words. The email's consent (a box before its words) and
a department card's compare tick (a box over its word), on a portrait and a landscape screen, both themes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import choice_edge
from tests.layout_check import contrast
from tests.scenes.helpers import started


@dataclass
class Drawn:
    """A tick box as measured in a screenshot, along the direction from the box to its words."""

    side: int  # the box's extent across that direction
    length: int  # and along it
    stroke: int  # the outline's thickness
    gap: int  # the room between the box and its words


def ink(picture: pygame.Surface, area: pygame.Rect, edge: tuple[int, int, int]) -> list[list[bool]]:
    """Which pixels of `area` stand out at 3:1 from the chip's own colour (its most common one), row by row, but
    for the chip's own `edge` colour (at 3:1 too: its rounded corners reach inside)."""
    pixels = [[picture.get_at((x, y))[:3] for x in range(area.left, area.right)] for y in range(area.top, area.bottom)]
    ground = Counter(pixel for line in pixels for pixel in line).most_common(1)[0][0]
    return [[pixel != edge and contrast(pixel, ground) >= 3 for pixel in line] for line in pixels]


def measure(rows: list[list[bool]]) -> Drawn:
    """The first mark along the rows' direction (each row one step along it): where its run of inked steps
    ends, how far across it spans, its outline's thickness halfway across, and the blank steps before the next
    ink (the words)."""
    inked = [any(line) for line in rows]
    start = inked.index(True)
    end = start
    while end + 1 < len(rows) and inked[end + 1]:
        end += 1
    across = [i for line in rows[start:end + 1] for i, on in enumerate(line) if on]
    low, high = min(across), max(across)
    middle = (low + high) // 2
    stroke = 0
    while start + stroke <= end and rows[start + stroke][middle]:
        stroke += 1
    after = next((step for step in range(end + 1, len(rows)) if inked[step]), len(rows))
    return Drawn(side=high - low + 1, length=end - start + 1, stroke=stroke, gap=after - end - 1)


def columns(rows: list[list[bool]]) -> list[list[bool]]:
    """The same pixels, column by column (a box before its words: the direction is across the screen)."""
    return [list(column) for column in zip(*rows, strict=True)]


def cap_height(pilot: Pilot, size: str) -> int:
    """How tall a capital of the theme's `size` is, as the kiosk's fonts draw it."""
    screen = pilot.app.display().screen
    return int(screen.text.render("H", screen.theme.size(size), (0, 0, 0, 255), bold=True).get_bounding_rect().height)


def the_box(pilot: Pilot, folder: Path, label: str, stacked: bool) -> Drawn:
    """The unticked box of the tick labelled `label`, measured in a screenshot."""
    widget: dict[str, Any] = next(w for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                                  if w["role"] == "checkbox" and w["label"] == label)
    assert widget["checked"] is False and not widget["clipped"]
    picture = pilot.picture()
    x, y, w, h = widget["bounds"]
    edge = choice_edge(pilot.app.display().screen.theme)[:3]
    rows = ink(picture, pygame.Rect(x, y, w, h).inflate(-8, -8), edge)  # inside the chip's own edge
    return measure(rows if stacked else columns(rows))


def start(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> Pilot:
    display = "window" if size[0] > 3000 else "terminal"
    tmp_path.mkdir(parents=True, exist_ok=True)
    pilot = started(tmp_path, display, size, language, mail=True, accessible=accessible)
    return pilot


def consent_box(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> tuple[Drawn, int]:
    pilot = start(tmp_path, size, language, accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.tap(ctx.t("Send it to me by email"))
        pilot.advance(0.1)
        return the_box(pilot, tmp_path, ctx.t("I agree to receive this email (required)"), False), \
            cap_height(pilot, "text")
    finally:
        pilot.close()


def card_box(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> tuple[Drawn, int]:
    pilot = start(tmp_path, size, language, accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        stacked = size[0] > size[1]  # a landscape screen's cards: the box over its word, beside the picture
        label = ctx.t("Compare {name}", name=ctx.shop.catalog.product("RUN-113").title(ctx.lang))
        return the_box(pilot, tmp_path, label, stacked), cap_height(pilot, "small" if stacked else "text")
    finally:
        pilot.close()


def seen(drawn: Drawn, capitals: int, where: str) -> None:
    assert drawn.length >= drawn.side - 2 and drawn.side >= drawn.length - 2, f"{where}: a square box: {drawn}"
    assert drawn.side >= capitals * 3 // 2, f"{where}: a box well taller than its words' capitals ({capitals}): {drawn}"
    assert drawn.stroke >= max(3, drawn.side // 12), f"{where}: an outline thick enough to see: {drawn}"
    assert drawn.gap >= drawn.side * 2 // 5, f"{where}: room between the box and its words: {drawn}"


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("what", [consent_box, card_box], ids=["consent", "card"])
def test_a_tick_box_stands_out_is_sized_to_its_words_and_larger_in_accessible_mode(
        tmp_path: Path, size: tuple[int, int], what: Any) -> None:
    normal, capitals = what(tmp_path / "normal", size, "fr", False)
    seen(normal, capitals, "normal")
    accessible, capitals = what(tmp_path / "accessible", size, "de", True)
    seen(accessible, capitals, "accessible")
    assert accessible.side >= normal.side * 6 // 5, f"larger in accessible mode: {accessible} and {normal}"


@pytest.mark.slow
def test_the_windows_tick_boxes_are_seen_through_the_glass(tmp_path: Path) -> None:
    for language, accessible in (("fr", False), ("de", True)):
        drawn, capitals = card_box(tmp_path / language, (3840, 2160), language, accessible)
        seen(drawn, capitals, f"{language} {'accessible' if accessible else 'normal'}")
