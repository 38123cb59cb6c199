"""Every keyboard as the checkout's (designer's review of normal mode, issue 22): the keys of the email form,
the review and the search stood on the screen's bottom edge, only the checkout's kept a margin under them; and
the keyboard's Enter key looked ready to tap beside a greyed "Send" (an incomplete address). Now every keyboard
keeps the checkout's room under it on every shape, and its Enter key is disabled (drawn so, said so, and saying
why when tapped) exactly while the form's button it stands for is."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.keyboard import ENTER, Keyboard
from kiosk.ui.widgets import Button
from tests.scenes.helpers import session, started, tap_on
from tests.scenes.test_chosen_size_tinted import ground
from tests.scenes.test_one_email_keyboard import keyboard, status
from tests.test_layout_matrix import SHAPES

CASES = [(shape, language) for shape in SHAPES for language in ("fr", "de")]
IDS = [f"{d}-{w}x{h}-{lang}" for (d, (w, h)), lang in CASES]


def room_under(pilot: Pilot) -> int:
    """Pixels between the keyboard's lowest key and the screen's bottom edge."""
    keys = keyboard(pilot)
    lowest = max(key.screen_rect().bottom for key in keys.keys if key.visible)
    return pilot.app.display().screen.size[1] - lowest


def enter_key(pilot: Pilot) -> Button:
    """The keyboard's Enter key."""
    t = pilot.app.display().ctx.t
    return next(key for key in keyboard(pilot).keys if key.label == t(ENTER))


def send_button(pilot: Pilot, label: str) -> Button:
    """The form's button called `label` (not the Enter key that says the same)."""
    screen = pilot.app.display().screen
    return next(widget for widget in screen.stack.top.tree(screen.size).walk()
                if isinstance(widget, Button) and widget.label == label and widget.visible
                and not isinstance(widget.parent, Keyboard))


def checkout_room(folder: Path, display: str, size: tuple[int, int], language: str) -> int:
    """The room under the checkout's keys, its address typed."""
    with session(folder, display, size, language, cart=("RUN-112",), screen=lambda routes: routes.checkout()) as pilot:
        pilot.type("ada@example.org")
        return room_under(pilot)


@pytest.mark.parametrize("shape, language", CASES, ids=IDS)
def test_every_keyboard_keeps_the_checkouts_room_over_the_screens_edge(
        tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str) -> None:
    display, size = shape
    pilot = started(tmp_path, display, size, language, mail=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        gap = ctx.theme.size("gap")
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(t("Send it to me by email"))
        pilot.type("ada@example")
        email = room_under(pilot)
    finally:
        pilot.close()
    checkout = checkout_room(tmp_path, display, size, language)
    assert email >= gap, f"the email's keys {email} px over the screen's edge (the theme's gap is {gap})"
    assert checkout >= gap, f"the checkout's keys {checkout} px over the screen's edge"
    # (the 4K window's checkout keeps a margin under its keys where its order stands over them: more, not less)
    assert email <= checkout + gap // 2, f"the email's keys {email} px over the edge, the checkout's {checkout}"


@pytest.mark.parametrize("shape, language", CASES[:2], ids=IDS[:2])
def test_the_search_keys_stand_clear_of_the_edge(tmp_path: Path, shape: tuple[str, tuple[int, int]],
                                                 language: str) -> None:
    display, size = shape
    with session(tmp_path, display, size, language, screen=lambda routes: routes.search()) as pilot:
        pilot.type("ro")
        gap = pilot.app.display().ctx.theme.size("gap")
        assert room_under(pilot) >= gap, "the search's keys on the screen's edge"


@pytest.mark.parametrize("shape, language", CASES, ids=IDS)
def test_enter_is_disabled_exactly_while_send_is(tmp_path: Path, shape: tuple[str, tuple[int, int]],
                                                 language: str) -> None:
    display, size = shape
    pilot = started(tmp_path, display, size, language, mail=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(t("Send it to me by email"))
        pilot.type("ada@example")  # incomplete: "Send" greyed
        assert not send_button(pilot, t("Send")).enabled
        enter = enter_key(pilot)
        assert not enter.enabled, "Enter looks ready beside a greyed Send"
        spoken = next(w for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                      if w["label"] == t(ENTER))
        assert spoken.get("enabled") is False, f"Enter is said to be available: {spoken}"
        tap_on(pilot, enter)
        assert pilot.scene == "email"
        assert status(pilot) == t("This address looks incomplete."), "the disabled Enter says why, as Send does"

        pilot.type(".org")
        pilot.tap(t("I agree to receive this email (required)"))
        assert send_button(pilot, t("Send")).enabled
        assert enter_key(pilot).enabled, "Enter disabled beside a Send ready to tap"
        pilot.tap(t(ENTER))
        assert pilot.scene != "email", "Enter sent the email, as Send does"
    finally:
        pilot.close()


def test_the_checkouts_enter_follows_its_next(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", (1080, 1920), "fr", cart=("RUN-112",),
                 screen=lambda routes: routes.checkout()) as pilot:
        t = pilot.app.display().ctx.t
        pilot.type("ada@")
        assert not send_button(pilot, t("Next")).enabled and not enter_key(pilot).enabled
        pilot.type("example.org")
        assert send_button(pilot, t("Next")).enabled and enter_key(pilot).enabled


@pytest.mark.parametrize("language, accessible", [("fr", False), ("de", True)])
def test_a_ready_enter_key_wears_the_forms_button_colour(tmp_path: Path, language: str, accessible: bool) -> None:
    """Ready, the Enter key reads as the form's next step, not as one more key: it was the grey of '123' and
    '.com' beside a Next in the primary colour, and told apart from its disabled self only by an outline against
    a fill (designer's review, both modes)."""
    with session(tmp_path, "terminal", (1920, 1080), language, accessible=accessible, cart=("RUN-112",),
                 screen=lambda routes: routes.checkout()) as pilot:
        t = pilot.app.display().ctx.t
        pilot.type("ada@example.org")
        picture = pilot.picture()

        def face(button: Button) -> tuple[int, int, int]:
            return ground(picture, button.screen_rect().inflate(-2 * button.inset - 4, -2 * button.inset - 4))

        letter = next(key for key in keyboard(pilot).keys if key.label == "a")
        assert face(enter_key(pilot)) == face(send_button(pilot, t("Next"))), "Enter unlike the form's Next"
        assert face(enter_key(pilot)) != face(letter), "Enter the same grey as every key"
