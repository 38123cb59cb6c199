"""The email a shopper sends themselves: the shared products as plain text and HTML, with the link."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from kiosk.core.shopper.share import products_of


def compose(content: dict[str, Any], url: str, texts: Callable[..., str],
            price: Callable[[int], str]) -> tuple[str, str, str]:
    """Subject, plain text and HTML of the email for a share payload."""
    products = products_of(content)
    store = str(content.get("s", ""))
    subject = texts("Your selection at {store}", store=store)
    intro = texts("Here is what you chose at {store}, with the prices of {date}.", store=store,
                  date=content.get("d", ""))
    lines = [intro, ""]
    for product in products:
        aisle = f" — {texts('Aisle {aisle}', aisle=product.aisle)}" if product.aisle else ""
        lines.append(f"• {product.brand} {product.name}: {price(product.price_cents)}{aisle}")
    lines += ["", texts("See them side by side on your phone: {url}", url=url)]
    rows = "".join(
        f"<tr><td style='padding:6px 12px 6px 0'><b>{html.escape(p.brand)}</b> {html.escape(p.name)}</td>"
        f"<td style='padding:6px 0;color:#1f4e46;font-weight:bold'>{html.escape(price(p.price_cents))}</td></tr>"
        for p in products)
    body = (f"<html><body style='font-family:sans-serif;color:#1b1b1b'><p>{html.escape(intro)}</p>"
            f"<table>{rows}</table><p><a href='{html.escape(url, quote=True)}'>"
            f"{html.escape(texts('See them side by side on your phone'))}</a></p></body></html>")
    return subject, "\n".join(lines) + "\n", body
