"""The walk-up terminal as a shopper uses it, driven through the pilot (real app, headless)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot, PilotError
from tests.test_layout_matrix import pilot_for

ROAD_BIKE = "2001000001019"  # Vélo de route Alto 520


def test_attract_loop_changes_slides_and_any_touch_starts(pilot: Pilot) -> None:
    assert pilot.scene == "attract" and pilot.details()["slide"] == 0
    pilot.advance(8)
    assert pilot.details()["slide"] == 1
    pilot.tap(x=300, y=300)
    assert pilot.scene == "home"
    assert "Rechercher un produit" in pilot.labels() and "Vélos" in pilot.labels()


def test_browse_a_department_then_sort_and_filter(shopping: Pilot) -> None:
    shopping.tap("Vélos")
    assert shopping.details()["count"] == 11
    shopping.tap("Trier et filtrer")
    shopping.tap("Prix croissant")
    shopping.tap("Alpenrad")
    assert shopping.scene == "filters"
    shopping.tap("Voir 3 produits")
    state = shopping.details()
    assert (state["scene"], state["count"], state["sort"], state["filters"]) == ("browse", 3, "price_asc", 1)
    cards = [label for label in shopping.labels() if label.startswith("Vélo ")]
    assert cards[0] == "Vélo de route Alto 520"  # the cheapest Alpenrad first


def test_search_as_you_type_ignores_accents(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("velo")
    assert shopping.details()["results"] > 5 and "BIK-101" in shopping.details()["products"]
    assert "Vélo électrique Città E" in shopping.labels()
    shopping.type(" pli")
    assert shopping.details()["results"] == 1
    shopping.key("enter")  # a single result opens with the keyboard's OK
    assert shopping.details()["product"] == "BIK-108"


def test_on_screen_keyboard_types_and_erases(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    for key in ("t", "e", "n", "t"):
        shopping.tap(key)
    assert shopping.details()["query"] == "tent"
    shopping.tap("Effacer")  # the keys are named in the shopper's language (and spoken so)
    shopping.tap("Majuscule")
    shopping.tap("z")
    assert shopping.details()["query"] == "tenZ"


def test_product_page_shows_price_stock_aisle_and_reviews(shopping: Pilot) -> None:
    shopping.scan(ROAD_BIKE)
    labels = shopping.labels()
    assert shopping.details()["product"] == "BIK-101"
    assert "899,00\xa0€" in labels and "Rayon A2 : voir sur le plan" in labels
    assert any(label.startswith("En stock") or label.startswith("Plus que") for label in labels)
    shopping.swipe((540, 1500), (540, 400))
    assert "Caractéristiques" in shopping.labels()


def test_compare_three_products_side_by_side(shopping: Pilot) -> None:
    for code in (ROAD_BIKE, "2001000001026", "2001000001033"):
        shopping.scan(code)
        shopping.tap("Dans le comparateur")
    assert shopping.state()["session"]["compare"] == ["BIK-101", "BIK-102", "BIK-103"]
    shopping.tap("Comparer (3)")
    details = shopping.details()
    assert details["scene"] == "compare"
    assert "price" in details["differs"] and details["cheapest"] == ["BIK-101"]
    shopping.tap("Retirer Vélo gravel Strada G")
    assert shopping.state()["session"]["compare"] == ["BIK-101", "BIK-102"]


def test_a_fifth_product_from_its_page_offers_to_replace_one(shopping: Pilot) -> None:
    for code in (ROAD_BIKE, "2001000001026", "2001000001033", "2001000001040", "2001000001057"):
        shopping.scan(code)
        shopping.tap("Dans le comparateur")
    assert shopping.scene == "replace_in_comparison"
    shopping.tap("Garder ma comparaison")
    assert shopping.scene == "product" and len(shopping.state()["session"]["compare"]) == 4
    shopping.tap("Dans le comparateur")
    shopping.tap("Remplacer Vélo de route Alto 520")
    compared = shopping.state()["session"]["compare"]
    assert len(compared) == 4 and "BIK-101" not in compared and shopping.details()["in_compare"]
    ticks = [w["checked"] for w in shopping.request("tree")["displays"][shopping.display_name]["widgets"]
             if w["label"] == "Dans le comparateur"]
    assert ticks == [True], "the page says it is compared now: its tick ticked"


def test_a_scan_opens_the_product_even_from_the_attract_loop(pilot: Pilot) -> None:
    pilot.scan(f"]E0{ROAD_BIKE}")
    assert pilot.details()["product"] == "BIK-101"
    pilot.key("back")
    assert pilot.scene == "home"


def test_a_sizes_code_opens_its_product_with_that_size_chosen(pilot: Pilot) -> None:
    pilot.scan("2002000112026")  # the box of the RUN-112 trail shoe in size 41
    details = pilot.details()
    assert (details["product"], details["variant"]) == ("RUN-112", "RUN-112-41")
    pilot.scan("2002000112033")  # the same shoe in 42: the page stays, with 42 chosen
    assert (pilot.details()["product"], pilot.details()["variant"]) == ("RUN-112", "RUN-112-42")
    pilot.key("back")
    assert pilot.scene == "home", "one page, not one a scan"
    pilot.scan("2001000001125")  # the shoe's own code: the size chosen in this session (its box) stays chosen
    assert (pilot.details()["product"], pilot.details()["variant"]) == ("RUN-112", "RUN-112-42")
    pilot.app.display().session.wipe()  # the next shopper: no size chosen yet
    pilot.scan("2001000001125")
    assert (pilot.details()["product"], pilot.details()["variant"]) == ("RUN-112", "")


def test_an_unknown_code_is_said_kindly_and_garbage_is_ignored(shopping: Pilot) -> None:
    shopping.scan("4006381333931")  # a valid EAN-13 the store does not sell
    assert shopping.scene == "home" and "conseiller" in shopping.details()["toast"]
    shopping.advance(4)
    shopping.scan("4006381333932")  # wrong check digit
    assert shopping.scene == "home" and shopping.details()["toast"] == ""


def test_idle_shopper_is_asked_then_forgotten(shopping: Pilot) -> None:
    shopping.scan(ROAD_BIKE)
    shopping.tap("Dans le comparateur")
    shopping.tap("Langue")
    shopping.tap("English")
    shopping.advance(89)
    assert shopping.scene == "product"
    shopping.advance(2)
    assert shopping.scene == "still_there"
    shopping.tap("I'm still here")
    assert shopping.scene == "product"
    shopping.advance(91 + 20)
    assert shopping.scene == "attract"
    assert shopping.state()["session"] == {"language": "fr", "identified": False, "compare": [], "cart": [],
                                         "accessible": False}


def test_kinetic_scrolling_glides_after_the_finger_leaves(shopping: Pilot) -> None:
    def first_card_top() -> int:
        widgets = shopping.request("tree")["displays"]["terminal"]["widgets"]
        return next(w["bounds"][1] + w["bounds"][3] for w in widgets if w["label"] == "Vélo de ville Havn")

    shopping.tap("Vélos")
    first = first_card_top()
    shopping.swipe((540, 1500), (540, 1100), ms=120)
    after_release = first_card_top()
    shopping.advance(0.3, step=1 / 60)
    gliding = shopping.labels()
    assert after_release < first, "the list follows the finger"
    assert "Vélo de ville Havn" not in gliding or first_card_top() < after_release, "and glides on after it"
    shopping.advance(1.2, step=1 / 60)
    settled = [w["label"] for w in shopping.request("tree")["displays"]["terminal"]["widgets"] if w["role"] == "button"]
    shopping.tap(settled[-1])  # taps still work after scrolling (the last card in view, its tick at its top)
    assert shopping.scene == "product"


def test_unknown_labels_are_refused(shopping: Pilot) -> None:
    try:
        shopping.tap("No such button")
    except PilotError as error:
        assert "No such button" in str(error)
    else:
        raise AssertionError("tapping a missing label must fail")


@pytest.mark.parametrize("toast", [False, True], ids=["plain", "under-a-toast"])
@pytest.mark.slow  # frame after frame of scrolling compared: CI runs it (kinetic scrolling stays quick)
def test_scrolling_shows_exactly_what_a_full_redraw_shows(shopping: Pilot, tmp_path: Path, toast: bool) -> None:
    shopping.tap("Vélos")
    shopping.screenshot(tmp_path / "before.png")  # pictures loaded, so both pictures below have them
    if toast:  # a message floats over the list while it scrolls (its edges used to streak up the list)
        shopping.scan("4006381333931")
        assert shopping.app.display().screen.toast_text
    shopping.swipe((540, 1600), (540, 900), ms=200)
    shopping.advance(1.0, step=1 / 60)
    scrolled = shopping.screenshot(tmp_path / "scrolled.png")
    shopping.app.display().screen.redraw_all()
    redrawn = shopping.screenshot(tmp_path / "redrawn.png")
    a, b = pygame.image.load(str(scrolled)), pygame.image.load(str(redrawn))
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
    assert shopping.labels() != []


@pytest.mark.slow  # frame after frame of scrolling: CI runs it
def test_pictures_arriving_while_the_list_scrolls_show_where_their_cards_went(shopping: Pilot, tmp_path: Path) -> None:
    """Each drag of a finger that starts on a card presses it and lets it go (before a frame showed it pressed:
    not drawn again); pictures made meanwhile are drawn where their cards are when they arrive."""
    shopping.tap("Vélos")
    for start, end in (((540, 1600), (540, 700)), ((540, 700), (540, 1500)), ((540, 1700), (540, 300))):
        shopping.swipe(start, end, ms=120)
        shopping.advance(0.05, step=1 / 60)
    shopping.app.display().screen.images.wait()
    shopping.advance(1.5, step=1 / 60)
    scrolled = shopping.screenshot(tmp_path / "scrolled.png")
    shopping.app.display().screen.redraw_all()
    redrawn = shopping.screenshot(tmp_path / "redrawn.png")
    a, b = pygame.image.load(str(scrolled)), pygame.image.load(str(redrawn))
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


@pytest.mark.slow  # frame after frame of dragging: CI runs it
def test_a_card_pressed_then_dragged_shows_unpressed_whether_or_not_a_frame_showed_it_pressed(
        shopping: Pilot, tmp_path: Path) -> None:
    """A press that a frame showed is drawn away when the drag starts; one let go before any frame showed it
    is not drawn at all (its pixels never changed): either way the screen is what a full redraw shows."""
    shopping.tap("Vélos")
    display, clock = shopping.app.display(), shopping.clock
    for frame_between in (True, False):
        widgets = next(iter(shopping.request("tree")["displays"].values()))["widgets"]
        x, y, width, height = next(w["bounds"] for w in widgets if w["role"] == "button" and w["label"].startswith(
            "Vélo") and not w["clipped"])
        display.pointer("down", (x + width // 2, y + height // 2), clock.monotonic())
        if frame_between:
            shopping.advance(1 / 60, step=1 / 60)
            pressed = display.screen._pressed
            assert pressed is not None and pressed.pressed, "the card shows pressed under the finger"
        for step in range(1, 8):  # moved 420 px up, slowly and held still: the list does not glide on
            clock.advance(0.05)
            display.pointer("move", (x + width // 2, y + height // 2 - step * 60), clock.monotonic())
        clock.advance(0.5)
        display.pointer("up", (x + width // 2, y + height // 2 - 420), clock.monotonic())
        shopping.advance(1.5, step=1 / 60)
        shopping.app.display().screen.images.wait()
        shopping.advance(0.1, step=1 / 60)
        scrolled = shopping.screenshot(tmp_path / "scrolled.png")
        shopping.app.display().screen.redraw_all()
        redrawn = shopping.screenshot(tmp_path / "redrawn.png")
        a, b = pygame.image.load(str(scrolled)), pygame.image.load(str(redrawn))
        assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"), frame_between


def test_finish_on_the_still_there_dialog_ends_the_session_at_once(shopping: Pilot) -> None:
    shopping.scan(ROAD_BIKE)
    shopping.advance(91)
    assert shopping.scene == "still_there"
    shopping.tap("Terminer")
    assert shopping.scene == "attract"
    assert shopping.state()["session"]["compare"] == []


def test_a_german_keyboard_has_its_letters_named_keys_and_no_ss_for_a_capital_sharp_s(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "terminal", (1080, 1920), "de")
    try:
        pilot.tap(x=540, y=600)
        pilot.tap("Produkt suchen")
        labels = pilot.labels()
        assert {"ä", "ö", "ü", "ß", ",", "?", "!", "Umschalt", "Löschen", "Leerzeichen"} <= set(labels)
        for key in ("Umschalt", "ä", "Umschalt", "ß", "Leerzeichen", "?"):
            pilot.tap(key)
        assert pilot.details()["query"] == "Äß ?"
    finally:
        pilot.close()
