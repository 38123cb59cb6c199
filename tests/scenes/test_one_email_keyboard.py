"""One email keyboard in accessible mode (designer's review, issue 22): the checkout's had a "123" key and an
Enter key saying "Weiter", the email form's a row of digits, no "123", a last row shifted to the right and an
oversized "OK" that did nothing beside "Senden". Now both forms show the same keys in the same places on every
shape, their Enter key says what the form's button says and does it; and a German shopper in a French store is
offered German domains (@gmx.de, @web.de), not @orange.fr between them."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.keyboard import ENTER, Keyboard
from kiosk.ui.widgets import Button
from tests.cart_lines import put_in_cart
from tests.scenes.helpers import started, tap_on
from tests.test_layout_matrix import SHAPES

CASES = [(shape, language) for shape in SHAPES for language in ("de", "fr")]
Key = tuple[int, str, float, float]  # its row, what it shows, its left and its width in keyboard widths


def keyboard(pilot: Pilot) -> Keyboard:
    """The keyboard on screen."""
    screen = pilot.app.display().screen
    found = [widget.parent for widget in screen.stack.top.tree(screen.size).walk()
             if isinstance(widget, Button) and isinstance(widget.parent, Keyboard) and widget.visible]
    assert found, "no keyboard on screen"
    keys = found[0]
    assert isinstance(keys, Keyboard)
    return keys


def keys_of(pilot: Pilot) -> list[Key]:
    """The keys on screen, row by row, each placed in the keyboard's width (the row of domains over them left
    out: it offers what the shopper typed before too)."""
    keys = keyboard(pilot)
    over = {shortcut.label for shortcut in keys.shortcuts}
    letters = [key for key in keys.keys if key.label not in over]
    tops = sorted({key.rect.y for key in letters})
    width = keys.rect.width
    return [(tops.index(key.rect.y), key.shown or key.label, round((key.rect.x - keys.rect.x) / width, 3),
             round(key.rect.width / width, 3)) for key in letters]


def status(pilot: Pilot) -> str:
    """What the screen's status zone says."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return " ".join(w["label"] for w in widgets if w["role"] == "status")


def ink(pilot: Pilot, folder: Path, button: Button) -> int:
    """How many of the button's pixels differ from its face's colour (its word drawn in it)."""
    picture = pygame.image.load(str(pilot.screenshot(folder / "keys.png")))
    top = pilot.app.display().screen.offset
    inside = button.screen_rect().move(0, top).inflate(-2 * button.inset - 4, -2 * button.inset - 4)
    face = picture.get_at(inside.topleft)
    return sum(picture.get_at((x, y)) != face for x in range(inside.left, inside.right, 2)
               for y in range(inside.top, inside.bottom, 2))


@pytest.mark.parametrize("shape, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for (d, (w, h)), lang in CASES])
def test_the_checkout_and_the_email_form_show_one_keyboard_whose_enter_says_the_forms_button(
        tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str) -> None:
    display, size = shape
    pilot = started(tmp_path, display, size, language, accessible=True, mail=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        if t("By email") in pilot.labels():  # (asked on its own first on the accessible tablet)
            pilot.tap(t("By email"))
        pilot.type("ada@example.org")
        at_checkout = keys_of(pilot)
        enter = next(key for key in keyboard(pilot).keys if key.label == t(ENTER))
        assert enter.shown == t("Next") and t("Next") in pilot.labels(), "the checkout's Enter says its Next"
        assert "123" in [shown for _, shown, _, _ in at_checkout], "the digits on the second page"

        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(t("Send it to me by email"))
        pilot.type("ada@example.org")
        in_email = keys_of(pilot)
        enter = next(key for key in keyboard(pilot).keys if key.label == t(ENTER))
        assert enter.shown == t("Send") and t("Send") in pilot.labels(), "the email's Enter says its Send"
        assert ink(pilot, tmp_path, enter) > 20, f"{enter.shown!r} drawn on its key"
        same = [(row, shown if shown != t("Send") else t("Next"), x, w) for row, shown, x, w in in_email]
        assert same == at_checkout, f"one keyboard:\ncheckout {at_checkout}\nemail    {in_email}"

        tap_on(pilot, enter)  # (disabled, as "Send" is)
        assert pilot.scene == "email", "nothing sent before the required box is ticked"
        assert status(pilot) == t("Tick the required box first"), "Enter says why, as Send does when tapped"
        pilot.tap(t("I agree to receive this email (required)"))
        pilot.tap(t(ENTER))
        assert pilot.scene != "email", "Enter sent the email, as Send does"
    finally:
        pilot.close()
