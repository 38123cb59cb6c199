"""The search scene as a shopper uses it: opens empty, popular searches, "did you mean", clear, an adviser."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot


def test_a_typo_finds_the_product_and_says_what_was_meant(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("frontalle")
    details = shopping.details()
    assert details["results"] > 3 and details["meant"] == "frontale"
    assert any(label.startswith("Frontale ") for label in shopping.labels())
    shopping.tap("Vouliez-vous dire « frontale » ?")
    assert shopping.details()["query"] == "frontale" and shopping.details()["meant"] == ""


def test_search_opens_empty_and_clears_with_one_tap(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("velo")
    shopping.tap("Retour")
    shopping.tap("Rechercher un produit")
    assert shopping.details()["query"] == "", "the last search is not kept (nor typed onto)"
    shopping.type("chaussure")
    assert shopping.details()["query"] == "chaussure"
    shopping.tap("Tout effacer")
    assert shopping.details()["query"] == "" and shopping.details()["results"] == 0


def test_popular_searches_are_offered_before_the_first_letter_and_learn(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    labels = shopping.labels()
    assert "Recherches populaires" in labels and "Tentes" in labels  # a new kiosk offers its departments
    shopping.tap("Tentes")
    assert shopping.details()["query"] == "Tentes" and shopping.details()["results"] > 3
    shopping.type(" 4")
    shopping.tap("Tente gonflable Air 4")  # a search that led to a product counts
    assert shopping.scene == "product"
    shopping.tap("Retour")
    assert shopping.scene == "search" and shopping.details()["query"] == "Tentes 4", "back to the same results"
    shopping.tap("Tout effacer")
    assert "Tentes 4" in shopping.labels()


def test_nothing_found_offers_to_call_an_adviser(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("qwxyz")
    assert shopping.details()["results"] == 0
    shopping.tap("Appeler un conseiller")
    assert shopping.details()["toast"]


def _widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(next(iter(pilot.request("tree")["displays"].values()))["widgets"])


def test_department_chips_say_where_the_results_are_and_narrow_them(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("run")
    details = shopping.details()
    assert details["departments"][0] == "running" and "headlamps" in details["departments"]
    assert {"Tout", "Chaussures de running", "Lampes frontales"} <= set(shopping.labels())
    shopping.tap("Lampes frontales")
    details = shopping.details()
    assert details["department"] == "headlamps" and {sku[:3] for sku in details["products"]} == {"HEA"}
    assert "Frontale Run 500" in shopping.labels() and "Daily Run 5" not in shopping.labels()
    shopping.tap("Tout")
    assert shopping.details()["department"] == "" and "Daily Run 5" in shopping.labels()
    shopping.tap("Lampes frontales")
    shopping.type("n")  # a new query: its own departments, all of them
    assert shopping.details()["department"] == "" and shopping.details()["query"] == "runn"


def test_a_result_has_its_compare_tick(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("run")
    shopping.tap("Comparer Daily Run 5")
    assert shopping.state()["session"]["compare"] == ["RUN-116"]
    assert next(w for w in _widgets(shopping) if w["label"] == "Comparer Daily Run 5")["checked"] is True
    assert shopping.details()["query"] == "run", "the results stay as they were"
    assert "Comparer (1)" in shopping.labels(), "the compare bar is under the results"


def test_the_keyboard_makes_way_when_the_results_are_scrolled_and_comes_back_on_the_field(
        shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("run")
    assert shopping.details()["keyboard"] and "Entrée" in shopping.labels()
    results = next(w for w in _widgets(shopping) if w["role"] == "list" and w["label"] == "Résultats")
    x, y, width, height = results["bounds"]
    shopping.swipe((x + width // 2, y + height * 3 // 4), (x + width // 2, y + height // 4), ms=400)
    assert not shopping.details()["keyboard"] and "Entrée" not in shopping.labels(), "the keys made way"
    taller = next(w for w in _widgets(shopping) if w["role"] == "list" and w["label"] == "Résultats")
    assert taller["bounds"][3] > height, "the results take the keyboard's room"
    view = shopping.app.display().screen.stack.top.results
    assert view is not None and view.scroll > 0, "the same swipe scrolled them"
    shopping.tap("Nom, marque ou rayon")
    assert shopping.details()["keyboard"] and "Entrée" in shopping.labels()
    shopping.type("n")
    assert shopping.details()["query"] == "runn"


def test_enter_shows_every_result_with_sort_and_the_department_filters(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("runing")
    shopping.key("enter")
    assert shopping.scene == "search_results"
    details = shopping.details()
    assert details["query"] == "running" and details["sort"] == "relevance"
    assert details["count"] == 14 and details["departments"][0] == "running"
    assert "Résultats pour « running »" in shopping.labels()
    shopping.tap("Lampes frontales (2)")
    assert shopping.details()["department"] == "headlamps" and shopping.details()["count"] == 2
    shopping.tap("Trier et filtrer")
    assert shopping.scene == "filters"
    labels = shopping.labels()
    assert "Les plus pertinents" in labels and "Prix croissant" in labels
    assert "Lumen" in labels and "Kinetik" not in labels, "the filters of the department chosen"
    shopping.tap("Prix croissant")
    shopping.tap("Voir 2 produits")
    assert shopping.scene == "search_results" and shopping.details()["sort"] == "price_asc"
    cards = list(dict.fromkeys(label for label in shopping.labels() if label.startswith("Frontale ")))
    assert cards[:2] == ["Frontale Run 500", "Frontale Trail 900"], cards


def test_see_all_results_at_the_end_of_the_list(shopping: Pilot) -> None:
    shopping.tap("Rechercher un produit")
    shopping.type("frontale")
    for _ in range(3):  # to the end of the list (the keyboard makes way)
        shopping.swipe((540, 1200), (540, 400), ms=300)  # (on the list, over the keys)
        shopping.advance(1.0)
    shopping.tap("Voir tous les résultats, avec tri et filtres")
    assert shopping.scene == "search_results" and shopping.details()["query"] == "frontale"
    assert shopping.details()["count"] == 11 and shopping.details()["departments"] == ["headlamps"]


def _drawn(pilot: Pilot) -> bytes:
    """The screen's pixels once its pictures are in."""
    screen = pilot.app.display().screen
    screen.images.wait()
    pilot.advance(0.5)
    return pygame.image.tobytes(screen.surface, "RGB")


@pytest.mark.slow  # a query typed letter by letter, every frame compared: CI runs it
def test_results_drawn_as_they_are_typed_are_those_drawn_at_once(shopping: Pilot) -> None:
    """Each letter keeps the result rows that stay (moved, not built again, and only the rows that change
    drawn again): what shows is what a fresh screen shows, with "did you mean" and the department chips
    coming and going, and with a query typed again after it was cleared."""
    shopping.tap("Rechercher un produit")
    scene = shopping.app.display().screen.stack.top
    for typed in ("fro", "ntalle", "\b\b\b\b", "\b" * 5, "run", "\b\b\b", "ru", "n"):
        for char in typed:
            if char == "\b":
                shopping.key("backspace")
            else:
                shopping.type(char)
        as_typed = _drawn(shopping)
        scene.rebuild()  # the same query, every row built and drawn anew
        shopping.app.display().screen.redraw_all()
        assert _drawn(shopping) == as_typed, f"{scene.details()['query']!r} drawn as typed differs"
    assert shopping.details()["query"] == "run"
