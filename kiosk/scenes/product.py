"""A product page: picture, price, stock and aisle, specifications, rating and reviews."""

from __future__ import annotations

import math
from functools import partial
from pathlib import Path
from typing import Any

from kiosk.core.models import Product, ProductSummary, Variant, pick
from kiosk.core.shopper.compare import format_spec_value
from kiosk.scenes.adviser import call_adviser
from kiosk.scenes.base import ShopScene, in_stock_first, stock_text, suggestion_cards
from kiosk.scenes.comparing import toggle_compare
from kiosk.scenes.context import SceneContext
from kiosk.scenes.customer_media import LANGUAGE_NAMES, media_thumbnails, testimonials_section
from kiosk.scenes.member_words import price_box, price_for_member
from kiosk.scenes.product_video import product_films
from kiosk.scenes.store_status import in_store_shown
from kiosk.ui.gallery import Gallery, GalleryState
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flex, flow, grid, leaf, row, scroll, shape, square
from kiosk.ui.scroll import ScrollView, cue_height
from kiosk.ui.widgets import Panel, Picture, Root

REVIEWS_SHOWN = 6


class ProductScene(ShopScene):
    """Everything about one product, and the buttons to compare it."""

    name = "product"
    hero_picture = False  # a portrait page's picture as large as the first view allows (the shop window's)

    def __init__(self, ctx: SceneContext, sku: str, variant: str = "") -> None:
        super().__init__(ctx)
        self.sku = sku
        self.review_order = "newest"
        self.variants = ctx.shop.catalog.variants(sku)
        # the size or colour chosen: the one whose box was scanned, else the one chosen before in the session
        variant = variant or ctx.session.chosen.get(sku, "")
        self.variant: Variant | None = next((v for v in self.variants if v.sku == variant), None)
        if self.variant is not None:
            ctx.session.choose(sku, self.variant.sku)
        self.choice_missing = False  # "Add to cart" was tapped before a size or colour was chosen
        self._chips_box: Box | None = None  # where the sizes or colours are in the page
        self.gallery = GalleryState(self._pictures())  # which picture shows, and its zoom, kept across rebuilds

    def _pictures(self) -> tuple[str, ...]:
        """The pictures shown: the chosen colour's own, else the product's gallery."""
        own = self.variant.images if self.variant is not None and self.variant.images else ()
        return tuple(self.ctx.shop.image(path) for path in own or self.ctx.shop.catalog.pictures(self.sku))

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the controls: the product's name, its price, its stock and aisle."""
        ctx = self.ctx
        product = ctx.shop.catalog.product(self.sku)
        if product is None:
            return ()
        stock, _ = self.availability(product)
        place = self.aisle_words(product.aisle) if product.aisle and self.in_store_shown else ""
        return (product.title(ctx.lang), ctx.fmt.price(self.paid_cents(product)),
                " · ".join(part for part in (stock, place) if part))

    def banner_picture(self) -> str:
        """In reach mode, beside those lines: the product's picture, the one chosen under the sizes (the page
        below starts with its sizes)."""
        pictures = self.gallery.paths or self._pictures()
        return str(pictures[min(self.gallery.index, len(pictures) - 1)]) if pictures else ""

    def aisle_words(self, aisle: str) -> str:
        """"Aisle B1" that never breaks across two lines ("Gang" at a line's end, "B1" under it)."""
        return self.ctx.t("Aisle {aisle}", aisle=aisle).replace(" ", "\u00a0")

    @property
    def in_store_shown(self) -> bool:
        """Whether the page says what is inside the store (aisle, map, stock on the shelf); a closed
        shop window's page does not."""
        return in_store_shown(self.ctx)

    def chosen_stock(self, product: Product) -> int:
        """The stock of the size or colour chosen, else of the product (all of them)."""
        return self.variant.stock if self.variant is not None else product.stock

    def availability(self, product: Product) -> tuple[str, str]:
        """The stock line (of the size or colour chosen) and its colour."""
        return stock_text(self.ctx, self.chosen_stock(product), sized=any(v.size for v in self.variants),
                          size=self.variant.size if self.variant is not None else "")

    def variant_note(self, variant: Variant) -> str:
        """What a size's or colour's chip says under it: in stock, or to order."""
        return self.ctx.t("in stock") if variant.stock > 0 else self.ctx.t("to order")

    def price_cents(self, product_price_cents: int) -> int:
        """The price shown: the chosen size's or colour's, where it has its own."""
        return self.variant.price(product_price_cents) if self.variant else product_price_cents

    def paid_cents(self, product: ProductSummary) -> int:
        """What the shopper in front pays: the member's price when an offer gives one, else the price."""
        normal = self.price_cents(product.price_cents)
        found = price_for_member(self.ctx, product.sku, product.category, normal)
        return found.cents if found else normal

    def details(self) -> dict[str, Any]:
        """The product shown."""
        return {"product": self.sku, "in_compare": self.sku in self.ctx.session.compare,
                "variants": [v.sku for v in self.variants], "variant": self.variant.sku if self.variant else "",
                "choice_missing": self.choice_missing,
                "pictures": [Path(path).name for path in self.gallery.paths], "picture": self.gallery.index,
                "zoom": round(self.gallery.zoom, 2)}

    def build(self, size: tuple[int, int]) -> Root:
        """The page in a scroll view, and an action bar at the bottom. On a landscape screen the picture
        stands on the left with where the product is and the ways to go on under it, and the name, the price
        and the sizes beside it, in sight without scrolling (accessible mode too); on a portrait one the
        picture is above, at most about half of what shows, so that name, price and stock show without
        scrolling. In a portrait screen's reach zone (accessible mode), whose strip above already shows the
        name, the price, the stock and the aisle, the page starts with what is to be touched: the sizes."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        product = ctx.shop.catalog.product(self.sku)
        category = ctx.shop.catalog.category(product.category) if product else None
        title = pick(category.name, ctx.lang) if category else t("Product")
        if product is None:
            return self.screen(size, title, column(kit.words(t("This product is no longer in the catalogue."),
                                                             align="center"), padding=Insets.all(margin)))
        actions = self._actions()
        # what the page shows: the header may be taller than the theme's (its title on a line of its own); a
        # confirmation shows in the header, in its title's place, and takes none of it
        page_h = height - self.header(title).natural(width)[1] - actions.natural(width)[1]
        self.gallery.show(self._pictures())
        name = product.title(ctx.lang)
        largest = theme.size("picture") if self.wide(size) else min(theme.size("picture"), page_h * 9 // 20)
        specs = category.specs if category else ()
        if self.wide(size):
            # landscape (a shop window, a counter): the picture on the left, as tall as the page where the
            # name and the price at the top of the right part, and the stock, the sizes and the ways to go on
            # under them, all show in the first view (the picture is what a passer-by looks at: on the 4K
            # window it was 570 px beside a price as big); where they would not, the ways go under the picture
            # (at the fold of the right part the sticky bar cut them), then the aisle with them and the stock on
            # the sizes' heading line (the picture keeps most of the height), and last the stock under it too
            side = width * 2 // 5 - margin
            stock, ways = self._where(product)
            chips = self._variant_chips()
            right_w = width - side - 3 * margin
            # a short description (a line or two) under the name, in sight with it: at the top of the part that
            # scrolls, the 4K window's action bar cut it in half
            tagline = self._tagline(product, right_w)
            head = self._head(product, compact=True)
            top = margin  # (the name's and the picture's room under the header)

            def head_block(tight: bool = False) -> Box:  # brand, name, description, price; `tight`: a gap under
                # the header (not a margin) and a quarter gap between them (not half)
                return column(*head[:2], *([tagline] if tagline is not None else []), *head[2:],
                              gap=gap // 4 if tight else gap // 2,
                              padding=Insets(gap if tight else margin, margin, gap // 2, 0))

            said = head_block()

            rule = kit.rule()

            def right_view(*parts: Box) -> int:  # (the margin under the last part is not to be seen at once; the
                # cue under them that says more follows is; the rule between, half a gap under it as over it: the
                # size frame's foot was cut by the 4K window's fold, the cue's chevron on it)
                return said.natural(right_w)[1] + rule.natural(right_w)[1] + column(
                    *parts, gap=gap, padding=Insets(gap // 2, 0, 0, 0)).natural(right_w)[1] + \
                    cue_height(theme, ctx.screen.text, slim)

            plain = self._chips_box
            said_stock, stock_color = self.availability(product)
            chips_with_stock = self._variant_chips(aside=kit.words(
                said_stock, color=stock_color, bold=True, align="right", max_lines=2, width=fit()))
            boxes = {id(chips_with_stock): self._chips_box}
            # the aisle beside the stock on that line too, so that the ways alone stand under the picture, on one
            # line: the picture keeps the most of the height where the rest does not fit beside it
            chips_with_aisle = self._variant_chips(aside=row(
                kit.words(said_stock, color=stock_color, bold=True, align="right", max_lines=2, width=fit()),
                *self._aisle(product, "text"), gap=gap, align="center", width=fit()))
            boxes[id(chips_with_aisle)] = self._chips_box
            aisle_and_ways = row(*self._aisle(product, "text"), *self._ways().children, gap=gap, align="center")
            forms: list[tuple[list[Box], list[Box]]] = [([stock, *chips, ways], []), ([stock, *chips], [ways]),
                                                        (chips_with_aisle, [ways]),
                                                        (chips_with_stock, [aisle_and_ways])]
            if not self.in_store_shown:  # a closed store's window: when it can be collected beside the ways, on
                # one row as the aisle is when open (on a row of its own it took the 4K window's picture from 880
                # px down to 600: designer's review)
                collect = kit.words(said_stock, size="small", color=stock_color, bold=True, max_lines=3, width=flex())
                forms.append((chips, [row(collect, *self._ways().children, gap=gap, align="center")]))
            forms.append((chips, [stock, ways]))
            reach_top = self.out_of_reach(size)
            thumbs_h = theme.size("touch_target") + gap if len(self.gallery.paths) > 1 else 0

            def left_fits(left: list[Box], thumbs: int = thumbs_h) -> bool:  # accessible mode: under the picture,
                # which ends at the reach zone's top, and its thumbnails (or the picture alone)
                return not reach_top or not left or \
                    reach_top + thumbs + column(*left, gap=gap).natural(side)[1] + margin <= page_h

            # the cue's words under the sizes where a form leaves them room; else no cue where that holds the sizes
            # whole (the page's foot shaded, its scroll bar beside: a bare chevron on the sizes' border, on the frame
            # of "choose a size first" too, was not the "More below" of every other page: designer's review); where
            # even that does not hold them (accessible French: one row of eight) the words under what shows
            slim = False
            fitting = [(right, left) for right, left in forms if right_view(*right) <= page_h]
            if not fitting and not ctx.session.accessible:
                # normal mode: the name, the description and the price closer together, the page a gap under the
                # header, rather than the sizes over no cue but a thin scroll bar (the 4K window's eight sizes, the
                # page's more below them: designer's review; the description stays in the first view)
                said, top = head_block(tight=True), gap
                fitting = [(right, left) for right, left in forms if right_view(*right) <= page_h]
                if not fitting:
                    said, top = head_block(), margin
            if not fitting:
                slim = True
                fitting = [(right, left) for right, left in forms if right_view(*right) <= page_h]
                slim = bool(fitting)
            if reach_top:  # what stands under the picture within reach first (the right part scrolls where it must)
                least = min(right_view(*right) for right, _ in forms)  # (none fits: those that scroll least)
                pool = fitting or [(right, left) for right, left in forms if right_view(*right) == least]
                beside, under = next(((right, left) for right, left in pool if left_fits(left)),
                                     next(((right, left) for right, left in pool if left_fits(left, 0)), pool[0]))
            else:  # where none fits (the sizes scroll anyway), the sizes first with the stock and the aisle on
                # their heading line, and the ways under the picture, which keeps most of the height (the stock in
                # a panel of its own under it too made a shoe's picture 601 px wide on the 4K window)
                beside, under = fitting[0] if fitting else forms[2]
            self._chips_box = boxes.get(id(beside), plain)  # (where "choose a size first" scrolls to)
            where = column(*under, gap=gap)
            picture_room = page_h - top - margin - (where.natural(side)[1] + gap if under else 0)
            pictures = self._gallery_box(name, max(theme.size("thumb") // 2, min(side, picture_room)), wide=side)
            if reach_top and left_fits(under):  # accessible mode: the picture above the reach zone, its
                # thumbnails in a row under it, within reach (beside it, they stood at the top of the screen)
                pictures = self._gallery_box(name, min(side, reach_top - margin - gap) + thumbs_h)
            elif reach_top:  # no room for them there (the window's taller bar): the picture alone, swiped through
                pictures = square(Gallery(self.gallery, name, self._keep_scroll_rebuild),
                                  max(theme.size("thumb") // 2, min(side, picture_room)))
            # (accessible mode: the ways at the foot of the part, within reach, under a picture alone too)
            spacer = [leaf(None, height=flex())] if reach_top and under else []
            left = column(column(pictures, align="center"), *spacer, *([where] if under else []), gap=gap,
                          padding=Insets(top, 0, margin, margin), width=fixed(side + margin))
            # what follows the choices starts under the fold: the first view ends on them, not on half a line
            below = page_h - right_view(*beside) - gap
            fold = [leaf(None, height=fixed(below))] if below > 0 else []
            details = column(*beside, *fold, *self._more(product, specs, described=tagline is not None), gap=gap,
                             padding=Insets(gap // 2, margin, margin, 0))
            page = scroll(details, name, height=flex())
            assert isinstance(page.widget, ScrollView)
            page.widget.slim_cue = slim
            right = column(said, rule, page, width=flex(), height=flex())
            return self.screen(size, title, row(left, right, gap=margin), bottom=[actions])
        head = self._head(product)
        if ctx.screen.offset:
            # a portrait screen's reach zone: the sizes first, then the map and the ways to go on where they
            # show whole under them (else after the picture: never cut at the fold), and a smaller picture
            # beside the name and the price (said in the strip above too, with the stock and the aisle: the
            # page does not say those twice)
            aisle = [button for button in self._aisle(product, "text") if button.widget is not None and
                     button.widget.role == "button"]
            chips = self._variant_chips()
            ways = row(*aisle, *self._ways().children, gap=gap, align="center")
            # the picture, the name and the price are the strip's (a second copy of the picture peeked under the
            # action bar: designer's review); here what it does not say, the brand and the rating, and the
            # product's other pictures, to show up there
            brand, _, stars, _ = head
            thumbs = self._thumbnails(name)
            lead: list[Box] = []
            described = False
            if band := self.reach_band(size):  # (a tablet) the zone's top is still above the reach zone: the
                # brand, the rating and the description where it shows whole there, the sizes under it (their
                # first row stood above it)
                known = [brand, stars]
                description = pick(product.description, ctx.lang)
                if description:
                    words = kit.words(description)
                    if column(*known, words, gap=gap // 2).natural(width - 2 * margin)[1] <= band - margin - gap:
                        known.append(words)
                        described = True
                lead = [column(*known, gap=gap // 2, height=fixed(band - margin - gap))]
                pictured = column(*([thumbs] if thumbs is not None else []))
            else:
                pictured = column(brand, stars, *([thumbs] if thumbs is not None else []), gap=gap // 2)
            first_view = column(*lead, *chips, ways, gap=gap).natural(width - 2 * margin)[1] + 2 * margin
            content = column(*lead, *chips, *([ways, pictured] if first_view <= page_h else [pictured, ways]),
                             *self._more(product, specs, described=described), gap=gap, padding=Insets.all(margin))
        elif self.hero_picture:
            content = self._hero_page(product, specs, name, width, page_h)
        else:
            stock, ways = self._where(product)
            chips = self._variant_chips()
            # the picture leaves room for the name, the price, the stock and every size above the action bar
            # (a tablet's fold cut its second row of sizes), and for the cue under them that more follows
            first_view = column(*head, stock, *chips, gap=gap).natural(width - 2 * margin)[1] + \
                cue_height(theme, ctx.screen.text)
            largest = min(largest, page_h - first_view - 2 * gap - margin)
            # and for the ways to go on too, where the picture stays large (they were cut at the fold)
            with_ways = page_h - column(*head, stock, *chips, ways, gap=gap).natural(width - 2 * margin)[1] - \
                3 * gap - margin - cue_height(theme, ctx.screen.text)
            if with_ways >= theme.size("picture") // 2:
                largest = min(largest, with_ways)
            details = column(stock, *chips, ways, *self._more(product, specs), gap=gap, width=flex())
            inner = width - 2 * margin
            lead_side = self._lead_side(head, stock, chips, inner, page_h)
            if lead_side > largest:
                # a short portrait page (a tablet): the picture leads, larger beside the name and the price than
                # over them (it was 196 px wide over them, a quarter of the tablet: designer's review), every size
                # still above the action bar
                thumbs = self._thumbnails(name)
                said = column(*head, *([thumbs] if thumbs is not None else []), gap=gap // 2, width=flex())
                picture = square(Gallery(self.gallery, name, self._keep_scroll_rebuild), lead_side)
                content = column(row(picture, said, gap=gap), details, gap=gap, padding=Insets.all(margin))
            elif largest < theme.size("picture") // 2:
                # a short page (a tablet): a smaller picture beside the name and the price, so that both show
                # above the action bar
                content = column(row(column(self._gallery_box(name, width // 3), width=fixed(width // 3)),
                                     column(*head, gap=gap // 2), gap=gap, align="center"),
                                 details, gap=gap, padding=Insets.all(margin))
            else:
                content = column(self._gallery_box(name, largest),
                                 column(*head, details, gap=gap, width=fixed(width - 2 * margin)),
                                 gap=gap, align="center", padding=Insets.all(margin))
        page = scroll(content, product.title(ctx.lang))
        return self.screen(size, title, page, bottom=[actions])

    def _hero_page(self, product: Product, specs: Any, name: str, width: int, page_h: int) -> Box:
        """A portrait page whose picture is its hero (a shop window's, seen from the pavement): the picture with
        its thumbnails beside it, as large as the room left by the name, the price, every size (the stock on the
        sizes' heading line), and the aisle and the ways to go on under them, above the action bar (the ways
        under the fold where the picture would be narrower than two fifths of the page). It was a quarter of the
        window's width above a page of words."""
        theme, kit = self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        inner = width - 2 * margin
        said_stock, stock_color = self.availability(product)
        stock = kit.words(said_stock, color=stock_color, bold=True, align="right", max_lines=2, width=fit())
        # the stock on the sizes' heading line where both show whole there (a closed window's "to collect from
        # Monday 23 November at 11:00" squeezed "Choose a size" to "Choos…"), else on a line of its own over them,
        # as many lines tall as the longest it may say: whichever size is chosen, the page keeps one arrangement
        # and the picture its size (picking a size put "Size 39: 4 in stock" on a line of its own, and the picture
        # shrank by that line: designer's review)
        heading = max(self.ctx.t(words) for words in ("Choose a size first", "Choose a colour first"))
        cache, pixels = self.ctx.screen.text, theme.size("text")
        longest = max(self._stock_lines(product), key=lambda said: cache.width(said, pixels, True))
        if cache.width(heading, pixels, True) + cache.width(longest, pixels, True) + 2 * gap <= inner - gap:
            chips = self._variant_chips(aside=stock)
        else:
            lines = min(2, len(cache.wrap(longest, pixels, inner, True)))
            chips = [column(kit.words(said_stock, color=stock_color, bold=True, max_lines=lines, reserve=True),
                            *self._variant_chips(), gap=gap // 2)]
        head = column(*self._head(product, compact=True), gap=gap // 2)
        ways = row(*self._aisle(product, "text"), *self._ways().children, gap=gap, align="center")
        # the ways in the first view too where the picture keeps two fifths of the width; else under the fold
        # (the last of them half a gap over the action bar, what follows them half a gap under it: none cut)
        # (and the cue under them that more follows)
        cue = cue_height(theme, self.ctx.screen.text)
        with_ways = page_h - column(head, *chips, ways, gap=gap).natural(inner)[1] - margin - gap - gap // 2 - cue
        room = with_ways if with_ways >= inner * 2 // 5 else \
            page_h - column(head, *chips, gap=gap).natural(inner)[1] - margin - gap - gap // 2 - cue
        room = max(theme.size("picture") // 2, min(inner, room))
        return column(column(self._gallery_box(name, room, wide=inner), align="center"), head, *chips, ways,
                      *self._more(product, specs), gap=gap, padding=Insets.all(margin))

    def _stock_lines(self, product: Product) -> list[str]:
        """Every stock line the page may say: none chosen, then each size or colour chosen."""
        kept = self.variant
        try:
            said = []
            for variant in (None, *self.variants):
                self.variant = variant
                said.append(self.availability(product)[0])
            return said
        finally:
            self.variant = kept

    def _lead_side(self, head: list[Box], stock: Box, chips: list[Box], inner: int, page_h: int) -> int:
        """How large a tablet's portrait page's picture can be beside its name, price and thumbnails (0: where it
        cannot be, or on a larger screen): up to three fifths of the width, the price, the rating and the
        thumbnails whole beside it and no taller than it, and the stock and every size under them above the
        action bar."""
        theme, cache = self.ctx.theme, self.ctx.screen.text
        gap, margin = theme.size("gap"), theme.size("margin")
        if shape(self.ctx.size) != "small":
            return 0
        under = column(stock, *chips, gap=gap).natural(inner)[1] + cue_height(theme, cache)
        _, _, stars, price = head
        thumbs = self._thumbnails("")
        rating = sum(part.least_width(inner) for part in stars.children) + stars.gap * (len(stars.children) - 1)
        whole = max(rating, *(box.least_width(inner) for box in (price, *([thumbs] if thumbs is not None else []))))
        side = min(inner * 3 // 5, page_h - under - 2 * margin - 2 * gap, inner - gap - whole)
        beside = column(*head, *([thumbs] if thumbs is not None else []), gap=gap // 2)
        return side if side > 0 and beside.natural(inner - side - gap)[1] <= side else 0

    def _tagline(self, product: Product, width: int) -> Box | None:
        """The product's description where it is short (two lines at most in `width`): said under its name."""
        ctx = self.ctx
        description = pick(product.description, ctx.lang)
        if not description:
            return None
        words = self.kit.words(description)
        line = ctx.screen.text.line_height(ctx.theme.size("text"), False)
        return words if words.natural(width)[1] <= 2 * line else None

    def _gallery_box(self, name: str, room: int, wide: int = 0) -> Box:
        """The gallery's picture and, under it, its thumbnails, together at most `room` pixels tall; in a room
        too short for both, the picture alone (swiped through). Given a `wide` room wider than tall (a landscape
        page's left part), the thumbnails stand in a column beside the picture, which takes the whole height."""
        theme = self.ctx.theme
        side, gap = theme.size("touch_target"), theme.size("gap")
        count = len(self.gallery.paths)
        columns = -(-count // max(1, (room + gap // 2) // (side + gap // 2)))  # as many as the height needs
        strip = columns * (side + gap // 2) - gap // 2
        beside = min(room, wide - strip - gap)  # the picture, with its thumbnails beside it
        if wide and count > 1 and beside > room - side - gap:  # (larger than with them under it)
            picture = square(Gallery(self.gallery, name, self._keep_scroll_rebuild), beside)
            small = grid(*self._thumbnail_boxes(name), columns=columns, gap=gap // 2)
            small.width = fixed(strip)
            return row(small, picture, gap=gap, justify="center")
        thumbs = self._thumbnails(name)
        thumbs_h = theme.size("touch_target") + theme.size("gap") if thumbs is not None else 0
        if room - thumbs_h < 2 * theme.size("touch_target"):
            thumbs, thumbs_h = None, 0
        picture = square(Gallery(self.gallery, name, self._keep_scroll_rebuild), room - thumbs_h)
        return column(picture, thumbs, gap=theme.size("gap"), align="center") if thumbs is not None else picture

    def _thumbnails(self, name: str) -> Box | None:
        """A small picture of each of the gallery's, the one shown framed: tapped, it shows; none for one."""
        ctx, theme = self.ctx, self.ctx.theme
        paths = self.gallery.paths
        if len(paths) < 2:
            return None
        thumbs = self._thumbnail_boxes(name)
        side = theme.size("touch_target")
        if len(thumbs) * (side + theme.size("gap")) <= ctx.size[0] * 2 // 5:  # in one row, centred under the picture
            return row(*thumbs, gap=theme.size("gap") // 2, justify="center", width=fit())
        return flow(*thumbs, gap=theme.size("gap") // 2)

    def _thumbnail_boxes(self, name: str) -> list[Box]:
        """A small picture of each of the gallery's, the one shown framed: tapped, it shows."""
        ctx, theme = self.ctx, self.ctx.theme
        paths = self.gallery.paths
        side = theme.size("touch_target")
        thumbs = []
        for index, path in enumerate(paths):
            shown = index == self.gallery.index
            # (shown: edged thick in the primary colour, as a chosen size is; the others in an option's grey: the
            # beige divider, 1.3:1 on the paper, hardly showed them as choices: designer's review)
            frame = Panel((0, 0, 0, 0), "surface", border="primary" if shown else "choice", border_px=6 if shown else 3,
                          on_tap=partial(self._show_picture, index),
                          label=ctx.t("Picture {number} of {count}: {name}", number=index + 1, count=len(paths),
                                      name=name), role="button")
            inner = Picture((0, 0, 0, 0), path)
            pad = max(2, theme.px(6))
            thumbs.append(row(leaf(inner, width=fixed(side - 2 * pad), height=fixed(side - 2 * pad)),
                              padding=Insets.all(pad), widget=frame, width=fixed(side), height=fixed(side)))
        return thumbs

    def _show_picture(self, index: int) -> None:
        self.gallery.pick(index)
        self._keep_scroll_rebuild()

    @property
    def _page(self) -> ScrollView | None:
        """The page's scroll view, in the tree shown (none before it is built)."""
        views = [w for w in self.root.walk() if isinstance(w, ScrollView)] if self.root is not None else []
        return views[0] if views else None

    def _head(self, product: Any, compact: bool = False) -> list[Box]:
        """Brand, name, rating and price: what the page starts with; `compact`, the price and the rating on
        one line (beside the picture on a landscape screen, where the sizes come under them)."""
        ctx, theme, t, fmt, kit = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt, self.kit
        gap = theme.size("gap")
        rating = (t.plural("{rating}/5 · {count} review", "{rating}/5 · {count} reviews", product.review_count,
                           rating=fmt.number(product.rating)) if product.review_count
                  else f"{fmt.number(product.rating)}/5")
        stars = row(kit.stars(product.rating, t("{rating} out of 5", rating=fmt.number(product.rating)),
                              theme.size("star") * 5 // 4),
                    kit.words(rating, color="muted", max_lines=2, width=fit() if compact else None), gap=gap,
                    align="center")
        price = price_box(ctx, product.sku, product.category, self.price_cents(product.price_cents),
                          size="headline", note="text", compact=False)
        said = [kit.words(product.brand.upper(), color="muted", bold=True, max_lines=1),
                kit.words(product.title(ctx.lang), size="title", sizes=("button",), bold=True, heading=True,
                          max_lines=3)]
        if compact:
            price.width = stars.width = fit()
            return [*said, row(price, stars, gap=2 * gap, align="center", fold=True)]
        return [*said, stars, price]

    def _where(self, product: Any) -> tuple[Box, Box]:
        """Stock and aisle (the aisle shows the map), and the ways to go on: send it to my phone, call an
        adviser."""
        theme, kit = self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        stock, stock_color = self.availability(product)
        return (row(kit.words(stock, color=stock_color, bold=True, max_lines=2, valign="center"),
                    *self._aisle(product), gap=gap, align="center",
                    padding=Insets(gap // 2, margin, gap // 2, margin), widget=kit.panel("surface"),
                    height=fit(min=theme.size("touch_target") + gap)),
                self._ways())

    def _aisle(self, product: Any, size: str = "title") -> list[Box]:
        """The aisle, a button that shows it on the map where the store has one; none outside the store."""
        t, kit = self.ctx.t, self.kit
        if not product.aisle or not self.in_store_shown:
            return []
        if self.ctx.shop.catalog.store_map() is not None:
            return [kit.button(t("Aisle {aisle}: show on the map", aisle=product.aisle), self.show_map,
                               style="ghost", size=size, shown=self.aisle_words(product.aisle),
                               note=t("see the map"))]
        return [kit.words(self.aisle_words(product.aisle), size="title", bold=True, width=fit(),
                          max_lines=1)]

    def _ways(self) -> Box:
        """The ways to go on: send it to my phone, call an adviser (in a store that is open)."""
        ctx, t, kit = self.ctx, self.ctx.t, self.kit
        ways = [kit.button(t("Send to my phone"), self.share, style="secondary", size="text", width=flex())]
        if ctx.shop.fleet.available and self.in_store_shown:  # (nobody comes to a closed store's window)
            ways.append(kit.button(t("Call an adviser"), lambda: call_adviser(ctx, f"product {self.sku}"),
                                   style="secondary", size="text", width=flex()))
        return row(*ways, gap=ctx.theme.size("gap"), fold=True)

    def _more(self, product: Any, specs: Any, described: bool = False) -> list[Box]:
        """What follows the choices: the description (unless `described` above them), films, what others
        bought, specifications, testimonials and reviews."""
        ctx, theme = self.ctx, self.ctx.theme
        margin = theme.size("margin")
        parts: list[Box] = []
        description = pick(product.description, ctx.lang)
        if description and not described:
            parts.append(self.kit.words(description))
        parts += product_films(self, product.sku, product.title(ctx.lang))
        parts += self._bought_together()
        parts += self._specs(product, specs)
        room = ctx.size[0] * 3 // 5 if self.wide(ctx.size) else ctx.size[0] - 2 * margin
        parts += testimonials_section(self, ctx.shop.catalog.testimonials(sku=product.sku), room)
        parts += self._reviews(product.sku)
        return parts

    def _bought_together(self) -> list[Box]:
        """"Customers who bought this also bought", from the till's baskets (ranked for a member)."""
        ctx = self.ctx
        products = in_stock_first(ctx.shop.catalog.bought_together([self.sku], ctx.session.member, limit=6), 3)
        if not products:
            return []
        room = ctx.size[0] * 3 // 5 if self.wide(ctx.size) else ctx.size[0]
        return [self.section(ctx.t("Customers who bought this also bought")),
                suggestion_cards(ctx, room - 2 * ctx.theme.size("margin"), products, self.open_other)]

    def open_other(self, sku: str) -> None:
        """Another product's page, on top of this one (Back returns here)."""
        self.ctx.show(self.ctx.routes.product(sku))

    def _variant_chips(self, aside: Box | None = None) -> list[Box]:
        """The sizes or colours to choose from, each with its stock; marked when one must be chosen. `aside`
        stands at the end of their heading's line (the stock, on a landscape window), or alone without them; while
        one must be chosen too, the message in the heading's place and a red frame around the sizes (each says
        its stock) under it."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        self._chips_box = None
        if not self.variants:
            return [aside] if aside is not None else []
        if self.choice_missing:  # "Add to cart" without one: the picker itself says so
            what = t("Choose a size first") if self.variants[0].size else t("Choose a colour first")
        else:
            what = t("Choose a size") if self.variants[0].size else t("Choose a colour")
        # the chosen one edged thick and ticked, a radio that speech says "chosen" (filled in the primary colour, it
        # read as one more button: accessible mode's yellow is every button's fill, designer's review)
        chips = [kit.choice(variant.label(ctx.lang), partial(self._choose, variant),
                            chosen=self.variant is not None and self.variant.sku == variant.sku,
                            note=self.variant_note(variant), width=fit(min=theme.size("thumb") * 2 // 3))
                 for variant in self.variants]
        widest = max(chip.natural(ctx.size[0])[0] for chip in chips)  # the cells share the page's width
        marked = kit.panel("highlight" if self.choice_missing else "", border="danger" if self.choice_missing
                           else "")
        heading = kit.words(what, bold=True, heading=True, color="danger" if self.choice_missing else "text")
        gap = theme.size("gap")
        if aside is not None:  # (while a size must be chosen too: the page keeps its arrangement, nothing moves;
            # the heading on the row's foot, right over the sizes, where the aisle beside it takes two lines)
            heading = row(heading, aside, gap=gap, align="end")
        # the message in the heading's place, over a red frame around the sizes only: the stock and the aisle on
        # its line stay where they were, outside the frame (a green "In stock" inside it read as part of the
        # error; taking them out of the line moved them and the ways under the picture: designer's reviews).
        # A gap inside the frame on each side, chosen or not (the sizes never move when it shows): at half a
        # gap, the sizes touched the red edge; half a gap over and under them (a taller frame scrolled the
        # accessible tablet's sizes out of reach)
        # (as many sizes to a row as with half a gap inside: the cells give back the frame's room)
        sizes = column(grid(*chips, gap=gap, cell_min=widest, cell_slack=gap),
                       padding=Insets(gap // 2, gap, gap // 2, gap), widget=marked)
        self._chips_box = column(column(heading, padding=Insets(0, gap, 0, gap)), sizes, gap=gap // 2)
        return [self._chips_box]

    def _show_chips(self) -> None:
        """Scroll the sizes or colours into view (below the fold on a short or accessible screen)."""
        page, chips = self._page, self._chips_box
        if page is None or chips is None:
            return
        top, bottom = chips.rect.top, chips.rect.bottom
        margin = self.ctx.theme.size("margin")
        if top < page.scroll or bottom > page.scroll + page.rect.height:
            page.scroll_to(top - margin)

    def _choose(self, variant: Variant) -> None:
        self.variant = variant  # a colour with its own pictures shows them (build asks the gallery)
        self.ctx.session.choose(self.sku, variant.sku)  # (and what the shopper shares or compares says it)
        self.choice_missing = False
        self._keep_scroll_rebuild()

    def _specs(self, product: Any, specs: Any) -> list[Box]:
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        gap = theme.size("gap")
        lines = []
        for index, spec in enumerate(spec for spec in specs if spec.key in product.specs):
            stripe = kit.panel("surface" if index % 2 == 0 else "", radius=False)
            value = format_spec_value(product.specs[spec.key], spec, ctx.lang, t, ctx.fmt.number)
            lines.append(row(kit.words(pick(spec.label, ctx.lang), color="muted", valign="center"),
                             kit.words(value, bold=True, align="right", valign="center"),
                             gap=gap, padding=Insets(gap // 2, gap, gap // 2, gap), widget=stripe,
                             height=fit(min=theme.size("touch_target") * 3 // 4)))
        return [self.section(t("Specifications")), column(*lines)]

    def _reviews(self, sku: str) -> list[Box]:
        ctx, theme, t, fmt, kit = self.ctx, self.ctx.theme, self.ctx.t, self.ctx.fmt, self.kit
        gap = theme.size("gap")
        catalog = ctx.shop.catalog
        histogram = catalog.rating_histogram(sku)
        total = sum(histogram.values())
        parts = [row(self.section(t("Customer reviews")),
                     kit.button(t("Write a review"), self.write_review, style="secondary", size="text",
                                width=fit()),
                     gap=gap, align="center", fold=True)]
        if total == 0:
            return [*parts, kit.words(t("No reviews yet."), color="muted")]
        bar_h = theme.size("star")
        for stars in range(5, 0, -1):
            count = histogram[stars]
            track = kit.panel("divider")
            filled = [leaf(kit.panel("star"), width=flex(count))] if count else []
            parts.append(row(kit.words(f"{stars} ★", color="muted", width=fixed(3 * bar_h), max_lines=1),
                             row(*filled, leaf(None, width=flex(total - count)), widget=track,
                                 height=fixed(bar_h // 2)),
                             kit.words(str(count), color="muted", align="right", width=fixed(2 * bar_h),
                                       max_lines=1),
                             gap=gap, align="center"))
        parts.append(flow(*(kit.button(label, partial(self._order, order), size="text",
                                       style="chip_on" if self.review_order == order else "chip_off")
                            for order, label in (("newest", t("Newest")), ("helpful", t("Most helpful")))), gap=gap))
        for review in catalog.reviews(sku, self.review_order, REVIEWS_SHOWN):
            card = kit.panel("surface")
            who = review.author or t("A customer")
            where = " · " + t("written in store") if review.in_store else ""
            written = LANGUAGE_NAMES.get(review.language) if review.language != ctx.lang else None
            where += " · " + t(written) if written else ""  # a review in another language says which
            media = media_thumbnails(ctx, kit, review)
            parts.append(column(row(kit.stars(review.stars, t("{rating} out of 5", rating=review.stars),
                                              theme.size("star")),
                                    kit.words(f"{who} · {fmt.date(review.date)}{where}", size="small",
                                              color="muted"), gap=gap, align="center"),
                                kit.words(review.text), *([media] if media is not None else []), gap=gap // 2,
                                padding=Insets.all(gap), widget=card))
        return parts

    def _actions(self) -> Box:
        """The bar at the bottom: add to cart with the price, and the comparison's two buttons; in one row
        on a landscape screen. The bar is as tall before the product is compared as after (its button's
        words change, and "Choose 1 more product" comes under "Compare (1)"): the page above it never moves."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        count = len(ctx.session.compare)
        product = ctx.shop.catalog.product(self.sku) if ctx.shop.config.orders.enabled else None
        price = ctx.fmt.price(self.paid_cents(product)) if product else ""

        one_more = t.plural("Choose {count} more product", "Choose {count} more products", 1)
        compare_size = self.comparison_size()

        def compare_button(reason: str, least: int, greyed: bool = False) -> Box:  # `greyed`: as it stands
            # with fewer than two products, for its room
            return kit.button(t("Compare ({count})", count=count), self.open_compare, style="secondary",
                              enabled=count >= 2 and not greyed, why=self.compare_why(), size=compare_size,
                              reason=reason, width=fit(min=least))  # never wraps

        # as wide with the words under it as without them (as wide as those words on one line, the 4K window's
        # French bar no longer held its ways to order and the comparison in one row: the page lost a row of sizes)
        least = compare_button(one_more, theme.size("thumb"), greyed=True).natural(ctx.size[0])[0]
        # and at least as wide as its reason on one line ("Encore 1 produit / à choisir" took two lines under it on
        # the tablet and at 1920x1080: designer's review)
        least = max(least, ctx.screen.text.width(one_more, theme.size("small")) + theme.size("gap"))

        # whether the product is compared: one tick box that says so, ticked or not, as the cards' ticks do (a
        # button said "Add to comparison", then "✓ In the comparison" and "Remove from comparison": two labels
        # for one state, designer's review), as wide as its words on one line
        def tick(comparing: bool) -> Box:
            return kit.toggle(t("In the comparison"), self._toggle_compare, checked=comparing, size=compare_size)

        toggle_w = tick(True).natural(ctx.size[0])[0]
        # its narrowest width with its words on two lines, none cut (where a row has not the room for one)
        said, cache = t("In the comparison"), ctx.screen.text
        beside = toggle_w - cache.width(said, theme.size(compare_size), True)  # its box, the room between, its padding

        def whole(lines: list[str]) -> bool:
            return len(lines) <= 2 and not any(line.endswith("…") for line in lines)

        # (tried from the first width on the way there that can hold them on two lines: each try wraps them, and
        # the twenty or so narrower ones were a fifth of the first product page's frame)
        step, said_size = max(1, theme.px(10)), theme.size(compare_size)
        two_lines = cache.two_lines_width(said, said_size, True) + beside  # (none narrower holds them on two)
        first = toggle_w // 2 + max(0, math.ceil((two_lines - toggle_w // 2) / step)) * step
        toggle_least = next((w for w in range(first, toggle_w, step)
                             if whole(cache.wrap(said, said_size, w - beside, True, 3))), toggle_w)

        def lines(comparing: bool, reason: str, counted: bool = True, one_row: bool = False,
                  loose: bool = True, greyed: bool = False) -> list[Box]:
            ticked = tick(comparing)
            ticked.width = flex(min=toggle_w)
            # nothing compared yet: no greyed "Compare (0)" taking the bar's prime room (designer's review), but its
            # room kept: the tick stays under the finger that ticks it (spanning the row until "Compare (1)" came,
            # it shrank under the finger, its "✓ In the comparison" then said on "Compare (1)", which a second tap
            # would open with two compared)
            compare = [ticked, compare_button(reason, least, greyed) if counted else
                       Box("leaf", width=fixed(compare_button("", least).natural(ctx.size[0])[0]))]
            ordering = self.order_buttons(price) if product else []
            if not ordering:
                made = [row(*compare, gap=gap, align="start")]
            elif one_row:
                made = [row(*ordering, *compare, gap=gap, align="start")]
            else:
                made = [*(row(*line, gap=gap) for line in self.order_rows(ordering, inner)),
                        row(*compare, gap=gap, align="start")]
            for line in made:  # a row that cannot give its buttons their words' room shares it by weight (its
                # words wrap: the larger text of accessible mode on a tablet): first the tick's words, on two lines
                # beside its box, then the buttons' (the French 4K window's accessible bar wrapped "Ajouter / au
                # panier" for want of 139 px)
                if loose and line.needs(inner) > inner:
                    ticked.width = flex(min=toggle_least)
                if loose and line.needs(inner) > inner:
                    for button in line.children:
                        if button.width.kind == "flex":
                            button.width = flex(button.width.value)
            return made

        # one row on a landscape screen where those have their words' room there, else two rows
        # (not in accessible mode: a taller bar pushed the 4K window's ways above the reach zone)
        inner = ctx.size[0] - 2 * margin
        one_row = self.wide(ctx.size) and (ctx.session.accessible or all(
            line.needs(inner) <= inner for line in lines(False, one_more, True, True, loose=False)))

        # the screen's margin under the bar where it stands on the bottom edge, as on its sides (its reason stood a
        # gap from that edge: designer's review); a gap over the header that stands under it in accessible mode
        foot = gap if self.bars_in_reach(ctx.size) else margin

        def bar(shown: list[Box]) -> Box:
            return column(*shown, gap=gap, padding=Insets(gap, margin, foot, margin))

        # (with its reason under it too when two are compared already: ticking the second made the bar shorter;
        # ticked or not, the tick box is as big)
        tallest = max(bar(lines(False, reason, True, one_row, greyed=True)).natural(ctx.size[0])[1]
                      for reason in ("", one_more))
        # (none chosen yet: "Add to comparison" beside it says what to do)
        shown = bar(lines(self.sku in ctx.session.compare, self.compare_reason() if count else "", count > 0,
                          one_row))
        shown.height = fit(min=tallest)
        return column(kit.rule(), shown, widget=kit.panel("surface", radius=False))

    def order_buttons(self, price: str) -> list[Box]:
        """The bar's ways to order: "Add to cart" with the price, its words on one line where the bar has room (a
        shop window adds "Buy now")."""
        shown = self.ctx.t("Add to cart · {price}", price=price)
        return [self.kit.button(self.ctx.t("Add to cart"), self._add_to_cart, style="accent",  # every main action
                                shown=shown, width=flex(2, min=self.kit.one_line("button", shown)))]

    def order_rows(self, ordering: list[Box], inner: int) -> list[list[Box]]:
        """The ways to order on the bar's rows where they stand above the comparison's: one row."""
        return [ordering]

    def comparison_size(self) -> str:
        """The text size of the bar's comparison buttons."""
        return "text"

    def chosen_or_ask(self) -> Product | None:
        """The product, once a size or colour is chosen where it has some; else None, and the picker says
        "choose a size first", scrolled into view (not a toast)."""
        product = self.ctx.shop.catalog.product(self.sku)
        if product is None:
            return None
        if self.variants and self.variant is None:
            self.choice_missing = True
            self._keep_scroll_rebuild()
            self._show_chips()
            return None
        return product

    def _add_to_cart(self) -> None:
        ctx = self.ctx
        product = self.chosen_or_ask()
        if product is None:
            return
        result = ctx.session.cart.add(product, self.variant, variants=self.variants)
        if result == "limit":
            ctx.toast(ctx.t("That is as many as we can take in one order."))
        else:
            ctx.toast(ctx.t("Added to your cart"), done=ctx.t("Added"))
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
        """In or out of the comparison; a fifth product asks which one it replaces."""
        product = self.ctx.shop.catalog.product(self.sku)
        toggle_compare(self.ctx, self.sku, product.title(self.ctx.lang) if product else self.sku,
                       self._keep_scroll_rebuild)

    def _order(self, order: str) -> None:
        self.review_order = order
        self._keep_scroll_rebuild()

    def _keep_scroll_rebuild(self) -> None:
        kept = 0.0
        if self._page is not None:
            kept = self._page.scroll
        self.rebuild()
        self.tree(self.ctx.size)
        if self._page is not None:
            self._page.scroll = min(kept, self._page.max_scroll)
