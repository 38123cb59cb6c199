"""What a shopper or staff types is not written large for the queue behind them to read (designer's review,
issue 22): in accessible mode the email address showed whole, in the headline's size, above the reach zone
(on a landscape screen, where the field beside the keys has one line only, and in a portrait screen's strip).
Now only a glimpse shows there (its first letters and its domain, for a low-vision shopper to check it is
theirs), and the whole address is in the field within reach, in a size that holds it. The staff PIN shows as
dots only: no digit of it is ever written, in the tree, the strip or the pixels' words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import display_reach
from tests.scenes.helpers import session
from tests.scenes.test_accessible_fields import shown_field
from tests.test_layout_matrix import SHAPES

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]
LONG = "daniela.schneider-hoffmann@example.org"



def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def out_of_reach_words(pilot: Pilot) -> list[str]:
    """The words shown above the reach zone: a portrait screen's strip, and the texts over the reach zone of a
    landscape one (the form's summary)."""
    display = pilot.app.display()
    full_height = display.screen.full.get_height()
    top = round(full_height * (1 - display_reach(display)))
    return [*display.screen.banner_lines,
            *(w["label"] for w in widgets(pilot) if w["role"] in ("text", "status") and w["bounds"][1] < top)]


def test_the_accessible_email_shows_a_glimpse_out_of_reach_and_the_whole_address_within_reach(
        accessible: Pilot) -> None:
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.share(["RUN-115"]))
    pilot.advance(0.1)
    pilot.tap(ctx.t("Send it to me by email"))
    assert pilot.scene == "email"
    pilot.type(LONG)
    pilot.advance(0.1)
    above = out_of_reach_words(pilot)
    assert not [words for words in above if "daniela" in words or "schneider" in words], \
        f"the address is written out of reach, for anyone around to read: {above}"
    assert any("da•••@example.org" in words for words in above), \
        f"a glimpse of the address (first letters, domain) out of reach, for a low-vision shopper: {above}"
    screen = pilot.app.display().screen
    field = shown_field(pilot)
    assert "".join(field.lines(screen.theme, screen.text, field.rect.width)) == LONG, \
        "the whole address reads in the field, within reach"
    assert field.text_size(screen.theme, screen.text, field.rect.width) >= screen.theme.size("text"), \
        "in the body's size at least"


@pytest.mark.parametrize("shape", SHAPES, ids=IDS)
@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "a11y"])
def test_the_staff_pin_is_never_echoed(tmp_path: Path, shape: tuple[str, tuple[int, int]], accessible: bool) -> None:
    """Digit after digit, the pad shows dots: no text, status or strip line carries a digit (only the keys
    do), and the state says how many digits are typed, never which."""
    display, size = shape
    with session(tmp_path, display, size, "fr", accessible=accessible) as pilot:
        pilot.advance(0.1)
        said_before = pilot.app.display().screen.banner_lines  # (the strip keeps what it said: the store's hours)
        pilot.app.display().staff.open_pin_pad()
        pilot.advance(0.1)
        for count, digit in enumerate("258", start=1):
            pilot.tap(digit)
            pilot.advance(0.1)
            shown = [w["label"] for w in widgets(pilot) if w["role"] != "button" or not w["label"].isdigit()]
            shown += [line for line in pilot.app.display().screen.banner_lines if line not in said_before]
            echoed = [label for label in shown if any(char.isdigit() for char in label)]
            assert echoed == [], f"after {count} digits, a digit is written: {echoed}"
            assert pilot.details()["digits"] == count
            dots = [label for label in shown if "●" in label]
            assert dots and all(label.count("●") == count for label in dots), dots
