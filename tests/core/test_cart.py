"""The cart takes a product with sizes or colours only as one of them."""

from __future__ import annotations

import pytest

from kiosk.core.models import ProductSummary, Variant
from kiosk.core.shopper.cart import Cart, ChoiceMissing

SHOE = ProductSummary("RUN-112", "Trailco", {"fr": "Trail Ascent 3"}, "running", 12900, 5, 4.5, 3, "shoe.png")
SIZES = (Variant("RUN-112-41", "41", stock=2), Variant("RUN-112-42", "42", stock=0))


def test_a_shoe_never_goes_in_the_cart_without_its_size() -> None:
    cart = Cart()
    with pytest.raises(ChoiceMissing):
        cart.add(SHOE, variants=SIZES)
    with pytest.raises(ChoiceMissing):  # a size of another product is no size of this one
        cart.add(SHOE, Variant("RUN-113-41", "41"), variants=SIZES)
    assert cart.lines == []
    assert cart.add(SHOE, SIZES[1], variants=SIZES) == "added"
    assert cart.state() == [{"sku": "RUN-112", "variant": "RUN-112-42", "quantity": 1}]
