"""The email a shopper sends themselves: the take-home's content (each product with its picture, key
specs and aisle, the "buy online" link, the store's address and today's hours) as plain text and as
branded HTML, with the link to the phone page. Pictures are the phone page's (`{base_url}images/...`)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from kiosk.core.shopper.share import SharedProduct, products_of

BRAND, ACCENT, INK, MUTED, PAPER = "#1f4e46", "#b25018", "#1b1b1b", "#5c574f", "#f6f4f0"


def compose(content: dict[str, Any], url: str, texts: Callable[..., str], price: Callable[[int], str],
            day: Callable[[date], str] = date.isoformat, pictures: str = "") -> tuple[str, str, str]:
    """Subject, plain text and HTML of the email for a share payload; `day` writes its date in the
    shopper's language, `pictures` is where the phone page's pictures are (its base URL)."""
    products = products_of(content)
    store = str(content.get("s", ""))
    when = day(date.fromisoformat(str(content["d"]))) if content.get("d") else ""
    subject = texts("Your selection at {store}", store=store)
    intro = texts("Here is what you chose at {store}, with the prices of {date}.", store=store, date=when)
    buy = str(content.get("u", ""))
    address = str(content.get("a", ""))
    hours = content.get("h")
    today = ""
    if isinstance(hours, list):
        today = (texts("Open today: {hours}", hours=", ".join(str(h).replace("-", "–") for h in hours)) if hours
                 else texts("Closed today"))
    lines = [intro, ""]
    for product in products:
        aisle = f" — {texts('Aisle {aisle}', aisle=product.aisle)}" if product.aisle else ""
        choice = f" ({product.choice})" if product.choice else ""  # the size or colour chosen
        lines.append(f"• {product.brand} {product.name}{choice}: {price(product.price_cents)}{aisle}")
        lines += [f"  {label}: {value}" for label, value in product.specs]
        if buy.startswith(("https://", "http://")):
            lines.append(f"  {texts('Buy online')}: {buy.replace('{sku}', product.sku)}")
    lines += ["", texts("See them side by side on your phone: {url}", url=url)]
    lines += ["", store, *(line for line in (address, today) if line)] if address or today else []
    side_by_side = texts("See them side by side on your phone")  # (outside the f-strings: extracted for translation)
    cards = "".join(_card(product, texts, price, buy, pictures) for product in products)
    store_box = (f"<tr><td style='padding:16px 24px;background:#ffffff;border-radius:12px;font-size:14px'>"
                 f"<b style='color:{BRAND}'>{html.escape(store)}</b><br>{html.escape(address)}"
                 f"{'<br>' if address and today else ''}{html.escape(today)}</td></tr>") if address or today else ""
    body = (f"<!doctype html><html><body style='margin:0;background:{PAPER};font-family:Helvetica,Arial,sans-serif;"
            f"color:{INK}'><table role='presentation' width='100%' cellpadding='0' cellspacing='0' "
            f"style='max-width:600px;margin:0 auto'>"
            f"<tr><td style='background:{BRAND};color:#ffffff;padding:20px 24px'>"
            f"<div style='font-size:20px;font-weight:bold'>{html.escape(store)}</div>"
            f"<div style='font-size:14px;opacity:.85'>{html.escape(subject)}</div></td></tr>"
            f"<tr><td style='padding:20px 24px 8px'>{html.escape(intro)}</td></tr>"
            f"<tr><td style='padding:0 16px'><table role='presentation' width='100%' cellpadding='0' "
            f"cellspacing='0'>{cards}</table></td></tr>"
            f"<tr><td style='padding:8px 24px 20px'><a href='{html.escape(url, quote=True)}' "
            f"style='display:inline-block;background:{BRAND};color:#ffffff;padding:12px 18px;border-radius:10px;"
            f"text-decoration:none;font-weight:bold'>{html.escape(side_by_side)}"
            f"</a></td></tr>"
            f"<tr><td style='padding:0 16px 24px'><table role='presentation' width='100%'>{store_box}</table></td></tr>"
            f"</table></body></html>")
    return subject, "\n".join(lines) + "\n", body


def _card(product: SharedProduct, texts: Callable[..., str], price: Callable[[int], str], buy: str,
          pictures: str) -> str:
    """One product as a row of the email: picture, brand, name, price, aisle, key specs, "buy online"."""
    picture = ""
    if pictures.startswith(("https://", "http://")) and product.picture.startswith("images/"):
        source = html.escape(pictures.split("#", 1)[0].rstrip("/") + "/" + product.picture, quote=True)
        picture = (f"<td width='96' style='padding:12px;vertical-align:top'><img src='{source}' width='96' "
                   f"height='96' alt='{html.escape(product.name, quote=True)}' style='display:block;border-radius:8px;"
                   f"background:{PAPER}'></td>")
    specs = "".join(f"<div style='font-size:13px'><span style='color:{MUTED}'>{html.escape(label)}:</span> "
                    f"{html.escape(value)}</div>" for label, value in product.specs)
    choice = (f"<div style='font-size:14px;font-weight:bold;color:{INK}'>{html.escape(product.choice)}</div>"
              if product.choice else "")  # the size or colour chosen
    where = texts("Aisle {aisle}", aisle=product.aisle)
    aisle = f"<div style='font-size:13px;color:{MUTED}'>{html.escape(where)}</div>" if product.aisle else ""
    online = texts("Buy online")
    link = (f"<div style='margin-top:8px'><a href='{html.escape(buy.replace('{sku}', product.sku), quote=True)}' "
            f"style='color:{ACCENT};font-weight:bold'>{html.escape(online)}</a></div>"
            if buy.startswith(("https://", "http://")) else "")
    return (f"<tr><td style='padding:6px 0'><table role='presentation' width='100%' cellpadding='0' cellspacing='0' "
            f"style='background:#ffffff;border-radius:12px'><tr>{picture}<td style='padding:12px;vertical-align:top'>"
            f"<div style='font-size:12px;color:{MUTED};font-weight:bold;text-transform:uppercase'>"
            f"{html.escape(product.brand)}</div><div style='font-weight:bold'>{html.escape(product.name)}</div>{choice}"
            f"<div style='color:{BRAND};font-weight:bold;font-size:18px'>"
            f"{html.escape(price(product.price_cents))}</div>"
            f"{aisle}{specs}{link}</td></tr></table></td></tr>")
