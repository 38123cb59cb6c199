"""A chosen size or colour as a shopper reads it on a cart's line: "Taille 42 · bleu", never a bare "42";
and the sizes and colours chosen in the session, as the comparison and the take-home say them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kiosk.core.models import ProductSummary, Variant, pick
from kiosk.core.shopper.cart import CartLine
from kiosk.core.shopper.share import Choice
from kiosk.scenes.context import SceneContext


def variant_words(t: Callable[..., str], variant: Variant, language: str) -> str:
    """The variant's size, said as a size, and its colour."""
    parts = [t("Size {size}", size=variant.size) if variant.size else "",
             pick(variant.colour, language) if variant.colour else ""]
    return " · ".join(part for part in parts if part)


def line_words(t: Callable[..., str], line: CartLine, language: str) -> str:
    """An ordered line as the shopper reads it on a checkout's summary and the confirmation: "1 × Trail Ascent 3
    (Size 39)", never without the size or colour chosen."""
    option = f" ({variant_words(t, line.variant, language)})" if line.variant else ""
    return f"{line.quantity} × {pick(line.name, language)}{option}"


def chosen_variant(ctx: SceneContext, sku: str) -> Variant | None:
    """The size or colour of a product the shopper chose in this session (None: none, or no longer sold)."""
    variant = ctx.session.chosen.get(sku)
    if not variant:
        return None
    return next((v for v in ctx.shop.catalog.variants(sku) if v.sku == variant), None)


def chosen_choices(ctx: SceneContext, products: Sequence[ProductSummary]) -> dict[str, Choice]:
    """What the shopper chose of `products` (by product SKU): in their words, at its price, with a colour's own
    picture; products with nothing chosen are left out."""
    found = {}
    for product in products:
        variant = chosen_variant(ctx, product.sku)
        if variant is not None:
            found[product.sku] = Choice(variant_words(ctx.t, variant, ctx.lang), variant.price(product.price_cents),
                                        variant.images[0] if variant.images else "")
    return found
