"""Screens a shopper comes back to show the cart and the comparison as they are now."""

from __future__ import annotations

from kiosk.testing.pilot import Pilot


def test_home_shows_the_cart_after_add_to_cart_elsewhere(shopping: Pilot) -> None:
    assert not any(label.startswith("Panier") for label in shopping.labels())
    shopping.scan("2001000001019")
    shopping.tap("Ajouter au panier")
    shopping.key("back")
    assert shopping.scene == "home"
    assert "Panier (1)" in shopping.labels(), "home shows the cart it did not have when it was built"


def test_the_list_and_home_show_the_comparison_chosen_on_product_pages(shopping: Pilot) -> None:
    category = shopping.app.display().ctx.shop.catalog.categories[0].name["fr"]
    shopping.tap(category)
    assert shopping.scene == "browse"
    for sku in ("2001000001019", "2001000001026"):
        shopping.scan(sku)
        shopping.tap("Dans le comparateur")
        shopping.key("back")
    assert shopping.scene == "home"  # a scan opens the product over home
    assert "Comparer (2)" in shopping.labels()
    shopping.tap(category)
    shopping.tap("Vélo de ville Havn")  # a third, from the list this time
    assert shopping.scene == "product"
    shopping.tap("Dans le comparateur")
    shopping.key("back")
    assert shopping.scene == "browse" and "Comparer (3)" in shopping.labels(), "the list counts what was chosen"


def test_a_member_can_sign_out_from_home_in_accessible_mode(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)
    pilot.tap("Accessibilité")
    pilot.scan("LOYALTY-1234")
    pilot.tap("Commencer mes achats")
    assert pilot.scene == "home" and pilot.state()["session"]["identified"]
    pilot.tap("Pas Camille ? Se déconnecter")  # at the centre of its box: under the search button before
    assert pilot.scene == "attract" and not pilot.state()["session"]["identified"]


def test_cards_in_a_list_say_what_is_in_the_cart_and_the_comparison(shopping: Pilot) -> None:
    shopping.tap("Vélos")
    assert not any(label.startswith("✓") for label in shopping.labels())
    shopping.tap("Vélo de ville Havn")
    shopping.tap("Dans le comparateur")
    shopping.tap("Ajouter au panier")
    shopping.key("back")
    assert shopping.scene == "browse"
    assert "✓ Au panier" in shopping.labels(), "the card of the product says it, once back"
    assert _checked(shopping, "Comparer Vélo de ville Havn") is True, "and its compare tick is ticked"
    shopping.tap("Vélo de ville Havn")
    shopping.tap("Dans le comparateur")  # the same tick, ticked: a tap takes it out
    shopping.key("back")
    assert "✓ Au panier" in shopping.labels() and _checked(shopping, "Comparer Vélo de ville Havn") is False


def _checked(pilot: Pilot, label: str) -> bool:
    widgets = next(iter(pilot.request("tree")["displays"].values()))["widgets"]
    return bool(next(w["checked"] for w in widgets if w["label"] == label))
