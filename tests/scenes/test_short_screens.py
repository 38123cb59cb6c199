"""Accessible mode on a short screen (issue 22, designer's review): the strip above the reach zone gives
way to the content where the zone is too short for it. On the 800x1280 tablet the department showed one
card, its price under the bars, and the comparison two rows; the 2160x3840 window's home cut its prices.
A department shows a card whole with its price and the next row starting; the comparison several rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.models import pick
from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import choice_edge
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Label
from tests.layout_check import result_grid_problems
from tests.scenes.helpers import session
from tests.test_layout_matrix import RUNNING_SHOES, SHAPES, pilot_for

# portrait screens, where the strip stands over the reach zone
PORTRAIT = [(display, size) for display, size in SHAPES if size[1] > size[0]]


@pytest.fixture(params=SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
def accessible(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode (on a landscape screen too: the terminal's department, its toolbar
    and the comparison's bar stacked under one row of cards, showed that row and no next one starting)."""
    display, size = request.param
    with session(tmp_path, display, size, "de", accessible=True) as pilot:
        yield pilot


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The tree of the screen in front."""
    pilot.advance(0.1)
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def test_a_department_shows_a_whole_card_and_the_next_row_starting(accessible: Pilot) -> None:
    """With the comparison's bar too (a product ticked), the tallest bars a department has."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.session.add_to_compare(RUNNING_SHOES[0])
    ctx.show(ctx.routes.browse("running"))
    count = ctx.shop.catalog.count("running", BrowseFilter())
    assert result_grid_problems(widgets(pilot), count, more=ctx.t("More below")) == []


# (the 3840x2160 window showed 3 whole cards of 24, and no next row starting)
WINDOWS = [(display, size) for display, size in SHAPES if display == "window"]


@pytest.mark.parametrize("size", [size for _, size in WINDOWS], ids=[f"{w}x{h}" for _, (w, h) in WINDOWS])
def test_the_window_s_home_shows_its_cards_whole_with_their_prices(tmp_path: Path, size: tuple[int, int]) -> None:
    with session(tmp_path, "window", size, "de", accessible=True) as pilot:
        assert pilot.scene == "home"
        more = pilot.app.display().ctx.t("More below")
        assert result_grid_problems(widgets(pilot), int(pilot.details()["products"]), least_whole=2, more=more) == []


