"""The size chosen reads as chosen (designer's review of accessible mode, issue 22): it was filled in the primary
colour, accessible mode's yellow, which is also the fill of "In den Warenkorb" and every other button, so nothing
told the chosen size from one more button. Now it is edged thick in that colour on the page's own ground, with a
tick before its number, and the tree (speech) says it is the one chosen, in both modes. On the accessible tablet the
red frame around the sizes ("choose a size first") ended on the cue that more follows: now a quarter of a gap is
left between them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Choice
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, language, accessible) for display, size in SHAPES for language, accessible in
         (("de", True), ("fr", True), ("fr", False))]


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The tree of what shows now."""
    pilot.advance(0.1)
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


def fill(picture: pygame.Surface, bounds: list[int]) -> tuple[int, ...]:
    """The colour most of a widget's box shows (its fill, under its words)."""
    area = pygame.Rect(bounds)
    counts = Counter(tuple(picture.get_at((x, y)))[:3] for x in range(area.left, area.right, 2)
                     for y in range(area.top, area.bottom, 2))
    return counts.most_common(1)[0][0]


def edge(picture: pygame.Surface, bounds: list[int], color: tuple[int, ...]) -> int:
    """How thick the box's left edge is in `color`, across the middle of its height."""
    area = pygame.Rect(bounds)
    # (a rounded corner's antialiasing aside: the first pixels close to the colour)
    near = [sum(abs(a - b) for a, b in zip(tuple(picture.get_at((x, area.centery)))[:3], color)) < 60
            for x in range(area.left, area.left + area.width // 3)]
    start = near.index(True) if True in near else len(near)
    return next((i for i, on in enumerate(near[start:]) if not on), len(near) - start)


@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_the_chosen_size_does_not_look_like_a_button(tmp_path: Path, display: str, size: tuple[int, int],
                                                      language: str, accessible: bool) -> None:
    pilot = started(tmp_path, display, size, language, accessible=accessible)
    try:
        ctx = pilot.app.display().ctx
        theme = ctx.theme
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.tap("40")
        shown = widgets(pilot)
        sizes = [w for w in shown if w["label"] in ("39", "40", "41")]
        assert [w.get("checked") for w in sizes] == [False, True, False], f"the tree says which is chosen: {sizes}"
        assert {w["role"] for w in sizes} == {"radio"}, "one of a few: a radio, said 'chosen'"
        screen = ctx.screen
        marks = [w.shown for w in screen.stack.top.tree(screen.size).walk() if isinstance(w, Choice)]
        assert [mark for mark in marks if mark] == [Choice.MARK + "40"], f"a tick on the chosen size only: {marks}"
        picture = pygame.image.load(str(pilot.screenshot(tmp_path / "chosen.png")))
        chosen = next(w for w in sizes if w["checked"])
        primary = theme.color("primary")[:3]  # the main buttons' fill ("In den Warenkorb")
        assert fill(picture, chosen["bounds"]) != primary, "the chosen size not filled as the buttons are"
        assert edge(picture, chosen["bounds"], primary) >= max(2, theme.px(6)) - 1, "its edge thick"
        assert edge(picture, next(w for w in sizes if not w["checked"])["bounds"], primary) == 0, \
            "the others without that edge"
    finally:
        pilot.close()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_tablets_size_frame_leaves_room_over_the_cue(tmp_path: Path, language: str) -> None:
    pilot = started(tmp_path, "terminal", (800, 1280), language, accessible=True)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.tap(ctx.t("Add to cart"))
        assert pilot.details()["choice_missing"]
        shown = widgets(pilot)
        cue = next(w for w in shown if w["label"] == ctx.t("More below"))
        whole = [w for w in shown if w["role"] == "radio" and not w["clipped"]]
        feet = max(w["bounds"][1] + w["bounds"][3] for w in whole)
        gap = ctx.theme.size("gap")
        # the frame ends half a gap under the sizes, the cue's shade a quarter of a gap lower, its words under it
        # (within a gap of the sizes: tests/layout_check.py's `cue_problems`)
        assert gap * 3 // 4 <= cue["bounds"][1] - feet <= gap, f"the frame touches the cue: {feet}, {cue['bounds']}"
    finally:
        pilot.close()
