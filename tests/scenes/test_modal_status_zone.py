"""A confirmation or a warning said over a modal shows in the modal's own status zone (designer's review, issue 22):
on the language dialog, the staff PIN pad and the sheet of filters (scenes without a status zone) a toast floated
over the screen, drawn outside the layout tree, low over the dimmed page or over the sheet's choices. Now each has
its status zone in its title's place: the message shows there, in the tree, covering nothing, and the title comes
back after it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.scenes.context import SceneContext
from kiosk.testing.pilot import Pilot
from tests.layout_check import status_problems
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]
MESSAGE = "Choisissez une taille d'abord."  # as long as a warning (what it says does not matter here)


def open_language(pilot: Pilot, ctx: SceneContext) -> tuple[str, str]:
    """The language dialog over a department: its title, and its first choice."""
    ctx.show(ctx.routes.language_picker())
    return ctx.t("Choose your language"), "English"


def open_pin(pilot: Pilot, ctx: SceneContext) -> tuple[str, str]:
    """Staff's PIN pad over a department, a digit typed: its title, and its first key."""
    pilot.app.display().staff.open_pin_pad()
    pilot.tap("2")
    return ctx.t("Staff PIN"), "1"


def open_filters(pilot: Pilot, ctx: SceneContext) -> tuple[str, str]:
    """The sheet of filters over a department: its title, and its Reset button."""
    pilot.tap(ctx.t("Sort and filter"))
    return ctx.t("Sort and filter"), ctx.t("Reset")


MODALS: dict[str, Callable[[Pilot, SceneContext], tuple[str, str]]] = {
    "language": open_language, "pin": open_pin, "filters": open_filters}


def tree(pilot: Pilot) -> list[dict[str, Any]]:
    """What the screen's tree lists now."""
    pilot.advance(0.1)
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("modal", list(MODALS))
@pytest.mark.parametrize("display, size, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in CASES])
def test_a_toast_over_a_modal_shows_in_its_title_s_place(tmp_path: Path, display: str, size: tuple[int, int],
                                                        accessible: bool, modal: str) -> None:
    pilot = started(tmp_path, display, size, "fr", accessible=accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        title, first = MODALS[modal](pilot, ctx)
        before = {w["label"]: pygame.Rect(w["bounds"]) for w in tree(pilot) if w["role"] != "list"}
        assert title in before, f"the {modal}'s title shows: {sorted(before)}"
        ctx.toast(MESSAGE)
        shown = tree(pilot)
        statuses = [w for w in shown if w["role"] == "status" and w["label"] == MESSAGE]
        assert len(statuses) == 1, f"the message in the tree once: {statuses}"
        assert status_problems(shown) == [], "the message covers nothing"
        status = pygame.Rect(statuses[0]["bounds"])
        assert status.colliderect(before[title]), f"the message in the title's place {before[title]}: {status}"
        assert pilot.app.display().screen.toast_text == MESSAGE
        pilot.advance(6)
        assert title in {w["label"] for w in tree(pilot)}, "the title back after it"
        assert first in {w["label"] for w in tree(pilot)}
    finally:
        pilot.close()
