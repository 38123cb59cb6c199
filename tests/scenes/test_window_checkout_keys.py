"""The window's checkout with the keys up, as a designer saw it (issue 22): the caret was drawn over the
placeholder's first letter ("|votre.nom@…" read "lvotre"), and the portrait window's keys ran to the screen's
edges. The caret now stands before the placeholder, and the keys within the page's margins."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.automation.screens import shown_picture
from tests.scenes.helpers import session


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_caret_stands_before_the_placeholder_and_the_keys_within_the_margins(tmp_path: Path,
                                                                                language: str) -> None:
    with session(tmp_path, "window", (2160, 3840), language, cart=("RUN-112",),
                 screen=lambda routes: routes.checkout()) as pilot:
        pilot.advance(0.2)
        ctx = pilot.app.display().ctx
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        shown = shown_picture(pilot.app, pilot.app.display())
        theme = ctx.theme
        field = next(w for w in widgets if w["role"] == "textbox")
        bounds = pygame.Rect(field["bounds"])  # (its middle half in height, within its frame's sides)
        inside = bounds.inflate(-6 * max(2, theme.px(4)), -bounds.height // 2)
        area = shown.subsurface(inside)
        caret = pygame.mask.from_threshold(area, theme.color("primary")[:3], (8, 8, 8, 255)).get_bounding_rects()
        words = pygame.mask.from_threshold(area, theme.color("muted")[:3], (40, 40, 40, 255)).get_bounding_rects()
        assert caret and words, "a caret and a placeholder in the field"
        caret_right = max(r.right for r in caret)
        words_left = min(r.left for r in words)
        assert caret_right < words_left, f"the caret (to x {caret_right}) over the placeholder (from x {words_left})"
        margin, width = theme.size("margin"), ctx.size[0]
        keys = [w for w in widgets if w["role"] == "button" and w["bounds"][1] > field["bounds"][1] + 600]
        assert len(keys) > 30, "the keys up"
        out = [w["label"] for w in keys if w["bounds"][0] < margin or w["bounds"][0] + w["bounds"][2] > width - margin]
        assert out == [], f"keys in the page's margins: {out}"
