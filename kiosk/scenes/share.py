"""Take it home: the comparison (or a product) as a QR code for the shopper's phone."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

import pygame

from kiosk.core.messages import ShortLinkReady
from kiosk.core.shopper.compare import build_comparison
from kiosk.core.shopper.share import payload, share_url
from kiosk.core.shopper.slip import Slip, slip_lines
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Insets, column, fit, fixed, flex, layout, leaf, row
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
        comparison = build_comparison(products, catalog.categories, ctx.lang, ctx.t, ctx.fmt.price,
                                      ctx.fmt.number) if len(products) > 1 else None
        store = ctx.shop.config.store
        today = ctx.clock.now().astimezone(ZoneInfo(store.timezone)).date()
        self.content = payload(products, comparison, store=store.name, language=ctx.lang,
                               currency=catalog.currency, day=today)
        return share_url(ctx.shop.config.share.base_url, self.content)

    def build(self, size: tuple[int, int]) -> Root:
        """Title, the code, and what the phone will show."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        top = self.header(root, t("Take it with you"))
        if not self.url or self.url_language != ctx.lang:  # the link's texts are in the shopper's language
            self.url, self.short_url, self.url_language = self._link(), "", ctx.lang
            ctx.shop.backend.shorten(self.url)
        count = len(self.skus)
        gap, kit = theme.size("gap"), self.kit
        area = pygame.Rect(0, top, width, height - top)
        title = t("Your comparison on your phone") if count > 1 else t("This product on your phone")
        today = ctx.fmt.date(ctx.clock.now().astimezone(ZoneInfo(ctx.shop.config.store.timezone)).date())
        what = t.plural("{count} product, prices of {date}. Nothing about you is in the code.",
                        "{count} products, prices of {date}. Nothing about you is in the code.", count, date=today)
        buttons = [kit.button(root, t("Send it to me by email"), self.email, style="secondary", size="text",
                              width=flex())] if ctx.shop.mail_enabled else []
        if ctx.shop.printer.available:
            buttons.append(kit.button(root, t("Print it"), self.print_slip, style="secondary", size="text",
                                      width=flex()))
        texts = [kit.words(root, title, size="title", sizes=("button", "text"), bold=True, align="center", heading=True,
                           max_lines=3),
                 kit.words(root, t("Point your phone's camera at the code."), align="center"),
                 kit.words(root, what, color="muted", align="center")]
        card = kit.panel(root, "surface")
        code = card.add(QrCode((0, 0, 0, 0), self.shown_url, t("QR code to open on your phone")))
        if width > height:  # the code on the left, what to do with it on the right (a tablet in reach mode too)
            side = min(theme.size("qr"), area.height - 4 * margin, width // 2 - 3 * margin)
            content = row(column(leaf(code, width=fixed(side), height=fixed(side)), padding=Insets.all(gap),
                                 widget=card, width=fit()),
                          column(*texts, row(*buttons, gap=gap, fold=True), gap=2 * gap),
                          gap=2 * margin, align="center", padding=Insets.all(margin))
            kit.at_top(content, area)
            return root
        actions = kit.at_bottom(row(*buttons, gap=gap, padding=Insets.all(margin), fold=True), area) if buttons \
            else pygame.Rect(0, area.bottom, width, 0)
        words = column(*texts, gap=gap)
        room = actions.top - area.top - words.natural(width - 2 * margin)[1] - 2 * gap - 4 * margin
        side = max(theme.size("touch_target"), min(theme.size("qr"), width - 4 * margin, room))
        texts.insert(1, column(leaf(code, width=fixed(side), height=fixed(side)), padding=Insets.all(gap),
                               widget=card, width=fit()))
        # in the middle of the room above the actions, not at its top over an empty half
        layout(column(*texts, gap=gap, align="center", justify="center", padding=Insets.all(margin), height=flex()),
               pygame.Rect(0, top, width, actions.top - top))
        return root

    def print_slip(self) -> None:
        """Send the slip to the printer; the toast says how it went."""
        ctx = self.ctx
        job = str(uuid.uuid4())
        ctx.print_jobs.add(job)
        ctx.shop.printer.submit(Slip(job, tuple(slip_lines(self.content, ctx.t, ctx.fmt.price)), self.shown_url))
        ctx.toast(ctx.t("Printing..."))

    def email(self) -> None:
        """Ask for an address."""
        self.ctx.show(self.ctx.routes.email(self.content, self.shown_url))
