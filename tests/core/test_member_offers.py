"""Members' offers as rules: which run on a day, what they cover, the member price, how their end is said."""

from __future__ import annotations

from datetime import date

from kiosk.core.models import Offer, ProductSummary
from kiosk.core.shopper.cart import Cart
from kiosk.core.shopper.member_offers import member_price, offers_on, validity

RUNNING = Offer("RUN", {"en": "15% off running"}, {"en": "On running shoes."}, ("gold", "silver"), ("running",),
                discount_percent=15, starts=date(2026, 11, 16), ends=date(2026, 11, 22))
TENT = Offer("TENT", {"en": "Tent for 159"}, {"en": "Member price."}, ("gold", "silver", "bronze"),
             skus=("TEN-123",), price_cents=15900)
WORDS = Offer("STRAP", {"en": "Free strap"}, {"en": "With a watch."}, ("gold",), ("watches",))


def test_an_offer_runs_from_its_first_day_to_its_last_both_included() -> None:
    assert offers_on([RUNNING], "gold", date(2026, 11, 15)) == []
    assert offers_on([RUNNING], "gold", date(2026, 11, 16)) == [RUNNING]
    assert offers_on([RUNNING], "gold", date(2026, 11, 22)) == [RUNNING]
    assert offers_on([RUNNING], "gold", date(2026, 11, 23)) == []  # gone the day after it ends
    assert offers_on([RUNNING], "bronze", date(2026, 11, 20)) == []  # not for this tier


def test_the_end_is_said_against_today() -> None:
    kinds = {day: validity(RUNNING, date(2026, 11, day)).kind for day in (16, 20, 21, 22)}
    assert kinds == {16: "weekday", 20: "weekday", 21: "tomorrow", 22: "today"}  # "until Sunday" on Sunday: today only
    assert validity(RUNNING, date(2026, 11, 1)).kind == "date"
    assert validity(TENT, date(2026, 11, 20)).kind == "open"


def test_the_member_price_is_the_lowest_an_offer_gives_and_only_below_the_normal_one() -> None:
    offers = [RUNNING, TENT, WORDS]
    assert member_price(offers, "RUN-113", "running", 11899) is not None
    assert member_price(offers, "RUN-113", "running", 11899).cents == 10114  # 15 % off, rounded to the cent
    assert member_price(offers, "TEN-123", "tents", 18900).cents == 15900
    assert member_price(offers, "TEN-127", "tents", 8899) is None  # another tent: not covered
    assert member_price(offers, "WAT-1", "watches", 19900) is None  # words only: no price
    assert member_price([TENT], "TEN-123", "tents", 12000) is None  # a "member price" above the price is none


def summary(sku: str, category: str, cents: int) -> ProductSummary:
    return ProductSummary(sku=sku, brand="B", name={"en": sku}, category=category, price_cents=cents, stock=5,
                          rating=4.0, review_count=0, image="x.png")


def test_the_cart_adds_member_prices_up_and_says_what_they_save() -> None:
    cart = Cart()
    cart.add(summary("RUN-113", "running", 11899), variants=())
    assert cart.total_cents == 11899 and cart.saving_cents == 0
    cart.apply_offers((RUNNING, TENT))  # the member's card comes after the shoe was added
    cart.add(summary("TEN-123", "tents", 18900), variants=())
    cart.add(summary("TEN-123", "tents", 18900), variants=())
    assert [line.unit_price_cents for line in cart.lines] == [10114, 15900]
    assert cart.total_cents == 10114 + 2 * 15900
    assert cart.saving_cents == (11899 - 10114) + 2 * (18900 - 15900)
    cart.forget()  # the session ends: no offer for the next shopper
    cart.add(summary("TEN-123", "tents", 18900), variants=())
    assert cart.total_cents == 18900
