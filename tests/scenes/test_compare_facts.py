"""The comparison says facts, lined up (designer's review, issue 22): a rating without a review in the pack
is the catalogue's, as the product page shows it, with no count ("3,6 ★ (0)" read as made up); no value is
ticked as "the best" (the lowest price is said to be the cheapest, a fact); the pictures of the heads stand
on one line though a name takes two; in accessible mode each product has its "Remove" within reach, the strip
above names the products alike (the first was bolder, as if chosen), and a rating keeps to one line
("✓ 4,7 ★ (6)" broke over two)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Label, Picture
from tests.layout_check import display_reach, reach_problems
from tests.scenes.helpers import comparing, started
from tests.test_layout_matrix import RUNNING_SHOES


def compare_four(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> Pilot:
    """Racer Carbon Pro (3.6, no review), Trail Ascent 3 (3.6 from 2), Road Tempo 2 (4.7 from 6, the cheapest),
    Road Plume Max (3.9, no review) compared on a terminal of `size`."""
    return comparing(started(tmp_path, "terminal", size, language, accessible=accessible), RUNNING_SHOES)


def tree(pilot: Pilot) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return found


@pytest.mark.parametrize("size, language, accessible", [((1080, 1920), "fr", False), ((1080, 1920), "de", True),
                                                        ((1920, 1080), "de", True)],
                         ids=["portrait-fr", "portrait-de-accessible", "landscape-de-accessible"])
def test_ratings_without_reviews_show_no_count_and_no_value_is_called_best(
        tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> None:
    pilot = compare_four(tmp_path, size, language, accessible)
    try:
        display = pilot.app.display()
        t = display.ctx.t
        labels = [w["label"] for w in tree(pilot)]
        assert "3,6\u00a0★" in labels and "3,9\u00a0★" in labels, \
            "Racer Carbon Pro and Road Plume Max: the catalogue's rating, as their product pages show it"
        assert not [label for label in labels if "(0)" in label], "no count of nothing"
        assert "4,7\u00a0★\u00a0(6)" in labels and "3,6\u00a0★\u00a0(2)" in labels
        assert not [label for label in labels if "✓" in label], "no value ticked as the best"
        assert pilot.details()["cheapest"] == ["RUN-113"]
        cheapest = [w for w in tree(pilot) if w["label"] == t("cheapest")]
        price = next(w for w in tree(pilot) if w["label"] == "118,99\u00a0€")
        assert len(cheapest) == 1 and abs((cheapest[0]["bounds"][0] + cheapest[0]["bounds"][2] // 2) -
                                          (price["bounds"][0] + price["bounds"][2] // 2)) <= 2, \
            "'cheapest' under Road Tempo 2's price, and only there"
        screen = display.screen
        root = screen.stack.top.tree(screen.size)
        for widget in root.walk():  # every rating on one line in its column
            if isinstance(widget, Label) and "★" in widget.label:
                lines = screen.text.wrap(widget.label, screen.theme.size(widget.size_name), widget.rect.width,
                                         widget.bold)
                assert len(lines) == 1, f"{widget.label!r} on {lines} in {widget.rect.width} px"
    finally:
        pilot.close()


def test_the_heads_pictures_stand_on_one_line_though_a_name_takes_two(tmp_path: Path) -> None:
    pilot = compare_four(tmp_path, (1080, 1920), "fr", accessible=False)
    try:
        screen = pilot.app.display().screen
        root = screen.stack.top.tree(screen.size)
        tops = {widget.screen_rect().top for widget in root.walk() if isinstance(widget, Picture)}
        assert len(tops) == 1, f"the pictures' tops: {sorted(tops)}"
        shown = tree(pilot)
        aisles = {w["bounds"][1] for w in shown if w["label"].startswith("Rayon ")}
        assert len(aisles) == 1, f"the aisles under the names on one line too: {sorted(aisles)}"
    finally:
        pilot.close()


def test_accessible_portrait_compare_has_each_remove_within_reach_and_names_alike(tmp_path: Path) -> None:
    pilot = compare_four(tmp_path, (1080, 1920), "de", accessible=True)
    try:
        display = pilot.app.display()
        ctx = display.ctx
        names = [ctx.shop.catalog.product(sku).title("de") for sku in RUNNING_SHOES]
        shown = tree(pilot)
        removes = [w for w in shown if w["role"] == "button" and w["label"] in
                   {ctx.t("Remove {name}", name=name) for name in names}]
        assert len(removes) == 4 and not any(w["clipped"] for w in removes), \
            f"each product's Remove in sight without scrolling: {[w['label'] for w in removes]}"
        assert reach_problems(removes, display.screen.full.get_size(), display_reach(display)) == []
        lines = display.screen.banner_lines
        assert lines[-4:] == names and ctx.t("Compare ({count})", count=4) == lines[0]
        assert names[0] not in lines[:2], "the first product is written like the others, not as a subtitle"
        pilot.tap(ctx.t("Remove {name}", name=names[0]))
        assert RUNNING_SHOES[0] not in ctx.session.compare and len(pilot.details()["products"]) == 3
    finally:
        pilot.close()
