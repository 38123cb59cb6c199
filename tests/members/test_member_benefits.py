"""A member's benefits at the terminal: member prices beside the normal ones and added up in the cart,
offers that lead to their products, the header's badge, and offers worded against their dates (on the
pilot's clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kiosk.config import KioskConfig
from kiosk.core.hours.clock import ManualClock
from kiosk.testing.pilot import Pilot

CAMILLE = "LOYALTY-1234"  # gold: 15 % off running until Sunday 27 June 2027
EMMA = "LOYALTY-9012"  # bronze: not the running offer


@pytest.fixture
def thursday(config: KioskConfig) -> Iterator[Pilot]:
    """The terminal on Thursday 24 June 2027, three days before the running offer ends."""
    driven = Pilot(config, "terminal", clock=ManualClock(datetime(2027, 6, 24, 9, 0, tzinfo=UTC)))
    yield driven
    driven.close()


def offer_card_words(pilot: Pilot, title: str) -> list[str]:
    """The words on an offer's card (the card itself is labelled with its title)."""
    labels = pilot.labels()
    start = labels.index(title)
    return labels[start:start + 5]


def test_a_member_sees_the_member_price_beside_the_normal_one_and_the_cart_adds_it_up(thursday: Pilot) -> None:
    thursday.scan(CAMILLE)
    thursday.tap("Commencer mes achats")
    product = thursday.app.shop.catalog.product("RUN-113")
    assert product is not None and product.price_cents == 11899
    thursday.scan(product.gtin)
    labels = thursday.labels()
    assert "101,14\u00a0€" in labels and "au lieu de 118,99\u00a0€" in labels
    thursday.tap("42")
    thursday.tap("Ajouter au panier")
    thursday.tap("Panier (1)")
    labels = thursday.labels()
    assert "Total 101,14\u00a0€" in labels and "Économie membre : 17,85\u00a0€" in labels
    assert thursday.app.display().session.cart.total_cents == 10114


def test_without_a_card_the_price_is_the_normal_one(thursday: Pilot) -> None:
    thursday.tap(x=540, y=960)
    product = thursday.app.shop.catalog.product("RUN-113")
    assert product is not None
    thursday.scan(product.gtin)
    labels = thursday.labels()
    assert "118,99\u00a0€" in labels and not any(label.startswith("au lieu de") for label in labels)


def test_an_offer_leads_to_its_products_and_the_badge_brings_the_offers_back(thursday: Pilot) -> None:
    thursday.scan(CAMILLE)
    card = offer_card_words(thursday, "-15 % sur le running")
    assert "Sur toutes les chaussures de running." in card and "Jusqu'à dimanche" in card
    thursday.tap("-15 % sur le running")
    assert thursday.scene == "offer"
    skus = thursday.details()["products"]
    assert skus and all(thursday.app.shop.catalog.product(sku).category == "running" for sku in skus)
    thursday.tap("Accueil")
    assert thursday.scene == "home"
    thursday.tap("Vos offres membre")  # the badge in the header
    assert thursday.scene == "offers"
    assert thursday.details()["offers"][:2] == ["OFF-RUN-15", "OFF-WATCH"]


def test_a_bronze_member_has_no_running_price(thursday: Pilot) -> None:
    thursday.scan(EMMA)
    assert "OFF-RUN-15" not in thursday.details()["offers"]
    thursday.tap("Commencer mes achats")
    product = thursday.app.shop.catalog.product("RUN-113")
    assert product is not None
    thursday.scan(product.gtin)
    assert "118,99\u00a0€" in thursday.labels()


@pytest.mark.parametrize(("day", "said"), [(26, "Jusqu'à demain"), (27, "Aujourd'hui seulement"), (28, None)])
def test_the_running_offer_is_worded_against_its_last_day(config: KioskConfig, day: int, said: str | None) -> None:
    """Until Sunday 27 June: on the Saturday "until tomorrow", on the Sunday "today only", on the Monday gone
    (and its price with it)."""
    pilot = Pilot(config, "terminal", clock=ManualClock(datetime(2027, 6, day, 9, 0, tzinfo=UTC)))
    try:
        pilot.scan(CAMILLE)
        if said is None:
            assert "OFF-RUN-15" not in pilot.details()["offers"]
            assert pilot.app.display().session.cart.offers and all(
                offer.id != "OFF-RUN-15" for offer in pilot.app.display().session.cart.offers)
        else:
            assert said in offer_card_words(pilot, "-15 % sur le running")
    finally:
        pilot.close()


def test_the_offer_ends_while_the_kiosk_runs(thursday: Pilot) -> None:
    """The kiosk runs on through the night: the next member on the Monday no longer sees it."""
    thursday.scan(CAMILLE)
    assert "OFF-RUN-15" in thursday.details()["offers"]
    thursday.tap("Pas moi ? Déconnexion")
    thursday.clock.advance(4 * 24 * 3600)
    thursday.scan(CAMILLE)
    assert "OFF-RUN-15" not in thursday.details()["offers"]
