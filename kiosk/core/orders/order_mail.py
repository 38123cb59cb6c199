"""The emails an order sends: a confirmation to the shopper, and "new order" to the store's inbox."""

from __future__ import annotations

import html
from collections.abc import Callable

from kiosk.core.models import pick
from kiosk.core.orders.order import Order

Texts = Callable[..., str]


def _lines(order: Order, price: Callable[[int], str], texts: Texts) -> list[str]:
    """Each line with its size said as a size ("Size 42 · blue", never a bare "42", as on the screen)."""
    lines = []
    for line in order.lines:
        variant, option = line.variant, ""
        if variant is not None:
            parts = [texts("Size {size}", size=variant.size) if variant.size else "",
                     pick(variant.colour, order.language) if variant.colour else ""]
            option = " (" + " · ".join(part for part in parts if part) + ")"
        lines.append(f"{line.quantity} × {line.brand} {pick(line.name, order.language)}{option}: "
                     f"{price(line.total_cents)}")
    return lines


def _html(paragraphs: list[str], items: list[str], link: str = "", link_text: str = "") -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[:1])
    body += "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
    body += "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    if link:
        body += f"<p><a href='{html.escape(link, quote=True)}'>{html.escape(link_text)}</a></p>"
    return f"<html><body style='font-family:sans-serif;color:#1b1b1b'>{body}</body></html>"


def fulfilment_text(order: Order, texts: Texts, when: Callable[[object], str]) -> str:
    """"Collect it at the store from Saturday 28 November, 09:30", "Delivered to: ...", or, for an article
    the store must order first, that it is ordered and the store says when it is ready (no date it cannot
    keep)."""
    if order.collect_from is not None and order.to_order:
        return texts("Ordered for you: the store will tell you when it is ready to collect.")
    if order.collect_from is not None:
        return texts("Collect it at the store from {when}.", when=when(order.collect_from))
    address = ", ".join(order.delivery.lines()) if order.delivery else ""
    return texts("Delivered to: {address}.", address=address)


def confirmation(order: Order, store: str, texts: Texts, price: Callable[[int], str],
                 when: Callable[[object], str], follow_url: str) -> tuple[str, str, str]:
    """Subject, plain text and HTML of the shopper's confirmation."""
    subject = texts("Your order {order} at {store}", order=order.number, store=store)
    intro = texts("Thank you! We have your order {order}:", order=order.number)
    items = _lines(order, price, texts)
    after = [texts("Total: {total}", total=price(order.total_cents)), fulfilment_text(order, texts, when)]
    text = [intro, "", *(f"• {item}" for item in items), "", *after]
    if follow_url:
        text += ["", texts("Follow your order: {url}", url=follow_url)]
    return subject, "\n".join(text) + "\n", _html([intro, *after], items, follow_url, texts("Follow your order"))


def store_alert(order: Order, texts: Texts, price: Callable[[int], str],
                when: Callable[[object], str]) -> tuple[str, str, str]:
    """Subject, plain text and HTML of the "new order" email to the store (it has the contact: staff call back)."""
    subject = texts("New order {order} ({total})", order=order.number, total=price(order.total_cents))
    contact = order.email or order.phone
    intro = texts("New order {order} from {device}:", order=order.number, device=order.device)
    items = _lines(order, price, texts)
    after = [fulfilment_text(order, texts, when), texts("Contact: {contact}", contact=contact)]
    text = [intro, "", *(f"• {item}" for item in items), "", *after]
    return subject, "\n".join(text) + "\n", _html([intro, *after], items)