def compared_rows(shown: list[dict[str, Any]]) -> list[str]:
    """The rows of the comparison's table shown whole: a heading across the table over a value per product."""
    table = next(pygame.Rect(w["bounds"]) for w in shown if w["role"] == "list")
    texts = [w for w in shown if w["role"] == "text" and table.contains(pygame.Rect(w["bounds"]))
             and not w.get("clipped")]
    headings = [w for w in texts if w["bounds"][2] > table.width // 2]
    rows = []
    for heading in headings:
        top = heading["bounds"][1] + heading["bounds"][3]
        values = [w for w in texts if w is not heading and top <= w["bounds"][1] <= top + heading["bounds"][3]]
        if len(values) >= len(RUNNING_SHOES):
            rows.append(heading["label"])
    return rows


def test_the_tablet_s_comparison_of_four_shows_four_rows_and_each_remove(tmp_path: Path) -> None:
    """Before: price and rating whole, the top of the brand's row (the strip above took 486 of 1280 px). Five
    rows showed once the strip gave way; each product's "Remove" under its name (in sight and reach, not at
    the table's end: designer's review) takes a row's room."""
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "de")
    try:
        pilot.tap(x=400, y=400)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        shown = widgets(pilot)
        rows = compared_rows(shown)
        assert len(rows) >= 4, f"rows shown whole: {rows}"
        labels = {ctx.t("Remove {name}", name=ctx.shop.catalog.product(sku).title("de")) for sku in RUNNING_SHOES}
        removes = [w for w in shown if w["role"] in ("button", "radio") and w["label"] in labels]
        assert len(removes) == 4 and not any(w["clipped"] for w in removes), removes
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size", PORTRAIT, ids=[f"{display}-{w}x{h}" for display, (w, h) in PORTRAIT])
def test_the_filter_sheet_says_more_follows_where_its_last_row_ends_at_its_foot(tmp_path: Path, display: str,
                                                                               size: tuple[int, int]) -> None:
    """The tablet's sheet ended exactly under a row of chips and looked finished: with nothing cut at the foot
    of its choices, a chevron there says that more follows."""
    with session(tmp_path, display, size, "de", accessible=True,
                 screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        pilot.tap(ctx.t("Sort and filter"))
        sheet = ctx.screen.stack.top
        panel: ScrollView = sheet._panel  # type: ignore[attr-defined]
        assert panel.max_scroll > 0, "the choices scroll on this shape"
        offset = ctx.screen.offset
        view = panel.screen_rect().move(0, offset)
        # the foot of the view scrolled to a place between two rows, as the tablet's was: nothing cut there
        said = [w.rect for w in panel.walk() if w is not panel and w.label]
        gap_middle = next(rect.bottom + 1 for rect in sorted(said, key=lambda r: r.bottom)
                          if rect.bottom + 1 > panel.rect.height and
                          not any(other.top < rect.bottom + 1 < other.bottom for other in said))
        panel.scroll_to(gap_middle - panel.rect.height)
        shown = widgets(pilot)
        assert not [w["label"] for w in shown if w["clipped"] and w["role"] in ("button", "radio")
                    and w["bounds"][1] + w["bounds"][3] >= view.bottom - 2], "a row cut at the foot"

        def ink_at_foot() -> int:
            picture = pilot.picture()
            text = pygame.Color(ctx.theme.color("text"))
            foot = range(view.bottom - ctx.theme.size("touch_target"), view.bottom)
            return sum(1 for y in foot if picture.get_at((view.centerx, y))[:3] == text[:3])

        assert ink_at_foot() > 0, "nothing at the foot of the choices says that more follows"


@pytest.mark.parametrize("display, size", [("terminal", (800, 1280)), ("terminal", (1080, 1920)),
                                           ("terminal", (1920, 1080))], ids=["800x1280", "1080x1920", "1920x1080"])
@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_home_s_departments_are_named_in_one_size(tmp_path: Path, display: str, size: tuple[int, int],
                                                      language: str) -> None:
    """The accessible tablet named "Fahrräder" in the buttons' size beside "Laufschuhe" a size smaller."""
    with session(tmp_path, display, size, language, accessible=True) as pilot:
        pilot.advance(0.1)
        assert pilot.scene == "home"
        ctx = pilot.app.display().ctx
        names = {pick(category.name, ctx.lang) for category in ctx.shop.catalog.categories}
        root = ctx.screen.stack.top.tree(ctx.screen.size)
        tiles = [w for w in root.walk() if w.role == "button" and w.label in names and w.rect.width]  # as laid out
        sizes = {label.label: label.size_name for tile in tiles for label in tile.walk() if isinstance(label, Label)}
        assert len(sizes) == len(names) and len(set(sizes.values())) == 1, sizes


@pytest.mark.parametrize("display, size", PORTRAIT, ids=[f"{display}-{w}x{h}" for display, (w, h) in PORTRAIT])
def test_the_accessible_product_page_shows_its_picture_once_in_the_strip(tmp_path: Path, display: str,
                                                                        size: tuple[int, int]) -> None:
    """A second copy of the picture (with the name and the price again) peeked under the action bar; the
    page's thumbnails, within reach, choose what the strip above shows."""
    with session(tmp_path, display, size, "de", accessible=True) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        shown = widgets(pilot)
        name = ctx.shop.catalog.product("RUN-115").title(ctx.lang)  # type: ignore[union-attr]
        page = next(pygame.Rect(w["bounds"]) for w in shown if w["role"] == "list")
        copies = [w for w in shown if w["role"] == "image" and w["label"] == name
                  and page.colliderect(pygame.Rect(w["bounds"]))]
        assert copies == [], f"the picture again in the page: {copies}"
        top = ctx.screen.offset
        assert top > 0

        def strip() -> bytes:
            picture = pilot.picture()
            return pygame.image.tobytes(picture.subsurface((0, 0, size[0], top)), "RGB")

        before = strip()
        second = ctx.t("Picture {number} of {count}: {name}", number=2, count=len(pilot.details()["pictures"]),
                       name=name)
        view = next(w for w in ctx.screen.stack.top.tree(ctx.screen.size).walk() if isinstance(w, ScrollView))
        thumb = next(w for w in view.walk() if w.label == second)
        view.scroll_to(thumb.rect.bottom - view.rect.height + thumb.rect.height)  # scrolled into sight
        pilot.advance(0.1)
        pilot.tap(second)
        pilot.advance(0.2)
        assert pilot.details()["picture"] == 1
        assert strip() != before, "the strip shows the picture chosen"


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "a11y"])
def test_the_language_dialog_s_cancel_is_a_quiet_button_under_the_languages(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    """"Abbrechen" stood borderless in the grid of outlined languages, like a word left over; outlined as
    they are, it read as a sixth language; as bare underlined words, not as a button (designer's reviews). It
    stands on its own row under every language, a button edged in the quiet grey, not the languages' colour."""
    with session(tmp_path, display, size, "de", accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.language_picker())
        shown = {w["label"]: pygame.Rect(w["bounds"]) for w in widgets(pilot) if w["role"] in ("button", "radio")}
        picture = pilot.picture()
        cancel, languages = shown[ctx.t("Cancel")], [shown[name] for name in ("Français", "English", "Deutsch",
                                                                             "Español", "Italiano")]
        assert cancel.top >= max(language.bottom for language in languages)
        primary = ctx.theme.color("primary")[:3]

        def outlined(button: pygame.Rect, colour: tuple[int, ...] = primary) -> bool:
            return any(picture.get_at((button.left + dx, button.centery))[:3] == colour
                       for dx in range(ctx.theme.px(8)))

        assert outlined(shown["English"]) and not outlined(cancel)
        assert outlined(cancel, choice_edge(ctx.theme)[:3]), "a button: its edge shows, in an option's grey"


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
def test_the_review_field_shows_no_caret_before_it_is_tapped(tmp_path: Path, display: str,
                                                            size: tuple[int, int]) -> None:
    with session(tmp_path, display, size, "fr") as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.review("RUN-115"))
        field = next(pygame.Rect(w["bounds"]) for w in widgets(pilot) if w["role"] == "textbox")
        picture = pilot.picture()
        caret = pygame.Color(ctx.theme.color("primary"))[:3]
        inside = field.inflate(-2 * ctx.theme.px(12), -2 * ctx.theme.px(12))  # within its outline
        marks = sum(1 for x in range(inside.left, inside.left + ctx.theme.px(60))
                    for y in range(inside.top, inside.bottom, 3) if picture.get_at((x, y))[:3] == caret)
        assert marks == 0, "a caret in the field before the shopper tapped it"


