"""Accessible mode on a short screen (issue 22, designer's review): the strip above the reach zone gives
way to the content where the zone is too short for it. On the 800x1280 tablet the department showed one
card, its price under the bars, and the comparison two rows; the 2160x3840 window's home cut its prices.
A department shows a card whole with its price and the next row starting; the comparison several rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.core.catalog.database import BrowseFilter
from kiosk.testing.pilot import Pilot
from tests.layout_check import result_grid_problems
from tests.test_layout_matrix import RUNNING_SHOES, SHAPES, pilot_for

# portrait screens, where the strip stands over the reach zone (a landscape screen's department, its toolbar
# and the comparison's bar stacked under one row of cards, shows that row whole with the prices, no next row)
PORTRAIT = [(display, size) for display, size in SHAPES if size[1] > size[0]]


@pytest.fixture(params=PORTRAIT, ids=[f"{display}-{w}x{h}" for display, (w, h) in PORTRAIT])
def accessible(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode on a portrait screen."""
    display, size = request.param
    pilot = pilot_for(tmp_path, display, size, "de")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        pilot.app.display().set_accessible(True)
        yield pilot
    finally:
        pilot.close()


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The tree of the screen in front."""
    pilot.advance(0.1)
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def test_a_department_shows_a_whole_card_and_the_next_row_starting(accessible: Pilot) -> None:
    """With the comparison's bar too (a product ticked), the tallest bars a department has."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.session.add_to_compare(RUNNING_SHOES[0])
    ctx.show(ctx.routes.browse("running"))
    count = ctx.shop.catalog.count("running", BrowseFilter())
    assert result_grid_problems(widgets(pilot), count) == []


WINDOWS = [(display, size) for display, size in PORTRAIT if display == "window"]


@pytest.mark.parametrize("size", [size for _, size in WINDOWS], ids=[f"{w}x{h}" for _, (w, h) in WINDOWS])
def test_the_window_s_home_shows_its_cards_whole_with_their_prices(tmp_path: Path, size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, "window", size, "de")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        pilot.app.display().set_accessible(True)
        assert pilot.scene == "home"
        assert result_grid_problems(widgets(pilot), int(pilot.details()["products"]), least_whole=2) == []
    finally:
        pilot.close()


def compared_rows(shown: list[dict[str, Any]]) -> list[str]:
    """The rows of the comparison's table shown whole: a heading across the table over a value per product."""
    table = next(pygame.Rect(w["bounds"]) for w in shown if w["role"] == "list")
    texts = [w for w in shown if w["role"] == "text" and table.contains(pygame.Rect(w["bounds"]))
             and not w.get("clipped")]
    headings = [w for w in texts if w["bounds"][2] > table.width // 2]
    rows = []
    for heading in headings:
        top = heading["bounds"][1] + heading["bounds"][3]
        values = [w for w in texts if w is not heading and top <= w["bounds"][1] <= top + heading["bounds"][3]]
        if len(values) >= len(RUNNING_SHOES):
            rows.append(heading["label"])
    return rows


def test_the_tablet_s_comparison_of_four_shows_five_rows(tmp_path: Path) -> None:
    """Before: price and rating whole, the top of the brand's row (the strip above took 486 of 1280 px)."""
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "de")
    try:
        pilot.tap(x=400, y=400)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        rows = compared_rows(widgets(pilot))
        assert len(rows) >= 5, f"rows shown whole: {rows}"
    finally:
        pilot.close()
