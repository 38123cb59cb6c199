"""What the top of an accessible portrait screen shows (designer's review, issue 22): the part above the reach
zone said "Accessible mode: everything is within reach below." on the department, its filters, the PIN pad,
the review and the language dialog. It now shows what helps there (the department and its count, what the
filters show, the product reviewed, under the PIN pad what the screen under it said (the pad says its title itself),
"choose your language" in each other language), never a control; and the filter sheet's Close stands beside Reset
and Show, within reach, on every shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.models import pick
from kiosk.testing.pilot import Pilot
from tests.layout_check import reach_problems
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

PORTRAIT = [(display, size) for display, size in SHAPES if size[1] > size[0]]
SLOGAN = "Accessible mode: everything is within reach below."


def start(tmp_path: Path, display: str, size: tuple[int, int], language: str = "de") -> Pilot:
    """A session in accessible mode on one shape."""
    pilot = started(tmp_path, display, size, language, accessible=True)
    return pilot


@pytest.fixture(params=PORTRAIT, ids=[f"{d}-{w}x{h}" for d, (w, h) in PORTRAIT])
def portrait(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode on a portrait screen."""
    pilot = start(tmp_path, *request.param)
    try:
        yield pilot
    finally:
        pilot.close()


def strip(pilot: Pilot) -> list[str]:
    """The lines the part above the reach zone shows now."""
    pilot.advance(0.1)
    return pilot.app.display().screen.banner_lines


def test_the_top_of_the_screen_shows_what_helps_not_the_mode_s_slogan(portrait: Pilot) -> None:
    pilot = portrait
    ctx = pilot.app.display().ctx
    t = ctx.t
    slogan = t(SLOGAN)
    catalog = ctx.shop.catalog
    running = pick(catalog.category("running").name, ctx.lang)  # type: ignore[union-attr]
    count = t.plural("{count} product", "{count} products", catalog.count("running", BrowseFilter()))
    ctx.show(ctx.routes.browse("running"))
    assert strip(pilot)[:2] == [running, count], f"department: {strip(pilot)}"
    pilot.tap(t("Sort and filter"))
    assert pilot.scene == "filters"
    assert strip(pilot)[:2] == [running, count], f"filters: {strip(pilot)}"
    pilot.tap(t("Close"))
    ctx.show(ctx.routes.language_picker())
    said = strip(pilot)
    assert t("Choose your language") not in said and said and slogan not in said, f"language: {said}"
    pilot.key("back")
    department = strip(pilot)
    pilot.app.display().staff.open_pin_pad()
    pilot.tap("2")
    assert strip(pilot) == department, f"PIN pad (its title by its keys: tests/scenes/test_titles_once.py): " \
        f"{strip(pilot)}"
    pilot.key("back")
    ctx.show(ctx.routes.review("RUN-115"))
    name = catalog.product("RUN-115").title(ctx.lang)  # type: ignore[union-attr]
    assert strip(pilot)[0] == t("Your review of {name}", name=name), f"review: {strip(pilot)}"


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_filter_sheet_s_close_is_beside_reset_and_show_within_reach(tmp_path: Path, display: str,
                                                                       size: tuple[int, int], language: str) -> None:
    """"Schließen"/"Fermer" stood at the sheet's top, at about 43 % of a portrait screen's height."""
    pilot = start(tmp_path, display, size, language)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        pilot.tap(t("Sort and filter"))
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        bounds = {w["label"]: pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "button"}
        close, reset = bounds[t("Close")], bounds[t("Reset")]
        assert reset.top <= close.centery <= reset.bottom, f"Close at {list(close)}, Reset at {list(reset)}"
        assert reach_problems([w for w in widgets if w["label"] == t("Close")], size,
                              ctx.shop.config.accessibility.reach) == []
        pilot.tap(t("Close"))
        assert pilot.scene == "browse"
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size", [(d, s) for d, s in SHAPES if s[0] > s[1]],
                         ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES if w > h])
def test_the_landscape_filter_sheet_shows_its_groups_side_by_side(tmp_path: Path, display: str,
                                                                  size: tuple[int, int]) -> None:
    """The landscape accessible sheet showed about one group (sort, and half of price): its groups stand in
    columns, the first chip of sort, price, rating and availability in sight at once."""
    pilot = start(tmp_path, display, size)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        pilot.tap(t("Sort and filter"))
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        whole = {w["label"] for w in widgets if w["role"] == "button" and not w["clipped"]}
        low, high = ctx.shop.catalog.facets("running", "").price_bands[0]
        assert low is None and high is not None
        firsts = [t("Most popular"), t("Under {price}", price=ctx.fmt.price(high)),
                  t("{stars} ★ and more", stars=4), t("In stock")]
        assert set(firsts) <= whole, f"not in sight: {set(firsts) - whole}"
    finally:
        pilot.close()
