"""Leave a review at the kiosk: stars, a short text, an optional first name; then the outbox.

The review goes to the backend (`POST /reviews`) for moderation and shows on the product page only
once approved (it comes back in a content pack, marked as written in the store).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, Insets, column, first_that_fits, fit, fixed, flex, flow, leaf, row
from kiosk.ui.widgets import Root, TextField

MIN_TEXT = 10
MAX_TEXT = 500
MAX_NAME = 30


class ReviewScene(ShopScene):
    """Two steps: stars and text, then the first name (optional) and "Publish". The stars come first, large,
    with the field under them and no keyboard; the keyboard comes up once the shopper goes to the field (a
    tap on it, or typing on a keyboard of their own)."""

    name = "review"

    def __init__(self, ctx: SceneContext, sku: str) -> None:
        super().__init__(ctx)
        self.sku = sku
        self.step = "text"
        self.stars = 0
        self.typed = {"text": "", "author": ""}
        self.typing = False  # the keyboard is up (the shopper went to the text field)

    def details(self) -> dict[str, Any]:
        """The step, the stars and whether it can go on (not the text: it is the shopper's until sent)."""
        return {"step": self.step, "stars": self.stars, "product": self.sku, "ready": self._ready(),
                "keyboard": self.typing or self.step != "text"}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the form: the product reviewed, and the stars chosen once the page under it
        no longer shows them (on the first step it does: "No stars yet" was said twice)."""
        ctx, t = self.ctx, self.ctx.t
        product = ctx.shop.catalog.product(self.sku)
        name = product.title(ctx.lang) if product else self.sku
        if self.step == "text":
            return (t("Your review of {name}", name=name),)
        stars = t("{rating} out of 5", rating=self.stars) if self.stars else t("No stars yet")
        return (t("Your review of {name}", name=name), "★" * self.stars + "☆" * (5 - self.stars) + "  " + stars)

    def banner_picture(self) -> str:
        """In reach mode, beside those lines: the product's picture."""
        product = self.ctx.shop.catalog.product(self.sku)
        return str(self.ctx.shop.image(product.image)) if product is not None and product.image else ""

    def _ready(self) -> bool:
        return self.stars > 0 and len(self.typed["text"].strip()) >= MIN_TEXT

    def _reason(self) -> str:
        """Why "Next" cannot be used yet: the stars first, then enough words."""
        if not self.stars:
            return self.ctx.t("Choose the stars first")
        if len(self.typed["text"].strip()) < MIN_TEXT:
            return self.ctx.t("At least {count} letters", count=MIN_TEXT)
        return ""

    def build(self, size: tuple[int, int]) -> Root:
        """The field of the step, the stars and the button between it and the keyboard."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        product = ctx.shop.catalog.product(self.sku)
        name = product.title(ctx.lang) if product else self.sku
        if self.step == "text" and not self.typing:
            return self._stars_first(size, t("Your review of {name}", name=name))
        if self.step == "text":
            def stars(compact: bool) -> list[Box]:  # compact: without the line that only explains
                note = [] if compact else [kit.words(t("Choose the stars, then a few words ({count} letters at "
                                                       "least).", count=MIN_TEXT), size="small", color="muted")]
                # the stars filled up to the rating chosen, and the rating in words beside them
                said = kit.words(t("{rating} out of 5", rating=self.stars) if self.stars else t("No stars yet"),
                                 bold=bool(self.stars), color="text" if self.stars else "muted", max_lines=2,
                                 width=fit(), valign="center")
                return [flow(*(kit.rating_star(t("{count} stars", count=count) if count > 1 else t("1 star"),
                                               partial(self._rate, count), lit=count <= self.stars,
                                               chosen=count == self.stars)
                               for count in range(1, 6)), said, gap=theme.size("gap")), *note]

            root, _ = self.text_entry(size, t("Your review of {name}", name=name), self.typed["text"],
                                      t("What did you like, or not?"), self.key,
                                      action=lambda: kit.button(t("Next"), self.next_step, style="accent",
                                                                enabled=self._ready(), reason=self._reason()),
                                      parts=stars, enter=t("Next"))
            return root
        root, *_ = self.text_entry(size, t("Your first name (optional)"), self.typed["author"], t("First name"),
                                   self.key, action=lambda: kit.button(t("Publish"), self.publish,
                                                                              style="accent"),
                                   parts=lambda compact: [kit.words(t("Your review shows once the store has read "
                                                                      "it, with your first name if you give it."),
                                                                    size="small", color="muted")])
        return root

    def _stars_first(self, size: tuple[int, int], title: str) -> Root:
        """The first thing the shopper does: the stars, large, and how many they chose in words; under them (or
        beside them, in a short room) the text field (a tap brings the keyboard) and "Next". With it the product
        (in reach mode, above the reach zone), so that the shopper sees what they rate."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        width = size[0]
        wide = self.wide(size)
        column_w = (width - 3 * margin) // 2 if wide and not ctx.session.accessible else width - 2 * margin

        def stars(side: int) -> Box:
            return row(*(kit.rating_star(t("{count} stars", count=count) if count > 1 else t("1 star"),
                                         partial(self._rate, count), lit=count <= self.stars,
                                         chosen=count == self.stars, side=side)
                         for count in range(1, 6)), gap=gap, justify="center")

        def said() -> Box:
            return kit.words(t("{rating} out of 5", rating=self.stars) if self.stars else t("No stars yet"),
                             size="title", bold=bool(self.stars), color="text" if self.stars else "muted",
                             align="center", max_lines=1)

        def note() -> Box:
            return kit.words(t("Choose the stars, then a few words ({count} letters at least).", count=MIN_TEXT),
                             color="muted", align="center", max_lines=3)

        def field() -> Box:
            # no caret before the shopper taps it (one stood in the field as if it were in use: designer's review)
            made = TextField((0, 0, 0, 0), self.typed["text"], t("What did you like, or not?"),
                             max_lines=2 if ctx.session.accessible else 1, caret=self.typing)
            made.on_tap = self.start_typing
            box = leaf(made)
            box.measure = lambda room: (room, made.height_for(theme, ctx.screen.text, room))
            return box

        def action() -> Box:
            return row(leaf(None), kit.button(t("Next"), self.next_step, style="accent", enabled=self._ready(),
                                              reason=self._reason()))

        large = min(round(theme.size("touch_target") * (1.5 if wide else 2)), (column_w - 4 * gap) // 5)
        around = Insets.all(margin)
        forms = [column(stars(large), said(), note(), field(), action(), gap=gap, padding=around),
                 column(stars(0), said(), field(), action(), gap=gap, padding=around)]
        if wide:  # a short room: the stars beside the field and "Next"
            forms.append(row(column(stars(0), said(), gap=gap), column(field(), action(), gap=gap), gap=margin,
                             padding=around))
        reach_top = self.out_of_reach(size)
        if reach_top:  # in reach mode, at the bottom of the room: within reach
            forms = [column(leaf(None, height=flex()), made, height=flex()) for made in forms]
        elif ctx.screen.offset:  # a portrait screen's reach zone, all of it within reach: the parts spread over it
            for made in forms:  # (at its bottom, they left an empty band under the strip above: designer's review)
                made.justify, made.height = "between", flex()
        form = first_that_fits(*forms, height=flex())
        if reach_top:  # the product above the reach zone, the form within reach
            body = column(self.reach_summary(width, reach_top, title), form, height=flex())
        elif ctx.screen.offset:  # a portrait screen's reach zone: the product is shown above it
            body = form
        elif wide:  # the product it is about beside the stars
            body = row(column(self._product_line(column_w // 2), justify="center", width=fixed(column_w)), form,
                       gap=margin, align="center", height=flex())
        else:  # the product it is about over the stars, its picture as large as the room lets it be (a small one
            # in the middle of the screen left an empty band over it and under the form: designer's review)
            room = size[1] - self.header(title).natural(width)[1] - forms[0].natural(width)[1] - margin
            picture = max(min(width // 3, 2 * theme.size("thumb")), min(theme.size("picture"), width * 3 // 5, room))
            body = column(leaf(None, height=flex()), self._product_line(picture),
                          column(form, height=fit()), leaf(None, height=flex()), height=flex())
        return self.screen(size, title, body)

    def _product_line(self, picture: int) -> Box:
        """The product being reviewed: its picture (`picture` pixels at most) and name."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        product = ctx.shop.catalog.product(self.sku)
        if product is None:
            return leaf(None, height=fixed(0))
        margin, gap = theme.size("margin"), theme.size("gap")
        return row(kit.picture(ctx.shop.image(product.image), picture),
                   column(kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                          kit.words(product.title(ctx.lang), size="title", bold=True, max_lines=2), gap=gap // 2,
                          justify="center"),
                   gap=gap, align="center", padding=Insets(margin, margin, 0, margin))

    def start_typing(self) -> None:
        """The shopper went to the text field: the keyboard comes up."""
        if not self.typing:
            self.typing = True
            self.rebuild()

    def _rate(self, stars: int) -> None:
        self.stars = stars
        self.rebuild()

    def key(self, key: str) -> None:
        """A key of the on-screen keyboard, for the field of this step."""
        if key == ENTER:
            self.next_step()
            return
        self.typing = True
        field = "text" if self.step == "text" else "author"
        limit = MAX_TEXT if field == "text" else MAX_NAME
        text = self.typed[field]
        self.typed[field] = (text[:-1] if key == BACKSPACE else text + key)[:limit]
        self.rebuild()

    def on_text(self, text: str) -> bool:
        """Typed text (automation `type`, or a physical keyboard)."""
        for char in text:
            self.key(char)
        return True

    def next_step(self) -> None:
        """From the text to the name."""
        if self.step == "text" and self._ready():
            self.step = "author"
            self.rebuild()

    def publish(self) -> None:
        """Into the outbox, for the backend's moderation; the shopper is told it shows once read."""
        ctx = self.ctx
        if not self._ready():
            return
        ctx.actions.write_review(self.sku, self.stars, self.typed["text"], self.typed["author"])
        self.typed = {"text": "", "author": ""}
        ctx.back()
        ctx.toast(ctx.t("Thank you! Your review will show once the store has read it."),
                  short=ctx.t("Thank you! We will read your review."))  # a narrow header's one line
