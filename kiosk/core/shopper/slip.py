"""The printed slip: a short comparison for a receipt printer, with the share link for its QR code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.shopper.share import products_of

WIDTH = 42  # characters on a 80 mm receipt in font A


@dataclass(frozen=True)
class Slip:
    """A slip to print: its job id (to tell the shopper how it went), its lines and its QR code's link."""

    job: str
    lines: tuple[str, ...]
    qr: str


def slip_lines(content: dict[str, Any], texts: Callable[..., str], price: Callable[[int], str]) -> list[str]:
    """The lines of the slip, each at most WIDTH characters."""
    lines = [str(content.get("s", ""))[:WIDTH], texts("Prices of {date}", date=content.get("d", ""))[:WIDTH], ""]
    for product in products_of(content):
        lines.append(f"{product.brand} {product.name}"[:WIDTH])
        if product.choice:  # the size or colour chosen ("Taille 42 · noir")
            lines.append(f"  {product.choice}"[:WIDTH])
        amount = price(product.price_cents)
        aisle = texts("Aisle {aisle}", aisle=product.aisle) if product.aisle else ""
        lines.append(f"{aisle}{' ' * max(1, WIDTH - len(aisle) - len(amount))}{amount}"[:WIDTH])
    for label, values, best in content.get("r", [])[:6]:
        lines.append("")
        lines.append(str(label)[:WIDTH])
        for index, value in enumerate(values):
            mark = "*" if index in best else " "
            lines.append(f" {mark} {index + 1}. {value}"[:WIDTH])
    lines += ["", texts("Scan to see it on your phone:")[:WIDTH]]
    return lines
