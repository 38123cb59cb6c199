"""The share link (DESIGN §4): a comparison travels inside the URL fragment, compressed and versioned.

The phone page decodes it itself, so it works when the kiosk was offline and the server never sees
it. Format: `#1.` + base64url(zlib(JSON)). Payloads are kept under MAX_BYTES so the QR code stays a
low version that scans from 50 cm: the least telling rows are dropped first.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.core.models import Product
from kiosk.core.shopper.compare import Comparison

VERSION = 1
MAX_BYTES = 1200


class ShareError(ValueError):
    """A fragment that is not a share payload this version can read."""


@dataclass(frozen=True)
class SharedProduct:
    """A product as the phone page shows it: the price is the one at the time of sharing."""

    sku: str
    name: str
    brand: str
    price_cents: int
    aisle: str
    picture: str = ""  # "images/BIK-101.png": beside the phone page, on the same static host
    specs: tuple[tuple[str, str], ...] = ()  # its key specs, (label, value)
    choice: str = ""  # the size or colour the shopper chose, in their words ("Taille 42 · noir"); "": none


@dataclass(frozen=True)
class Choice:
    """The size or colour a shopper chose of a product, as the take-home says it: in words, at its own price
    (the product's when it has none), with its own picture (a colour's; "": the product's)."""

    words: str
    price_cents: int
    picture: str = ""


KEY_SPECS = 3  # the specs each product carries on the phone page


@dataclass(frozen=True)
class StoreCard:
    """What the take-home says of the store: where it is, today's opening hours ("09:30-19:00"; none:
    closed today), and the "buy online" link of a product ("https://shop.example/p/{sku}"; empty: none)."""

    address: str = ""
    hours_today: tuple[str, ...] = ()
    product_url: str = ""


def payload(products: Sequence[Product], comparison: Comparison | None, *, store: str, language: str,
            currency: str, day: date, card: StoreCard = StoreCard(),
            specs: Comparison | None = None, choices: Mapping[str, Choice] | None = None) -> dict[str, Any]:
    """The share content: products (price at the time, aisle, picture, key specs from `specs`, the
    products' own table, and the size or colour chosen: `choices` by product SKU, its price and picture
    then the choice's), the rows that tell them apart (the choices first, then those with a best value),
    the store (its address, today's hours, the "buy online" link) and the date.

    A product is `[sku, name, brand, cents, aisle, picture, [[spec, value], ...], choice]`; a phone page of
    an earlier version reads the first five and ignores the rest."""
    choices = choices or {}
    rows = []
    if comparison is not None:  # the rows that tell the products apart: the choices, then those with a best value
        for row in sorted((r for r in comparison.rows if r.differs), key=lambda r: (r.key != "choice", not r.best)):
            if row.key in ("price", "brand", "aisle"):
                continue  # the products carry them
            rows.append([row.label, list(row.values), sorted(row.best)])
    own: list[list[list[str]]] = [[] for _ in products]
    if specs is not None:
        for row in specs.rows:
            if row.key in ("price", "brand", "aisle", "rating", "choice"):
                continue
            for index, value in enumerate(row.values[:len(products)]):
                if value and value != "—" and len(own[index]) < KEY_SPECS:
                    own[index].append([row.label, value])
    content: dict[str, Any] = {
        "v": VERSION, "l": language, "s": store, "d": day.isoformat(), "c": currency,
        "p": [_product(p, own[index], choices.get(p.sku), language) for index, p in enumerate(products)],
        "r": rows,
    }
    if card.address:
        content["a"] = card.address
    content["h"] = list(card.hours_today)
    if card.product_url:
        content["u"] = card.product_url
    return content


def _product(product: Product, specs: list[list[str]], choice: Choice | None, language: str) -> list[Any]:
    """One product of the payload, in the size or colour chosen when there is one."""
    picture = choice.picture if choice is not None and choice.picture.startswith("images/") else product.image
    shared = [product.sku, product.title(language), product.brand,
              choice.price_cents if choice is not None else product.price_cents, product.aisle,
              picture if picture.startswith("images/") else "", specs]
    return [*shared, choice.words] if choice is not None and choice.words else shared


def encode(content: dict[str, Any]) -> str:
    """The fragment (without '#') for a payload, dropping trailing rows until it fits MAX_BYTES."""
    content = dict(content)
    rows = list(content.get("r", []))
    while True:
        content["r"] = rows
        raw = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        text = f"{VERSION}." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")
        if len(text) <= MAX_BYTES:
            return text
        if rows:
            rows = rows[:-1]
        elif any(len(product) > 6 and product[6] for product in content["p"]):  # then the products' own specs
            content["p"] = [[*product[:6], product[6][:-1], *product[7:]] if len(product) > 6 else product
                            for product in content["p"]]
        else:
            return text


def decode(fragment: str) -> dict[str, Any]:
    """The payload of a fragment; ShareError if it is not one."""
    version, _, body = fragment.lstrip("#").partition(".")
    if version != str(VERSION) or not body:
        raise ShareError(f"unknown share version {version!r}")
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)), bufsize=65536)
        content = json.loads(raw)
    except (ValueError, zlib.error) as error:
        raise ShareError(f"not a share payload: {error}") from error
    if not isinstance(content, dict) or content.get("v") != VERSION or not isinstance(content.get("p"), list):
        raise ShareError("not a share payload")
    return content


def products_of(content: dict[str, Any]) -> list[SharedProduct]:
    """The products of a decoded payload (an earlier version's five fields, seven, or today's eight)."""
    found = []
    for item in content["p"]:
        sku, name, brand, cents, aisle = item[:5]
        picture = str(item[5]) if len(item) > 5 and isinstance(item[5], str) else ""
        specs = tuple((str(k), str(v)) for k, v in item[6]) if len(item) > 6 and isinstance(item[6], list) else ()
        choice = str(item[7]) if len(item) > 7 and isinstance(item[7], str) else ""
        found.append(SharedProduct(str(sku), str(name), str(brand), int(cents), str(aisle), picture, specs, choice))
    return found


def share_url(base_url: str, content: dict[str, Any]) -> str:
    """The link the QR code carries."""
    return base_url.split("#", 1)[0] + "#" + encode(content)
