"""The header looks the same on every screen of a display: the language button and the title do not
change when the cart appears; and it has one form on every shape of the product."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import header_form, header_problems, widgets_off_screen
from tests.scenes.helpers import session
from tests.test_layout_matrix import accessibility_labels, header_words


def header(pilot: Pilot) -> dict[str, Any]:
    """The bar's title and language button (the bar is at the top, or at the bottom in accessible mode on a
    landscape screen)."""
    widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
    height = pilot.app.display().screen.theme.size("header")
    language = next(w for w in widgets if w["label"] in ("Langue", "Sprache"))
    bar_y = language["bounds"][1] + language["bounds"][3] // 2
    near = [w for w in widgets if abs(w["bounds"][1] + w["bounds"][3] // 2 - bar_y) < 2 * height]
    # the bar's own title: the heading nearest the bar (a page's section heading can show near it too)
    title = min((w for w in near if w["role"] == "heading"),
                key=lambda w: abs(w["bounds"][1] + w["bounds"][3] // 2 - bar_y))
    shown = {w["label"]: w["bounds"][2:] for w in near if w["role"] == "button" and w["label"] in BACK_AND_HOME}
    return {"title_box": title["bounds"][3], "language_box": language["bounds"][2:], "back_home": shown}


BACK_AND_HOME = ("Retour", "Accueil", "Zurück", "Start")


@pytest.mark.parametrize("size, language, accessible", [((1080, 1920), "fr", False), ((1080, 1920), "de", True),
                                                        ((800, 1280), "de", False), ((1920, 1080), "de", True)])
@pytest.mark.quick_first(1)  # every shape in CI
def test_the_title_and_the_language_stay_put_when_the_cart_appears(tmp_path: Path, size: tuple[int, int],
                                                                   language: str, accessible: bool) -> None:
    text = DEFAULT_CONFIG.read_text().replace('default_language = "fr"', f'default_language = "{language}"')
    text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", text, count=1, flags=re.M)
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 2)
        if accessible:
            pilot.app.display().set_accessible(True)
        pilot.scan("2001000001026")  # the carbon road bike: a long name
        before = header(pilot)
        pilot.tap("Ajouter au panier" if language == "fr" else "In den Warenkorb")
        assert any(label.startswith(("Panier (", "Warenkorb (")) for label in pilot.labels())
        pilot.advance(4)  # the confirmation, shown in the title's place, is over
        assert header(pilot) == before
    finally:
        pilot.close()


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (800, 1280)])
@pytest.mark.quick_first(1)  # every shape in CI
def test_back_home_and_the_language_look_the_same_on_every_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    """The bar's buttons keep one form on a display, whatever the title beside them (they went from words to
    signs, and the language from its code to its name, on the screens with a long title)."""
    text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", DEFAULT_CONFIG.read_text(), count=1,
                  flags=re.M)
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 2)
        pilot.scan("2001000001026")
        pilot.tap("Ajouter au panier")
        pilot.advance(4)  # the confirmation, shown in the title's place, is over
        seen = [header(pilot)]
        ctx = pilot.app.display().ctx
        for scene in (ctx.routes.review("RUN-115"), ctx.routes.checkout(), ctx.routes.share(["RUN-115"])):
            ctx.show(scene)
            pilot.advance(0.1)
            seen.append(header(pilot))
        assert all(bar["language_box"] == seen[0]["language_box"] for bar in seen), seen
        assert all(bar["back_home"] == seen[0]["back_home"] for bar in seen), seen
    finally:
        pilot.close()


def header_forms(pilot: Pilot, screens: int = 4) -> list[tuple[int, list[tuple[str, str]]]]:
    """The header's form (height, and each button's icon and words) on a department, a review with its long
    title, the cart and home."""
    ctx = pilot.app.display().ctx
    screen = pilot.app.display().screen
    labels = accessibility_labels(ctx)
    width, height = screen.full.get_size()
    landscape = width > height
    seen = []
    for scene in (ctx.routes.browse("running"), ctx.routes.review("RUN-115"), ctx.routes.cart(),
                  ctx.routes.home())[:screens]:
        ctx.show(scene)
        pilot.advance(0.1)
        root = screen.stack.top.tree(screen.size)
        problems = header_problems(root, labels, header_words(ctx), landscape) + widgets_off_screen(root, screen.size)
        assert problems == [], f"{scene.name}: {problems}"
        form = header_form(root, labels)
        assert form is not None
        seen.append(form)
    return seen


SHAPES = [("terminal", (1080, 1920)), ("terminal", (1920, 1080)), ("terminal", (800, 1280)),
          ("window", (3840, 2160)), ("window", (2160, 3840))]


@pytest.mark.parametrize("language, accessible", [("fr", False), ("de", True)])
@pytest.mark.slow  # five shapes, every screen: CI runs it (the title and back home stay quick)
def test_one_header_form_on_every_shape_and_screen(tmp_path: Path, language: str, accessible: bool) -> None:
    """The review's long title never takes a line of its own on some screens only: the bar is one height on
    every screen of a display, each button its icon over its word on every shape (no "‹" on a portrait screen
    and "Retour" on a landscape one, no "FR" here and "Français" there)."""
    words_by_shape: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for display, size in SHAPES:
        folder = tmp_path / f"{display}-{size[0]}"
        folder.mkdir()
        with session(folder, display, size, language, accessible=accessible, cart=("RUN-112",)) as pilot:
            seen = header_forms(pilot)
            heights = {height for height, _ in seen}
            assert len(heights) == 1, f"{size}: the header's height changes between screens: {seen}"
            words_by_shape[size] = {(icon, shown.split(" (")[0]) for _, buttons in seen for icon, shown in buttons}
    forms = list(words_by_shape.values())
    assert all(form == forms[0] for form in forms), f"the header's buttons differ between shapes: {words_by_shape}"
