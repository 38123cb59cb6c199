"""A warning about a field marks the field itself (issue 22: "a warning about a field is part of that field's box:
the field stays visible and is marked"): an email address that looks incomplete edges the field in the danger
colour, twice as thick, and the tree says what is wrong with it; completed, the field is plain again. On the
portrait terminal and the 4K window, French normal and German accessible."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.scenes.helpers import session

CASES = [("terminal", (1080, 1920), "fr", False), ("terminal", (1080, 1920), "de", True),
         ("window", (3840, 2160), "fr", False), ("window", (3840, 2160), "de", True)]


def the_field(pilot: Pilot) -> dict[str, Any]:
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return next(w for w in widgets if w["role"] == "textbox")


def edge_colour(pilot: Pilot, field: dict[str, Any], depth: int) -> tuple[int, int, int]:
    """The colour `depth` pixels inside the field's left edge, half way down."""
    x, y, _, h = field["bounds"]
    colour: pygame.Color = pilot.picture().get_at((x + depth, y + h // 2))
    return colour.r, colour.g, colour.b


@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_an_address_that_looks_incomplete_marks_its_field(tmp_path: Path, display: str, size: tuple[int, int],
                                                          language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible, mail=True,
                 screen=lambda routes: routes.share(["RUN-115"])) as pilot:
        ctx = pilot.app.display().ctx
        theme = pilot.app.display().screen.theme
        pilot.tap(ctx.t("Send it to me by email"))
        assert pilot.scene == "email"
        danger, primary = theme.color("danger")[:3], theme.color("primary")[:3]
        thin = max(2, theme.px(4))  # the plain edge's width: inside it, the marked edge goes on
        pilot.type("ada@example")
        pilot.advance(0.1)
        field = the_field(pilot)
        assert field.get("problem") == ctx.t("This address looks incomplete."), field
        assert edge_colour(pilot, field, 1) == danger and edge_colour(pilot, field, thin + 1) == danger, \
            "the field's edge in the danger colour, twice as thick"
        pilot.type(".org")
        pilot.advance(0.1)
        field = the_field(pilot)
        assert "problem" not in field, field
        assert edge_colour(pilot, field, 1) == primary and edge_colour(pilot, field, thin + 1) != primary, \
            "completed, the field has its plain edge again"
