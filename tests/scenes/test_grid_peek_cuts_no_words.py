"""A department's grid of cards laid across (accessible mode on a landscape screen) ends on a whole card and the
next one's top edge, not through its words (designer's review, issue 22: "Daily Run 5" was cut in half at the list's
foot, over "More below", on the accessible 1920x1080 terminal and the 3840x2160 window)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.core.catalog.database import BrowseFilter
from tests.layout_check import result_grid_problems
from tests.scenes.helpers import session

# (the 4K window lays its cards across in normal mode too: there the next row shows its names whole)
ACROSS = [("terminal", (1920, 1080), "de", True), ("window", (3840, 2160), "de", True),
          ("window", (3840, 2160), "fr", False)]


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", ACROSS,
                         ids=["terminal-1920x1080-de-a11y", "window-3840x2160-de-a11y", "window-3840x2160-fr-normal"])
def test_the_next_card_shows_its_edge_not_half_its_words(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        pilot.advance(0.2)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        grid = next(pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "list")
        cut = [w["label"] for w in widgets if w["role"] == "text" and w.get("clipped") and w["label"]
               and grid.colliderect(pygame.Rect(w["bounds"]))]
        assert cut == [], f"words cut at the grid's foot: {cut}"
        count = ctx.shop.catalog.count("running", BrowseFilter())
        assert result_grid_problems(widgets, count, more=ctx.t("More below")) == []
