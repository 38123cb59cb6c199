"""Where it is in the store: the aisle on the plan with "you are here", and curated collections."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from kiosk.testing.pilot import Pilot
from tests.conftest import REPO


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
