"""The order number a shopper reads out at a till: short, in groups, without characters that look or
sound alike; made from the order's id, which stays the backend's key."""

from __future__ import annotations

import re

from kiosk.core.orders.order import new_order_id, order_number

LOOK_ALIKES = set("0O1IL2Z5S8BUVQ")


def test_a_number_is_the_stores_letters_and_two_groups_of_three() -> None:
    numbers = [order_number(new_order_id("lyon-01")) for _ in range(500)]
    assert all(re.fullmatch(r"LY-[A-Z0-9]{3}-[A-Z0-9]{3}", number) for number in numbers), numbers[:5]
    assert not LOOK_ALIKES.intersection("".join(number[3:] for number in numbers))
    assert len(set(numbers)) == len(numbers)  # 500 orders, 500 numbers


def test_the_same_order_always_has_the_same_number() -> None:
    order_id = "LYON01-7KQ3F2HM"
    assert order_number(order_id) == order_number(order_id)
    assert len(order_number(order_id)) == len("LY-4K7-M2P")
