"""Accessible mode's room and reach on every shape (issue 22, a retail designer's review of the accessible
landscape screens): the header in one place, the product's sizes in the first view, several rows of filters,
the controls within reach, several search results over the keyboard, nothing cut at the fold."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.core.catalog.database import BrowseFilter
from kiosk.testing.pilot import Pilot
from tests.layout_check import display_reach, header_bar, reach_problems, widgets_without_ink
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES, accessibility_labels, pilot_for

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]
LANDSCAPES = [(display, size) for display, size in SHAPES if size[0] > size[1]]



def header_on_screen(pilot: Pilot) -> pygame.Rect:
    """Where the header of the scene in front is, on the whole screen."""
    screen = pilot.app.display().screen
    bar = header_bar(screen.stack.top.tree(screen.size), accessibility_labels(pilot.app.display().ctx))
    assert bar is not None, f"{pilot.scene}: no header"
    return bar.screen_rect().move(0, screen.offset)


@pytest.mark.quick_first(1)  # every shape in CI
def test_the_accessible_header_is_on_the_bottom_edge_on_every_shape(accessible: Pilot) -> None:
    """One rule: in accessible mode the header is at the bottom of the screen, on portrait, landscape and
    the tablet alike (it was at the top of the reach zone on a portrait screen, at the bottom elsewhere)."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    height = pilot.app.display().screen.full.get_height()
    for name, route in (("browse", lambda: ctx.routes.browse("running")), ("product", lambda: ctx.routes.product(
            "RUN-115")), ("search", ctx.routes.search), ("share", lambda: ctx.routes.share(["RUN-115"]))):
        ctx.show(route())
        pilot.advance(0.1)
        assert pilot.scene == name
        bar = header_on_screen(pilot)
        assert bar.bottom == height, f"{name}: the header is at {list(bar)}, not on the bottom edge ({height})"


def whole_buttons(pilot: Pilot) -> set[str]:
    """The labels of the enabled buttons shown whole (not cut by a scroll view's edge)."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return {w["label"] for w in widgets if w["role"] in ("button", "radio") and w["enabled"] and not w["clipped"]}


@pytest.mark.quick_first(1)  # every shape in CI
def test_the_product_page_shows_every_size_without_scrolling_on_every_shape(accessible: Pilot) -> None:
    """The sizes are what the shopper chooses first: all of them whole in the first view (the tablet's reach
    zone showed about 100 px of the page, a landscape screen one row of them)."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.product("RUN-115"))
    pilot.advance(0.1)
    sizes = {variant.label(ctx.lang) for variant in pilot.app.display().screen.stack.top.variants}  # type: ignore[attr-defined]
    assert len(sizes) >= 8
    assert sizes <= whole_buttons(pilot), f"sizes not in sight: {sorted(sizes - whole_buttons(pilot))}"


def out_of_reach(pilot: Pilot) -> list[str]:
    """The controls of the screen in front above accessible mode's reach zone."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    size = pilot.app.display().screen.full.get_size()
    return reach_problems(widgets, size, display_reach(pilot.app.display()))


@pytest.mark.quick_first(1)  # every shape in CI
def test_sort_and_filter_is_within_reach_on_a_department_and_a_search(accessible: Pilot) -> None:
    pilot = accessible
    ctx = pilot.app.display().ctx
    for route in (lambda: ctx.routes.browse("running"), lambda: ctx.routes.search_results("s", "")):
        ctx.show(route())
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        button = [w for w in widgets if w["label"] == ctx.t("Sort and filter")]
        assert len(button) == 1, f"{pilot.scene}: one 'Sort and filter'"
        size = pilot.app.display().screen.full.get_size()
        assert reach_problems(button, size, ctx.shop.config.accessibility.reach) == [], pilot.scene


@pytest.mark.quick_first(1)  # every shape in CI
def test_the_staff_pin_pad_is_within_reach(accessible: Pilot) -> None:
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.browse("running"))
    pilot.app.display().staff.open_pin_pad()
    pilot.advance(0.1)
    assert pilot.scene == "pin_pad"
    assert out_of_reach(pilot) == []
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance", "every key works where it is"


@pytest.mark.parametrize("language, accessible_mode", [("fr", False), ("de", True)], ids=["fr-normal", "de-a11y"])
@pytest.mark.parametrize("display, size", SHAPES, ids=IDS)
@pytest.mark.quick_first(1)  # every shape, and German in accessible mode, in CI
def test_no_button_is_cut_at_the_fold_of_the_product_and_share_pages(tmp_path: Path, display: str,
                                                                     size: tuple[int, int], language: str,
                                                                     accessible_mode: bool) -> None:
    """The sticky action bar cut "Send to my phone" (and a tablet's second row of sizes) at the fold: a
    button in the first view shows whole, or starts under the fold."""
    with session(tmp_path, display, size, language, mail=True, accessible=accessible_mode) as pilot:
        ctx = pilot.app.display().ctx
        for route in (lambda: ctx.routes.product("RUN-115"), lambda: ctx.routes.share(["RUN-115"])):
            ctx.show(route())
            pilot.advance(0.1)
            widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            cut = [(w["label"], w["bounds"]) for w in widgets if w["role"] in ("button", "radio") and w["clipped"]
                   and w["bounds"][3] > 0]
            assert cut == [], f"{pilot.scene}: buttons cut at the fold: {cut}"


@pytest.mark.quick_first(1)  # every shape in CI
def test_the_filter_sheet_shows_several_rows_of_choices(accessible: Pilot) -> None:
    """The sheet's choices take the room within reach: two rows of chips whole at least (a landscape
    screen showed one, cut; the tablet one and a half)."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.browse("running"))
    pilot.tap(ctx.t("Sort and filter"))
    assert pilot.scene == "filters"
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    count = ctx.shop.catalog.count("running", BrowseFilter())
    buttons = {ctx.t("Close"), ctx.t("Reset"), ctx.t.plural("Show {count} product", "Show {count} products", count)}
    rows = {w["bounds"][1] for w in widgets
            if w["role"] in ("button", "radio") and not w["clipped"] and w["label"] not in buttons}
    assert len(rows) >= 2, f"{len(rows)} whole row(s) of choices"
    assert out_of_reach(pilot) == []


