"""Accessible mode's text fields (designer's review of the accessible screens, issue 22): the email and
review fields take the width of the form's column, nothing beside them, and show what was typed from its
start; an address too long for one line goes on to a second one, or (where the room has one line only) takes
the body's size, so that the shopper checks the whole address, within reach, before sending it."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import TextField, Widget
from tests.test_layout_matrix import SHAPES

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]
LONG = "daniela.schneider-hoffmann@example.org"



def shown_field(pilot: Pilot) -> TextField:
    """The text field the scene in front shows."""
    screen = pilot.app.display().screen

    def walk(widget: Widget) -> Iterator[Widget]:
        yield widget
        for child in widget.children:
            if child.visible:
                yield from walk(child)

    fields = [w for w in walk(screen.stack.top.tree(screen.size)) if isinstance(w, TextField)]
    assert len(fields) == 1, f"{pilot.scene}: {len(fields)} fields shown"
    return fields[0]


def field_problems(pilot: Pilot) -> list[str]:
    """What keeps the field from the column's width: a control beside it, or a field narrower than the
    column it stands in (the keyboard's left edge on a landscape screen, the screen's margin elsewhere)."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    field = pygame.Rect(next(w["bounds"] for w in widgets if w["role"] == "textbox"))
    keyboard = next((pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "keyboard"), None)
    width = pilot.app.display().screen.full.get_width()
    margin = pilot.app.display().ctx.theme.size("margin")
    right = keyboard.left - margin if keyboard is not None and keyboard.left > field.left else width - margin
    problems = [f"{w['role']} {w['label']!r} at {w['bounds']} beside the field {list(field)}" for w in widgets
                if w["role"] == "button" and w["bounds"][1] < field.bottom and w["bounds"][1] + w["bounds"][3] >
                field.top and field.right <= w["bounds"][0] < right]
    if field.right < right - 2:
        problems.append(f"the field {list(field)} ends at {field.right}, its column at {right}")
    return problems


def read_whole(pilot: Pilot, typed: str) -> bool:
    """Whether what was typed reads whole in the field, within reach (on one line or two; never written whole
    above the reach zone instead, where people around read it too: tests/scenes/test_typed_in_private.py)."""
    screen = pilot.app.display().screen
    field = shown_field(pilot)
    return "".join(field.lines(screen.theme, screen.text, field.rect.width)) == typed


def test_the_accessible_email_field_takes_the_column_and_shows_the_whole_address(accessible: Pilot) -> None:
    """"a@example.org" at 1920x1080, "da@example.org" on the tablet: the start of the address scrolled away
    in a field beside its button. Now the field takes the column, and the address reads whole."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.share(["RUN-115"]))
    pilot.advance(0.1)
    pilot.tap(ctx.t("Send it to me by email"))
    assert pilot.scene == "email"
    pilot.type("ada@example.org")
    assert field_problems(pilot) == []
    field = shown_field(pilot)
    screen = pilot.app.display().screen
    assert field.lines(screen.theme, screen.text, field.rect.width) == ["ada@example.org"], \
        "a short address shows from its start, on one line"
    pilot.key("back")
    pilot.tap(ctx.t("Send it to me by email"))
    pilot.type(LONG)
    assert field_problems(pilot) == []
    assert read_whole(pilot, LONG), "the long address cannot be read whole before sending"


def test_the_accessible_review_field_takes_the_column(accessible: Pilot) -> None:
    """"Was hat Ihnen gefall…": the review's field beside its button was too narrow for its own hint."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.review("RUN-115"))
    pilot.advance(0.1)
    pilot.tap(ctx.t("{count} stars", count=4))
    words = "Sehr bequem, leicht und schnell"
    pilot.type(words)
    assert field_problems(pilot) == []
    assert read_whole(pilot, words)


@pytest.mark.parametrize("query", ["tent", "chaus"])
def test_accessible_search_shows_a_whole_result_over_the_keys(accessible: Pilot, query: str) -> None:
    """With the keyboard up, the accessible search shows at least one result whole within reach (the portrait
    screens showed none: the departments' chips, or half a row over the keys)."""
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.search())
    pilot.advance(0.1)
    pilot.type(query)
    assert pilot.details()["keyboard"] and pilot.details()["results"] > 0
    found = {product.title(ctx.lang) for product in pilot.app.display().screen.stack.top.found}  # type: ignore[attr-defined]
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    whole = [w["label"] for w in widgets if w["role"] == "button" and w["label"] in found and not w["clipped"]]
    assert whole, f"no whole result over the keys for {query!r}"
