"""The shopper's cart: products (a size or colour when they have some), quantities and the total.

The cart keeps each line's price as it was added, so what the shopper confirms is what they saw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kiosk.core.models import Localized, ProductSummary, Variant

MAX_QUANTITY = 9  # a line; more is a trade order, not a kiosk order
MAX_LINES = 20


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

    def add(self, product: ProductSummary, variant: Variant | None = None) -> str:
        """Add one of a product: "added", "more" (one more of a line), or "limit" (nothing changed)."""
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
        self.lines.append(CartLine(product.sku, variant, 1, price, product.brand, product.name, product.image))
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

    @property
    def count(self) -> int:
        """How many articles, all lines together."""
        return sum(line.quantity for line in self.lines)

    def holds(self, sku: str) -> bool:
        """Whether a product (any of its sizes or colours) is in the cart."""
        return any(line.sku == sku for line in self.lines)

    @property
    def total_cents(self) -> int:
        """What the order costs."""
        return sum(line.total_cents for line in self.lines)

    def state(self) -> list[dict[str, Any]]:
        """The cart for automation and tests (no personal data in it)."""
        return [{"sku": line.sku, "variant": line.variant.sku if line.variant else "", "quantity": line.quantity}
                for line in self.lines]