@pytest.mark.parametrize("accessible_mode", [False, True], ids=["normal", "a11y"])
def test_the_german_tablet_share_says_nothing_about_the_shopper_is_in_the_code(tmp_path: Path,
                                                                              accessible_mode: bool) -> None:
    """The privacy line shows whole on the German tablet, in its reach zone's strip too (the strip dropped it
    for a title on three lines: its words now step down a size before a line gives way)."""
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "de", mail=True)
    try:
        pilot.tap(x=400, y=400)
        pilot.app.display().set_accessible(accessible_mode)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        said = [w["label"] for w in widgets if w["role"] == "text" and not w["clipped"] and not w.get("cut")]
        shown = said + pilot.details().get("banner", [])
        assert any("Der Code enthält keine Daten über Sie." in line for line in shown), shown
        assert any(line == "Richten Sie die Kamera Ihres Telefons auf den Code." for line in shown), shown
        top = pilot.app.display().screen.offset
        if top:  # the strip draws every line it says (the privacy line under the code where the strip is short)
            strip = pilot.app.display().screen.banner_lines
            picture = pilot.picture()
            inked = [any(max(picture.get_at((x, y))[:3]) > 128 for x in range(0, 800, 2)) for y in range(top)]
            lines = sum(1 for y in range(1, top) if inked[y] and not inked[y - 1])
            assert len(strip) >= 2 and lines >= len(strip), f"the strip shows {lines} lines of words for {strip}"
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size", [shape for shape in SHAPES if shape[1][0] > shape[1][1]],
                         ids=[i for i, shape in zip(IDS, SHAPES, strict=True) if shape[1][0] > shape[1][1]])
def test_accessible_landscape_search_shows_two_whole_results_over_the_keyboard(tmp_path: Path, display: str,
                                                                              size: tuple[int, int]) -> None:
    """Beside the keys in the short reach zone the list showed the department chips and one result: now two
    whole results at least, within reach, their names whole."""
    with session(tmp_path, display, size, "de", mail=True, accessible=True) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.search())
        pilot.type("s")
        pilot.advance(0.1)
        assert pilot.details()["keyboard"] and pilot.details()["results"] >= 3
        names = {product.title(ctx.lang) for product in ctx.screen.stack.top.found}  # type: ignore[attr-defined]
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        whole = [w for w in widgets if w["label"] in names and not w["clipped"] and w["role"] in ("button", "radio")]
        assert len(whole) >= 2, f"{len(whole)} whole result(s) over the keyboard"
        assert not [w for w in widgets if w["label"] in names and w.get("cut")], "names whole"
        assert out_of_reach(pilot) == []


# The shopper's screens of a landscape screen in accessible mode whose every control stands within reach
# (the cart, the checkout's steps and the language dialog too: the layout matrix checks every step's reach)
LANDSCAPE_SCREENS = ("home", "department", "product", "compare")


@pytest.mark.parametrize("display, size", LANDSCAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in LANDSCAPES])
@pytest.mark.quick_first(1)  # the terminal in the quick loop, the 4K window in CI
def test_every_control_of_a_landscape_accessible_screen_is_within_reach(tmp_path: Path, display: str,
                                                                      size: tuple[int, int]) -> None:
    """A landscape screen in accessible mode has its strip above the reach zone too, as a portrait one: every
    control a shopper presses in the lower share of the screen `[accessibility] reach` says, drawn there (the
    home's search and departments, the department's cards and tools, the product's pictures, the comparison's
    heads and their Remove stood at the top, out of a seated shopper's reach; the shop window's home too, its
    band, search, departments and first row of cards over the whole height)."""
    with session(tmp_path, display, size, "de", mail=True, accessible=True) as pilot:
        ctx = pilot.app.display().ctx
        ctx.session.add_to_compare("RUN-115")
        ctx.session.add_to_compare("RUN-112")
        routes = {"home": ctx.routes.home, "department": lambda: ctx.routes.browse("running"),
                  "product": lambda: ctx.routes.product("RUN-115"), "compare": ctx.routes.compare}
        for name in LANDSCAPE_SCREENS:
            ctx.show(routes[name]())
            pilot.advance(0.1)
            widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            controls = [w for w in widgets
                        if w["role"] in ("button", "radio", "textbox", "checkbox") and w["bounds"][3] > 0]
            assert len(controls) >= 4, f"{name}: {len(controls)} controls"
            assert out_of_reach(pilot) == [], name
            picture = pilot.picture()
            assert widgets_without_ink(controls, picture) == [], f"{name}: every control drawn where the tree says"
