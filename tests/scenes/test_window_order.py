"""The shop window takes an order in a few touches, and a closed store's window keeps the inside to itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.orders.outbox import Outbox
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config

RACER = "Racer Carbon Pro"  # RUN-115, sizes 39 to 46, all in stock
MOST_TAPS = 6  # issue 25: a shoe's size from the closed window, plus typing the contact


class CountingPilot(Pilot):
    """A pilot that counts the shopper's touches: taps, and keys pressed on the on-screen keyboard (typing
    the contact itself is not counted)."""

    taps = 0

    def tap(self, label: str | None = None, x: int | None = None, y: int | None = None) -> None:
        """A tap, counted."""
        self.taps += 1
        super().tap(label, x, y)

    def key(self, name: str) -> None:
        """A key such as Enter, counted as a touch."""
        self.taps += 1
        super().key(name)


def window_at(tmp_path: Path, when: datetime) -> CountingPilot:
    return CountingPilot(load_config(write_config(tmp_path)), "window", clock=ManualClock(when))


@pytest.fixture
def closed(tmp_path: Path) -> Iterator[CountingPilot]:
    """The window alone on Saturday 21 November 2026 at 22:00 in Lyon: closed until Monday 10:00."""
    pilot = window_at(tmp_path, datetime(2026, 11, 21, 21, 0, tzinfo=UTC))
    yield pilot
    pilot.close()


@pytest.fixture
def open_window(tmp_path: Path) -> Iterator[CountingPilot]:
    """The window on Friday 20 November 2026 at 11:00 in Lyon: open until 20:00."""
    pilot = window_at(tmp_path, datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    yield pilot
    pilot.close()


def start(pilot: Pilot) -> None:
    width, height = pilot.app.display("window").screen.size
    pilot.tap(x=width // 2, y=height // 2)
    assert pilot.scene == "home"


def test_a_shoe_size_is_ordered_from_the_closed_window_in_six_taps(closed: CountingPilot, tmp_path: Path) -> None:
    start(closed)
    closed.tap(label=RACER)
    closed.tap(label="42")
    closed.tap(label="Acheter maintenant")
    assert closed.scene == "checkout" and closed.details()["step"] == "contact"
    closed.type("ada@example.org")
    closed.tap(label="Suivant")
    assert closed.details()["step"] == "review"
    labels = closed.labels()
    assert "Retrait au magasin" in labels, "collect is chosen on the last look, not on a screen of its own"
    closed.tap(label="Confirmer la commande")
    assert closed.scene == "order_confirmed"
    assert closed.taps <= MOST_TAPS, f"{closed.taps} taps to order a shoe size from the closed window"
    order = Outbox(tmp_path / "outbox.db").item(str(closed.details()["order"]))
    assert order is not None and order.kind == "order"
    assert [(line["article"], line["quantity"]) for line in order.payload["lines"]] == [("RUN-115-42", 1)]
    assert order.payload["fulfilment"] == {"kind": "collect", "from": "2026-11-23T11:00:00+01:00"}
    assert order.payload["device"] == "window"


def test_buy_now_asks_the_size_first_and_leaves_the_cart_as_it_was(closed: CountingPilot, tmp_path: Path) -> None:
    start(closed)
    closed.tap(label="Vélo de route Alto 900 Carbone")
    closed.tap(label="Ajouter au panier")
    closed.tap(label="Retour")
    closed.tap(label=RACER)
    closed.tap(label="Acheter maintenant")
    assert closed.scene == "product" and closed.details()["choice_missing"], "no size yet: the sizes say so"
    closed.tap(label="44")
    closed.tap(label="Acheter maintenant")
    closed.tap(label="Par téléphone")
    closed.type("06 12 34 56 78")
    closed.tap(label="Suivant")
    closed.tap(label="Livraison")  # delivery instead: the address, then the last look again
    for text in ("12 rue des Lilas", "69003", "Lyon"):
        closed.type(text)
        closed.tap(label="Suivant")
    assert closed.details()["step"] == "review"
    closed.tap(label="Confirmer la commande")
    order = Outbox(tmp_path / "outbox.db").item(str(closed.details()["order"]))
    assert order is not None
    assert [line["article"] for line in order.payload["lines"]] == ["RUN-115-44"]
    assert order.payload["fulfilment"] == {"kind": "delivery"}
    assert order.payload["contact"] == {"phone": "+33612345678"}
    assert closed.state()["session"]["cart"] == [{"sku": "BIK-102", "variant": "", "quantity": 1}]


def test_the_stock_line_follows_the_size_chosen(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)
    pilot.scan("2001000001125")  # RUN-112 Trail Ascent 3: 39 has 4, 40 none, 41 has 3; 16 in all
    labels = pilot.labels()
    assert "En stock" in labels, "no bare count before a size is chosen (16 read as a size)"
    pilot.tap(label="39")
    assert "Taille 39 : 4 en stock" in pilot.labels() and "En stock" not in pilot.labels()
    pilot.tap(label="41")
    assert "Plus que 3 en magasin" in pilot.labels()
    pilot.tap(label="40")
    assert "En rupture — commandez-le ici" in pilot.labels()


def test_the_closed_window_says_when_the_chosen_size_can_be_collected(closed: CountingPilot) -> None:
    start(closed)
    closed.app.display("window").ctx.show(closed.app.display("window").ctx.routes.product("RUN-112"))
    closed.advance(0.5)
    closed.tap(label="39")
    assert "À retirer dès lundi 23 novembre à 11:00" in closed.labels()
    closed.tap(label="40")
    assert "À commander : nous vous prévenons dès qu'il est prêt" in closed.labels()


def test_the_open_window_says_the_aisle_and_the_stock(open_window: CountingPilot) -> None:
    start(open_window)
    labels = open_window.labels()  # the band: all it shows is on the shelf ("En stock maintenant : entrez" read badly)
    assert "En stock : venez les essayer" in labels and "En stock maintenant : entrez" not in labels
    open_window.tap(label=RACER)
    labels = open_window.labels()
    assert "En stock" in labels and any(label.startswith("Rayon B1") for label in labels)


def test_the_window_shows_a_department_in_one_touch_and_searches_like_the_terminal(closed: CountingPilot) -> None:
    start(closed)
    assert closed.details()["products"] == 24 and closed.details()["department"] == ""
    closed.tap(label="Lampes frontales")
    details = closed.details()
    headlamps = closed.app.shop.catalog.browse("headlamps", "popular", limit=200)
    assert details["scene"] == "home" and details["department"] == "headlamps"
    assert details["products"] == len(headlamps), "closed: every headlamp, those out of stock to order"
    shown = closed.labels()
    assert headlamps[0].title("fr") in shown and "Racer Carbon Pro" not in shown
    closed.tap(label="Tout")
    assert closed.details()["products"] == 24
    closed.tap(label="Rechercher un produit")
    assert closed.scene == "search"
    closed.type("racer")
    closed.tap(label=RACER)
    assert closed.scene == "product" and "Acheter maintenant" in closed.labels(), "the window's own product page"


def test_the_open_window_shows_only_what_is_on_the_shelf(open_window: CountingPilot) -> None:
    start(open_window)
    open_window.tap(label="Lampes frontales")
    on_shelf = [p for p in open_window.app.shop.catalog.browse("headlamps", "popular", limit=200) if p.stock > 0]
    assert open_window.details()["products"] == len(on_shelf)
