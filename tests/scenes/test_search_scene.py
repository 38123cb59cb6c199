"""The search scene as a shopper uses it: opens empty, popular searches, "did you mean", clear, an adviser."""

from __future__ import annotations

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
