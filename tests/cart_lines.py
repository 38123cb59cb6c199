"""Put a product in a session's cart as its page does: in a size when it has sizes (the cart refuses one
without)."""

from __future__ import annotations

from kiosk.core.shopper.cart import Cart
from kiosk.scenes.context import SceneContext


def put_in_cart(ctx: SceneContext, sku: str, size: str = "42", cart: Cart | None = None) -> None:
    """One of `sku` in the session's cart (or `cart`), in `size` when the product comes in sizes."""
    catalog = ctx.shop.catalog
    product, variants = catalog.product(sku), catalog.variants(sku)
    assert product is not None, sku
    variant = next(v for v in variants if v.size == size) if variants else None
    (cart if cart is not None else ctx.session.cart).add(product, variant, variants=variants)
