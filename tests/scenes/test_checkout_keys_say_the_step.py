"""The checkout's keyboard speaks the shopper's step and language (designer's review of accessible mode, issue
22): its Enter key said "OK" beside the form's "Weiter" for the same step, and its address endings were the
store's country's (".fr") on a German screen. Now Enter says the step's word, whole, and the endings are the
language's."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.keyboard import ENTER, Keyboard
from kiosk.ui.widgets import Button
from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import pilot_for

ENDINGS = {"de": {".de", ".com"}, "fr": {".fr", ".com"}, "es": {".es", ".com"}}
CASES = [("de", (800, 1280), True), ("de", (1080, 1920), False), ("fr", (800, 1280), True),
         ("es", (1080, 1920), True)]


def keyboard(pilot: Pilot) -> Keyboard:
    screen = pilot.app.display().screen
    found = [widget for widget, _ in screen.stack.top.tree(screen.size).accessible(screen.full.get_rect())
             if isinstance(widget, Button) and isinstance(widget.parent, Keyboard)]
    assert found, "no keyboard on screen"
    parent = found[0].parent
    assert isinstance(parent, Keyboard)
    return parent


@pytest.mark.parametrize("language, size, accessible", CASES,
                         ids=[f"{lang}-{w}x{h}-{'a11y' if a else 'normal'}" for lang, (w, h), a in CASES])
def test_the_checkouts_enter_key_says_next_and_its_endings_are_the_languages(
        tmp_path: Path, language: str, size: tuple[int, int], accessible: bool) -> None:
    pilot = pilot_for(tmp_path, "terminal", size, language, mail=True)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        pilot.app.display().set_accessible(accessible)
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        if t("By email") in pilot.labels():  # asked on its own first (the accessible tablet)
            pilot.tap(t("By email"))
        pilot.type("ada@example.org")
        keys = keyboard(pilot)
        said = {key.shown or key.label for key in keys.keys}
        assert {s for s in said if s.startswith(".") and len(s) > 1} == ENDINGS[language], sorted(said)
        enter = next(key for key in keys.keys if key.label == t(ENTER))
        assert enter.shown == t("Next") and t("Next") in pilot.labels(), "Enter says the form's own step"
        room = enter.rect.width - 2 * enter.inset - theme.px(4)
        assert ctx.screen.text.width(enter.shown, theme.size("small"), True) <= room, \
            f"{enter.shown!r} cut on its {enter.rect.width} px key"
        pilot.tap(t(ENTER))
        assert pilot.details()["step"] != "contact", "Enter went on to the next step, as Next does"
    finally:
        pilot.close()
