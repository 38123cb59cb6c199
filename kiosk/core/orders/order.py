"""An order as the kiosk makes it: its id, what is ordered, how it reaches the shopper, who to tell.

The id is made on the kiosk and is the backend's idempotency key, so an order sent twice (a crash
between "sent" and "noted as sent") is still one order. The payload is what `POST /orders` receives
(docs/backend-openapi.yaml); its personal fields are top-level so the outbox can erase them once the
backend has the order.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.core.models import pick
from kiosk.core.shopper.cart import CartLine

ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud at the counter
PERSONAL_FIELDS = ("contact", "delivery_address")


TILL_ALPHABET = "34679ACDEFGHJKMNPRTWXY"  # no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V: read out and typed at a till


def order_number(order_id: str) -> str:
    """The number a shopper reads out at a till: the store's first two letters, then six characters that
    cannot be taken for one another, in groups of three ("LY-4K7-M2P"). Made from the order's id, which
    stays the backend's key (so two orders never share a key, even if two numbers ever met)."""
    store = "".join(c for c in order_id.split("-", 1)[0].upper() if c.isalpha())[:2] or "KI"
    value = int.from_bytes(hashlib.sha256(order_id.encode()).digest()[:8], "big")
    chars = []
    for _ in range(6):
        value, digit = divmod(value, len(TILL_ALPHABET))
        chars.append(TILL_ALPHABET[digit])
    return f"{store}-{''.join(chars[:3])}-{''.join(chars[3:])}"


def new_order_id(store_id: str) -> str:
    """A short order number, unique with overwhelming odds: "LYON01-7KQ3F2HM"."""
    store = "".join(c for c in store_id.upper() if c.isalnum())[:8] or "KIOSK"
    return f"{store}-{''.join(secrets.choice(ID_ALPHABET) for _ in range(8))}"


def normalise_phone(text: str, region: str) -> str | None:
    """A mobile or landline number in E.164 ("+33612345678"), or None if it cannot be one."""
    # imported with the first number typed (60 ms once): its rules for every country are 1.4 MB resident,
    # which a kiosk whose shoppers never leave a number does not need
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@dataclass(frozen=True)
class DeliveryAddress:
    """Where a delivery goes (personal data)."""

    street: str
    postcode: str
    city: str

    def lines(self) -> list[str]:
        """As written on a parcel."""
        return [self.street, f"{self.postcode} {self.city}"]


@dataclass(frozen=True)
class Order:
    """Everything the shopper confirmed."""

    id: str
    store: str
    device: str
    placed_at: datetime
    language: str
    currency: str
    lines: tuple[CartLine, ...]
    email: str = ""  # one of email or phone (personal data)
    phone: str = ""
    collect_from: datetime | None = None  # collect at the store from then; None: delivery
    delivery: DeliveryAddress | None = None
    marketing_opt_in: bool = False
    # an article is not on the shelf (out of stock, or fewer than ordered): the store orders it and tells the
    # shopper when it is ready, so no collection time is promised
    to_order: bool = False

    @property
    def number(self) -> str:
        """What the shopper reads out at the till ("LY-4K7-M2P")."""
        return order_number(self.id)

    @property
    def total_cents(self) -> int:
        """What the order costs."""
        return sum(line.total_cents for line in self.lines)

    def payload(self) -> dict[str, Any]:
        """The body of `POST /orders`."""
        contact = {"email": self.email} if self.email else {"phone": self.phone}
        fulfilment: dict[str, Any] = ({"kind": "collect", "from": self.collect_from.isoformat()}
                                      if self.collect_from else {"kind": "delivery"})
        if self.to_order:
            fulfilment["to_order"] = True
        body: dict[str, Any] = {
            "id": self.id, "number": self.number, "store": self.store, "device": self.device,
            "placed_at": self.placed_at.isoformat(timespec="seconds"), "language": self.language,
            "currency": self.currency, "total_cents": self.total_cents,
            "lines": [{"sku": line.sku, "article": line.article, "name": pick(line.name, self.language),
                       "option": line.variant.label(self.language) if line.variant else "",
                       "quantity": line.quantity, "unit_price_cents": line.unit_price_cents,
                       **({"offer": line.offer, "normal_price_cents": line.normal_price_cents} if line.offer else {})}
                      for line in self.lines],
            "fulfilment": fulfilment, "contact": contact, "marketing_opt_in": self.marketing_opt_in,
        }
        if self.delivery:
            body["delivery_address"] = {"street": self.delivery.street, "postcode": self.delivery.postcode,
                                        "city": self.delivery.city}
        return body

    def alert(self) -> dict[str, Any]:
        """The new-order alert for staff over MQTT: no personal data."""
        return {"type": "order", "order": self.id, "number": self.number, "device": self.device, "articles": sum(
            line.quantity for line in self.lines), "total_cents": self.total_cents,
            "fulfilment": "collect" if self.collect_from else "delivery",
            "collect_from": self.collect_from.isoformat() if self.collect_from else None, "to_order": self.to_order,
            "time": self.placed_at.isoformat(timespec="seconds")}
