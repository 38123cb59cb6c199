"""Typing a contact in few touches (issue 25): a phone keypad for a phone number, keys for the email
domains of the store's country, and the address typed once in the session offered again at the checkout,
gone when the session ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.orders.outbox import Outbox
from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.test_layout_matrix import pilot_for


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Pilot]:
    """A French terminal with mail configured (email offered), a session started."""
    pilot = pilot_for(tmp_path, "terminal", (1080, 1920), "fr", mail=True)
    pilot.tap(x=540, y=640)
    yield pilot
    pilot.close()


def bounds(pilot: Pilot, label: str) -> pygame.Rect:
    """Where a widget is on screen."""
    widgets = pilot.request("tree")["displays"][pilot.app.display().name]["widgets"]
    return pygame.Rect(next(w["bounds"] for w in widgets if w["label"] == label))


def open_checkout(pilot: Pilot) -> None:
    """A trail shoe in the cart, and its checkout's first step."""
    ctx = pilot.app.display().ctx
    if not ctx.session.cart.count:
        put_in_cart(ctx, "RUN-112")
    ctx.show(ctx.routes.cart())
    pilot.advance(0.1)
    pilot.tap("Commander")
    assert pilot.details()["step"] == "contact"


def outbox(pilot: Pilot) -> Outbox:
    """The outbox the orders are kept in."""
    config = pilot.app.display().shop.config
    return Outbox(Path(config.path(config.outbox.path)))


def test_a_phone_number_is_typed_on_a_keypad_and_goes_with_the_order(shop: Pilot) -> None:
    open_checkout(shop)
    assert "@" in shop.labels() and "a" in shop.labels(), "an email keyboard first"
    shop.tap("Par téléphone")
    labels = shop.labels()
    assert {*"0123456789+", "Effacer"} <= set(labels)
    assert not {"a", "z", "@", "Majuscule"} & set(labels), "a keypad, not the keyboard"
    keys = {key: bounds(shop, key) for key in [*"123456789+0", "Effacer"]}
    for row in ("123", "456", "789", "+0"):  # a 3x4 grid: 1 2 3 on top, + 0 and delete at the bottom
        assert len({keys[key].y for key in row}) == 1 and [keys[k].x for k in row] == sorted(keys[k].x for k in row)
    for column in ("147+", "2580", "369"):
        assert len({keys[key].x for key in column}) == 1, column
    assert keys["Effacer"].y == keys["0"].y > keys["7"].y > keys["4"].y > keys["1"].y
    for key in "0612345699":
        shop.tap(key)
    shop.tap("Effacer")
    shop.tap("Effacer")
    shop.tap("7")
    shop.tap("8")
    shop.tap("Suivant")
    shop.tap("Retrait au magasin")
    shop.tap("Confirmer la commande")
    assert shop.scene == "order_confirmed"
    order = outbox(shop).item(str(shop.details()["order"]))
    assert order is not None and order.payload["contact"] == {"phone": "+33612345678"}


def test_the_domain_keys_of_the_store_s_country_finish_the_address(shop: Pilot) -> None:
    open_checkout(shop)
    labels = shop.labels()
    assert {"@gmail.com", "@orange.fr", "@free.fr"} <= set(labels), "France's common domains"
    keyboard = next(w for w in shop.request("tree")["displays"]["terminal"]["widgets"] if w["role"] == "keyboard")
    assert pygame.Rect(keyboard["bounds"]).contains(bounds(shop, "@orange.fr")), "over the keys, in their zone"
    shop.type("ada")
    shop.tap("@orange.fr")
    assert shop.details()["ready"], "ada@orange.fr is an address"
    shop.tap("@free.fr")  # another domain replaces the first
    shop.tap("Suivant")
    shop.tap("Retrait au magasin")
    shop.tap("Confirmer la commande")
    order = outbox(shop).item(str(shop.details()["order"]))
    assert order is not None and order.payload["contact"] == {"email": "ada@free.fr"}


def test_a_german_store_offers_german_domains_and_a_store_its_own(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text().replace('country = "FR"', 'country = "DE"')
    assert 'country = "DE"' in text
    (tmp_path / "de").mkdir()
    pilot = Pilot(load_config(write_config(tmp_path / "de", text.replace('default_language = "fr"',
                                                                         'default_language = "de"'))), "terminal")
    try:
        pilot.tap(x=540, y=640)
        ctx = pilot.app.display().ctx
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        domains = [label for label in pilot.labels() if label.startswith("@") and len(label) > 1]
        assert domains[:3] == ["@gmail.com", "@web.de", "@gmx.de"], domains
    finally:
        pilot.close()
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=540, y=640)
        open_checkout(pilot)
        domains = [label for label in pilot.labels() if label.startswith("@") and len(label) > 1]
        # the session in French, not spoken there: a visitor's own domains first, Germany's after them
        # (tests/scenes/test_domain_keys_by_language.py)
        assert domains[:3] == ["@gmail.com", "@orange.fr", "@free.fr"] and "@web.de" not in domains[:4], domains
    finally:
        pilot.close()
    own = text.replace('country = "DE"', 'country = "DE"\nemail_domains = ["sentier.example", "mail.example"]')
    (tmp_path / "own").mkdir()
    pilot = Pilot(load_config(write_config(tmp_path / "own", own)), "terminal")
    try:
        pilot.tap(x=540, y=640)
        open_checkout(pilot)
        assert {"@sentier.example", "@mail.example"} <= set(pilot.labels()) and "@web.de" not in pilot.labels()
    finally:
        pilot.close()


@pytest.mark.slow  # a whole session and more, seconds: CI runs it
def test_the_address_typed_to_share_is_offered_at_the_checkout_until_the_session_ends(shop: Pilot) -> None:
    ctx = shop.app.display().ctx
    ctx.show(ctx.routes.share(["RUN-115"]))
    shop.advance(0.1)
    shop.tap("Me l'envoyer par e-mail")
    assert "Utiliser ada@example.org" not in shop.labels(), "nothing typed yet in this session"
    shop.type("ada@example.org")
    shop.tap("J'accepte de recevoir cet e-mail (obligatoire)")
    shop.tap("Envoyer")
    assert shop.scene != "email"
    open_checkout(shop)
    assert not shop.details()["ready"]
    shop.tap("Utiliser ada@example.org")  # one tap
    assert shop.details()["ready"]
    # the offer keeps its place (every key of the row stays where it was: d39194c3), greyed while the field holds it
    offers = [w for w in shop.request("tree")["displays"]["terminal"]["widgets"]
              if w["label"] == "Utiliser ada@example.org"]
    assert offers and not any(w["enabled"] for w in offers), f"offered while the field holds it: {offers}"
    assert "ada@" not in str(shop.state()), "never in what tools and telemetry see"
    shop.advance(400)  # the shopper walks away: the session ends
    assert shop.scene == "attract"
    shop.tap(x=540, y=640)
    open_checkout(shop)
    assert not any("ada@example.org" in label for label in shop.labels()), "the next shopper never sees it"
