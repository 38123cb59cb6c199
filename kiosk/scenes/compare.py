"""Compare 2 to 4 products side by side: rows that differ are highlighted, the best value is marked."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.shopper.compare import Comparison, build_comparison
from kiosk.scenes.base import ShopScene
from kiosk.ui.layout import Box, Insets, column, fixed, leaf, row, scroll
from kiosk.ui.widgets import Root


class CompareScene(ShopScene):
    """The comparison table."""

    name = "compare"

    def details(self) -> dict[str, Any]:
        """The products compared and the rows that differ."""
        comparison = self._comparison()
        return {"products": list(self.ctx.session.compare),
                "differs": [row.key for row in comparison.rows if row.differs],
                "best": {row.key: sorted(comparison.products[i].sku for i in row.best) for row in comparison.rows
                         if row.best}}

    def _comparison(self) -> Comparison:
        ctx = self.ctx
        products = ctx.shop.catalog.products(ctx.session.compare)
        return build_comparison(products, ctx.shop.catalog.categories, ctx.lang, ctx.t, ctx.fmt.price,
                                ctx.fmt.number)

    def build(self, size: tuple[int, int]) -> Root:
        """Product heads, then one band per property; on a wide screen the property names make a first
        column, so that the bands stay one line each and the table shows above the fold."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        comparison = self._comparison()
        count = len(comparison.products)
        title = t("Compare ({count})", count=count)
        if count < 2:
            return self.screen(size, title, column(kit.words(t("Add at least 2 products to compare them side by "
                                                               "side."), size="title", align="center"),
                                                   kit.button(t("Find products"), ctx.home, style="accent"),
                                                   gap=2 * gap, align="center", padding=Insets.all(3 * margin)))
        bar = column(kit.rule(), column(kit.button(t("Send to my phone"), self.share, style="accent"),
                                        padding=Insets(gap, margin, gap, margin)),
                     widget=kit.panel("surface", radius=False))
        wide = self.wide(size)
        names = [leaf(None, width=fixed((width - 2 * margin) // 5))] if wide else []  # the names' column
        swatch = kit.panel("highlight", border="divider", radius=False)
        legend = row(leaf(swatch, width=fixed(theme.size("star")), height=fixed(theme.size("star"))),
                     kit.words(t("Differs"), size="small", color="muted", max_lines=1),
                     kit.words("✓ " + t("Best value"), size="small", color="best", bold=True, align="right",
                               max_lines=1), gap=gap, align="center")
        heads = []
        cell = (width - 2 * margin - gap * count) // (count + (1 if wide else 0))  # a column's width, about
        remove_shown = "✕ " + t("Remove")
        if ctx.screen.text.width(remove_shown, theme.size("small"), True) + gap > cell:
            remove_shown = "✕"  # narrow columns (four on a tablet in the larger text): the sign alone
        for product in comparison.products:
            name = product.title(ctx.lang)
            head = kit.panel(role="button", label=name, on_tap=partial(self.open_product, product.sku))
            heads.append(column(kit.picture(ctx.shop.image(product.image),
                                            theme.size("thumb") // 2 if wide else theme.size("thumb") * 4 // 5),
                                kit.words(name, size="small", bold=True, max_lines=3, align="center"),
                                kit.button(t("Remove {name}", name=name), partial(self.remove, product.sku),
                                           style="ghost", size="small", shown=remove_shown),
                                gap=gap // 2, align="center", padding=Insets.all(gap // 2), widget=head))
        bands: list[Box] = [legend, row(*names, *heads, gap=gap)]
        if len(comparison.departments) > 1:  # a bike beside a tent: said, rather than rows of "—"
            bands.insert(0, kit.words(t("Products of different departments ({departments}): only what they share is "
                                        "compared.", departments=", ".join(comparison.departments)),
                                      color="muted", max_lines=3))
        for line in comparison.rows:
            band = kit.panel("highlight" if line.differs else "", radius=False)
            label = kit.words(line.label, size="small", color="muted", bold=True, max_lines=2,
                              width=names[0].width if wide else None, valign="center" if wide else "top")
            values = [kit.words(("✓ " if index in line.best else "") + value, align="center", max_lines=2,
                                color="best" if index in line.best else "text", bold=index in line.best,
                                valign="center")
                      for index, value in enumerate(line.values)]
            cells = row(*([label] if wide else []), *values, gap=gap, align="stretch")
            bands += [column(*([] if wide else [label]), cells, gap=gap // 4,
                             padding=Insets(gap // 2, margin, gap // 2, margin), widget=band),
                      kit.rule()]
        heading = 3 if len(comparison.departments) > 1 else 2  # the note, the legend and the heads: not banded
        content = column(column(*bands[:heading], gap=gap, padding=Insets(margin, margin, gap, margin)),
                         *bands[heading:])
        return self.screen(size, title, scroll(content, t("Comparison")), bottom=[bar])

    def share(self) -> None:
        """Show the comparison as a QR code."""
        self.ctx.show(self.ctx.routes.share(list(self.ctx.session.compare)))

    def remove(self, sku: str) -> None:
        """Take a product out of the comparison."""
        self.ctx.session.remove_from_compare(sku)
        self.ctx.toast(self.ctx.t("Removed from the comparison"))
        self.rebuild()

    def open_product(self, sku: str) -> None:
        """Show one of the compared products."""
        self.ctx.show(self.ctx.routes.product(sku))
