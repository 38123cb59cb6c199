"""A keypad (arrows, select, back) reaches every control of every scene, lists included."""

from __future__ import annotations

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.focus import targets
from tests.test_snapshots import SCENES


def walk(pilot: Pilot, limit: int = 400) -> list[str]:
    """Press "down" until the focus comes back to where it started; the labels it went through."""
    seen: list[str] = []
    for _ in range(limit):
        pilot.key("down")
        label = pilot.details()["focus"]
        if seen and label == seen[0] and len(seen) > 1:
            break
        seen.append(label)
    return seen


@pytest.mark.parametrize("name", [name for name in SCENES if name != "still_there"])
@pytest.mark.quick_first(3)  # every scene in CI
def test_the_keypad_reaches_every_control(shopping: Pilot, name: str) -> None:
    SCENES[name](shopping)
    screen = shopping.app.display().screen
    shown = {t.widget.label for t in targets(screen.stack.top.tree(screen.size), screen.size)}
    reached = set(walk(shopping))
    assert shown <= reached, f"not reached on {name}: {sorted(shown - reached)}"


def test_the_keypad_goes_down_a_long_page_and_selects(shopping: Pilot) -> None:
    shopping.scan("2001000001262")
    reached = walk(shopping)
    assert "Écrire un avis" in reached, "the walk scrolls the page down to its reviews"
    while shopping.details()["focus"] != "Écrire un avis":
        shopping.key("down")
    shopping.key("enter")
    assert shopping.scene == "review"
    shopping.key("escape")
    assert shopping.scene == "product"


def test_up_goes_back_and_a_touch_drops_the_focus(shopping: Pilot) -> None:
    shopping.key("down")
    first = shopping.details()["focus"]
    shopping.key("down")
    shopping.key("up")
    assert shopping.details()["focus"] == first
    shopping.tap(x=540, y=1900)
    assert shopping.details()["focus"] == ""


def test_any_key_answers_are_you_still_there(shopping: Pilot) -> None:
    SCENES["still_there"](shopping)
    assert shopping.scene == "still_there"
    shopping.key("down")
    assert shopping.scene == "home", "a keypad user is still there too"


def test_select_again_after_the_scene_is_built_again(shopping: Pilot) -> None:
    # "+" in the cart builds the cart again; the focus stays on "+" and works a second time
    shopping.scan("2001000001262")
    shopping.tap("Ajouter au panier")
    shopping.tap("Panier (1)")
    plus = next(label for label in shopping.labels() if label.startswith("Augmenter la quantité"))
    while shopping.details()["focus"] != plus:
        shopping.key("down")
    shopping.key("enter")
    shopping.key("enter")
    assert [line["quantity"] for line in shopping.state()["session"]["cart"]] == [3]
    assert shopping.details()["focus"] == plus
