"""The email-or-phone choice comes before the field it decides (designer's review, issue 22): at the
checkout's first step the field asked for an email address, and only under it could the shopper say they
would rather give a phone number. Now the choice stands over the field, in sight with the keyboard up, on
every shape in both modes (but the accessible tablet, where the two do not fit within reach over the keys: there
the choice comes on its own, first); choosing changes the field's hint and the keys under it. The same on an
event's sign-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.scenes.events import store_events
from kiosk.testing.pilot import Pilot
from tests.layout_check import display_reach, reach_problems
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]
TABLET = (800, 1280)


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def choice_first(pilot: Pilot, hint: str) -> list[str]:
    """What is wrong with the choice and the field: each option whole and over the field, the field's hint."""
    t = pilot.app.display().ctx.t
    shown = widgets(pilot)
    fields = [w for w in shown if w["role"] == "textbox"]
    assert len(fields) == 1, fields
    field = pygame.Rect(fields[0]["bounds"])
    problems = [] if fields[0]["label"] == hint else [f"the field asks {fields[0]['label']!r}, not {hint!r}"]
    for label in (t("By email"), t("By phone")):
        option = next((w for w in shown if w["label"] == label and w["role"] == "radio"), None)
        if option is None:
            problems.append(f"{label!r} not shown")
            continue
        box = pygame.Rect(option["bounds"])
        if option["clipped"] or box.bottom > field.top:
            problems.append(f"{label!r} at {list(box)} is not whole over the field at {list(field)}")
    if not any(w["role"] == "keyboard" for w in shown):
        problems.append("no keyboard")
    display = pilot.app.display()
    if display.session.accessible:  # every option within reach (the lower part of the screen)
        problems += reach_problems([{**w, "role": "button"} for w in shown if w["role"] == "radio"],
                                   display.screen.full.get_size(), display_reach(display))
    return problems


@pytest.mark.parametrize("shape", SHAPES, ids=IDS)
@pytest.mark.parametrize("language, accessible", [("de", True), ("fr", False)], ids=["de-a11y", "fr-normal"])
def test_the_checkout_asks_email_or_phone_before_the_field(tmp_path: Path, shape: tuple[str, tuple[int, int]],
                                                           language: str, accessible: bool) -> None:
    display, size = shape
    with session(tmp_path, display, size, language, accessible=accessible,
                 cart=("RUN-112",), screen=lambda routes: routes.checkout()) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        if accessible and size == TABLET:  # the choice on its own first, then the field and keys (test_tablet_reach)
            shown = widgets(pilot)
            options = [w for w in shown if w["label"] in (t("By email"), t("By phone")) and w["role"] == "button"]
            assert len(options) == 2 and not [w for w in shown if w["role"] in ("textbox", "keyboard")]
            assert reach_problems(options, size, ctx.shop.config.accessibility.reach) == []
            pilot.tap(t("By phone"))
            assert pilot.details()["by_phone"] and "@" not in pilot.labels() and "0" in pilot.labels()
            assert [w["label"] for w in widgets(pilot) if w["role"] == "textbox"] == [t("06 12 34 56 78")]
            return
        assert choice_first(pilot, t("your.name@example.com")) == []
        pilot.type("ada@example.org")
        assert choice_first(pilot, t("your.name@example.com")) == [], "typed in"
        pilot.tap(t("By phone"))
        assert choice_first(pilot, t("06 12 34 56 78")) == []
        assert "@" not in pilot.labels() and "0" in pilot.labels(), "a phone's keypad under it"
        pilot.type("0612345678")
        assert choice_first(pilot, t("06 12 34 56 78")) == [] and pilot.details()["ready"]


def test_an_event_s_sign_up_asks_email_or_phone_before_the_field(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", (1080, 1920), "fr", mail=True, screen=lambda routes: routes.events()) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        event, start = store_events(ctx)[0]
        ctx.screen.stack.top.sign_up(event, start)  # type: ignore[attr-defined]
        pilot.advance(0.1)
        pilot.type("Ada")
        pilot.tap(t("Next"))
        assert choice_first(pilot, t("your.name@example.com")) == []
        pilot.tap(t("By phone"))
        assert choice_first(pilot, t("06 12 34 56 78")) == []
