"""A product page on the shop window: "Buy now" straight to a one-article order; while the store is
closed, when the order can be collected instead of the aisle and the shelf's stock."""

from __future__ import annotations

from kiosk.core.models import Product, Variant
from kiosk.core.shopper.cart import Cart
from kiosk.scenes.product import ProductScene
from kiosk.scenes.store_status import collect_line
from kiosk.ui.layout import Box, flex


class WindowProductScene(ProductScene):
    """The terminal's product page, with "Buy now" in its bar, and a closed store's words; on a portrait window,
    the picture is the page's hero."""

    hero_picture = True

    def availability(self, product: Product) -> tuple[str, str]:
        """Open: the shelf's stock. Closed: when the chosen size (or the product) can be collected, or that
        it is to order."""
        if self.in_store_shown:
            return super().availability(product)
        stock = self.chosen_stock(product)
        return collect_line(self.ctx, stock), "best" if stock > 0 else "accent"

    def variant_note(self, variant: Variant) -> str:
        """Closed: "available" or "to order" (not the shelf's stock, which nobody outside can reach)."""
        if self.in_store_shown:
            return super().variant_note(variant)
        return self.ctx.t("available") if variant.stock > 0 else self.ctx.t("to order")

    def order_buttons(self, price: str) -> list[Box]:
        """"Buy now" with the price, the window's main action in either orientation, then "Add to cart" for a
        shopper who wants more than one thing. A passer-by, often at night and through the glass, buys the one
        thing in the window: "Buy now" goes straight to its checkout. (The portrait window's bar gave "Add to
        cart" the main cell: the same window said two main actions as it stood; designer's review.)"""
        t, kit = self.ctx.t, self.kit
        shown = t("Buy now · {price}", price=price)  # (on one line where the bar has room)
        return [kit.button(t("Buy now"), self.buy_now, style="accent", shown=shown,
                           width=flex(2, min=kit.one_line("button", shown))),
                kit.button(t("Add to cart"), self._add_to_cart, style="secondary", width=flex())]

    def buy_now(self) -> None:
        """This product (in the size or colour chosen: asked first when there is none) straight to its
        checkout: contact, then confirm. The shopper's cart is left as it was."""
        product = self.chosen_or_ask()
        if product is None:
            return
        bought = Cart()
        bought.add(product, self.variant, variants=self.variants)
        self.ctx.show(self.ctx.routes.buy_now(bought))
