"""The way through the store: around the shelves, from "you are here" to the aisle (or through several)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from kiosk.core.pack.content import read_pack
from kiosk.core.pack.map_and_collections import Rect, StoreMap
from kiosk.core.wayfinding import quarter_turn, quarter_turn_point, route
from tests.conftest import REPO

ENTRANCE_TERMINAL = (30.0, 33.0)  # config/default.toml's map positions
SHOP_WINDOW = (27.0, 39.0)


@pytest.fixture(scope="module")
def plan() -> StoreMap:
    found = read_pack(Path(REPO / "content" / "demo")).store_map
    assert found is not None
    return found


def crosses_a_shelf(plan: StoreMap, points: tuple[tuple[float, float], ...]) -> list[str]:
    """The aisles a straight leg of the way goes through (sampled every 10 cm)."""
    hit = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        steps = max(1, int(math.dist((ax, ay), (bx, by)) * 10))
        for index in range(steps + 1):
            x, y = ax + (bx - ax) * index / steps, ay + (by - ay) * index / steps
            hit += [aisle for aisle, (rx, ry, rw, rh) in plan.areas.items() if rx < x < rx + rw and ry < y < ry + rh]
    return sorted(set(hit))


def distance_to(area: Rect, point: tuple[float, float]) -> float:
    x, y, w, h = area
    return math.hypot(max(x - point[0], 0, point[0] - x - w), max(y - point[1], 0, point[1] - y - h))


@pytest.mark.parametrize("here", [ENTRANCE_TERMINAL, SHOP_WINDOW])
@pytest.mark.parametrize("aisle", ["B1", "A6", "F6", "D3", "C1"])
def test_the_way_goes_round_the_shelves_to_the_aisle(plan: StoreMap, here: tuple[float, float], aisle: str) -> None:
    way = route(plan, here, [aisle])
    assert way is not None and way.aisles == (aisle,)
    assert way.points[0] == here
    assert crosses_a_shelf(plan, way.points) == []
    assert distance_to(plan.areas[aisle], way.points[-1]) <= 3.0, "it ends beside the aisle"
    assert len(way.points) <= 6, "a few straight legs, not a staircase of cells"
    straight = math.dist(here, way.points[-1])
    assert straight <= way.length <= straight * 2 + 20


def test_the_way_through_a_collection_takes_the_nearest_aisle_next(plan: StoreMap) -> None:
    way = route(plan, ENTRANCE_TERMINAL, ["F3", "B4", "E2", "D1", "Z9"])
    assert way is not None
    assert sorted(way.aisles) == ["B4", "D1", "E2", "F3"], "an aisle not on the plan is left out"
    assert way.aisles[0] == "B4", "B4 is the nearest to the entrance"
    assert crosses_a_shelf(plan, way.points) == []


def test_no_way_to_nowhere(plan: StoreMap) -> None:
    assert route(plan, ENTRANCE_TERMINAL, []) is None
    assert route(plan, ENTRANCE_TERMINAL, ["Z9"]) is None


def test_a_plan_turned_a_quarter_keeps_every_aisle_and_the_way_around_the_shelves(plan: StoreMap) -> None:
    turned = quarter_turn(plan)
    assert (turned.width, turned.depth) == (plan.depth, plan.width)
    for aisle, (x, y, w, h) in plan.areas.items():  # clockwise: the left side comes to the top
        tx, ty, tw, th = turned.areas[aisle]
        assert (tw, th) == (h, w) and ty == x and math.isclose(tx + tw, plan.depth - y)
        assert tx >= 0 and ty >= 0 and tx + tw <= turned.width and ty + th <= turned.depth
    here = quarter_turn_point(plan, (30, 33))
    way = route(turned, here, ["B1"])
    straight = route(plan, (30, 33), ["B1"])
    assert way is not None and straight is not None and way.aisles == ("B1",)
    assert not crosses_a_shelf(turned, way.points)
    assert math.isclose(way.length, straight.length, rel_tol=0.25), "about as long a walk, turned or not"
