"""The compare tick of every product card and search result: one tap puts a product in the comparison or
takes it out, and with four already chosen a fifth asks which one it replaces (never a silent refusal)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from kiosk.core.models import ProductSummary
from kiosk.core.shopper.session import MAX_COMPARE, CompareResult
from kiosk.scenes.base import ShopScene, compare_toast
from kiosk.scenes.context import SceneContext
from kiosk.ui.kit import Kit
from kiosk.ui.layout import Box, Insets, column, fit, flex, row
from kiosk.ui.scene import Modal
from kiosk.ui.widgets import Panel, Root


def compare_tick(ctx: SceneContext, product: ProductSummary, then: Callable[[], None], *,
                 width: Any = None, stacked: bool = False) -> Box:
    """The tick of `product`'s card: ticked while it is compared; a tap adds or takes it out, then `then()`
    (the scene shows the new state). `stacked`: its box over its word (a big card's corner)."""
    name = product.title(ctx.lang)
    kit = Kit(ctx.theme, ctx.screen.text)
    return kit.toggle(ctx.t("Compare {name}", name=name), partial(toggle_compare, ctx, product.sku, name, then),
                      checked=product.sku in ctx.session.compare, shown=ctx.t("Compare"), width=width, stacked=stacked)


def toggle_compare(ctx: SceneContext, sku: str, name: str, then: Callable[[], None]) -> None:
    """Put a product in the comparison or take it out; with the comparison full, ask which one it replaces."""
    session = ctx.session
    if sku in session.compare:
        session.remove_from_compare(sku)
        ctx.toast(ctx.t("Removed from the comparison"), done=ctx.t("Removed"), outlined=True)
        then()
        return
    result = session.add_to_compare(sku)
    if result is CompareResult.FULL:
        ctx.screen.stack.open_modal(ReplaceInComparison(ctx, sku), partial(_replaced, ctx, sku, name, then))
        return
    compare_toast(ctx, result.value, name)
    then()


def _replaced(ctx: SceneContext, sku: str, name: str, then: Callable[[], None], old: str | None) -> None:
    if old is not None and ctx.session.replace_in_compare(old, sku):
        ctx.toast(ctx.t("{name} added to the comparison", name=name), short=ctx.t("Added to the comparison"))
        then()


class ReplaceInComparison(ShopScene, Modal[str | None]):
    """Four products are compared already: which one does the new one replace? Its answer: the SKU to
    replace, or None to keep the comparison as it is."""

    name = "replace_in_comparison"
    modal = True

    def __init__(self, ctx: SceneContext, new: str) -> None:
        super().__init__(ctx)
        self.new = new

    def details(self) -> dict[str, Any]:
        """The product that would come in, and those it may replace."""
        return {"new": self.new, "compared": list(self.ctx.session.compare)}

    def build(self, size: tuple[int, int]) -> Root:
        """The compared products, each a button that replaces it, and Cancel."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        gap = theme.size("gap")
        new = ctx.shop.catalog.product(self.new)
        new_name = new.title(ctx.lang) if new else self.new

        def body(box: Panel) -> list[Box]:
            said = kit.words(t("You can compare up to {limit} products. Which one should “{name}” replace?",
                               limit=MAX_COMPARE, name=new_name), align="center", max_lines=4)
            choices = []
            for product in ctx.shop.catalog.products(list(ctx.session.compare)):
                name = product.title(ctx.lang)
                card = kit.panel("surface_alt", role="button", label=t("Replace {name}", name=name),
                                 on_tap=partial(self.dismiss, product.sku))
                choices.append(row(kit.picture(ctx.shop.image(product.image), theme.size("thumb") // 3),
                                   kit.words(name, bold=True, max_lines=2, valign="center"),
                                   kit.words("⇄ " + t("Replace"), color="primary", bold=True, max_lines=1,
                                             width=fit(), valign="center", align="right"),
                                   gap=gap, align="center", padding=Insets(gap // 2, gap, gap // 2, gap // 2),
                                   widget=card))
            return [said, column(*choices, gap=gap // 2)]

        return self.dialog(size, t("Replace a product?"), body,
                           lambda box: [kit.button(t("Keep my comparison"), self.cancel, style="secondary",
                                                   width=flex())])

    def cancel(self) -> None:
        """Keep the comparison as it is."""
        self.dismiss(None)