def longest_empty_band(picture: pygame.Surface, top: int, bottom: int) -> int:
    """The most rows in a row between `top` and `bottom` that are one flat colour across the screen."""
    longest = run = 0
    for y in range(top, bottom):
        row_pixels = pygame.image.tobytes(picture.subsurface((0, y, picture.get_width(), 1)), "RGB")
        run = run + 1 if row_pixels == row_pixels[:3] * picture.get_width() else 0
        longest = max(longest, run)
    return longest


@pytest.mark.parametrize("display, size", PORTRAIT, ids=[f"{display}-{w}x{h}" for display, (w, h) in PORTRAIT])
@pytest.mark.parametrize("language, accessible", [("fr", False), ("de", True)], ids=["fr-normal", "de-a11y"])
def test_the_portrait_review_screen_leaves_no_empty_band(tmp_path: Path, display: str, size: tuple[int, int],
                                                         language: str, accessible: bool) -> None:
    """The stars and the field sat at the bottom of the reach zone under an empty band (accessible mode), or
    a small picture and the form in the middle of the screen between two (a sixth of the room each)."""
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.review("RUN-115"))
        shown = widgets(pilot)
        screen = ctx.screen
        header = min(w["bounds"][1] for w in shown if w["label"] == ctx.t("Home")) if accessible else \
            max(w["bounds"][1] + w["bounds"][3] for w in shown if w["label"] == ctx.t("Home"))
        top, bottom = (screen.offset, header) if accessible else (header, size[1])
        picture = pilot.picture()
        band = longest_empty_band(picture, top, bottom)
        assert band <= (bottom - top) * 3 // 20, f"an empty band of {band} px in {bottom - top}"


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_tablet_s_accessible_email_keeps_its_consents_and_send_above_the_keys(tmp_path: Path,
                                                                                   language: str) -> None:
    """The consent boxes scrolled under the keyboard, out of sight, while the address was typed."""
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), language, mail=True)
    try:
        pilot.tap(x=400, y=400)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(ctx.t("Send it to me by email"))
        pilot.type("ada@example.org")
        shown = widgets(pilot)
        keys = next(pygame.Rect(w["bounds"]) for w in shown if w["role"] == "keyboard")
        form = [w for w in shown if w["role"] in ("checkbox", "textbox") or w["label"] == ctx.t("Send")]
        assert len([w for w in form if w["role"] == "checkbox"]) == 2, [w["label"] for w in form]
        hidden = [w["label"] for w in form if w["clipped"] or w["bounds"][1] + w["bounds"][3] > keys.top]
        assert hidden == [], f"under the keys or cut: {hidden}"
    finally:
        pilot.close()
