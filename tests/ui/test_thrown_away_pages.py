"""Pages a shopper has left are freed at once. A widget tree is full of reference cycles (parent
links, actions bound to their scene); left to Python's cycle collector, a few hundred dead pages
piled up and were freed in one pause of 100-150 ms, in the middle of a scan or a scroll."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.screen import TOAST_SECONDS
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Widget


@pytest.fixture
def no_cycle_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def live_widgets(made_before: list[Widget]) -> list[Widget]:
    """The widgets alive that the test made (not those `made_before` it, which it holds so that no new widget
    takes one of their ids)."""
    before = {id(widget) for widget in made_before}
    return [thing for thing in gc.get_objects() if isinstance(thing, Widget) and id(thing) not in before]


def shown_widgets(pilot: Pilot) -> int:
    """The widgets of the scenes stacked, and the rows their lists keep aside to show again (a search's
    results, typed again)."""
    screen = pilot.app.display().screen
    trees = [list(scene.tree(screen.size).walk()) for scene in screen.stack.scenes]
    spare = [len(list(view.spare_rows())) for tree in trees for view in tree if isinstance(view, ScrollView)]
    return sum(map(len, trees)) + sum(spare)


def test_pages_left_behind_do_not_wait_for_the_cycle_collector(shopping: Pilot, no_cycle_collector: None) -> None:
    # what an earlier test in the same process left is not this journey's pages: only the widgets made from here
    # on are counted (CI runs every test in one process: the 8 widgets found there were an attract screen that a
    # stalled pack download kept, tests/test_signed_packs.py, fixed in kiosk/services/pack_download.py)
    screen = shopping.app.display().screen
    stacked = {id(widget) for scene in screen.stack.scenes for widget in scene.tree(screen.size).walk()}
    made_before = [thing for thing in gc.get_objects() if isinstance(thing, Widget) and id(thing) not in stacked]
    codes = shopping.app.shop.catalog.gtins(30)
    for code in codes:  # each scan closes the page before
        shopping.scan(code)
        shopping.advance(0.1)
    shopping.tap("Ajouter au panier")
    for label in ("Panier (1)", "Commander"):
        shopping.tap(label)
        shopping.advance(0.1)
    shopping.type("ada@")  # the keyboard and the field, built again on each key
    shopping.key("escape")
    shopping.key("escape")
    shopping.tap("Accueil")
    shopping.tap("Rechercher un produit")
    for letter in "velo route":  # a new list of results on each key
        shopping.type(letter)
    shopping.app.display().screen.images.wait()
    shopping.advance(0.5)
    alive = live_widgets(made_before)
    assert len(alive) <= shown_widgets(shopping), \
        f"only the scenes still stacked keep their widgets: {sorted({type(w).__name__ for w in alive})}"


def test_a_page_left_is_freed_though_it_said_something_or_had_the_keypad_focus(shopping: Pilot) -> None:
    # the screen held the last scene a toast was said on, and the last one the keypad's focus went into, for
    # as long as no other did: the soak found a product page left long before holding its widgets and a whole
    # text cache (4 MB) of the mode the shopper had left since
    screen = shopping.app.display().screen
    shopping.scan("2001000001019")
    shopping.key("next")  # the keypad's focus goes into the page
    shopping.tap("Dans le comparateur")  # which says so in its status zone
    assert shopping.details()["toast"]
    page = weakref.ref(screen.stack.top)
    shopping.scan("2001000001026")  # another page in its place
    shopping.advance(TOAST_SECONDS + 0.5)
    gc.collect()
    assert page() is None, "the page left is freed"
