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
        """On a landscape window, "Buy now" with the price, then "Add to cart" for a shopper who wants more than
        one thing. On a portrait window, whose bar is narrower, "Add to cart", the main action, has the bar's
        wide, prominent cell with the price, and "Buy now" the one beside it (the designer's review found "Add
        to cart" on two lines in the narrow cell, under a wide "Add to comparison")."""
        t, kit = self.ctx.t, self.kit
        if not self.wide(self.ctx.size):
            return [kit.button(t("Add to cart"), self._add_to_cart, style="accent",
                               shown=t("Add to cart · {price}", price=price), width=flex(2)),
                    kit.button(t("Buy now"), self.buy_now, style="secondary", width=flex())]
        return [kit.button(t("Buy now"), self.buy_now, style="accent", shown=t("Buy now · {price}", price=price),
                           width=flex(2)),
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
