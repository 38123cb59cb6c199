"""Nothing out of stock is featured as if it were on the shelf: in collections and in suggestions it is
marked "to order" (never given an aisle), or left out when enough others are in stock."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.orders.outbox import Outbox
from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Button, Panel


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


def note_of(pilot: Pilot, label: str) -> str:
    """The second line a button of the scene in front says under its label ("in stock", "ready at 11:00")."""
    display = pilot.app.display(pilot.display_name)
    root = display.screen.stack.top.tree(display.screen.size)
    return str(next(w for w in root.walk() if isinstance(w, Button) and w.label == label).note)


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


def test_an_order_for_a_size_out_of_stock_promises_no_collection_time(shopping: Pilot, tmp_path: Path) -> None:
    shopping.scan("2001000001125")  # RUN-112 Trail Ascent 3: size 40 has none
    shopping.tap(label="40")
    shopping.tap(label="Ajouter au panier")
    shopping.tap(label="Panier (1)")
    shopping.tap(label="Commander")
    shopping.type("ada@example.org")
    shopping.tap(label="Suivant")
    assert note_of(shopping, "Retrait au magasin") == "À commander : nous vous prévenons dès qu'il est prêt"
    shopping.tap(label="Retrait au magasin")
    said = " ".join(shopping.labels())
    assert "Commandé pour vous : le magasin vous prévient dès que c'est prêt à retirer." in said
    assert "dès aujourd'hui" not in said and "À retirer au magasin dès" not in said
    shopping.tap(label="Confirmer la commande")
    assert shopping.scene == "order_confirmed"
    confirmed = " ".join(shopping.labels())
    assert "Commandé pour vous" in confirmed and "À retirer au magasin dès" not in confirmed
    order = Outbox(tmp_path / "outbox.db").item(str(shopping.details()["order"]))
    assert order is not None and order.payload["fulfilment"]["to_order"] is True


def test_an_order_on_the_shelf_still_says_when_to_collect_it(shopping: Pilot, tmp_path: Path) -> None:
    shopping.scan("2001000001125")  # RUN-112: size 39 has 4
    shopping.tap(label="39")
    shopping.tap(label="Ajouter au panier")
    shopping.tap(label="Panier (1)")
    shopping.tap(label="Commander")
    shopping.type("ada@example.org")
    shopping.tap(label="Suivant")
    shopping.tap(label="Retrait au magasin")
    shopping.tap(label="Confirmer la commande")
    confirmed = " ".join(shopping.labels())
    assert "À retirer au magasin dès aujourd'hui à 12:00." in confirmed  # Friday 11:00 in Lyon, an hour to prepare
    order = Outbox(tmp_path / "outbox.db").item(str(shopping.details()["order"]))
    assert order is not None and "to_order" not in order.payload["fulfilment"]
