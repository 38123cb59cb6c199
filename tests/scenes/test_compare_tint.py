"""Compare's shading as a shopper reads its legend (designer's review, issue 22): a row is shaded exactly when
its words differ across the products (stock and aisle were different but plain), ratings are written the same
way in every column ("3,6 ★" stood beside "3,6 ★ (2)"; none without a review), and the shade is a light tint of
the brand's green, visible on black in accessible mode (a pale blue foreign to the brand, a violet barely seen)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.theme import Theme
from tests.layout_check import contrast
from tests.scenes.helpers import comparing, started

# Trail Ascent 3 (3.6 from 2 reviews), Racer Carbon Pro (3.6, no review yet), Road Tempo 2 (4.7 from 6),
# Beginner Step by Step (4.0 from 2)
SHOES = ("RUN-112", "RUN-115", "RUN-113", "RUN-120")


def compared(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> Pilot:
    return comparing(started(tmp_path, "terminal", size, language, accessible=accessible), SHOES)


def near(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) <= 3 for x, y in zip(a[:3], b[:3], strict=True))


def rows_seen(pilot: Pilot, folder: Path) -> dict[str, tuple[list[str], bool]]:
    """Each row of the table as the shopper sees it, scrolled through: its words under or beside its name, and
    whether it is shaded (the tint between the row's start and its name)."""
    display = pilot.app.display()
    scene: Any = display.screen.stack.top
    names = [line.label for line in scene._comparison().rows]  # the rows' names, as the table writes them
    tint = display.screen.theme.color("differs")
    seen: dict[str, tuple[list[str], bool]] = {}
    for _ in range(10):
        widgets = pilot.request("tree")["displays"][display.name]["widgets"]
        table = pygame.Rect(next(w["bounds"] for w in widgets if w["role"] == "list"))
        texts = [w for w in widgets if w["role"] == "text" and not w["clipped"]
                 and table.contains(pygame.Rect(w["bounds"]))]
        starts = sorted((w["bounds"][1], w["label"], w) for w in texts if w["label"] in names)
        picture = pilot.picture()
        for index, (top, name, widget) in enumerate(starts[:-1]):  # the last one's band may run on off the view
            end = starts[index + 1][0]
            words = [w["label"] for w in texts if top - 4 <= w["bounds"][1] < end - 4 and w is not widget]
            x, y = widget["bounds"][0] - 4, widget["bounds"][1] + widget["bounds"][3] // 2
            seen.setdefault(name, (words, near(picture.get_at((x, y)), tint)))
        # a third of the view at a time: a row as tall as a short view's half is not skipped past
        pilot.swipe((table.centerx, table.bottom - 20), (table.centerx, table.bottom - 20 - table.height // 3), ms=600)
        pilot.advance(2)
    return seen


@pytest.mark.parametrize("size, language, accessible", [((1080, 1920), "fr", False), ((1920, 1080), "de", True)],
                         ids=["portrait-fr", "landscape-de-accessible"])
@pytest.mark.quick_first(1)  # landscape, German, accessible mode in CI
def test_a_row_is_shaded_exactly_when_its_words_differ_and_ratings_read_alike(
        tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> None:
    pilot = compared(tmp_path, size, language, accessible)
    try:
        seen = rows_seen(pilot, tmp_path)
        t = pilot.app.display().ctx.t
        assert len(seen) >= 6, f"most rows read: {seen}"
        for name, (words, shaded) in seen.items():
            values = [word for word in words if word != t("cheapest")]  # said under the lowest price
            assert len(values) == len(SHOES), f"{name}: a value for each product: {words}"
            assert shaded == (len(set(values)) > 1), \
                f"{name}: shaded {shaded} while its words are {values}: the legend says a shaded row differs"
        rating = seen[t("Rating")][0]
        # "4,0", not "4"; the count of reviews where the pack has some
        forms = {re.sub(r"\d+", "#", value.split("\u00a0(")[0]) for value in rating}
        assert len(forms) == 1, f"every rating written the same way: {rating}"
        assert not [value for value in rating if "(0)" in value], f"no count of no review: {rating}"
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        for sku in SHOES:  # where to find each: under its name, not a row that differs unshaded
            aisle = pilot.app.display().ctx.shop.catalog.product(sku).aisle
            assert any(w["label"] == t("Aisle {aisle}", aisle=aisle) for w in widgets), f"{sku}'s aisle {aisle}"
    finally:
        pilot.close()


def hue(colour: tuple[int, int, int, int]) -> float:
    return float(pygame.Color(*colour).hsva[0])


def test_the_shade_is_a_tint_of_the_modes_own_colour_and_shows_on_black(tmp_path: Path) -> None:
    """The brand's green in normal mode; the yellow of accessible mode there (a green row broke its yellow on
    black: designer's review)."""
    pilot = compared(tmp_path, (1080, 1920), "fr", False)
    try:
        display = pilot.app.display()
        for accessible in (False, True):
            display.set_accessible(accessible)
            theme: Theme = display.screen.theme
            tint, own = theme.color("differs"), theme.color("primary")
            where = "accessible" if accessible else "normal"
            assert abs(hue(tint) - hue(own)) < 25, f"{where}: {tint} is a shade of the mode's colour {own}"
            for other in ("surface", "background"):
                assert contrast(tint[:3], theme.color(other)[:3]) >= 1.2, f"{where}: the tint apart from {other}"
            for other in ("accent", "highlight", "divider", "primary"):  # nor read as a warning, a note or disabled
                colour = theme.color(other)
                distance = sum((a - b) ** 2 for a, b in zip(tint[:3], colour[:3], strict=True)) ** 0.5
                assert distance > 40, f"{where}: the tint {tint} near {other} {colour}"
            if accessible:
                assert contrast(tint[:3], theme.color("background")[:3]) >= 1.8, "seen on black"
                assert contrast(tint[:3], theme.color("surface")[:3]) >= 1.6, "and on the cards' black"
            else:
                assert pygame.Color(*tint).hsla[2] > 75, f"a light tint on white: {tint}"
            picture = pilot.picture()
            assert any(near(picture.get_at((x, y)), tint) for x in range(20, 200, 7)
                       for y in range(0, picture.get_height(), 7)), f"{where}: the tint shows on the screen"
    finally:
        pilot.close()
