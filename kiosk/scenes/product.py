"""A product page: picture, price, stock and aisle, specifications, rating and reviews."""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from kiosk.core.compare import format_spec_value
from kiosk.core.models import Variant, pick
from kiosk.scenes.adviser import call_adviser
from kiosk.scenes.base import ShopScene, compare_toast, stock_text, suggestion_cards
from kiosk.scenes.context import SceneContext
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Stars

REVIEWS_SHOWN = 6


class ProductScene(ShopScene):
    """Everything about one product, and the buttons to compare it."""

    name = "product"

    def __init__(self, ctx: SceneContext, sku: str) -> None:
        super().__init__(ctx)
        self.sku = sku
        self.review_order = "newest"
        self.variants = ctx.shop.catalog.variants(sku)
        self.variant: Variant | None = None  # the size or colour chosen
        self.choice_missing = False  # "Add to cart" was tapped before a size or colour was chosen
        self._left, self._inner = 0, 0  # the text column of the page, set by build
        self._chips: tuple[ScrollView, int, int] | None = None  # the page, and where its sizes or colours are

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the controls: the product's name, its price, its stock and aisle."""
        ctx = self.ctx
        product = ctx.shop.catalog.product(self.sku)
        if product is None:
            return ()
        stock, _ = stock_text(ctx, product.stock)
        place = ctx.t("Aisle {aisle}", aisle=product.aisle) if product.aisle else ""
        return (product.title(ctx.lang), ctx.fmt.price(product.price_cents),
                " · ".join(part for part in (stock, place) if part))

    def details(self) -> dict[str, Any]:
        """The product shown."""
        return {"product": self.sku, "in_compare": self.sku in self.ctx.session.compare,
                "variants": [v.sku for v in self.variants], "variant": self.variant.sku if self.variant else "",
                "choice_missing": self.choice_missing}

    def build(self, size: tuple[int, int]) -> Root:
        """The page in a scroll view, and an action bar at the bottom."""
        ctx, theme, t, fmt = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        product = ctx.shop.catalog.product(self.sku)
        category = ctx.shop.catalog.category(product.category) if product else None
        top = self.header(root, pick(category.name, ctx.lang) if category else t("Product"))
        if product is None:
            root.add(Label((margin, top + margin, width - 2 * margin, theme.px(100)),
                           t("This product is no longer in the catalogue."), align="center"))
            return root
        # a landscape screen is wide, not tall: its action buttons go in one row
        one_row = width > height or not ctx.shop.config.orders.enabled
        actions_h = theme.px(170 if one_row else 310)
        page = root.add(ScrollView((0, top, width, height - top - actions_h), 0, label=product.title(ctx.lang)))
        y = margin
        if width > height:  # landscape (a shop window): the picture on the left, the text beside it
            left = width * 2 // 5
            picture = min(left - 2 * margin, height - top - actions_h - 2 * margin)
            page.add(Picture((margin + (left - 2 * margin - picture) // 2, y, picture, picture),
                             ctx.shop.image(product.image), label=product.title(ctx.lang)))
        else:
            left = margin
            # at most ~half the visible page, so name, price and stock show without scrolling (reach mode)
            picture = min(width - 2 * margin, theme.px(620), (height - top - actions_h) * 9 // 20)
            page.add(Picture(((width - picture) // 2, y, picture, picture), ctx.shop.image(product.image),
                             label=product.title(ctx.lang)))
            y += picture + theme.px(30)
        inner = width - left - margin
        self._left, self._inner = left, inner
        page.add(Label((left, y, inner, theme.px(40)), product.brand.upper(), color="muted", bold=True))
        y += theme.px(46)
        title_h = ctx.screen.text.wrapped_height(product.title(ctx.lang), theme.size("title"), inner, True)
        page.add(Label((left, y, inner, title_h), product.title(ctx.lang), size="title", bold=True, wrap=True,
                       heading=True, valign="top"))
        y += title_h + theme.px(20)
        star_h = theme.px(38)
        page.add(Stars((left, y, Stars.width_for(star_h), star_h), product.rating,
                       t("{rating} out of 5", rating=fmt.number(product.rating))))
        page.add(Label((left + Stars.width_for(star_h) + theme.px(20), y - theme.px(4), inner // 2, star_h + 8),
                       t.plural("{rating}/5 · {count} review", "{rating}/5 · {count} reviews", product.review_count,
                                rating=fmt.number(product.rating))
                       if product.review_count else f"{fmt.number(product.rating)}/5", color="muted"))
        y += star_h + theme.px(30)
        page.add(Label((left, y, inner, theme.px(90)), fmt.price(product.price_cents), size="headline", bold=True,
                       color="primary"))
        y += theme.px(110)
        stock, stock_color = stock_text(ctx, product.stock)
        info = page.add(Panel((left, y, inner, theme.px(130)), "surface"))
        info.add(Label((left + theme.px(30), y, inner // 2, theme.px(130)), stock, color=stock_color, bold=True,
                       wrap=True, max_lines=2))
        if product.aisle and ctx.shop.catalog.store_map() is not None:
            info.add(Button((left + inner // 2, y + theme.px(10), inner // 2 - theme.px(10), theme.px(110)),
                            t("Aisle {aisle}: show on the map", aisle=product.aisle), self.show_map, style="ghost",
                            size="title", shown=t("Aisle {aisle}", aisle=product.aisle), note=t("see the map")))
        elif product.aisle:
            info.add(Label((left + inner // 2, y, inner // 2 - theme.px(30), theme.px(130)),
                           t("Aisle {aisle}", aisle=product.aisle), size="title", bold=True, align="right"))
        y += theme.px(160)
        y = self._variant_chips(page, y)
        half = (inner - theme.size("gap")) // 2 if ctx.shop.fleet.available else inner
        page.add(Button((left, y, half, theme.px(100)), t("Send to my phone"), self.share, style="secondary",
                        size="text"))
        if ctx.shop.fleet.available:
            page.add(Button((left + half + theme.size("gap"), y, half, theme.px(100)), t("Call an adviser"),
                            lambda: call_adviser(ctx, f"product {self.sku}"), style="secondary", size="text"))
        y += theme.px(130)
        description = pick(product.description, ctx.lang)
        if description:
            text_h = ctx.screen.text.wrapped_height(description, theme.size("text"), inner)
            page.add(Label((left, y, inner, text_h), description, wrap=True, valign="top"))
            y += text_h + theme.px(40)
        y = self._bought_together(page, y)
        y = self._specs(page, product, category.specs if category else (), y)
        y = self._reviews(page, product.sku, y + theme.px(20))
        page.content_height = max(y, picture + margin) + margin
        self._actions(root, height - actions_h, actions_h)
        return root

    def _bought_together(self, page: ScrollView, y: int) -> int:
        """"Customers who bought this also bought", from the till's baskets (ranked for a member)."""
        ctx, theme = self.ctx, self.ctx.theme
        products = ctx.shop.catalog.bought_together([self.sku], ctx.session.member, limit=3)
        if not products:
            return y
        y = self.section_heading(page, self._left, y, self._inner, ctx.t("Customers who bought this also bought"))
        row_h = theme.px(390)
        for card in suggestion_cards(ctx, pygame.Rect(self._left, y, self._inner, row_h), products, self.open_other):
            page.add(card)
        return y + row_h + theme.px(40)

    def open_other(self, sku: str) -> None:
        """Another product's page, on top of this one (Back returns here)."""
        self.ctx.show(ProductScene(self.ctx, sku))

    def _variant_chips(self, page: ScrollView, y: int) -> int:
        """The sizes or colours to choose from, each with its stock."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        if not self.variants:
            return y
        margin, gap, inner = self._left, theme.size("gap"), self._inner
        if self.choice_missing:  # "Add to cart" without one: the picker itself says so
            what = t("Choose a size first") if self.variants[0].size else t("Choose a colour first")
        else:
            what = t("Choose a size") if self.variants[0].size else t("Choose a colour")
        page.add(Label((margin, y, inner, theme.px(56)), what, bold=True, heading=True,
                       color="danger" if self.choice_missing else "text"))
        top = y
        y += theme.px(64)
        chip_w, chip_h = theme.px(200), theme.px(96)
        per_row = max(1, (inner + gap) // (chip_w + gap))
        for index, variant in enumerate(self.variants):
            x = margin + (index % per_row) * (chip_w + gap)
            row_y = y + (index // per_row) * (chip_h + gap)
            label = variant.label(ctx.lang)
            stock = t("in stock") if variant.stock > 0 else t("to order")
            chosen = self.variant is not None and self.variant.sku == variant.sku
            page.add(Button((x, row_y, chip_w, chip_h), label, partial(self._choose, variant),
                            style="chip_on" if chosen else "chip", size="text", note=stock))
        rows = (len(self.variants) + per_row - 1) // per_row
        self._chips = (page, top, y + rows * (chip_h + gap))
        return y + rows * (chip_h + gap) + theme.px(20)

    def _show_chips(self) -> None:
        """Scroll the sizes or colours into view (below the fold on a short or accessible screen)."""
        if self._chips is None:
            return
        page, top, bottom = self._chips
        margin = self.ctx.theme.size("margin")
        if top < page.scroll or bottom > page.scroll + page.rect.height:
            page.scroll_to(top - margin)

    def _choose(self, variant: Variant) -> None:
        self.variant = variant
        self.choice_missing = False
        self._keep_scroll_rebuild()

    def _specs(self, page: ScrollView, product: Any, specs: Any, y: int) -> int:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        margin, inner = self._left, self._inner
        y = self.section_heading(page, margin, y, inner, t("Specifications"))
        row_h = theme.px(76)
        for index, spec in enumerate(specs):
            if spec.key not in product.specs:
                continue
            if index % 2 == 0:
                page.add(Panel((margin, y, inner, row_h), "surface", radius=False))
            page.add(Label((margin + theme.px(24), y, inner // 2, row_h), pick(spec.label, ctx.lang), color="muted"))
            value = format_spec_value(product.specs[spec.key], spec, ctx.lang, t, ctx.fmt.number)
            page.add(Label((margin + inner // 2, y, inner // 2 - theme.px(24), row_h), value, bold=True,
                           align="right"))
            y += row_h
        return y + theme.px(40)

    def _reviews(self, page: ScrollView, sku: str, y: int) -> int:
        ctx, theme, t, fmt = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt
        margin, inner = self._left, self._inner
        catalog = ctx.shop.catalog
        histogram = catalog.rating_histogram(sku)
        total = sum(histogram.values())
        target = theme.size("touch_target")
        write = t("Write a review")
        write_w = max(theme.px(340), ctx.screen.text.width(write, theme.size("text"), True) + theme.px(40))
        heading = t("Customer reviews")
        if ctx.screen.text.width(heading, theme.size("title"), True) + theme.size("gap") + write_w <= inner:
            page.add(Label((margin, y, inner - write_w, target), heading, size="title", bold=True, heading=True))
            write_x = margin + inner - write_w
        else:  # larger text, a long translation: the button under the heading
            page.add(Label((margin, y, inner, theme.px(70)), heading, size="title", bold=True, heading=True))
            y += theme.px(80)
            write_x = margin
        page.add(Button((write_x, y, write_w, target), write, self.write_review, style="secondary", size="text"))
        y += target + theme.px(10)
        if total == 0:
            page.add(Label((margin, y, inner, theme.px(60)), t("No reviews yet."), color="muted"))
            return y + theme.px(80)
        bar_h = theme.px(34)
        for stars in range(5, 0, -1):
            count = histogram[stars]
            page.add(Label((margin, y, theme.px(90), bar_h), f"{stars} ★", color="muted"))
            track_w = inner - theme.px(200)
            page.add(Panel((margin + theme.px(100), y + bar_h // 4, track_w, bar_h // 2), "divider"))
            if count:
                page.add(Panel((margin + theme.px(100), y + bar_h // 4, max(bar_h // 2, track_w * count // total),
                                bar_h // 2), "star"))
            page.add(Label((margin + inner - theme.px(80), y, theme.px(80), bar_h), str(count), align="right",
                           color="muted"))
            y += bar_h + theme.px(10)
        y += theme.px(20)
        chip_h = theme.px(80)
        for index, (order, label) in enumerate((("newest", t("Newest")), ("helpful", t("Most helpful")))):
            page.add(Button((margin + index * theme.px(300), y, theme.px(280), chip_h), label,
                            partial(self._order, order), style="chip_on" if self.review_order == order else "chip",
                            size="text"))
        y += chip_h + theme.px(24)
        for review in catalog.reviews(sku, self.review_order, REVIEWS_SHOWN):
            text_h = ctx.screen.text.wrapped_height(review.text, theme.size("text"), inner - theme.px(60))
            box_h = theme.px(100) + text_h
            card = page.add(Panel((margin, y, inner, box_h), "surface"))
            star_h = theme.px(26)
            card.add(Stars((margin + theme.px(30), y + theme.px(26), Stars.width_for(star_h), star_h), review.stars,
                           t("{rating} out of 5", rating=review.stars)))
            who = review.author or t("A customer")
            where = " · " + t("written in store") if review.in_store else ""
            card.add(Label((margin + theme.px(30) + Stars.width_for(star_h) + theme.px(20), y + theme.px(18),
                            inner - theme.px(300), theme.px(44)), f"{who} · {fmt.date(review.date)}{where}",
                           size="small", color="muted"))
            card.add(Label((margin + theme.px(30), y + theme.px(70), inner - theme.px(60), text_h), review.text,
                           wrap=True, valign="top"))
            y += box_h + theme.px(16)
        return y

    def _actions(self, root: Root, y: int, height: int) -> None:
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, landscape = ctx.size[0], ctx.size[0] > ctx.size[1]
        margin, gap = theme.size("margin"), theme.size("gap")
        root.add(Panel((0, y, width, height), "surface", radius=False))
        root.add(Panel((0, y, width, max(1, theme.px(2))), "divider", radius=False))
        button_h = theme.px(110)
        by = y + theme.px(30)
        x, row_w = margin, width - 2 * margin
        if ctx.shop.config.orders.enabled:
            product = ctx.shop.catalog.product(self.sku)
            price = ctx.fmt.price(product.price_cents) if product else ""
            if landscape:  # one row: the cart takes half, the two comparison buttons a quarter each
                cart_w = (row_w - gap) // 2
                row_w, x = row_w - cart_w - gap, margin + cart_w + gap
            else:
                cart_w = row_w
            root.add(Button((margin, by, cart_w, button_h), t("Add to cart"), self._add_to_cart,
                            style="primary", shown=t("Add to cart · {price}", price=price)))
            if not landscape:
                by += button_h + gap
        button_w = (row_w - gap) // 2
        in_compare = self.sku in ctx.session.compare
        if in_compare:
            root.add(Button((x, by, button_w, button_h), t("Remove from comparison"), self._toggle_compare,
                            style="secondary", size="text"))
        else:
            root.add(Button((x, by, button_w, button_h), t("Add to comparison"), self._toggle_compare,
                            style="secondary", size="text"))
        count = len(ctx.session.compare)
        root.add(Button((x + button_w + gap, by, button_w, button_h), t("Compare ({count})", count=count),
                        self.open_compare, style="accent", enabled=count >= 2, size="text"))

    def _add_to_cart(self) -> None:
        ctx = self.ctx
        product = ctx.shop.catalog.product(self.sku)
        if product is None:
            return
        if self.variants and self.variant is None:  # said on the picker, scrolled into view: not a toast
            self.choice_missing = True
            self._keep_scroll_rebuild()
            self._show_chips()
            return
        result = ctx.session.cart.add(product, self.variant)
        if result == "limit":
            ctx.toast(ctx.t("That is as many as we can take in one order."))
        else:
            ctx.toast(ctx.t("Added to your cart"))
        self._keep_scroll_rebuild()

    def show_map(self) -> None:
        """Where the product is in the store."""
        product = self.ctx.shop.catalog.product(self.sku)
        if product is not None:
            self.ctx.show(self.ctx.routes.store_map([product.aisle], product.title(self.ctx.lang)))

    def write_review(self) -> None:
        """Leave a review of this product."""
        self.ctx.show(self.ctx.routes.review(self.sku))

    def share(self) -> None:
        """Show this product as a QR code."""
        self.ctx.show(self.ctx.routes.share([self.sku]))

    def _toggle_compare(self) -> None:
        ctx = self.ctx
        product = ctx.shop.catalog.product(self.sku)
        if self.sku in ctx.session.compare:
            ctx.session.remove_from_compare(self.sku)
            ctx.toast(ctx.t("Removed from the comparison"))
        else:
            result = ctx.session.add_to_compare(self.sku)
            compare_toast(ctx, result.value, product.title(ctx.lang) if product else self.sku)
        self._keep_scroll_rebuild()

    def _order(self, order: str) -> None:
        self.review_order = order
        self._keep_scroll_rebuild()

    def _keep_scroll_rebuild(self) -> None:
        scroll = 0.0
        if self.root is not None:
            views = [w for w in self.root.walk() if isinstance(w, ScrollView)]
            scroll = views[0].scroll if views else 0.0
        self.rebuild()
        root = self.tree(self.ctx.size)
        views = [w for w in root.walk() if isinstance(w, ScrollView)]
        if views:
            views[0].scroll = min(scroll, views[0].max_scroll)
