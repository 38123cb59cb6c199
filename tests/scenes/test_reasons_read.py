"""A greyed button's reason read as easily as the page (designer's review, issue 22: the smallest text on the
screen, grey on black, "tick the box" under "Send" at the top right while the box was on the left, and "Remove
from comparison" twice as tall once "Compare (1)" said why): in the body's size, at 4.5:1 and more on its
background (7:1 in accessible mode), beside the control it asks the shopper to use, and no button changes size
when it shows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import contrast
from tests.scenes.helpers import started


def start(tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> Pilot:
    pilot = started(tmp_path, "terminal", size, language, mail=True, accessible=accessible)
    return pilot


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def one(pilot: Pilot, label: str, role: str | None = None) -> dict[str, Any]:
    found = [w for w in widgets(pilot) if w["label"] == label and (role is None or w["role"] == role)]
    assert found, f"{label!r} ({role}) shows: {[w['label'] for w in widgets(pilot)]}"
    return found[0]


def readable(pilot: Pilot, folder: Path, text: dict[str, Any], accessible: bool) -> None:
    """`text` is in the body's size and its ink stands out from its ground as the page's words must."""
    screen = pilot.app.display().screen
    body = screen.text.line_height(screen.theme.size("text"))
    x, y, w, h = text["bounds"]
    assert h >= body * 9 // 10, f"{text['label']!r} in the body's size ({body} px a line): {text['bounds']}"
    picture = pilot.picture()
    pixels = [picture.get_at((px, py))[:3] for px in range(x, x + w) for py in range(y, y + h)]
    ground = Counter(pixels).most_common(1)[0][0]
    ink = max(contrast(pixel, ground) for pixel in pixels)
    least = 7.0 if accessible else 4.5
    assert ink >= least, f"{text['label']!r} at {ink:.1f}:1 on its ground ({least}:1 wanted)"


def beside(reason: dict[str, Any], control: dict[str, Any], room: int) -> bool:
    """Whether `reason` stands next to `control`: under or over it within `room`, across part of its width."""
    r, c = pygame.Rect(reason["bounds"]), pygame.Rect(control["bounds"])
    apart = max(r.top - c.bottom, c.top - r.bottom, 0)
    return apart <= room and r.left < c.right and c.left < r.right


# where the form has room for them (a short room's compact form leaves them out: a tap on "Send" says it)
EMAIL_CASES = [((1080, 1920), "fr", False), ((1920, 1080), "de", False)]


@pytest.mark.parametrize("size, language, accessible", EMAIL_CASES, ids=["portrait-fr", "landscape-de"])
def test_the_emails_reasons_stand_beside_the_field_and_the_box_they_ask_for(
        tmp_path: Path, size: tuple[int, int], language: str, accessible: bool) -> None:
    pilot = start(tmp_path, size, language, accessible)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.tap(t("Send it to me by email"))
        pilot.advance(0.1)
        target = pilot.app.display().screen.theme.size("touch_target")
        address = one(pilot, t("Type your email address"), "text")
        field = next(w for w in widgets(pilot) if w["role"] == "textbox")
        assert beside(address, field, target // 2), f"the address's reason by the field {field['bounds']}: {address}"
        readable(pilot, tmp_path, address, accessible)
        pilot.type("ada@example.org")
        pilot.advance(0.1)
        tick = one(pilot, t("Tick the required box first"), "text")
        box = one(pilot, t("I agree to receive this email (required)"), "checkbox")
        assert beside(tick, box, target // 2), f"the consent's reason by its box {box['bounds']}: {tick['bounds']}"
        readable(pilot, tmp_path, tick, accessible)
        send = one(pilot, t("Send"), "button")
        pilot.tap(t("I agree to receive this email (required)"))
        pilot.advance(0.1)
        assert not any(w["label"] == t("Tick the required box first") for w in widgets(pilot)), "gone once ticked"
        assert one(pilot, t("Send"), "button")["bounds"][2:] == send["bounds"][2:], "Send kept its size"
    finally:
        pilot.close()
