"""The on-screen keyboard looks and stays the same from its first view to the end of the field (issue 22): a
shopper's finger aims at where a key was. Before the first key, after a few characters and after clearing,
the keys have the same rectangles (no row of digits coming and going, no "@" or OK moving, no key rising),
the picture of the keyboard is the same, and "Next" stays where it was. An address that looks incomplete is
said without pushing the keys down (accessible mode: it did, under the header at the bottom)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import SHAPES, pilot_for

Keys = tuple[tuple[str, tuple[int, ...]], ...]


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The widgets on screen."""
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def keyboard(pilot: Pilot) -> tuple[pygame.Rect, Keys]:
    """The keyboard's rectangle and each of its keys' label and rectangle."""
    shown = widgets(pilot)
    boards = [pygame.Rect(w["bounds"]) for w in shown if w["role"] == "keyboard"]
    assert len(boards) == 1, "one keyboard on screen"
    keys = tuple(sorted((w["label"], tuple(w["bounds"])) for w in shown
                        if w["role"] == "button" and boards[0].contains(pygame.Rect(w["bounds"]))))
    return boards[0], keys


def place_of(pilot: Pilot, label: str) -> tuple[int, ...]:
    """Where the button `label` is."""
    return next(tuple(w["bounds"]) for w in widgets(pilot) if w["role"] == "button" and w["label"] == label)


def keyboard_picture(pilot: Pilot, board: pygame.Rect) -> bytes:
    """The pixels of the keyboard as shown (reach mode: the tree's bounds are on the whole screen), but its Enter
    key's: drawn ready only while the form's button is (tests/scenes/test_keys_clear_of_the_edge.py)."""
    picture = pilot.app.display().screen.full.subsurface(board).copy()
    enter = pilot.app.display().ctx.t("Enter")
    for key in widgets(pilot):
        if key["role"] == "button" and key["label"] == enter:
            picture.fill((0, 0, 0), pygame.Rect(key["bounds"]).move(-board.x, -board.y))
    return pygame.image.tobytes(picture, "RGB")


def typed_and_cleared(pilot: Pilot, field: str, text: str, action: str,
                      open_it: Callable[[], None]) -> list[str]:
    """Open a field, then type `text` and clear it with the keyboard's own Backspace: what moved."""
    ctx = pilot.app.display().ctx
    open_it()
    pilot.advance(0.1)
    board, first = keyboard(pilot)
    next_at = place_of(pilot, action)
    before = keyboard_picture(pilot, board)
    problems = []
    pilot.type(text[:3])
    if keyboard(pilot) != (board, first):
        problems.append(f"{field}: the keys changed after {text[:3]!r}")
    pilot.type(text[3:])
    if keyboard(pilot) != (board, first):
        problems.append(f"{field}: the keys changed after {text!r}")
    if keyboard_picture(pilot, board) != before:
        problems.append(f"{field}: the keyboard looks different after {text!r}")
    if place_of(pilot, action) != next_at:
        problems.append(f"{field}: {action!r} moved from {next_at} to {place_of(pilot, action)}")
    for _ in text:
        pilot.tap(ctx.t("Backspace"))
    if keyboard(pilot) != (board, first):
        problems.append(f"{field}: the keys changed after clearing")
    if place_of(pilot, action) != next_at:
        problems.append(f"{field}: {action!r} is not back where it was after clearing")
    return problems


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
@pytest.mark.quick_first(1)  # the portrait terminal in the quick tier, the other shapes in the slow one
def test_the_keyboard_stays_the_same_while_the_shopper_types(tmp_path: Path, display: str,
                                                             size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, display, size, "de", mail=True)  # ("send it by email" offered; nothing is sent)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        shown = pilot.app.display()
        shown.set_accessible(True)  # where the form above the keys grows most as it is filled
        ctx = shown.ctx
        put_in_cart(ctx, "RUN-112")

        def review() -> None:
            ctx.show(ctx.routes.review("RUN-115"))
            pilot.tap(ctx.t("{count} stars", count=4))
            field = next(pygame.Rect(w["bounds"]) for w in widgets(pilot) if w["role"] == "textbox")
            pilot.tap(x=field.centerx, y=field.centery)

        def checkout() -> None:
            ctx.show(ctx.routes.checkout())
            if not [w for w in widgets(pilot) if w["role"] == "keyboard"]:  # the accessible tablet asks first
                pilot.tap(ctx.t("By email"))

        problems = typed_and_cleared(pilot, "checkout", "ada@example.org", ctx.t("Next"), checkout)
        ctx.back()
        problems += typed_and_cleared(pilot, "review", "Sehr bequem, leicht und fest genug für lange Läufe",
                                      ctx.t("Next"), review)
        ctx.back()

        def email() -> None:
            ctx.show(ctx.routes.share(["RUN-115"]))
            pilot.tap(ctx.t("Send it to me by email"))

        # an address without its domain yet: "This address looks incomplete." comes, and goes when it is cleared
        problems += typed_and_cleared(pilot, "email", "marie-luise.schneider-hoffmann", ctx.t("Send"), email)
        assert problems == []
    finally:
        pilot.close()
