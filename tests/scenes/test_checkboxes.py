"""Tick boxes drawn as tick boxes (designer's review, issue 22): a consent, an opt-in and a compare tick are
a box with a drawn tick, ticked and empty told apart at a glance, said as such to speech and in the tree; the
shop window's cards say what their tick does."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Toggle
from tests.cart_lines import put_in_cart
from tests.layout_check import widgets_without_ink
from tests.scenes.helpers import session
from tests.scenes.test_accessible_mode import needs_espeak, speaking, wait_spoken  # noqa: F401 (a fixture)


def boxes(pilot: Pilot) -> list[dict[str, object]]:
    """The tick boxes of the screen, as the tree lists them."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return [w for w in widgets if w["role"] == "checkbox"]


def colour_count(picture: pygame.Surface, area: pygame.Rect, colour: tuple[int, ...]) -> int:
    """How many pixels of `area` are `colour` (or within a few steps of it)."""
    count = 0
    for x in range(area.left, area.right):
        for y in range(area.top, area.bottom):
            pixel = picture.get_at((x, y))
            count += all(abs(a - b) <= 8 for a, b in zip(pixel[:3], colour[:3], strict=True))
    return count


@pytest.mark.parametrize("language, accessible", [("fr", False), ("de", True)])
@pytest.mark.quick_first(1)  # German in accessible mode in CI
def test_the_email_consents_are_tick_boxes_that_show_whether_they_are_ticked(tmp_path: Path, language: str,
                                                                             accessible: bool) -> None:
    with session(tmp_path, "terminal", (1080, 1920), language, mail=True, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.tap(t("Send it to me by email"))
        consent, offers = t("I agree to receive this email (required)"), t("Send me the store's offers too")
        pilot.tap(offers)
        pilot.advance(0.1)
        shown = {str(w["label"]): w for w in boxes(pilot)}
        assert set(shown) == {consent, offers}, f"the consents are tick boxes, not buttons: {shown}"
        assert shown[consent]["checked"] is False and shown[offers]["checked"] is True
        assert not any(sign in w.label for w in pilot.app.display().screen.stack.top.tree((1080, 1920)).walk()
                       for sign in "☐☑"), "no tick drawn with a font's sign"
        picture = pilot.picture()
        theme = pilot.app.display().screen.theme
        side = Toggle.box_side(theme, pilot.app.display().screen.text, "text")
        assert side >= (42 if accessible else 34), "a box as tall as a line of its words, larger in accessible mode"
        assert min(w["bounds"][3] for w in shown.values()) >= theme.size("touch_target"), "the chip is the target"  # type: ignore[index]
        primary, on_primary = theme.color("primary"), theme.color("on_primary")
        filled = {}
        for label, widget in shown.items():
            x, y, w, h = widget["bounds"]  # type: ignore[misc]  (the whole screen's, as the screenshot)
            box = pygame.Rect(x, y, min(w, side * 2), h)  # the box, at the start of the row
            filled[label] = (colour_count(picture, box, primary), colour_count(picture, box, on_primary))
        assert filled[offers][0] > side * side // 3 and filled[offers][1] > side, \
            f"the ticked box is filled and its tick drawn over it: {filled}"
        assert filled[consent][0] < side * side // 6, f"the empty box is only outlined: {filled}"
        assert widgets_without_ink(pilot.request("tree")["displays"][pilot.display_name]["widgets"], picture) == []


def test_the_checkout_opt_in_is_a_tick_box(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", (1080, 1920), "fr", cart=("RUN-112",)) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.checkout())
        offers = ctx.t("Send me the store's offers too")
        assert [(w["label"], w["checked"]) for w in boxes(pilot)] == [(offers, False)]
        pilot.tap(offers)
        assert [(w["label"], w["checked"]) for w in boxes(pilot)] == [(offers, True)]


@pytest.mark.parametrize("size, language, accessible", [((3840, 2160), "fr", False), ((2160, 3840), "de", True)])
@pytest.mark.quick_first(1)  # the portrait window in CI
def test_the_windows_cards_say_what_their_tick_does(tmp_path: Path, size: tuple[int, int], language: str,
                                                    accessible: bool) -> None:
    with session(tmp_path, "window", size, language, accessible=accessible) as pilot:
        pilot.advance(0.1)
        screen = pilot.app.display().screen
        word = pilot.app.display().ctx.t("Compare")
        ticks = [w for w in screen.stack.top.tree(screen.size).walk() if isinstance(w, Toggle)]
        assert ticks, "the cards have their compare tick"
        wide = screen.text.width(word, screen.theme.size("small"), True)
        for tick in ticks:
            assert tick.shown == word and tick.rect.width > wide, \
                f"the tick shows the word {word!r} whole ({wide} px) beside its box, not a bare square: {tick.rect}"
            card = tick.parent
            assert card is not None
            picture = next(w for w in card.walk() if w.role == "image")
            assert not picture.rect.colliderect(tick.rect), "the tick beside the picture, not over it"


@needs_espeak
def test_speech_says_whether_a_box_is_ticked(speaking: Pilot) -> None:  # noqa: F811 (the fixture)
    speaking.tap("Accessibilité")
    wait_spoken(speaking, 1)
    ctx = speaking.app.display().ctx
    put_in_cart(ctx, "RUN-112")
    ctx.show(ctx.routes.checkout())
    offers = ctx.t("Send me the store's offers too")
    for _ in range(30):
        speaking.key("down")
        if speaking.details()["focus"] == offers:
            break
    said = ("fr", f"{offers} : non coché")
    deadline = time.monotonic() + 15
    while said not in ctx.shop.speaker.spoken and time.monotonic() < deadline:
        time.sleep(0.05)
    assert said in ctx.shop.speaker.spoken, ctx.shop.speaker.spoken


@pytest.mark.parametrize("language, accessible, said", [("fr", False, "3 sur 5"), ("de", True, "3 von 5")])
@pytest.mark.quick_first(1)  # German in accessible mode in CI
def test_the_rating_chosen_shows_in_filled_stars_and_in_words(tmp_path: Path, language: str, accessible: bool,
                                                              said: str) -> None:
    with session(tmp_path, "terminal", (1080, 1920), language, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.review("RUN-115"))
        pilot.tap(t("{count} stars", count=3))
        pilot.advance(0.1)
        tree = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        stars = [w for w in tree if w["role"] == "radio"]
        assert [w["checked"] for w in stars] == [False, False, True, False, False], "the third star is the one chosen"
        assert any(w["role"] == "text" and w["label"] == said for w in tree), f"the rating in words: {said!r}"
        picture = pilot.picture()
        gold = ctx.theme.color("star")
        filled = [colour_count(picture, pygame.Rect(w["bounds"]), gold) for w in stars]
        side = stars[0]["bounds"][2]
        assert all(count > side * side // 12 for count in filled[:3]), f"stars 1-3 filled: {filled}"
        assert all(count < side * side // 50 for count in filled[3:]), f"stars 4-5 empty: {filled}"
        chosen = next(w for w in pilot.app.display().screen.stack.top.tree((1080, 1920)).walk()
                      if w.role == "radio" and getattr(w, "checked", False))
        assert pilot.app.display().spoken(chosen) == t("{label}: {state}", label=t("{count} stars", count=3),
                                                       state=t("chosen"))
