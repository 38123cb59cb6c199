"""The chosen size on a light tint of the primary colour, its tick as bold as its number, and the sizes not chosen
edged visibly enough to read as choices, in both modes (designer's review, issue 22: only edged in the primary
colour, the chosen size read as a focus ring and as a secondary button's outline; its tick, the font's, stood thin
beside the bold number at 800x1280; the beige edges of the other sizes, at 1.3:1 on the page, were faint)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.ui.contrast import contrast
from tests.scenes.helpers import ground, rgb, started, stroke
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, language, accessible) for display, size in SHAPES for language, accessible in
         (("de", True), ("fr", False))]

@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_the_chosen_size_is_tinted_and_ticked_boldly_and_the_others_read_as_choices(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    pilot = started(tmp_path, display, size, language, accessible=accessible)
    try:
        ctx = pilot.app.display().ctx
        theme, cache = ctx.theme, ctx.screen.text
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.tap("40")
        pilot.advance(0.1)
        shown = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        chosen = pygame.Rect(next(w["bounds"] for w in shown if w["label"] == "40"))
        other = pygame.Rect(next(w["bounds"] for w in shown if w["label"] == "41"))
        picture = pilot.picture()
        primary, text = theme.color("primary")[:3], theme.color("text")[:3]
        tint, plain = ground(picture, chosen), ground(picture, other)
        # a tint of the primary colour: nearer it than an unchosen size's ground, not the buttons' fill, and its words
        # at 7:1 (accessible mode's rule)
        assert tint != primary and contrast(tint, primary) < contrast(plain, primary), \
            f"the chosen size's ground {tint} is no tint of {primary} (the others' {plain})"
        assert contrast(text, tint) >= 7.0, f"its number at {contrast(text, tint):.1f}:1 on its tint"
        # the tick before the number, its stroke as thick as the bold number's (nine tenths of it at least)
        number = cache.width("40", theme.size("text"), True)
        line = cache.line_height(theme.size("text"), True)
        words = pygame.Rect(0, 0, number, line)
        under = cache.line_height(theme.note_size())  # the note under the number ("in stock")
        words.topright = (chosen.centerx + (number + cache.width("✓ ", theme.size("text"), True)) // 2,
                          chosen.centery - (line + under) // 2)
        mark = cache.width("✓ ", theme.size("text"), True)
        tick = pygame.Rect(words.left - mark, words.top, mark, line)
        ticked, digits = stroke(picture, tick, text), stroke(picture, words, text)
        assert digits >= 2 and ticked >= 0.9 * digits, f"the tick's stroke {ticked:.1f} px, the number's {digits:.1f}"
        # the sizes not chosen edged at 3:1 and more against the page around them (WCAG 1.4.11)
        edge, page = rgb(picture, other.left + 1, other.centery), rgb(picture, other.left - 3, other.centery)
        assert contrast(edge, page) >= 3.0, f"an unchosen size's edge {edge} at {contrast(edge, page):.1f}:1 on {page}"
    finally:
        pilot.close()
