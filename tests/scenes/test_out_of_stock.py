"""Nothing out of stock is featured as if it were on the shelf: in collections and in suggestions it is
marked "to order" (never given an aisle), or left out when enough others are in stock."""

from __future__ import annotations

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Panel


def cards(pilot: Pilot) -> list[str]:
    """The labels of the tappable cards of the scene in front, in reading order."""
    display = pilot.app.display(pilot.display_name)
    root = display.screen.stack.top.tree(display.screen.size)
    return [w.label for w in root.walk() if isinstance(w, Panel) and w.role == "button" and w.label]


def words_under(pilot: Pilot, card_label: str) -> list[str]:
    """The texts inside one card."""
    display = pilot.app.display(pilot.display_name)
    root = display.screen.stack.top.tree(display.screen.size)
    card = next(w for w in root.walk() if isinstance(w, Panel) and w.label == card_label)
    return [w.label for w in card.walk() if w is not card and w.label]


def test_a_collection_marks_what_is_out_of_stock_to_order_and_leaves_it_off_the_map(shopping: Pilot) -> None:
    catalog = shopping.app.shop.catalog
    marathon = next(c for c in catalog.collections() if c.id == "first-marathon")
    out = [p for p in catalog.products(list(marathon.skus)) if p.stock == 0]
    on_shelf = [p for p in catalog.products(list(marathon.skus)) if p.stock > 0]
    assert out and on_shelf, "the demo's first marathon has a watch and a headlamp out of stock"
    shopping.tap(label=marathon.title["fr"])
    for product in out:
        under = words_under(shopping, product.title("fr"))
        assert "À commander" in under and not any(word.startswith("Rayon") for word in under)
    for product in on_shelf:
        assert f"Rayon {product.aisle}" in words_under(shopping, product.title("fr"))
    shopping.tap(label="Les voir sur le plan")
    lit = shopping.details()["aisles"]
    assert set(lit) == {p.aisle for p in on_shelf}
    assert not {p.aisle for p in out} - {p.aisle for p in on_shelf} & set(lit)


def test_suggestions_leave_out_what_is_out_of_stock_when_others_are_in_stock(shopping: Pilot) -> None:
    catalog = shopping.app.shop.catalog
    ranked = catalog.bought_together(["BIK-110"], limit=3)
    assert ranked[0].stock == 0, "the demo's first suggestion for BIK-110 is a headlamp out of stock"
    shopping.scan("2001000001101")  # BIK-110
    shown = [sku for sku in (p.sku for p in catalog.bought_together(["BIK-110"], limit=6))
             if catalog.product(sku).title("fr") in cards(shopping)]
    assert shown and ranked[0].sku not in shown
    assert all(catalog.product(sku).stock > 0 for sku in shown)


def test_a_suggestion_out_of_stock_says_to_order(shopping: Pilot) -> None:
    catalog = shopping.app.shop.catalog
    suggested = catalog.bought_together(["BIK-110"], limit=6)
    for product in suggested:  # the shelf empties (a live stock change from head office)
        assert catalog.apply_change(product.sku, None, 0)
    shopping.scan("2001000001101")
    shown = [p for p in suggested if p.title("fr") in cards(shopping)]
    assert shown
    for product in shown:
        assert "À commander" in words_under(shopping, product.title("fr"))
