"""A table or a list that does not fit ends on a whole row (issue 22, designer's review): the comparison's
table and the filter sheet were cut mid-row by the bar under them, on every shape, and the portrait terminal's
product description ran under its sticky footer. Where more follows, the view ends at the foot of the last row
it shows whole, and right under it a cue says so ("More below", a chevron), in the session's language: one cue, the
same on every page, table, sheet and grid of cards, never over anything, with no empty band over it (designer's
review: a chevron alone on several shapes, clipped under the comparison's legend, over the size-missing frame on the 4K
window, 200-370 px empty over it on the collection and product pages, window homes and accessible landscape departments
cut mid-card with no cue at all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.scroll import ScrollView
from kiosk.ui.theme import Color
from tests.layout_check import cue_problems
from tests.scenes.helpers import session
from tests.test_layout_matrix import RUNNING_SHOES

CONTROLS = ("text", "heading", "button", "switch", "checkbox", "image")


def tree(pilot: Pilot) -> list[dict[str, Any]]:
    """The widgets the display shows."""
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


def foot_problems(pilot: Pilot, list_label: str, picture: pygame.Surface) -> list[str]:
    """What is wrong at the foot of the scroll view `list_label`, in the tree and in the pixels: a line of text or a
    control cut there (a picture, a card or a film taller than a button and a half may be: the next row of a grid
    starts); where more follows, no cue right under the last whole row ("More below" and its chevron), or one with an
    empty band over it, or something of the list under it; at the view's foot anything but the view's background and
    the cue's ink (a band's tint, a chip's edge: a row cut)."""
    shown = tree(pilot)
    display = pilot.app.display()
    theme, ctx = display.ctx.theme, display.ctx
    view = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "list" and w["label"] == list_label))
    scrolled = next(w for w in display.screen.stack.top.tree(display.screen.size).walk()
                    if isinstance(w, ScrollView) and w.label == list_label)
    more = scrolled.scroll < scrolled.max_scroll - 1
    problems = cue_problems(shown, [(list_label, more)], ctx.t("More below"), theme.size("gap"), picture,
                            theme.color("text")[:3])
    tall = {w.label for w in scrolled.walk() if w.rect.height > theme.size("touch_target") * 3 // 2}
    problems += [f"cut at the foot: {w['role']} {w['label']!r} {w['bounds']}" for w in shown
                 if w["role"] in CONTROLS and w["clipped"] and view.contains(w["bounds"]) and
                 w["bounds"][1] > view.centery and (w["role"] in ("text", "heading") or w["label"] not in tall)]
    if not more:
        return problems  # the end of the list in sight: nothing more to say
    ground, ink = theme.color("background"), theme.color("text")
    # the view's foot, but the scroll bar's column at the right
    foot = pygame.Rect(view.x, view.bottom - 6, view.width - theme.px(30), 6)
    stray = {picture.get_at((x, y))[:3] for x in range(foot.x, foot.right, 3) for y in range(foot.y, foot.bottom)}
    stray = {color for color in stray if _off_the_line(color, ground, ink) > 24}
    if stray:
        problems.append(f"at the foot of the view, something else than the cue: {sorted(stray)[:5]}")
    return problems


def _off_the_line(color: tuple[int, ...], ground: Color, ink: Color) -> float:
    """How far `color` is from every blend of `ground` and `ink` (the cue's antialiased edges, its shade)."""
    a, b = pygame.Vector3(ground[:3]), pygame.Vector3(ink[:3])
    point, line = pygame.Vector3(color[:3]), b - a
    share = 0.0 if line.length_squared() == 0 else max(0.0, min(1.0, (point - a).dot(line) / line.length_squared()))
    return float((point - (a + line * share)).length())


CASES = [("terminal", (800, 1280), "fr", False), ("terminal", (1080, 1920), "de", True),
         ("terminal", (1920, 1080), "de", True), ("window", (3840, 2160), "fr", False)]


@pytest.mark.quick_first(1)  # the other shapes in CI
@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_the_comparison_ends_on_a_whole_row_and_says_more_follows(tmp_path: Path, display: str,
                                                                   size: tuple[int, int], language: str,
                                                                   accessible: bool) -> None:
    """Before: the tablet's table showed the top half of "Imperméable" and its "Non"s over its bar."""
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        pilot.advance(0.1)
        picture = pilot.picture()
        assert foot_problems(pilot, ctx.t("Comparison"), picture) == []
        assert ctx.t("More below") != "More below" or language == "en"
        # scrolled by a drag to the middle of a row, it ends on a whole one again
        view = pygame.Rect(next(w["bounds"] for w in tree(pilot) if w["role"] == "list"))
        pilot.swipe((view.centerx, view.bottom - 10), (view.centerx, view.bottom - 10 - view.height // 3), ms=600)
        pilot.advance(1.0)
        picture = pilot.picture()
        assert foot_problems(pilot, ctx.t("Comparison"), picture) == []


def test_the_filter_sheet_ends_on_a_whole_line_of_choices(tmp_path: Path) -> None:
    """Before: the portrait terminal's sheet cut its brands' chips in half over Reset and Show."""
    with session(tmp_path, "terminal", (1080, 1920), "fr", screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        pilot.tap(ctx.t("Sort and filter"))
        pilot.advance(0.1)
        picture = pilot.picture()
        assert foot_problems(pilot, ctx.t("Sort and filter"), picture) == []


def test_the_product_description_ends_above_the_sticky_footer(tmp_path: Path) -> None:
    """Before: the portrait terminal's description ran under the bar with the price and "Add to cart" (its first
    line cut in half there)."""
    with session(tmp_path, "terminal", (1080, 1920), "fr", screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        picture = pilot.picture()
        name = ctx.shop.catalog.product("RUN-115").title("fr")  # type: ignore[union-attr]
        assert foot_problems(pilot, name, picture) == []
        bar = next(w["bounds"] for w in tree(pilot) if w["role"] == "button" and w["label"].startswith(
            ctx.t("Add to cart")))
        view = next(w["bounds"] for w in tree(pilot) if w["role"] == "list")
        assert view[1] + view[3] <= bar[1], "the page ends above the footer"


def _collection(pilot: Pilot) -> str:
    ctx = pilot.app.display().ctx
    collection = ctx.shop.catalog.collections()[0]
    ctx.show(ctx.routes.collection(collection))
    return collection.title[ctx.lang]


def _size_missing(pilot: Pilot) -> str:
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.product("RUN-115"))
    pilot.advance(0.1)
    pilot.tap(ctx.t("Add to cart"))
    return ctx.shop.catalog.product("RUN-115").title(ctx.lang)  # type: ignore[union-attr]


def _product(pilot: Pilot) -> str:
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.product("RUN-115"))
    return ctx.shop.catalog.product("RUN-115").title(ctx.lang)  # type: ignore[union-attr]


PAGES = [("collection", _collection, "terminal", (1080, 1920), "fr", False),
         ("size missing", _size_missing, "window", (2160, 3840), "fr", False),
         ("product", _product, "terminal", (800, 1280), "de", True)]


@pytest.mark.quick_first(1)  # the other pages in CI
@pytest.mark.parametrize("page, open_it, display, size, language, accessible", PAGES,
                         ids=[f"{p}-{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}"
                              for p, _, d, (w, h), lang, a in PAGES])
def test_the_cue_stands_right_under_the_last_whole_row(tmp_path: Path, page: str, open_it: Any, display: str,
                                                       size: tuple[int, int], language: str, accessible: bool) -> None:
    """Before: 352 px empty over "Suite plus bas" under the collection's last product; the chevron alone over the
    4K window's red frame of sizes, and beside the accessible landscape product's sizes."""
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        label = open_it(pilot)
        pilot.advance(0.1)
        picture = pygame.image.load(str(pilot.screenshot(tmp_path / "page.png")))
        assert foot_problems(pilot, label, picture) == []
        assert any(w["role"] == "text" and w["label"] == pilot.app.display().ctx.t("More below") for w in tree(pilot))
