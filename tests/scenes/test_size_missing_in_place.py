""""Add to cart" before a size is marked on the sizes themselves, in place (issue 22: "a warning about a field is
part of that field's box: the field stays visible and is marked"; designer's review): on the landscape terminal
the warning took the stock and "Rayon B1" out of the sizes' heading line into the left column and shrank "Envoyer
sur mon téléphone"; on the 4K window the red frame's foot was cut by the page's fold, the cue's chevron on it.
Now, on every shape and in French and German, nothing moves: the message takes the heading's place, a red frame
stands whole around the sizes (its four edges in sight, the cue under it), and only the sizes are inside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import layout_problems, widgets_without_ink
from tests.test_layout_matrix import pilot_for

SHAPES = [("terminal", (1920, 1080)), ("window", (3840, 2160)), ("terminal", (1080, 1920)),
          ("terminal", (800, 1280)), ("window", (2160, 3840))]
CASES = [pytest.param(display, size, language, marks=() if (size, language) == ((1920, 1080), "fr")
                      else pytest.mark.slow, id=f"{display}-{size[0]}x{size[1]}-{language}")
         for display, size in SHAPES for language in ("fr", "de")]


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The widgets the display shows."""
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


def places(shown: list[dict[str, Any]], leave: set[str]) -> dict[tuple[str, str], tuple[int, ...]]:
    """Where each word and control stands, but those labelled in `leave`."""
    return {(w["role"], w["label"]): tuple(w["bounds"]) for w in shown if w["label"] not in leave and
            w["role"] in ("text", "heading", "button", "checkbox", "image")}


def share_of(picture: pygame.Surface, area: pygame.Rect, color: tuple[int, int, int]) -> float:
    """The share of `area`'s pixels in `color` (give or take a little antialiasing)."""
    area = area.clip(picture.get_rect())
    if area.width <= 0 or area.height <= 0:
        return 0.0
    mask = pygame.mask.from_threshold(picture.subsurface(area), color, (24, 24, 24, 255))
    return mask.count() / (area.width * area.height)


def breaks(picture: pygame.Surface, edge: pygame.Rect, color: tuple[int, int, int]) -> int:
    """How many pixels along a frame's `edge` (a strip as thick as its stroke) show no `color` across it: the edge
    cut or something drawn over it (the cue's chevron)."""
    mask = pygame.mask.from_threshold(picture.subsurface(edge.clip(picture.get_rect())), color, (24, 24, 24, 255))
    width, height = mask.get_size()
    if width >= height:
        return sum(1 for x in range(width) if not any(mask.get_at((x, y)) for y in range(height)))
    return sum(1 for y in range(height) if not any(mask.get_at((x, y)) for x in range(width)))


def red_frame(picture: pygame.Surface, around: pygame.Rect, color: tuple[int, int, int]) -> pygame.Rect:
    """Where the largest stroke in `color` stands within `around` (a frame's edges: one ring of pixels)."""
    mask = pygame.mask.from_threshold(picture.subsurface(around), color, (24, 24, 24, 255))
    rings = mask.get_bounding_rects()
    assert rings, "no red frame around the sizes"
    return max(rings, key=lambda ring: ring.width * ring.height).move(around.topleft)


@pytest.mark.parametrize("display, size, language", CASES)
def test_the_missing_size_marks_the_sizes_in_place(tmp_path: Path, display: str, size: tuple[int, int],
                                                   language: str) -> None:
    pilot = pilot_for(tmp_path, display, size, language)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        asked, warned = ctx.t("Choose a size"), ctx.t("Choose a size first")
        before = widgets(pilot)
        pilot.tap(ctx.t("Add to cart"))
        pilot.advance(0.1)
        assert pilot.details()["choice_missing"]
        after, picture = widgets(pilot), pilot.picture()
        was, now = places(before, {asked}), places(after, {warned})
        moved = {key: (was[key], now.get(key)) for key in was if now.get(key) != was[key]}
        assert moved == {}, f"what moved or went when the warning showed (before, after): {moved}"

        theme = pilot.app.display().screen.theme
        gap, danger = theme.size("gap"), theme.color("danger")[:3]
        heading = next(w for w in after if w["label"] == warned)
        assert not heading["clipped"] and heading["bounds"] == next(
            w["bounds"] for w in before if w["label"] == asked), "the message in the heading's place, whole"
        said = pygame.Rect(heading["bounds"])
        assert share_of(picture, said, danger) > 0.02, "the message said in the warning's red"
        sizes = [pygame.Rect(w["bounds"]) for w in after if w["role"] == "radio" and w["label"].isdigit()]
        assert len(sizes) == 8, "every size in the first view"
        inner = sizes[0].unionall(sizes)
        frame = red_frame(picture, inner.inflate(4 * gap, 4 * gap).clip(
            pygame.Rect(0, said.bottom + 1, *picture.get_size())), danger)
        assert frame.contains(inner), f"the red frame {frame} around every size {inner}"
        assert said.bottom <= frame.top <= said.bottom + gap, "the message right over the frame"
        edge = max(2, theme.px(3))
        edges = {"top": pygame.Rect(frame.x + gap, frame.top, frame.width - 2 * gap, edge),
                 "foot": pygame.Rect(frame.x + gap, frame.bottom - edge, frame.width - 2 * gap, edge),
                 "left": pygame.Rect(frame.left, frame.y + gap, edge, frame.height - 2 * gap),
                 "right": pygame.Rect(frame.right - edge, frame.y + gap, edge, frame.height - 2 * gap)}
        cut = {name: broken for name, rect in edges.items() if (broken := breaks(picture, rect, danger))}
        assert cut == {}, f"the red frame's edges not whole in sight (pixels across them not red): {cut}"
        inside = [w["label"] for w in after if w["role"] in ("text", "heading", "button") and
                  pygame.Rect(w["bounds"]).colliderect(frame) and not w["label"].isdigit()]
        assert inside == [], f"words in the frame beside the sizes: {inside}"
        assert share_of(picture, frame, theme.color("best")[:3]) == 0, "nothing in the success colour in the frame"
        assert layout_problems(after, theme.size("touch_target")) == []
        assert widgets_without_ink(after, picture) == []
    finally:
        pilot.close()
