"""Take it home: the comparison (or a product) as a QR code for the shopper's phone."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.messages import ShortLinkReady
from kiosk.core.shopper.compare import build_comparison
from kiosk.core.shopper.share import StoreCard, payload, share_url
from kiosk.core.shopper.slip import Slip, slip_lines
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.variant_words import chosen_choices
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flex, leaf, row, scroll
from kiosk.ui.qr import QrCode, qr_version
from kiosk.ui.widgets import Root


class ShareScene(ShopScene):
    """A big QR code with the link; the link carries the products and the prices of today."""

    name = "share"

    def __init__(self, ctx: SceneContext, skus: list[str]) -> None:
        super().__init__(ctx)
        self.skus = list(skus)
        self.url = ""
        self.short_url = ""
        self.url_language = ""
        self.content: dict[str, Any] = {}

    def details(self) -> dict[str, Any]:
        """What the QR code carries (no personal data: products and prices)."""
        shown = self.shown_url
        return {"products": self.skus, "url": shown, "qr_version": qr_version(shown) if shown else 0}

    @property
    def shown_url(self) -> str:
        """The link in the QR code: the backend's short one when it gave one, else the full one."""
        return self.short_url or self.url

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the code: what it carries and what to do with it. The code itself stays
        within reach: a shopper in a wheelchair or a child holds the phone low."""
        t = self.ctx.t
        title = t("Your comparison on your phone") if len(self.skus) > 1 else t("This product on your phone")
        lines = (title, t("Point your phone's camera at the code."))
        if not self._short_zone(self.ctx.size):
            return lines
        today = self.ctx.fmt.date(self.ctx.clock.now().astimezone(ZoneInfo(self.ctx.shop.config.store.timezone)).date())
        return (*lines, t.plural("{count} product, prices of {date}. Nothing about you is in the code.",
                                 "{count} products, prices of {date}. Nothing about you is in the code.",
                                 len(self.skus), date=today))

    def _short_zone(self, size: tuple[int, int]) -> bool:
        """Whether the reach zone is short (a tablet's, about square): the code takes all its room, and what
        it carries is said in the strip above (a phone reads it from arm's length only when it is large)."""
        return bool(self.ctx.screen.offset) and size[1] < size[0] * 5 // 4

    def on_short_link_ready(self, message: ShortLinkReady) -> bool:
        """The backend shortened this scene's link: show the short one (an easier QR code)."""
        if message.long_url != self.url:
            return False
        self.short_url = message.short_url
        self.rebuild()
        return True

    def _link(self) -> str:
        ctx = self.ctx
        catalog = ctx.shop.catalog
        products = catalog.products(self.skus)
        choices = chosen_choices(ctx, products)  # the sizes and colours chosen: said and priced as chosen
        table = build_comparison(products, catalog.categories, ctx.lang, ctx.t, ctx.fmt.price, ctx.fmt.number,
                                 [choices[p.sku].words if p.sku in choices else "" for p in products])
        comparison = table if len(products) > 1 else None
        store = ctx.shop.config.store
        today = ctx.clock.now().astimezone(ZoneInfo(store.timezone)).date()
        card = StoreCard(store.address, tuple(str(span) for span in ctx.shop.hours.spans_on(today)),
                         ctx.shop.config.share.product_url)
        self.content = payload(products, comparison, store=store.name, language=ctx.lang,
                               currency=catalog.currency, day=today, card=card, specs=table, choices=choices)
        return share_url(ctx.shop.config.share.base_url, self.content)

    def build(self, size: tuple[int, int]) -> Root:
        """Title, the code, and what the phone will show."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        if not self.url or self.url_language != ctx.lang:  # the link's texts are in the shopper's language
            self.url, self.short_url, self.url_language = self._link(), "", ctx.lang
            ctx.shop.backend.shorten(self.url)
        count = len(self.skus)
        gap, kit = theme.size("gap"), self.kit
        title = t("Your comparison on your phone") if count > 1 else t("This product on your phone")
        today = ctx.fmt.date(ctx.clock.now().astimezone(ZoneInfo(ctx.shop.config.store.timezone)).date())
        what = t.plural("{count} product, prices of {date}. Nothing about you is in the code.",
                        "{count} products, prices of {date}. Nothing about you is in the code.", count, date=today)

        def texts() -> list[Box]:
            return [kit.words(title, size="title", sizes=("button", "text"), bold=True, align="center",
                              heading=True, max_lines=3),
                    kit.words(t("Point your phone's camera at the code."), align="center"),
                    kit.words(what, color="muted", align="center")]

        def buttons() -> Box | None:
            made = [kit.button(t("Send it to me by email"), self.email, style="secondary", size="text",
                               width=flex())] if ctx.shop.mail_enabled else []
            if ctx.shop.printer.available:
                made.append(kit.button(t("Print it"), self.print_slip, style="secondary", size="text", width=flex()))
            if ctx.session.member is not None and ctx.shop.backend.available:
                saved = tuple(dict.fromkeys(self.skus)) in ctx.session.saved_here
                made.append(kit.button(t("Saved in your account") if saved else t("Save to my account"),
                                       self.save, style="secondary", size="text", width=flex(),
                                       enabled=not saved, shown=("✓ " if saved else "") + (
                                           t("Saved in your account") if saved else t("Save to my account"))))
            done = kit.button(t("I'm done"), ctx.on_end_session, style="secondary", size="text", width=flex(),
                              note=t("Your choices are wiped from the screen"))
            if ctx.screen.offset:  # the reach zone is short: one row, for the code's room
                return row(*made, done, gap=gap, fold=True)
            return column(row(*made, gap=gap, fold=True), done, gap=gap) if made else done

        def code(side: int) -> Box:
            return column(leaf(QrCode((0, 0, 0, 0), self.shown_url, t("QR code to open on your phone")),
                               width=fixed(side), height=fixed(side)),
                          padding=Insets.all(gap), widget=kit.panel("surface"), width=fit())

        header = self.header(t("Take it with you")).natural(width)[1]
        room = height - header - theme.size("touch_target") - 2 * margin  # the status zone's room kept
        below = buttons()
        bar = [column(below, padding=Insets.all(margin))] if below is not None else []
        if ctx.screen.offset:  # reach mode: the title and what to do are said in the strip above; here the code,
            # as large as the reach zone lets it be, and what it carries
            # (what it carries is said under the code where the zone is tall enough, else in the strip above)
            said = [kit.words(what, color="muted", align="center")] if not self._short_zone(size) else []
            page_h = height - header - sum(b.natural(width)[1] for b in bar)  # a status scrolls the page
            side = max(theme.size("touch_target"), min(theme.size("qr"), width - 4 * margin,
                       page_h - sum(w.natural(width - 2 * margin)[1] + gap for w in said) - 2 * gap - 2 * margin))
            page = column(code(side), *said, gap=gap, align="center", justify="center", padding=Insets.all(margin),
                          height=flex())
            return self.screen(size, t("Take it with you"), scroll(page, t("Take it with you")), bottom=bar)
        if width > height:  # the code on the left, what to do with it on the right (a tablet in reach mode too)
            side = min(theme.size("qr"), room - 4 * margin, width // 2 - 3 * margin)
            beside = buttons()
            content = row(code(side), column(*texts(), *([beside] if beside is not None else []), gap=2 * gap),
                          gap=2 * margin, align="center", padding=Insets.all(margin))
            if content.natural(width)[1] <= room:
                return self.screen(size, t("Take it with you"), content)
            # a short room (a tablet's reach zone): the buttons stay in sight under what scrolls
            content = row(code(side), column(*texts(), gap=2 * gap), gap=2 * margin, align="center",
                          padding=Insets.all(margin))
            return self.screen(size, t("Take it with you"), scroll(content, t("Take it with you")), bottom=bar)
        words = column(*texts(), gap=gap)
        room -= words.natural(width - 2 * margin)[1] + 2 * gap + 4 * margin + sum(b.natural(width)[1] for b in bar)
        side = max(theme.size("touch_target"), min(theme.size("qr"), width - 4 * margin, room))
        shown = texts()
        # in the middle of the room above the actions, not at its top over an empty half
        page = column(shown[0], code(side), *shown[1:], gap=gap, align="center", justify="center",
                      padding=Insets.all(margin), height=flex())
        return self.screen(size, t("Take it with you"), scroll(page, t("Take it with you")), bottom=bar)

    def print_slip(self) -> None:
        """Send the slip to the printer; the toast says how it went."""
        ctx = self.ctx
        job = str(uuid.uuid4())
        ctx.print_jobs.add(job)
        ctx.shop.printer.submit(Slip(job, tuple(slip_lines(self.content, ctx.t, ctx.fmt.price)), self.shown_url))
        ctx.toast(ctx.t("Printing..."), done=ctx.t("Sent to the printer"))

    def save(self) -> None:
        """Keep these products in the member's account (the backend gives them back at the next visit)."""
        if self.ctx.actions.save_list(self.skus):
            self.ctx.toast(self.ctx.t("Saved in your account: it will be here at your next visit."),
                           short=self.ctx.t("Saved in your account"))
        self.rebuild()

    def email(self) -> None:
        """Ask for an address."""
        self.ctx.show(self.ctx.routes.email(self.content, self.shown_url))
