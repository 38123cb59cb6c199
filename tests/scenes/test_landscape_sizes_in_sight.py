"""The sizes of a landscape product page in sight, and room under their frames (designer's review of normal mode,
issue 22): on the 4K window the page's eight sizes stood over no cue but a thin scroll bar (the page goes on under
them), and on the landscape screens the chosen size's frame and the red one of "choose a size first" stood on the
cue's shade at the page's fold. Now every size shows whole over the "More below" every other page says, and the
frames end clear of the fold."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Button, Panel
from tests.scenes.helpers import session
from tests.scenes.test_one_more_below_cue import page_view

CASES = [(display, size, language) for display, size in (("terminal", (1920, 1080)), ("window", (3840, 2160)))
         for language in ("fr", "de")]
IDS = [f"{d}-{w}x{h}-{lang}" for d, (w, h), lang in CASES]


def fold_line(pilot: Pilot) -> int:
    """Where the page's part that scrolls stops showing content, on screen (the cue under it)."""
    view = page_view(pilot)
    return view.screen_rect().top + view.fold()


def sizes(pilot: Pilot) -> list[Button]:
    """The size buttons of the page."""
    view = page_view(pilot)
    return [widget for widget in view.walk() if isinstance(widget, Button) and widget.label.isdigit()
            and len(widget.label) == 2]


@pytest.mark.parametrize("display, size, language", CASES, ids=IDS)
def test_every_size_shows_whole_over_the_more_below_cue(tmp_path: Path, display: str, size: tuple[int, int],
                                                        language: str) -> None:
    with session(tmp_path, display, size, language, screen=lambda routes: routes.product("RUN-115")) as pilot:
        t = pilot.app.display().ctx.t
        fold = fold_line(pilot)
        shown = sizes(pilot)
        assert len(shown) == 8 and all(chip.screen_rect().bottom <= fold for chip in shown), \
            f"sizes under the fold at {fold}: {[(c.label, c.screen_rect().bottom) for c in shown]}"
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        cues = [w for w in widgets if w["label"] == t("More below")]
        assert len(cues) == 1 and pygame.Rect(cues[0]["bounds"]).top >= fold, \
            "the page goes on under the sizes without saying so (a thin scroll bar only)"


@pytest.mark.parametrize("display, size, language", CASES, ids=IDS)
def test_the_size_frames_end_clear_of_the_fold(tmp_path: Path, display: str, size: tuple[int, int],
                                               language: str) -> None:
    with session(tmp_path, display, size, language, screen=lambda routes: routes.product("RUN-115")) as pilot:
        t = pilot.app.display().ctx.t
        gap = pilot.app.display().ctx.theme.size("gap")
        pilot.tap(t("Add to cart"))
        assert pilot.details()["choice_missing"]
        frame = next(widget for widget in page_view(pilot).walk()
                     if isinstance(widget, Panel) and widget.border == "danger")
        room = fold_line(pilot) - frame.screen_rect().bottom
        assert room >= gap // 4, f"the red frame around the sizes {room} px over the fold (a quarter gap is {gap // 4})"

        pilot.tap("45")
        chosen = next(chip for chip in sizes(pilot) if chip.checked)
        room = fold_line(pilot) - chosen.screen_rect().bottom
        assert room >= gap * 3 // 4, f"the chosen size's frame {room} px over the fold (a gap is {gap})"
