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
from kiosk.ui.layout import Box, fit, flow
from kiosk.ui.widgets import Root

MIN_TEXT = 10
MAX_TEXT = 500
MAX_NAME = 30


class ReviewScene(ShopScene):
    """Two steps: stars and text, then the first name (optional) and "Publish"."""

    name = "review"

    def __init__(self, ctx: SceneContext, sku: str) -> None:
        super().__init__(ctx)
        self.sku = sku
        self.step = "text"
        self.stars = 0
        self.typed = {"text": "", "author": ""}

    def details(self) -> dict[str, Any]:
        """The step, the stars and whether it can go on (not the text: it is the shopper's until sent)."""
        return {"step": self.step, "stars": self.stars, "product": self.sku, "ready": self._ready()}

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

            root, *_ = self.text_entry(size, t("Your review of {name}", name=name), self.typed["text"],
                                       t("What did you like, or not?"), self.key,
                                       action=lambda: kit.button(t("Next"), self.next_step, style="accent",
                                                                 enabled=self._ready(), reason=self._reason()),
                                       parts=stars)
            return root
        root, *_ = self.text_entry(size, t("Your first name (optional)"), self.typed["author"], t("First name"),
                                   self.key, action=lambda: kit.button(t("Publish"), self.publish,
                                                                              style="accent"),
                                   parts=lambda compact: [kit.words(t("Your review shows once the store has read "
                                                                      "it, with your first name if you give it."),
                                                                    size="small", color="muted")])
        return root

    def _rate(self, stars: int) -> None:
        self.stars = stars
        self.rebuild()

    def key(self, key: str) -> None:
        """A key of the on-screen keyboard, for the field of this step."""
        if key == ENTER:
            self.next_step()
            return
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
        ctx.toast(ctx.t("Thank you! Your review will show once the store has read it."))
