"""The shopper's cart: products (a size or colour when they have some), quantities and the total.

The cart keeps each line's price as it was added, so what the shopper confirms is what they saw; for
an identified member, a line's price is the member price of the offers on for them (the normal price
kept beside it), and lines already in the cart take it when the member's card comes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from kiosk.core.models import Localized, Offer, ProductSummary, Variant
from kiosk.core.shopper.member_offers import member_price

MAX_QUANTITY = 9  # a line; more is a trade order, not a kiosk order
MAX_LINES = 20


class ChoiceMissing(ValueError):
    """A product with sizes or colours was given to the cart without one of them (the page asks first)."""


@dataclass(frozen=True)
class CartLine:
    """One product (one variant of it) and how many."""

    sku: str
    variant: Variant | None
    quantity: int
    unit_price_cents: int
    brand: str
    name: Localized
    image: str
    category: str = ""
    normal_price_cents: int = 0  # the price without the member's offer; 0: the same as unit_price_cents
    offer: str = ""  # the id of the member's offer that gives unit_price_cents

    @property
    def saving_cents(self) -> int:
        """How much the member's offer takes off the line."""
        return self.quantity * max(0, self.normal_price_cents - self.unit_price_cents) if self.offer else 0

    @property
    def article(self) -> str:
        """The SKU that is ordered: the variant's, else the product's."""
        return self.variant.sku if self.variant else self.sku

    @property
    def total_cents(self) -> int:
        """Quantity times unit price."""
        return self.quantity * self.unit_price_cents


class Cart:
    """What the shopper is about to order; lives in the session, wiped with it."""

    def __init__(self) -> None:
        self.lines: list[CartLine] = []
        self.offers: tuple[Offer, ...] = ()  # the offers on for the member in front (none: no member)

    def apply_offers(self, offers: tuple[Offer, ...]) -> None:
        """A member's offers from now on (none: back to normal prices), for the lines in the cart too."""
        self.offers = offers
        self.lines = [self._priced(line) for line in self.lines]

    def _priced(self, line: CartLine) -> CartLine:
        normal = line.normal_price_cents or line.unit_price_cents
        found = member_price(self.offers, line.sku, line.category, normal)
        if found is None:
            return replace(line, unit_price_cents=normal, normal_price_cents=normal, offer="")
        return replace(line, unit_price_cents=found.cents, normal_price_cents=normal, offer=found.offer.id)

    def add(self, product: ProductSummary, variant: Variant | None = None, *, variants: Sequence[Variant]) -> str:
        """Add one of a product: "added", "more" (one more of a line), or "limit" (nothing changed).

        `variants` are the product's sizes and colours (none: a single article): a product that has some
        is only ever added as one of them, so that no order says "1 × Trail Ascent 3" without its size."""
        if variants and (variant is None or all(v.sku != variant.sku for v in variants)):
            raise ChoiceMissing(f"{product.sku}: a size or colour must be chosen before it goes in the cart")
        article = variant.sku if variant else product.sku
        for index, line in enumerate(self.lines):
            if line.article == article:
                if line.quantity >= MAX_QUANTITY:
                    return "limit"
                self.lines[index] = replace(line, quantity=line.quantity + 1)
                return "more"
        if len(self.lines) >= MAX_LINES:
            return "limit"
        price = variant.price(product.price_cents) if variant else product.price_cents
        self.lines.append(self._priced(CartLine(product.sku, variant, 1, price, product.brand, product.name,
                                                product.image, product.category, price)))
        return "added"

    def set_quantity(self, index: int, quantity: int) -> None:
        """Change a line's quantity (0 removes it; at most MAX_QUANTITY)."""
        if quantity <= 0:
            del self.lines[index]
        else:
            self.lines[index] = replace(self.lines[index], quantity=min(MAX_QUANTITY, quantity))

    def clear(self) -> None:
        """Empty the cart (after an order, or when the session ends)."""
        self.lines.clear()

    def forget(self) -> None:
        """Empty the cart and forget the member's offers (the session ends)."""
        self.clear()
        self.offers = ()

    @property
    def count(self) -> int:
        """How many articles, all lines together."""
        return sum(line.quantity for line in self.lines)

    def holds(self, sku: str) -> bool:
        """Whether a product (any of its sizes or colours) is in the cart."""
        return any(line.sku == sku for line in self.lines)

    @property
    def total_cents(self) -> int:
        """What the order costs (member prices included)."""
        return sum(line.total_cents for line in self.lines)

    @property
    def saving_cents(self) -> int:
        """What the member's offers take off the total."""
        return sum(line.saving_cents for line in self.lines)

    def state(self) -> list[dict[str, Any]]:
        """The cart for automation and tests (no personal data in it)."""
        return [{"sku": line.sku, "variant": line.variant.sku if line.variant else "", "quantity": line.quantity}
                for line in self.lines]
