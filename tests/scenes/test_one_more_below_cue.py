"""No bare chevron on the accessible landscape product pages (designer's review, issue 22): on the 1920x1080
terminal and the 4K window the page's right part ended in a chevron alone on the sizes' border (on the frame of
"choose a size first" too), where every other page says "Weiter unten" in words; in French only one row of the eight
sizes showed over it. Now where the first view holds every size whole but not a line of words under them, there is
no cue (the page's foot shaded, its scroll bar beside it); where it does not hold them, the words say more follows
under what shows.

And one look for every cue (designer's review of accessible mode): the landscape sheet of filters named the groups
out of sight beside its title in the yellow of the buttons, larger, after a "▼" sign, while every page said "Weiter
unten" under its last whole row in small white words after a drawn chevron. Now the sheet's line is drawn as the
pages' cue is: the same chevron, size, weight and colour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.scroll import ScrollView
from tests.scenes.helpers import started

CASES = [(display, size, language) for display, size in (("terminal", (1920, 1080)), ("window", (3840, 2160)))
         for language in ("de", "fr")]


def page_view(pilot: Pilot) -> ScrollView:
    """The product page's part that scrolls."""
    screen = pilot.app.display().screen
    return next(widget for widget in screen.stack.top.tree(screen.size).walk() if isinstance(widget, ScrollView))


def text_ink(picture: pygame.Surface, area: pygame.Rect, color: tuple[int, ...]) -> int:
    """How many pixels of `area` are in the text's colour."""
    return sum(picture.get_at((x, y))[:3] == color for x in range(area.left, area.right)
               for y in range(area.top, area.bottom))


def check_cue(pilot: Pilot, folder: Path, step: str) -> None:
    """Either every size whole and nothing drawn under them, or the cue's words drawn under what shows."""
    pilot.advance(0.1)
    ctx = pilot.app.display().ctx
    widgets: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    view = page_view(pilot)
    page = view.screen_rect().move(0, pilot.app.display().screen.offset)
    sizes = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "radio" and w["label"].isdigit()
             and len(w["label"]) == 2 and not w["clipped"] and page.contains(pygame.Rect(w["bounds"]))]
    assert sizes, f"{step}: sizes in the first view"
    picture = pygame.image.load(str(pilot.screenshot(folder / f"{step}.png")))
    text = ctx.theme.color("text")[:3]
    cues = [w for w in widgets if w["label"] == ctx.t("More below")]
    under = pygame.Rect(page.left, max(size.bottom for size in sizes), page.width, 0)
    under.height = page.bottom - under.top
    if view.slim_cue:
        assert len(sizes) == 8, f"{step}: no cue only where every size shows whole"
        assert not cues and text_ink(picture, under, text) == 0, f"{step}: nothing drawn under the sizes"
        return
    assert len(cues) == 1 and not cues[0]["clipped"] and not cues[0].get("cut"), f"{step}: the cue's words {cues}"
    cue = pygame.Rect(cues[0]["bounds"])
    assert under.contains(cue), f"{step}: the cue under the sizes"
    assert text_ink(picture, cue, text) > cue.height, f"{step}: the cue's words drawn"


@pytest.mark.parametrize("display, size, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h), lang in CASES])
def test_the_accessible_landscape_product_page_shows_no_bare_chevron(
        tmp_path: Path, display: str, size: tuple[int, int], language: str) -> None:
    pilot = started(tmp_path, display, size, language, accessible=True)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        check_cue(pilot, tmp_path, "product")
        pilot.tap(ctx.t("Add to cart"))
        assert pilot.details()["choice_missing"]
        check_cue(pilot, tmp_path, "size missing")
    finally:
        pilot.close()


def ink(picture: pygame.Surface, area: pygame.Rect, color: tuple[int, ...]) -> int:
    """How many pixels of `area` are close to `color` (its words' antialiasing aside)."""
    return sum(sum(abs(a - b) for a, b in zip(tuple(picture.get_at((x, y)))[:3], color)) < 40
               for x in range(area.left, area.right) for y in range(area.top, area.bottom))


@pytest.mark.parametrize("display, size", [("terminal", (1920, 1080)), ("window", (3840, 2160))],
                         ids=["terminal-1920x1080", "window-3840x2160"])
def test_the_sheet_s_line_of_groups_out_of_sight_looks_as_every_more_below(
        tmp_path: Path, display: str, size: tuple[int, int]) -> None:
    pilot = started(tmp_path, display, size, "de", accessible=True)
    try:
        ctx = pilot.app.display().ctx
        theme = ctx.theme
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        widgets: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        page = next(w for w in widgets if w["label"] == ctx.t("More below"))
        under = pygame.image.load(str(pilot.screenshot(tmp_path / "page.png")))
        pilot.tap(ctx.t("Sort and filter"))
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        down = ctx.t("Further down: {groups}", groups="")
        line = next(w for w in widgets if w["role"] == "text" and w["label"].startswith(down))
        sheet = pygame.image.load(str(pilot.screenshot(tmp_path / "sheet.png")))
        text, primary = theme.color("text")[:3], theme.color("primary")[:3]
        words = ctx.screen.text
        for cue, picture in ((page, under), (line, sheet)):
            # the drawn part: the chevron and the words, at the right of the line's box
            drawn = pygame.Rect(cue["bounds"])
            drawn.width = min(drawn.width, words.width(cue["label"], theme.size("small"), True) + 2 * drawn.height)
            drawn.right = cue["bounds"][0] + cue["bounds"][2]
            assert ink(picture, drawn, text) > drawn.height, f"{cue['label']!r} in the text's colour"
            assert ink(picture, drawn, primary) == 0, f"{cue['label']!r} not in the buttons' yellow"
        assert line["bounds"][3] == page["bounds"][3], f"one size: {line['bounds']} and {page['bounds']}"
        chevron = pygame.Rect(line["bounds"][0] + line["bounds"][2] - words.width(line["label"], theme.size("small"),
                                                                                  True) - line["bounds"][3],
                              line["bounds"][1], line["bounds"][3] * 4 // 5, line["bounds"][3])
        assert not line["label"].startswith("▼") and ink(sheet, chevron, text) > 0, "the drawn chevron, no sign"
    finally:
        pilot.close()
