"""Where it is in the store: the aisle on the plan with "you are here", and curated collections."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from kiosk.testing.pilot import Pilot
from kiosk.ui.floor_plan import FloorPlan
from tests.conftest import REPO
from tests.scenes.helpers import session
from tests.test_layout_matrix import pilot_for


def test_a_product_shows_its_aisle_on_the_plan_with_you_are_here(shopping: Pilot) -> None:
    shopping.scan("2001000001262")  # TEN-126, aisle C6
    shopping.tap("Rayon C6 : voir sur le plan")
    assert shopping.details()["aisles"] == ["C6"] and shopping.details()["you_are_here"] is True
    assert "Plan du magasin : C6 en surbrillance" in shopping.labels()
    assert "Rayon C6 · Tentes" in shopping.labels()
    picture = shopping.screenshot(Path(shopping.app.shop.outbox.path.parent) / "map.png")
    import pygame

    shown = pygame.image.load(str(picture))
    plan = shopping.app.shop.catalog.store_map()
    assert plan is not None
    accent = shopping.app.display().screen.theme.color("accent")[:3]
    lit = [(x, y) for x in range(0, 1080, 6) for y in range(150, 1100, 6) if tuple(shown.get_at((x, y)))[:3] == accent]
    assert lit, "the aisle is lit on the plan"


def test_a_collection_lists_its_products_with_their_aisles(shopping: Pilot) -> None:
    shopping.tap("Un premier marathon")
    collection = shopping.details()
    assert collection["collection"] == "first-marathon" and len(collection["products"]) == 6
    assert any(label.startswith("Rayon B") for label in shopping.labels())
    shopping.tap("Les voir sur le plan")
    assert len(shopping.details()["aisles"]) >= 3


def test_a_map_that_misses_an_aisle_refuses_the_pack(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    plan = json.loads((pack / "map.json").read_text())
    plan["areas"] = [area for area in plan["areas"] if area["id"] != "C6"]
    plan["areas"][0]["rect"] = [58, 0, 5, 5]  # out of the floor
    (pack / "map.json").write_text(json.dumps(plan))
    with pytest.raises(PackRejected) as refused:
        read_pack(pack)
    messages = " ".join(str(p) for p in refused.value.problems)
    assert "aisle 'C6' of a product is not on the map" in messages and "inside the floor" in messages


@pytest.mark.parametrize("display, size, language, accessible", [
    ("terminal", (800, 1280), "de", False), ("terminal", (1080, 1920), "fr", True),
    ("window", (3840, 2160), "de", False), ("window", (2160, 3840), "fr", False)])
@pytest.mark.quick_first(1)  # every shape in CI
def test_every_word_on_the_plan_is_whole_inside_the_floor_and_on_its_own(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    # the tablet's German department names ("Stirnlampen"), the window's "you are here" by the entrance
    with session(tmp_path, display, size, language) as pilot:
        shown = pilot.app.display()
        shown.set_accessible(accessible)
        shown.ctx.show(shown.ctx.routes.store_map(["B1", "A2"], "Racer Carbon Pro"))
        pilot.advance(0.1)
        top = shown.screen.stack.top.root
        assert top is not None
        plan = next(widget for widget in top.walk() if isinstance(widget, FloorPlan))
        said = [words for words, _ in plan.words]
        assert {"Stirnlampen", "Eingang"} & set(said) or {"Entrée"} & set(said), said
        assert not [words for words in said if "…" in words], "a name cut on the plan"
        floor = plan.rect
        for words, spot in plan.words:
            assert floor.contains(spot), f"{words!r} at {spot} is not inside the plan {floor}"
        for (first, a), (second, b) in itertools.combinations(plan.words, 2):
            assert not a.colliderect(b), f"{first!r} and {second!r} are drawn over each other"


def test_the_map_draws_the_way_from_you_are_here_to_the_aisle(shopping: Pilot) -> None:

    shopping.scan("2001000001262")  # TEN-126, aisle C6
    shopping.tap("Rayon C6 : voir sur le plan")
    details = shopping.details()
    assert details["route"] == ["C6"] and len(details["route_points"]) >= 2
    shown = shopping.picture()
    top = shopping.app.display().screen.stack.top.root
    assert top is not None
    plan_widget = next(widget for widget in top.walk() if isinstance(widget, FloorPlan))
    scale, left, top_y = plan_widget._box(plan_widget.rect)
    primary = shopping.app.display().screen.theme.color("primary")[:3]
    (ax, ay), (bx, by) = details["route_points"][-2], details["route_points"][-1]
    on_line = [(left + round((ax + (bx - ax) * share) * scale), top_y + round((ay + (by - ay) * share) * scale))
               for share in (0.25, 0.5, 0.75)]
    assert all(tuple(shown.get_at(point))[:3] == primary for point in on_line), "the last leg is drawn"


def test_the_map_uses_most_of_a_landscape_screen(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "window", (3840, 2160), "fr")
    try:
        pilot.tap(x=1920, y=700)
        shown = pilot.app.display()
        shown.ctx.show(shown.ctx.routes.store_map(["B1"], "Racer Carbon Pro"))
        pilot.advance(0.1)
        top = shown.screen.stack.top.root
        assert top is not None
        plan = next(widget for widget in top.walk() if isinstance(widget, FloorPlan))
        scale, _, _ = plan._box(plan.rect)
        drawn_w, drawn_h = plan.plan.width * scale, plan.plan.depth * scale
        assert drawn_w * drawn_h >= 0.5 * 3840 * 2160, "the plan covers at least half of the screen"
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size", [("terminal", (1080, 1920)), ("terminal", (800, 1280)),
                                           ("window", (2160, 3840))])
@pytest.mark.quick_first(1)  # every shape in CI
def test_the_map_uses_most_of_a_portrait_screen_turned_with_the_way_and_you_are_here(
        tmp_path: Path, display: str, size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, display, size, "fr")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 2)
        shown = pilot.app.display()
        shown.ctx.show(shown.ctx.routes.store_map(["B1"], "Racer Carbon Pro"))
        pilot.advance(0.1)
        top = shown.screen.stack.top.root
        assert top is not None
        plan = next(widget for widget in top.walk() if isinstance(widget, FloorPlan))
        store = pilot.app.shop.catalog.store_map()
        assert store is not None and store.width > store.depth
        assert (plan.plan.width, plan.plan.depth) == (store.depth, store.width), "turned a quarter"
        scale, _, _ = plan._box(plan.rect)
        drawn = plan.plan.width * scale * plan.plan.depth * scale
        assert drawn >= 0.55 * size[0] * size[1], f"the plan covers {drawn / (size[0] * size[1]):.0%} of the screen"
        said = [words for words, _ in plan.words]
        assert "Vous êtes ici" in said and not [words for words in said if "…" in words], said
        details = pilot.details()
        assert details["route"] == ["B1"]
        x, y = details["route_points"][-1]  # the way ends beside the aisle, on the plan as drawn
        ax, ay, aw, ah = plan.plan.areas["B1"]
        assert ax - 4 <= x <= ax + aw + 4 and ay - 4 <= y <= ay + ah + 4
    finally:
        pilot.close()
