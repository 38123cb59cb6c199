"""The comparison table as a designer would ship it (issue 22): a row where the products differ reads as
different on white (a tint that stands out and a bar of the brand's colour, the legend showing the same),
and a short room (accessible mode, a tablet) still shows several rows under the products' names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Button
from tests.layout_check import display_reach, layout_problems, reach_problems, widgets_without_ink
from tests.scenes.helpers import comparing, session, started
from tests.test_layout_matrix import RUNNING_SHOES, SHAPES, pilot_for


def compare_four(tmp_path: Path, size: tuple[int, int], accessible: bool) -> Pilot:
    """Four running shoes compared, in French, on a terminal of `size`."""
    return comparing(started(tmp_path, "terminal", size, "fr", accessible=accessible), RUNNING_SHOES)


def tree(pilot: Pilot) -> list[dict[str, Any]]:
    """What shows now."""
    return pilot.request("tree")["displays"][pilot.app.display().name]["widgets"]


def luminance(color: pygame.Color) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: pygame.Color, b: pygame.Color) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def test_a_row_that_differs_stands_out_on_white_with_a_bar_like_its_legend(tmp_path: Path) -> None:
    pilot = compare_four(tmp_path, (1080, 1920), accessible=False)
    try:
        shown = tree(pilot)
        picture = pilot.picture()
        theme = pilot.app.display().screen.theme
        differs = pilot.details()["differs"]
        assert "price" in differs and "waterproof" not in differs, differs

        def label(said: str) -> pygame.Rect:
            return pygame.Rect(next(w["bounds"] for w in shown if w["label"] == said and w["role"] == "text"))

        price, same = label("Prix"), label("Imperméable")
        tint = picture.get_at((price.right + 8, price.centery))  # beside the row's name, between the values
        plain = picture.get_at((same.right + 8, same.centery))
        assert contrast(tint, plain) >= 1.15, f"a row that differs {tint} against one that does not {plain}"
        bar = pygame.Color(theme.color("primary"))
        assert picture.get_at((3, price.centery))[:3] == bar[:3], "the bar of the brand's colour at its start"
        assert picture.get_at((3, same.centery))[:3] != bar[:3]
        legend = label("Ligne colorée : ils diffèrent")
        marks = {picture.get_at((x, legend.centery))[:3] for x in range(legend.left - 3 * legend.height, legend.left)}
        assert bar[:3] in marks, "the legend's sample has the same bar"
        assert pygame.Color(theme.color("differs"))[:3] in marks, "and the same tint, before its words"
    finally:
        pilot.close()


@pytest.mark.parametrize(("size", "rows"), [((1080, 1920), 4), ((800, 1280), 2)], ids=["portrait", "tablet"])
def test_accessible_compare_shows_several_rows_within_reach(tmp_path: Path, size: tuple[int, int], rows: int) -> None:
    pilot = compare_four(tmp_path, size, accessible=True)
    try:
        display = pilot.app.display()
        shown = tree(pilot)
        labels = {"Prix", "Note", "Marque", "Poids (taille 42)", "Drop", "Hauteur de semelle", "Terrain",
                  "Imperméable", "En stock", "Rayon"}
        view = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "list"))
        whole = [w["label"] for w in shown if w["role"] == "text" and w["label"] in labels and not w["clipped"]
                 and view.contains(pygame.Rect(w["bounds"]))]
        assert len(whole) >= rows, f"rows of the table in sight: {whole}"
        for sku in RUNNING_SHOES:  # each column named in sight, and the products named above the reach zone too
            name = display.ctx.shop.catalog.product(sku).title("fr")
            assert any(w["label"] == name and w["role"] == "button" and not w["clipped"] for w in shown), name
            assert any(name in line for line in display.screen.banner_lines), display.screen.banner_lines
        assert reach_problems(shown, display.screen.full.get_size(), display_reach(display)) == []
        assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
        picture = pilot.picture()
        assert widgets_without_ink(shown, picture) == []
        for _ in range(3):  # "✕ Retirer" in a last row, under the table
            pilot.swipe((view.centerx, view.bottom - 10), (view.centerx, view.top + 10))
            pilot.advance(2)
        pilot.tap(f"Retirer {display.ctx.shop.catalog.product('RUN-115').title('fr')}")
        assert "RUN-115" not in display.ctx.session.compare
    finally:
        pilot.close()


def test_only_the_rows_that_tell_the_products_apart_are_marked_in_a_tint_far_from_the_accent(tmp_path: Path) -> None:
    pilot = compare_four(tmp_path, (1080, 1920), accessible=False)
    try:
        details = pilot.details()
        # four shoes on the shelf, each in its own aisle: where they are is not how they differ
        assert "stock" not in details["differs"] and "aisle" not in details["differs"], details["differs"]
        pilot.tap("Différences seulement")
        assert "Rayon B1" in pilot.labels(), "with the differences only, where to find them stays (under the names)"
        for accessible in (False, True):
            pilot.app.display().set_accessible(accessible)
            theme = pilot.app.display().screen.theme
            tint = pygame.Color(theme.color("differs"))
            for other in ("accent", "primary", "highlight", "divider"):
                colour = pygame.Color(theme.color(other))
                distance = sum((a - b) ** 2 for a, b in zip(tint[:3], colour[:3], strict=True)) ** 0.5
                assert distance > 40, f"the tint {tint} is near {other} {colour} (accessible: {accessible})"
            accent = pygame.Color(theme.color("accent"))
            assert abs(tint.hsva[0] - accent.hsva[0]) % 360 > 60 or abs(tint.hsva[2] - accent.hsva[2]) > 40, \
                "not a shade of the accent (its hue, or far darker: the accessible cyan beside a deep green)"
    finally:
        pilot.close()


def test_the_tablet_s_remove_says_its_word_under_each_head(tmp_path: Path) -> None:
    """Four products on an accessible German tablet: each column's Remove showed a bare ✕ (the word did not fit
    inside the head's padding: designer's review); in a row under the heads, as wide as its column, it says
    "Entfernen", within reach and drawn."""
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "de")
    try:
        pilot.tap(x=400, y=400)
        display = pilot.app.display()
        display.set_accessible(True)
        ctx = display.ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        pilot.advance(0.2)
        screen = display.screen
        removes = {widget.label: widget.shown for widget, _ in screen.stack.top.tree(screen.size).accessible(
            pygame.Rect((0, 0), screen.size)) if isinstance(widget, Button) and widget.label.endswith(" entfernen")}
        assert len(removes) == len(RUNNING_SHOES), f"a Remove for each column, in sight: {removes}"
        assert all(ctx.t("Remove") in shown for shown in removes.values()), f"the word, not a bare ✕: {removes}"
        shown = [w for w in tree(pilot) if w["label"] in removes]
        assert reach_problems(shown, screen.full.get_size(), display_reach(display)) == []
        picture = pilot.picture()
        assert widgets_without_ink(shown, picture) == []
        heads = [pygame.Rect(w["bounds"]) for w in tree(pilot) if w["role"] == "button" and w["label"] in
                 {ctx.shop.catalog.product(sku).title("de") for sku in RUNNING_SHOES}]  # type: ignore[union-attr]
        assert all(any(head.left <= pygame.Rect(w["bounds"]).centerx <= head.right and w["bounds"][1] >= head.bottom
                       for head in heads) for w in shown), "each under its product's head"
    finally:
        pilot.close()


REMOVE_SHAPES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]


@pytest.mark.parametrize("display, size, accessible", REMOVE_SHAPES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in REMOVE_SHAPES])
@pytest.mark.quick_first(1)  # the portrait terminal in the quick loop, every shape and mode in CI
def test_each_remove_is_one_outlined_button_on_every_shape(tmp_path: Path, display: str, size: tuple[int, int],
                                                          accessible: bool) -> None:
    """The comparison's Remove had three styles by shape: plain words in the heads (normal), plain yellow words
    astride the reach line (the accessible tablet), an outlined ✕ under the table (the tall window, the
    accessible landscape terminal) (designer's review). Every one is a button with its outline drawn."""
    with session(tmp_path, display, size, "de", accessible=accessible) as pilot:
        shown = pilot.app.display()
        ctx = shown.ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        pilot.advance(0.2)
        names = {ctx.t("Remove {name}", name=ctx.shop.catalog.product(sku).title("de"))  # type: ignore[union-attr]
                 for sku in RUNNING_SHOES}
        removes = [w for w in tree(pilot) if w["role"] == "button" and w["label"] in names and not w["clipped"]]
        assert len(removes) == len(RUNNING_SHOES), [w["label"] for w in removes]
        picture = pilot.picture()
        edge = pygame.Color(ctx.theme.color("primary"))[:3]
        for remove in removes:  # (the tree's bounds and the picture: the whole screen, in reach mode too)
            x, y, _, h = remove["bounds"]
            left = [picture.get_at((x + dx, y + h // 2))[:3] for dx in range(ctx.theme.size("gap") // 2)]
            assert edge in left, f"{remove['label']}: no outline at its left edge"
        assert widgets_without_ink(removes, picture) == []
