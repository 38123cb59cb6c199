"""The email keyboard's domain keys follow the shopper's language too (designer's review, issue 22): a German
speaker in a French store is a visitor and finds @gmx.de and @web.de after @gmail.com (@orange.fr, French, stood
between them: second review), on every shape and in both modes (where the keys have their row); a German speaker
in a Swiss store gets the Swiss domains first; no domain twice, every key whole in the keyboard's row. In
accessible mode the domains stay over keys a little lower, the digits on the keyboard's second page: the
short rooms of the landscape screens and of the portrait ones once typed showed no domain at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.config.settings import load_config
from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]
GERMAN = {"@gmx.de", "@web.de", "@t-online.de", "@gmx.net"}
FRENCH = {"@orange.fr", "@free.fr", "@hotmail.fr", "@laposte.net", "@sfr.fr", "@wanadoo.fr", "@yahoo.fr"}


def start(tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str, accessible: bool) -> Pilot:
    display, size = shape
    pilot = started(tmp_path, display, size, language, mail=True, accessible=accessible)
    return pilot


def domain_keys(pilot: Pilot) -> list[dict[str, Any]]:
    """The domain keys over the keyboard, left to right, each checked to stand whole in the keyboard."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    keyboard = pygame.Rect(next(w["bounds"] for w in widgets if w["role"] == "keyboard"))
    keys = [w for w in widgets if w["role"] == "button" and w["label"].startswith("@") and len(w["label"]) > 1]
    for key in keys:
        assert keyboard.contains(pygame.Rect(key["bounds"])) and not key["clipped"], f"{key} out of {keyboard}"
    return sorted(keys, key=lambda key: key["bounds"][0])


# Every shape in both modes but the tablet's accessible mode, whose form has no room for a row of domain keys
# over the letters (the form's consent box scrolls there already: the keys' room goes to the form first)
CASES = [(shape, accessible) for shape in SHAPES for accessible in (False, True)
         if not (accessible and shape[1] == (800, 1280))]


@pytest.mark.parametrize("shape, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for (d, (w, h)), a in CASES])
def test_a_german_speaker_in_a_french_store_gets_german_domains_before_any_french_one(
        tmp_path: Path, shape: tuple[str, tuple[int, int]], accessible: bool) -> None:
    pilot = start(tmp_path, shape, "de", accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(ctx.t("Send it to me by email"))
        pilot.advance(0.1)
        keys = [key["label"] for key in domain_keys(pilot)]
        assert len(keys) == len(set(keys)), f"a domain twice: {keys}"
        assert keys[:3] == ["@gmail.com", "@gmx.de", "@web.de"], f"the language's most used first: {keys}"
        last_german = max(keys.index(key) for key in keys if key in GERMAN)
        assert all(keys.index(key) > last_german for key in keys if key in FRENCH), f"the country's after: {keys}"
        pilot.type("ada")
        german = next(key for key in keys if key in GERMAN)
        pilot.tap(german)
        assert pilot.details()["valid"], f"ada{german} typed in one tap"
        ctx.show(ctx.routes.checkout())  # the checkout's contact step: the same keys
        pilot.advance(0.1)
        assert [key["label"] for key in domain_keys(pilot)] == keys
    finally:
        pilot.close()


def test_a_french_speaker_gets_the_french_domains_only(tmp_path: Path) -> None:
    pilot = start(tmp_path, ("terminal", (1080, 1920)), "fr", False)
    try:
        ctx = pilot.app.display().ctx
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        keys = [key["label"] for key in domain_keys(pilot)]
        assert keys[:3] == ["@gmail.com", "@orange.fr", "@free.fr"] and not set(keys) & GERMAN, keys
    finally:
        pilot.close()


def test_a_german_speaker_in_a_swiss_store_gets_the_swiss_domains_first(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text().replace('country = "FR"', 'country = "CH"') \
        .replace('default_language = "fr"', 'default_language = "de"')
    assert 'country = "CH"' in text and 'default_language = "de"' in text
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=540, y=640)
        ctx = pilot.app.display().ctx
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        keys = [key["label"] for key in domain_keys(pilot)]
        assert keys[:2] == ["@gmail.com", "@bluewin.ch"] and "@gmx.de" in keys, f"German is spoken there: {keys}"
    finally:
        pilot.close()
