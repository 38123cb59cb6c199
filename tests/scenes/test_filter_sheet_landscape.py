"""The sort and filter sheet in accessible mode on a landscape screen (designer's review, issue 22): its room is
the short strip within reach, between the sheet's title and its buttons. It laid the groups out in four columns
there: "Price: low to high" was cut at the fold, the brands were hidden under it with nothing saying so, and
"Reset" was as wide as "Show 11 products". Now every choice in sight shows whole, a line names the groups further
down, a swipe brings every brand, and "Show" is the strongest of the three buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.catalog.database import BrowseFilter
from kiosk.scenes.browse import SORT_LABELS
from kiosk.testing.pilot import Pilot
from tests.layout_check import layout_problems, reach_problems, widgets_without_ink
from tests.scenes.helpers import session

LANDSCAPE = [("terminal", (1920, 1080)), ("window", (3840, 2160))]


@pytest.fixture(params=LANDSCAPE, ids=[f"{d}-{w}x{h}" for d, (w, h) in LANDSCAPE])
def sheet(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode, the running shoes' sheet of filters open."""
    display, size = request.param
    with session(tmp_path, display, size, "de", accessible=True,
                 screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        pilot.tap(ctx.t("Sort and filter"))
        assert pilot.scene == "filters"
        yield pilot


def shown(pilot: Pilot) -> list[dict[str, Any]]:
    """The widgets in sight now."""
    pilot.advance(0.1)
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def groups(pilot: Pilot) -> dict[str, list[str]]:
    """Each group of the sheet (its title as shown) and the chips it holds, those whose words are known here."""
    ctx = pilot.app.display().ctx
    t = ctx.t
    brands = list(ctx.shop.catalog.facets("running", "").brands)
    assert len(brands) >= 2, "the demo's running shoes come in several brands"
    return {t("Sort by"): [t(label) for label in SORT_LABELS.values()],
            t("Rating"): [t("{stars} ★ and more", stars=stars) for stars in (4, 3)],
            t("Availability"): [t("In stock")],
            t("Brand"): brands}


def test_every_choice_in_sight_is_whole_and_the_groups_out_of_sight_are_named(sheet: Pilot, tmp_path: Path) -> None:
    pilot = sheet
    widgets = shown(pilot)
    picture = pilot.picture()
    cut = [w["label"] for w in widgets if w["role"] == "button" and w["clipped"]]
    assert cut == [], f"choices cut at the fold of the sheet: {cut}"
    whole = {w["label"] for w in widgets if not w["clipped"]}
    texts = [w["label"] for w in widgets if w["role"] == "text"]
    t = pilot.app.display().ctx.t
    cue = [said for said in texts if said.startswith(t("Further down: {groups}", groups=""))]
    assert cue, f"a line names the groups further down: {texts}"
    for title, chips in groups(pilot).items():
        if all(chip in whole for chip in chips):
            continue
        # a group out of sight by its name; one in sight that goes on under the fold as "more choices" (the line
        # named "Sort by" and "Price" in sight, and not what was missing of them: designer's review)
        said = t("more choices") if title in whole else title
        assert said in cue[0], f"{title!r}: {[c for c in chips if c not in whole]} out of sight, unsaid: {cue[0]}"
    in_sight = [title for title in (t(name) for name in ("Sort by", "Price", "Rating", "Availability", "Brand"))
                if title in whole]
    assert in_sight and not any(title in cue[0] for title in in_sight), \
        f"the line names only the groups whose titles are out of sight, not {in_sight}: {cue[0]}"
    size = pilot.app.display().screen.full.get_size()
    theme = pilot.app.display().screen.theme
    assert widgets_without_ink(widgets, picture) == []
    assert layout_problems(widgets, theme.size("touch_target")) == []
    assert reach_problems(widgets, size, pilot.app.display().ctx.shop.config.accessibility.reach) == []


def test_a_swipe_brings_every_brand_whole_and_a_tap_chooses_it(sheet: Pilot, tmp_path: Path) -> None:
    pilot = sheet
    ctx = pilot.app.display().ctx
    brands = groups(pilot)[ctx.t("Brand")]
    view = next(w for w in shown(pilot) if w["role"] == "list" and w["label"] == ctx.t("Sort and filter"))
    x, y, width, height = view["bounds"]
    seen: set[str] = set()
    for _ in range(12):  # swipes up, each a third of the view's height, slowly (no glide)
        seen |= {w["label"] for w in shown(pilot) if w["role"] == "button" and not w["clipped"]}
        pilot.swipe((x + width * 3 // 4, y + height * 2 // 3), (x + width * 3 // 4, y + height // 3), ms=1000)
        pilot.advance(2, step=1 / 30)
    widgets = shown(pilot)
    seen |= {w["label"] for w in widgets if w["role"] == "button" and not w["clipped"]}
    assert set(brands) <= seen, f"brands never shown whole: {set(brands) - seen}"
    whole = {w["label"] for w in widgets if not w["clipped"]}
    in_sight = [title for title, chips in groups(pilot).items() if all(chip in whole for chip in chips)]
    said = (ctx.t("Further down: {groups}", groups=""), ctx.t("Further up: {groups}", groups=""))
    cue = [w["label"] for w in widgets if w["role"] == "text" and w["label"].startswith(said)]
    assert cue and not any(title in cue[0] for title in in_sight), \
        f"at the end of the choices, the line names what is out of sight, not {in_sight}: {cue}"
    last = next(w for w in widgets if w["label"] == brands[-1])
    picture = pilot.picture()
    assert widgets_without_ink([last], picture) == []
    pilot.tap(brands[-1])
    assert pilot.details()["filters"] == 1
    count = ctx.shop.catalog.count("running", BrowseFilter(brands=frozenset({brands[-1]})))
    show = ctx.t.plural("Show {count} product", "Show {count} products", count)
    assert show in {w["label"] for w in shown(pilot)}, "Show says how many products of that brand"


def test_show_is_the_strongest_of_the_three_buttons(sheet: Pilot) -> None:
    ctx = sheet.app.display().ctx
    t = ctx.t
    widgets = {w["label"]: w["bounds"] for w in shown(sheet)}
    show = t.plural("Show {count} product", "Show {count} products", ctx.shop.catalog.count("running", BrowseFilter()))
    close, reset, main = widgets[t("Close")], widgets[t("Reset")], widgets[show]
    assert close[1] == reset[1] == main[1], "the three in one row"
    assert main[2] > 1.5 * max(close[2], reset[2]), \
        f"Show ({main[2]} px) the widest by far, beside Close ({close[2]}) and Reset ({reset[2]})"
