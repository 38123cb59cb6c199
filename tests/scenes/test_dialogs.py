"""Dialogs and the PIN pad fit every screen and sit under the header; disabled buttons look disabled."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import choice_edge
from tests.cart_lines import put_in_cart
from tests.layout_check import disabled_problems, modal_over_header, widgets_off_screen
from tests.scenes.helpers import session, started
from tests.test_layout_matrix import accessibility_labels


def shopper_on_a_department(folder: Path, display: str, size: tuple[int, int], language: str,
                            accessible: bool) -> Pilot:
    """A shopper on the running shoes, one of them in the cart and one to compare."""
    pilot = started(folder, display, size, language, accessible=accessible)
    ctx = pilot.app.display().ctx
    put_in_cart(ctx, "RUN-112")
    ctx.session.add_to_compare("RUN-115")
    ctx.show(ctx.routes.browse("running"))
    pilot.advance(0.1)
    return pilot


def frame_of_the_modal(pilot: Pilot) -> list[str]:
    """What runs off the screen, and what of the modal lies over the header of the screen under it."""
    screen = pilot.app.display().screen
    root = screen.stack.top.tree(screen.size)
    labels = accessibility_labels(pilot.app.display().ctx)
    return widgets_off_screen(root, screen.size) + modal_over_header(screen.stack, screen.size, labels)


@pytest.mark.parametrize("display, size, language, accessible", [
    ("terminal", (800, 1280), "de", True), ("terminal", (800, 1280), "fr", True),
    ("terminal", (1080, 1920), "de", True), ("terminal", (1920, 1080), "fr", False),
    ("window", (2160, 3840), "de", True)])
@pytest.mark.quick_first(1)  # every shape in CI
def test_the_language_dialog_shows_every_language_whole_under_the_header(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    """The tablet's accessible screen cut "Italiano" at its bottom edge: every language shows whole, in two
    columns where one does not fit, and a tap on the last one works."""
    pilot = shopper_on_a_department(tmp_path, display, size, language, accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.language_picker())
        pilot.advance(0.1)
        assert frame_of_the_modal(pilot) == []
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        whole = [w["label"] for w in widgets if w["role"] in ("button", "radio") and not w["clipped"]]
        assert {"Français", "English", "Deutsch", "Español", "Italiano"} <= set(whole), whole
        pilot.tap("Italiano")
        assert pilot.state()["session"]["language"] == "it"
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size, accessible", [
    ("terminal", (1920, 1080), False), ("terminal", (1920, 1080), True), ("window", (3840, 2160), False),
    ("terminal", (800, 1280), True), ("terminal", (1080, 1920), False)])
@pytest.mark.quick_first(1)  # every shape in CI
def test_the_pin_pad_leaves_the_header_whole_and_says_cancel_in_words(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    """The PIN pad covered the landscape header's title and Cart button: it sits in the room under the
    header (the whole screen dimmed), its keys of touch size, and Cancel is "Annuler" on every shape."""
    pilot = shopper_on_a_department(tmp_path, display, size, "fr", accessible)
    try:
        pilot.app.display().staff.open_pin_pad()
        pilot.advance(0.1)
        assert pilot.scene == "pin_pad"
        assert frame_of_the_modal(pilot) == []
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        assert "Annuler" in [w["label"] for w in widgets if w["role"] in ("button", "radio")]
        target = pilot.app.display().screen.theme.size("touch_target")
        keys = [w for w in widgets if w["role"] in ("button", "radio") and w["label"] in "0123456789⌫Annuler"]
        assert len(keys) == 12 and all(min(w["bounds"][2:]) >= target for w in keys), keys
        screen = pilot.app.display().screen
        cancel = next(w for w in screen.stack.top.tree(screen.size).walk() if w.label == "Annuler")
        assert getattr(cancel, "shown", "") in ("", "Annuler"), "the word, not a sign"
        for digit in "2580":
            pilot.tap(digit)
        assert pilot.scene == "maintenance"
    finally:
        pilot.close()


@pytest.mark.parametrize("accessible", [False, True])
@pytest.mark.quick_first(1)  # accessible mode in CI
def test_a_disabled_button_looks_disabled(tmp_path: Path, accessible: bool) -> None:
    """"Compare (1)" with one product chosen looked like a button to tap: without a fill of its own, its
    words at a lower contrast than anything that can be tapped; "Compare (2)" then has its accent fill."""
    pilot = shopper_on_a_department(tmp_path, "terminal", (1080, 1920), "fr", accessible)
    try:
        picture = pilot.screenshot(tmp_path / "one.png")
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        compare = next(w for w in widgets if w["label"] == "Comparer (1)")
        assert compare["enabled"] is False
        top = pilot.app.display().screen.offset
        shown = pygame.image.load(str(picture))
        local = [{**w, "bounds": [w["bounds"][0], w["bounds"][1] - top, *w["bounds"][2:]]} for w in widgets]
        assert disabled_problems(local, shown.subsurface((0, top, *pilot.app.display().screen.size))) == []
        pilot.app.display().ctx.session.add_to_compare("RUN-112")
        pilot.app.display().ctx.screen.stack.top.rebuild()
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        compare = next(w for w in widgets if w["label"] == "Comparer (2)")
        picture = pilot.picture()
        x, y, w, h = compare["bounds"]
        accent = pilot.app.display().screen.theme.color("accent")[:3]
        assert tuple(picture.get_at((x + w // 8, y + h // 2)))[:3] == accent, "enabled: the accent fill"
    finally:
        pilot.close()


@pytest.mark.parametrize("accessible", [False, True])
@pytest.mark.quick_first(1)  # accessible mode in CI
def test_a_tap_on_the_disabled_compare_button_says_why(tmp_path: Path, accessible: bool) -> None:
    """With one product chosen, "Compare (1)" does not open the comparison: a tap on it says that two are
    needed, in the status zone, and the department stays."""
    pilot = shopper_on_a_department(tmp_path, "terminal", (1080, 1920), "fr", accessible)
    try:
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        x, y, w, h = next(w["bounds"] for w in widgets if w["label"] == "Comparer (1)")
        pilot.tap(x=x + w // 2, y=y + h // 2)
        assert pilot.scene == "browse"
        said = "Ajoutez au moins 2 produits pour les comparer côte à côte."
        assert pilot.app.display().screen.toast_text == said
        statuses = [w for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                    if w["role"] == "status"]
        assert [s["label"] for s in statuses] == [said]
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size, accessible", [
    ("terminal", (1920, 1080), False), ("window", (3840, 2160), False), ("terminal", (800, 1280), True),
    ("terminal", (1080, 1920), False), ("window", (2160, 3840), True)])
@pytest.mark.quick_first(1)  # a landscape grid in CI
def test_the_language_dialogs_cancel_is_not_read_as_a_sixth_language(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    """"Annuler" was outlined as the languages are and, in the landscape grids, stood in a language's slot
    beside "Italiano": a sixth language; then bare underlined words, not a button. It stands on its own row under
    every language, a real button in the chip's quiet look (its edge grey, not the languages' colour, its word in
    the text's colour), a touch target, and a tap on it keeps the language."""
    pilot = shopper_on_a_department(tmp_path, display, size, "fr", accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.language_picker())
        pilot.advance(0.1)
        assert frame_of_the_modal(pilot) == []
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        buttons = {w["label"]: w for w in widgets if w["role"] in ("button", "radio")}
        languages = [buttons[name] for name in ("Français", "English", "Deutsch", "Español", "Italiano")]
        cancel = buttons["Annuler"]
        lowest = max(w["bounds"][1] + w["bounds"][3] for w in languages)
        assert cancel["bounds"][1] >= lowest, (cancel["bounds"], lowest)
        target = pilot.app.display().screen.theme.size("touch_target")
        assert min(cancel["bounds"][2:]) >= target, cancel["bounds"]
        theme = pilot.app.display().screen.theme
        shown = pilot.picture()

        def outlined(widget: dict[str, object], colour: tuple[int, ...]) -> bool:
            x, y, _w, h = widget["bounds"]  # type: ignore[misc]
            return any(shown.get_at((x + dx, y + h // 2))[:3] == colour[:3] for dx in range(theme.px(8)))

        assert outlined(buttons["English"], theme.color("primary")), "a language is outlined"
        assert not outlined(cancel, theme.color("primary")), "Cancel is not outlined as a language"
        assert outlined(cancel, choice_edge(theme)), "Cancel is a button: its edge shows, an option's grey"
        x, y, w, h = cancel["bounds"]
        inked = [shown.get_at((x + w // 2 + dx, y + dy))[:3] == theme.color("text")[:3]
                 for dx in range(-w // 4, w // 4) for dy in range(h)]
        assert any(inked), "its word in the text's colour"
        pilot.tap("Annuler")
        assert pilot.scene != "language" and pilot.state()["session"]["language"] == "fr"
    finally:
        pilot.close()

@pytest.mark.parametrize("display, size, accessible", [
    ("window", (3840, 2160), False), ("window", (3840, 2160), True), ("terminal", (1920, 1080), False),
    ("terminal", (800, 1280), False), ("window", (2160, 3840), False)])  # (accessible portrait: the strip says it)
@pytest.mark.quick_first(1)  # the 4K window in CI
def test_the_pin_pads_title_stands_on_one_line(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    """The 4K window's PIN pad split its title over two lines ("Code du / personnel") squeezed beside the
    dots: it reads on one line, as on the other shapes (tree: the words fit their box's width; pixels: their
    ink is one line tall)."""
    pilot = shopper_on_a_department(tmp_path, display, size, "fr", accessible)
    try:
        pilot.app.display().staff.open_pin_pad()
        pilot.advance(0.1)
        screen = pilot.app.display().screen
        title = next(w for w in screen.stack.top.tree(screen.size).walk()
                     if w.label == "Code du personnel" and w.role == "heading")
        pixels = screen.theme.size(title.size_name)  # type: ignore[attr-defined]
        assert len(screen.text.wrap(title.label, pixels, title.rect.width, True, 3)) == 1, title.rect
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        x, y, w, h = next(w for w in widgets if w["label"] == "Code du personnel")["bounds"]
        shown = pilot.picture()
        ink = screen.theme.color("text")[:3]
        inked = [dy for dy in range(h) if any(shown.get_at((x + dx, y + dy))[:3] == ink for dx in range(w))]
        assert inked and inked[-1] - inked[0] < screen.text.line_height(pixels, True), (inked[0], inked[-1])
    finally:
        pilot.close()


@pytest.mark.parametrize("display, size, accessible", [
    ("terminal", (1080, 1920), False), ("window", (3840, 2160), False), ("terminal", (800, 1280), True)])
@pytest.mark.quick_first(1)  # a portrait bar in CI
def test_the_product_bar_shows_no_compare_count_before_a_product_is_compared(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    """A greyed "Comparer (0)" took the product bar's prime room while nothing was compared (designer's
    review): it shows from the first product on, in the room kept for it, so nothing in the bar moves."""
    with session(tmp_path, display, size, "fr", accessible=accessible,
                 screen=lambda routes: routes.product("RUN-115")) as pilot:

        def bar() -> dict[str, list[int]]:
            widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            return {w["label"]: w["bounds"] for w in widgets if w["role"] in ("button", "checkbox")}

        before = bar()
        assert not [label for label in before if label.startswith("Comparer (")], before.keys()
        empty = pilot.picture()
        pilot.tap("Dans le comparateur")
        pilot.advance(0.1)
        after = bar()
        x, y, w, h = after["Comparer (1)"]
        assert after["Dans le comparateur"] == before["Dans le comparateur"], "the toggle keeps its place"
        kept = {tuple(empty.get_at((x + dx, y + h // 2)))[:3] for dx in range(0, w, 2)}
        assert len(kept) == 1, "nothing drawn in the room kept for the count"
