"""Members' offers as rules: which are on today, which products they cover, the member price of a
product, and how an offer's end is said ("today only", "until Sunday").

An offer lives from its first day to its last, both included, in the store's days: on its last day it
is "today only", the day after it is gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kiosk.core.models import Offer

WEEK = 6  # an end within this many days is said by its weekday ("until Sunday"), later by its date


@dataclass(frozen=True)
class MemberPrice:
    """What a member pays for a product, and the offer that makes it."""

    cents: int
    offer: Offer

    def saving(self, normal_cents: int) -> int:
        """How much less than `normal_cents`."""
        return normal_cents - self.cents


@dataclass(frozen=True)
class Validity:
    """How an offer's end is worded: `kind` "today" (its last day), "tomorrow", "weekday" (within a week:
    "until Sunday"), "date" (later: "until 24 December") or "open" (no end); `until` is its last day."""

    kind: str
    until: date | None = None


def is_on(offer: Offer, today: date) -> bool:
    """Whether the offer runs on `today` (started, not ended)."""
    return (offer.starts is None or offer.starts <= today) and (offer.ends is None or today <= offer.ends)


def offers_on(offers: Iterable[Offer], tier: str, today: date) -> list[Offer]:
    """The offers of `tier` that run today, in the pack's order."""
    return [offer for offer in offers if tier in offer.tiers and is_on(offer, today)]


def covers(offer: Offer, sku: str, category: str) -> bool:
    """Whether the offer applies to a product (its SKU, or its department)."""
    if not offer.skus and not offer.categories:
        return True
    return sku in offer.skus or category in offer.categories


def offer_price(offer: Offer, normal_cents: int) -> int | None:
    """The offer's price of a product that costs `normal_cents`, or None when it gives no price (words
    only) or none below the normal one."""
    if offer.price_cents:
        price = offer.price_cents
    elif offer.discount_percent:
        price = round(normal_cents * (100 - offer.discount_percent) / 100)
    else:
        return None
    return price if 0 <= price < normal_cents else None


def member_price(offers: Iterable[Offer], sku: str, category: str, normal_cents: int) -> MemberPrice | None:
    """The lowest price `offers` (those on for the member, see `offers_on`) give this product, or None."""
    best: MemberPrice | None = None
    for offer in offers:
        if not covers(offer, sku, category):
            continue
        price = offer_price(offer, normal_cents)
        if price is not None and (best is None or price < best.cents):
            best = MemberPrice(price, offer)
    return best


def validity(offer: Offer, today: date) -> Validity:
    """How to say when the offer ends, seen from `today` (an offer that is on)."""
    if offer.ends is None:
        return Validity("open")
    days = (offer.ends - today).days
    if days <= 0:
        return Validity("today", offer.ends)
    if days == 1:
        return Validity("tomorrow", offer.ends)
    if days <= WEEK:
        return Validity("weekday", offer.ends)
    return Validity("date", offer.ends)
