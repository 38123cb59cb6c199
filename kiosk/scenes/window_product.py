"""A product page on the shop window: "Buy now" straight to a one-article order; while the store is
closed, when the order can be collected instead of the aisle and the shelf's stock."""

from __future__ import annotations

from kiosk.core.models import Product, Variant
from kiosk.core.shopper.cart import Cart
from kiosk.scenes.product import ProductScene
from kiosk.scenes.store_status import collect_line
from kiosk.ui.layout import Box, fit, flex


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
        """"Buy now", the window's main action in either orientation, then "Add to cart" for a shopper who wants
        more than one thing. A passer-by, often at night and through the glass, buys the one thing in the
        window: "Buy now" goes straight to its checkout. Both say their words on one line: the 4K window's
        "Ajouter / au panier" wrapped beside "Acheter maintenant · 229,00 €" (designer's review). So "Buy now"
        says no price (the page says it in large right above the sizes) and takes the rest of its row, at least
        a third wider than the cart: half as wide again did not fit beside a one-line "Ajouter au panier" on
        the portrait window (2092 px of 1984) nor beside the comparison's buttons on the landscape one."""
        t, kit = self.ctx.t, self.kit
        if self.ctx.session.accessible:  # (its bar is laid out for accessible mode's larger text)
            shown = t("Buy now · {price}", price=price)
            if self.wide(self.ctx.size):
                # the price is the page's headline right above: the one row of accessible mode's landscape bar
                # then holds every button's words on one line ("In den Warenkorb" was squeezed to "In / den / War…")
                shown = t("Buy now")
            return [kit.button(t("Buy now"), self.buy_now, style="accent", shown=shown,
                               width=flex(2, min=kit.one_line("button", shown))),
                    # its words on one line, and "✓ Added" after a tap (then a bare "✓": designer's review)
                    kit.button(t("Add to cart"), self._add_to_cart, style="secondary",
                               width=flex(min=kit.one_line("button", t("Add to cart"), "✓ " + t("Added"))))]
        cart = t("Add to cart")
        cart_w = kit.one_line("button", cart)
        least = max(kit.one_line("button", t("Buy now")), cart_w * 13 // 10)
        return [kit.button(t("Buy now"), self.buy_now, style="accent", width=flex(2, min=least)),
                kit.button(cart, self._add_to_cart, style="secondary", width=fit(min=cart_w))]

    def order_rows(self, ordering: list[Box], inner: int) -> list[list[Box]]:
        """"Buy now" and "Add to cart" side by side where the row has their room, else "Buy now" on a row of its
        own, the bar's whole width, and "Add to cart" under it (a language whose words are longer still)."""
        if self.ctx.session.accessible or sum(box.needs(inner) for box in ordering) + self.ctx.theme.size("gap") \
                * (len(ordering) - 1) <= inner:
            return [ordering]
        return [[box] for box in ordering]

    def comparison_size(self) -> str:
        """The comparison's buttons a size under the ways to order on a landscape window's one row: there, the
        room the four buttons share (3664 px on the 4K window) keeps "Buy now" the widest in every language, and
        the comparison reads as what it is, the third thing to do."""
        return "small" if self.bar_in_one_row() else "text"

    def bar_in_one_row(self) -> bool:
        """Whether the bar's buttons stand in one row: a landscape window in normal mode."""
        return self.wide(self.ctx.size) and not self.ctx.session.accessible

    def buy_now(self) -> None:
        """This product (in the size or colour chosen: asked first when there is none) straight to its
        checkout: contact, then confirm. The shopper's cart is left as it was."""
        product = self.chosen_or_ask()
        if product is None:
            return
        bought = Cart()
        bought.add(product, self.variant, variants=self.variants)
        self.ctx.show(self.ctx.routes.buy_now(bought))
