"""A shopper orders at the terminal and at the shop window; the order is kept before it is confirmed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.orders.outbox import Outbox
from kiosk.testing.pilot import Pilot, PilotError
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.order_backend import OrderBackend

ROAD_BIKE = "2001000001019"  # BIK-101, no variants
TRAIL_SHOE = "2001000001156"  # RUN-115, sizes 39 to 46


def add_to_cart(pilot: Pilot, code: str, size: str = "") -> None:
    pilot.scan(code)
    if size:
        pilot.tap(label=size)
    pilot.tap(label="Ajouter au panier")


def checkout(pilot: Pilot, contact: str = "ada@example.org", collect: bool = True) -> str:
    """From anywhere with a full cart to the confirmation; returns the order number."""
    count = pilot.app.display(pilot.display_name).session.cart.count
    pilot.tap(label=f"Panier ({count})")
    pilot.tap(label="Commander")
    if not contact.count("@"):
        pilot.tap(label="Par téléphone")
    pilot.type(contact)
    pilot.tap(label="Suivant")
    if collect:
        pilot.tap(label="Retrait au magasin")
    else:
        pilot.tap(label="Livraison")
        for text in ("12 rue des Lilas", "69003", "Lyon"):
            pilot.type(text)
            pilot.tap(label="Suivant")
    pilot.tap(label="Confirmer la commande")
    assert pilot.scene == "order_confirmed"
    return str(pilot.details()["order"])


def test_an_order_is_in_the_outbox_before_the_shopper_sees_it_confirmed(shopping: Pilot, config) -> None:
    add_to_cart(shopping, TRAIL_SHOE, "42")
    add_to_cart(shopping, ROAD_BIKE)
    add_to_cart(shopping, ROAD_BIKE)
    state = shopping.state()
    assert state["session"]["cart"] == [{"sku": "RUN-115", "variant": "RUN-115-42", "quantity": 1},
                                        {"sku": "BIK-101", "variant": "", "quantity": 2}]
    order_id = checkout(shopping)
    outbox = Outbox(Path(config.path(config.outbox.path)))
    item = outbox.item(order_id)
    assert item is not None and item.kind == "order" and item.state == "pending"
    body = item.payload
    assert body["total_cents"] == 22900 + 2 * 89900
    assert [(line["article"], line["quantity"]) for line in body["lines"]] == [("RUN-115-42", 1), ("BIK-101", 2)]
    assert body["contact"] == {"email": "ada@example.org"}
    # Friday 20 Nov 2026, 11:00 in Lyon, an hour to prepare: ready at noon the same day
    assert body["fulfilment"] == {"kind": "collect", "from": "2026-11-20T12:00:00+01:00"}
    state = shopping.state()
    assert state["session"]["cart"] == [] and "ada@" not in str(state)
    assert "aujourd'hui à 12:00" in " ".join(shopping.labels())


def test_a_size_must_be_chosen_and_the_phone_number_is_checked(shopping: Pilot, config) -> None:
    shopping.scan(TRAIL_SHOE)
    shopping.tap(label="Ajouter au panier")
    assert shopping.details()["choice_missing"] and "Choisissez d'abord une taille" in shopping.labels()
    shopping.tap(label="44")
    shopping.tap(label="Ajouter au panier")
    shopping.tap(label="Panier (1)")
    shopping.tap(label="Commander")
    shopping.tap(label="Par téléphone")
    shopping.type("06 12 34")
    with pytest.raises(PilotError):
        shopping.tap(label="Suivant")  # not a whole number yet: the button stays disabled
    shopping.type("56 78")
    shopping.tap(label="Suivant")
    shopping.tap(label="Livraison")
    for text in ("12 rue des Lilas", "69003", "Lyon"):
        shopping.type(text)
        shopping.tap(label="Suivant")
    shopping.tap(label="Confirmer la commande")
    order = Outbox(Path(config.path(config.outbox.path))).item(str(shopping.details()["order"]))
    assert order is not None
    assert order.payload["contact"] == {"phone": "+33612345678"}
    assert order.payload["delivery_address"] == {"street": "12 rue des Lilas", "postcode": "69003", "city": "Lyon"}
    assert order.payload["fulfilment"] == {"kind": "delivery"}


@pytest.mark.slow  # a whole session to its end, seconds: CI runs it (the member's end stays quick)
def test_the_session_end_forgets_the_cart_and_what_was_typed(shopping: Pilot) -> None:
    add_to_cart(shopping, ROAD_BIKE)
    shopping.tap(label="Panier (1)")
    shopping.tap(label="Commander")
    shopping.type("ada@example.org")
    shopping.advance(200)
    assert shopping.scene == "attract"
    assert shopping.state()["session"]["cart"] == []


@pytest.fixture
def window(tmp_path: Path) -> Iterator[Pilot]:
    """The shop window alone, on Saturday 21 November 2026 at 22:00 in Lyon (closed; open Monday 10:00)."""
    clock = ManualClock(datetime(2026, 11, 21, 21, 0, tzinfo=UTC))
    pilot = Pilot(load_config(write_config(tmp_path)), "window", clock=clock)
    yield pilot
    pilot.close()


def test_the_closed_window_takes_an_order_to_collect_at_the_next_opening(window: Pilot, tmp_path: Path) -> None:
    details = window.details()
    assert details["scene"] == "attract" and details["open"] is False
    assert details["status"] == "Fermé · Nous ouvrons lundi 23 novembre à 10:00"
    # the attract's invitation says the time the home's band says (it said "dès l'ouverture", an hour early)
    assert "Commandez maintenant, retirez dès 11:00 : touchez la vitrine." in window.labels()
    window.tap(x=1900, y=1000)
    assert window.scene == "home" and window.details()["products"] == 24  # all, to order
    assert "Commandez ici, à retirer dès 11:00" in window.labels(), "an hour to prepare it once the store opens"
    window.tap(label="Vélo de route Alto 900 Carbone")
    window.tap(label="Ajouter au panier")
    order_id = checkout(window)
    order = Outbox(tmp_path / "outbox.db").item(order_id)
    assert order is not None
    assert order.payload["fulfilment"]["from"] == "2026-11-23T11:00:00+01:00"
    assert order.payload["device"] == "window"


def test_the_landscape_window_shows_a_shoes_first_sizes_above_its_buttons(window: Pilot) -> None:
    """On a wide screen the cart and comparison buttons share one row, so the size choice is in view."""
    window.tap(x=1900, y=1000)
    window.tap(label="Racer Carbon Pro")
    widgets = window.request("tree")["displays"]["window"]["widgets"]
    bar_top = next(w["bounds"][1] for w in widgets if w["label"] == "Ajouter au panier")
    row = [w["bounds"][1] for w in widgets if w["label"] == "Dans le comparateur"]
    assert row == [bar_top]  # (no "Compare (0)" beside it while nothing is compared)
    first_size = next(w for w in widgets if w["label"] == "39")
    assert first_size["bounds"][1] + first_size["bounds"][3] <= bar_top, "the sizes are not hidden by the buttons"
    window.tap(label="39")  # and a tap there chooses it, rather than the button's
    assert window.details()["variant"].endswith("39")


def test_the_window_in_the_evening_plays_its_evening_slides(window: Pilot) -> None:
    attract = window.app.display("window").screen.stack.top
    titles = [slide.title["en"] for slide in attract.slides if slide.title]
    assert "Order tonight, collect tomorrow" in titles
    assert "Scan any product" not in titles  # a terminal's slide: the window has no scanner


def test_a_delivered_order_offers_its_payment_link_and_forgets_the_contact(tmp_path: Path) -> None:
    backend = OrderBackend(payment_links=True)
    try:
        text = DEFAULT_CONFIG.read_text().replace('# base_url = "https://backend.sentier.example/kiosk/v1"',
                                                  f'base_url = "{backend.url}"\ntimeout_s = 2')
        pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
        pilot.start_devices()
        pilot.tap(x=540, y=960)
        add_to_cart(pilot, ROAD_BIKE)
        order_id = checkout(pilot)
        deadline = time.monotonic() + 10
        while not pilot.details()["payment_link"] and time.monotonic() < deadline:
            pilot.app.step(block=False)
            time.sleep(0.05)
        assert pilot.details()["payment_link"], "the QR code to pay on a phone appears once the backend has it"
        assert "Payer maintenant sur votre téléphone" in pilot.labels()
        assert list(backend.orders) == [order_id]
        assert backend.orders[order_id]["contact"] == {"email": "ada@example.org"}
        kept = Outbox(tmp_path / "outbox.db").item(order_id)
        assert kept is not None and kept.state == "sent" and "contact" not in kept.payload
        pilot.close()
    finally:
        backend.stop()


def test_the_product_page_and_the_cart_suggest_what_goes_with_it(shopping: Pilot) -> None:
    shopping.scan("2001000001262")  # TEN-126, a family tent
    suggested = shopping.app.shop.catalog.bought_together(["TEN-126"], limit=3)
    shopping.swipe((540, 1500), (540, 700), ms=300)
    shopping.advance(2, step=1 / 30)
    assert "Les clients ont aussi acheté" in shopping.labels()
    shopping.tap(suggested[0].title("fr"))
    assert shopping.details()["product"] == suggested[0].sku
    shopping.tap("Retour")
    assert shopping.details()["product"] == "TEN-126"
    shopping.tap("Ajouter au panier")
    shopping.tap("Panier (1)")
    assert "Va bien avec votre panier" in shopping.labels()
