"""Compare 2 to 4 products side by side: rows that differ are highlighted, the best value is marked."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.core.compare import Comparison, build_comparison
from kiosk.scenes.base import ShopScene
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root


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
        """Product heads, then one band per property."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        comparison = self._comparison()
        count = len(comparison.products)
        top = self.header(root, t("Compare ({count})", count=count))
        if count < 2:
            root.add(Label((margin, top + theme.px(120), width - 2 * margin, theme.px(160)),
                           t("Add at least 2 products to compare them side by side."), size="title", align="center",
                           wrap=True))
            root.add(Button((width // 2 - theme.px(300), top + theme.px(320), theme.px(600),
                             theme.size("touch_target")), t("Find products"), ctx.home, style="accent"))
            return root
        bar_h = theme.px(170)
        page = root.add(ScrollView((0, top, width, height - top - bar_h), 0, label=t("Comparison")))
        root.add(Panel((0, height - bar_h, width, bar_h), "surface", radius=False))
        root.add(Panel((0, height - bar_h, width, max(1, theme.px(2))), "divider", radius=False))
        root.add(Button((margin, height - bar_h + theme.px(30), width - 2 * margin, bar_h - theme.px(60)),
                        t("Send to my phone"), self.share, style="accent"))
        column_w = (width - 2 * margin - (count - 1) * gap) // count
        y = margin
        legend_h = theme.px(56)
        page.add(Panel((margin, y + theme.px(8), theme.px(40), theme.px(40)), "highlight", border="divider",
                       radius=False))
        page.add(Label((margin + theme.px(56), y, width // 2, legend_h), t("Differs"), size="small", color="muted"))
        page.add(Label((width // 2, y, width // 2 - margin, legend_h), "✓ " + t("Best value"), size="small",
                       color="best", bold=True, align="right"))
        y += legend_h + theme.px(16)
        picture = min(column_w - theme.px(20), theme.px(240))
        head_h = picture + theme.px(230)
        for index, product in enumerate(comparison.products):
            x = margin + index * (column_w + gap)
            name = product.title(ctx.lang)
            head = page.add(Panel((x, y, column_w, head_h), "surface", role="button", label=name,
                                  on_tap=partial(self.open_product, product.sku)))
            head.add(Picture((x + (column_w - picture) // 2, y + theme.px(16), picture, picture),
                             ctx.shop.image(product.image)))
            head.add(Label((x + theme.px(14), y + picture + theme.px(24), column_w - theme.px(28), theme.px(76)),
                           name, size="small", bold=True, wrap=True, max_lines=2, valign="top", align="center"))
            head.add(Button((x + theme.px(14), y + head_h - theme.px(106), column_w - theme.px(28), theme.px(90)),
                            t("Remove {name}", name=name), partial(self.remove, product.sku), style="ghost",
                            size="small", shown="✕ " + t("Remove")))
        y += head_h + theme.px(24)
        label_h = theme.px(48)
        value_h = theme.px(78)
        for row in comparison.rows:
            band_h = label_h + value_h + theme.px(10)
            if row.differs:
                page.add(Panel((0, y, width, band_h), "highlight", radius=False))
            page.add(Label((margin, y + theme.px(6), width - 2 * margin, label_h), row.label, size="small",
                           color="muted", bold=True))
            for index, value in enumerate(row.values):
                x = margin + index * (column_w + gap)
                best = index in row.best
                page.add(Label((x, y + label_h, column_w, value_h), ("✓ " if best else "") + value,
                               color="best" if best else "text", bold=best, align="center", wrap=True, max_lines=2))
            y += band_h
            page.add(Panel((0, y - 1, width, max(1, theme.px(2))), "divider", radius=False))
        page.content_height = y + margin
        return root

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
