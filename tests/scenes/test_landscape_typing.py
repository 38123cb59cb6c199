"""Typing on a landscape screen (issues 22 and 25): the keyboard beside the form, so that the email
keyboard keeps its row of domains and a search shows several results whole; in accessible mode every
control of the form (its field, its submit, its choices) within reach in the lower part of the screen,
and the filters' sheet with its Close there too. Read from the tree and the pixels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.layout_check import keyboard_problems, layout_problems, reach_problems, widgets_without_ink
from tests.scenes.helpers import started

LANDSCAPE = [("terminal", (1920, 1080)), ("window", (3840, 2160))]
IDS = [f"{display}-{w}x{h}" for display, (w, h) in LANDSCAPE]


@pytest.fixture(params=LANDSCAPE, ids=IDS)
def landscape(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session on a landscape screen, mail configured (email offered)."""
    display, size = request.param
    pilot = started(tmp_path, display, size, "de", mail=True)
    yield pilot
    pilot.close()


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The tree of what shows now."""
    pilot.advance(0.1)
    return pilot.request("tree")["displays"][pilot.app.display().name]["widgets"]


def open_moment(pilot: Pilot, moment: str) -> None:
    """A form with the keyboard up and something typed, or the filters' sheet."""
    ctx = pilot.app.display().ctx
    t = ctx.t
    if moment == "email":
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(t("Send it to me by email"))
        pilot.type("ada@example.org")
    elif moment == "checkout":
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        pilot.type("ada@example.org")
    elif moment == "review":
        ctx.show(ctx.routes.review("RUN-115"))
        pilot.advance(0.1)
        pilot.type("Sehr bequem")
    elif moment == "search":
        ctx.show(ctx.routes.search())
        pilot.advance(0.1)
        pilot.type("zelt")
    else:
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        pilot.tap(t("Sort and filter"))
        assert pilot.scene == "filters"


SUBMITS = {"email": "Send", "checkout": "Next", "review": "Next", "search": "Clear all", "filters": "Close"}


@pytest.mark.parametrize("moment", list(SUBMITS))
@pytest.mark.quick_first(1)  # every form and shape in CI
def test_in_accessible_mode_every_control_of_a_landscape_form_is_within_reach(landscape: Pilot, moment: str,
                                                                             tmp_path: Path) -> None:
    display = landscape.app.display()
    display.set_accessible(True)
    open_moment(landscape, moment)
    shown = widgets(landscape)
    size = display.screen.full.get_size()
    reach = display.shop.config.accessibility.reach
    assert reach_problems(shown, size, reach) == []
    t = display.ctx.t
    submit = [w for w in shown if w["label"] == t(SUBMITS[moment]) and not w["clipped"]]
    assert submit, f"{t(SUBMITS[moment])!r} in sight"
    fields = [w for w in shown if w["role"] == "textbox"]
    if moment != "filters":  # the field being typed in, whole, over or beside the keys
        assert fields and not fields[0]["clipped"]
        keys = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "keyboard"))
        assert not keys.colliderect(pygame.Rect(fields[0]["bounds"]))
    picture = landscape.picture()
    assert widgets_without_ink(shown, picture) == []
    assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
    if moment != "search":  # (a list of results shows its last row in part, as lists do)
        assert keyboard_problems(shown) == []


def test_the_email_keyboard_of_a_landscape_screen_has_its_row_of_domains(landscape: Pilot) -> None:
    open_moment(landscape, "email")
    shown = widgets(landscape)
    keys = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "keyboard"))
    domains = [w for w in shown if w["role"] == "button" and w["label"].startswith("@") and "." in w["label"]
               and keys.contains(pygame.Rect(w["bounds"]))]
    assert len(domains) >= 3, f"a row of email domains over the keys: {[w['label'] for w in domains]}"
    field = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "textbox"))
    assert field.bottom <= keys.top, "the field in sight above the keys"


@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "a11y"])
@pytest.mark.quick_first(1)  # every shape in CI
def test_a_landscape_search_shows_results_whole_beside_the_keyboard(landscape: Pilot, accessible: bool) -> None:
    display = landscape.app.display()
    display.set_accessible(accessible)
    open_moment(landscape, "search")
    shown = widgets(landscape)
    assert any(w["role"] == "keyboard" for w in shown), "the keyboard is up"
    found = display.ctx.screen.stack.top.details()["products"]
    assert len(found) >= 4
    titles = {display.ctx.shop.catalog.product(sku).title("de") for sku in found}
    whole = [w["label"] for w in shown if w["role"] == "button" and w["label"] in titles and not w["clipped"]]
    # accessible mode: the results within reach beside the keys, and the first of them said above the zone
    assert len(whole) >= (1 if accessible else 3), f"results shown whole: {whole}"
    if accessible:
        said = " ".join(w["label"] for w in shown if w["role"] == "text")
        assert sum(title in said for title in titles) >= 3, said
