"""Placing an order: what goes in the outbox, in which language, and what staff are told."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from kiosk.core.orders.order import Order
from kiosk.core.orders.place_order import Voice, place
from kiosk.core.shopper.cart import CartLine


def voice(language: str) -> Voice:
    def texts(text: str, **fields: object) -> str:
        return f"[{language}] " + text.format(**fields)
    return Voice(texts, lambda cents: f"{cents / 100:.2f}", lambda moment: "soon")


def order(email: str = "", phone: str = "") -> Order:
    line = CartLine("BIK-101", None, 2, 89900, "Alpenrad", {"fr": "Vélo", "en": "Bike"}, "")
    return Order("LYON01-ABCDEFGH", "lyon-01", "terminal", datetime(2026, 11, 29, 10, tzinfo=UTC), "en", "EUR",
                 (line,), email=email, phone=phone, collect_from=datetime(2026, 11, 30, 9, tzinfo=UTC))


def test_the_order_and_its_two_emails_are_kept_together_each_in_its_own_language() -> None:
    placed = place(order(email="ada@example.org"), store_name="Sentier", follow_url_template="https://x/{order}",
                   mail=True, store_email="shop@example.org", shopper=voice("en"), store=voice("fr"))
    kinds = [kind for kind, _, _ in placed.items]
    assert kinds == ["order", "email", "email"] and placed.items[0][2] == "LYON01-ABCDEFGH"
    shopper, store = placed.items[1][1], placed.items[2][1]
    assert shopper["to"] == "ada@example.org" and shopper["subject"].startswith("[en]")
    assert store["to"] == "shop@example.org" and store["subject"].startswith("[fr]")
    assert placed.follow_url == "https://x/LYON01-ABCDEFGH" and placed.shopper_emailed
    assert "ada@example.org" not in json.dumps(placed.alert), "staff's alert carries no personal data"


def test_without_mail_or_email_only_the_order_is_kept() -> None:
    by_phone = place(order(phone="+33612345678"), store_name="Sentier", follow_url_template="", mail=True,
                     store_email="", shopper=voice("en"), store=voice("fr"))
    assert [kind for kind, _, _ in by_phone.items] == ["order"] and not by_phone.shopper_emailed
    no_mail = place(order(email="ada@example.org"), store_name="Sentier", follow_url_template="", mail=False,
                    store_email="shop@example.org", shopper=voice("en"), store=voice("fr"))
    assert [kind for kind, _, _ in no_mail.items] == ["order"] and not no_mail.shopper_emailed
