"""The share link (DESIGN §4): a comparison travels inside the URL fragment, compressed and versioned.

The phone page decodes it itself, so it works when the kiosk was offline and the server never sees
it. Format: `#1.` + base64url(zlib(JSON)). Payloads are kept under MAX_BYTES so the QR code stays a
low version that scans from 50 cm: the least telling rows are dropped first.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Sequence
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


def payload(products: Sequence[Product], comparison: Comparison | None, *, store: str, language: str,
            currency: str, day: date) -> dict[str, Any]:
    """The share content: products, prices at the time, key specs (rows that differ first), store, date."""
    rows = []
    if comparison is not None:  # the rows that tell the products apart, those with a best value first
        for row in sorted((r for r in comparison.rows if r.differs), key=lambda r: not r.best):
            if row.key in ("price", "brand", "aisle"):
                continue  # the products carry them
            rows.append([row.label, list(row.values), sorted(row.best)])
    return {
        "v": VERSION, "l": language, "s": store, "d": day.isoformat(), "c": currency,
        "p": [[p.sku, p.title(language), p.brand, p.price_cents, p.aisle] for p in products],
        "r": rows,
    }


def encode(content: dict[str, Any]) -> str:
    """The fragment (without '#') for a payload, dropping trailing rows until it fits MAX_BYTES."""
    content = dict(content)
    rows = list(content.get("r", []))
    while True:
        content["r"] = rows
        raw = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        text = f"{VERSION}." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")
        if len(text) <= MAX_BYTES or not rows:
            return text
        rows = rows[:-1]


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
    """The products of a decoded payload."""
    return [SharedProduct(str(s), str(n), str(b), int(p), str(a)) for s, n, b, p, a in content["p"]]


def share_url(base_url: str, content: dict[str, Any]) -> str:
    """The link the QR code carries."""
    return base_url.split("#", 1)[0] + "#" + encode(content)
