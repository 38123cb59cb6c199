"""Placing an order, as a rule: what to keep in the outbox and what to tell, from what was confirmed.

The checkout scene gathers the answers and shows the result; the shop keeps what this returns (one
transaction) before the shopper sees "confirmed". Nothing here writes, sends or draws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.orders.order import Order
from kiosk.core.orders.order_mail import Texts, confirmation, store_alert


@dataclass(frozen=True)
class Voice:
    """How to word a message: interface texts, prices and "when" in one language."""

    texts: Texts
    price: Callable[[int], str]
    when: Callable[[object], str]


@dataclass(frozen=True)
class PlacedOrder:
    """What placing an order produces: the outbox items (the order, then its emails, in one transaction),
    the alert for staff (no personal data), the page to follow it, and whether the shopper gets an email."""

    order: Order
    items: tuple[tuple[str, dict[str, Any], str], ...]  # (kind, payload, id)
    alert: dict[str, Any]
    follow_url: str
    shopper_emailed: bool


def place(order: Order, *, store_name: str, follow_url_template: str, mail: bool, store_email: str,
          shopper: Voice, store: Voice) -> PlacedOrder:
    """The order and its emails: a confirmation to the shopper (in their language) when they gave an
    email, a "new order" alert to the store's inbox (in the store's language) when it has one."""
    follow = follow_url_template.replace("{order}", order.id)
    emails: list[dict[str, Any]] = []
    if mail and order.email:
        subject, text, html = confirmation(order, store_name, shopper.texts, shopper.price, shopper.when, follow)
        emails.append({"to": order.email, "subject": subject, "text": text, "html": html})
    if mail and store_email:
        subject, text, html = store_alert(order, store.texts, store.price, store.when)
        emails.append({"to": store_email, "subject": subject, "text": text, "html": html})
    items = (("order", order.payload(), order.id), *(("email", email, "") for email in emails))
    return PlacedOrder(order, items, order.alert(), follow, bool(mail and order.email))
