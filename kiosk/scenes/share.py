"""Take it home: the comparison (or a product) as a QR code for the shopper's phone."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.compare import build_comparison
from kiosk.core.messages import ShortLinkReady
from kiosk.core.share import payload, share_url
from kiosk.core.slip import Slip, slip_lines
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.qr import QrCode, qr_version
from kiosk.ui.widgets import Button, Label, Panel, Root


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
        y = top + theme.px(60)
        count = len(self.skus)
        title = t("Your comparison on your phone") if count > 1 else t("This product on your phone")
        root.add(Label((margin, y, width - 2 * margin, theme.px(120)), title, size="title", bold=True,
                       align="center", heading=True, wrap=True, max_lines=2))
        y += theme.px(180)
        side = min(width - 4 * margin, theme.px(720), height // 2)
        card = root.add(Panel(((width - side) // 2 - theme.px(24), y - theme.px(24), side + theme.px(48),
                               side + theme.px(48)), "surface"))
        card.add(QrCode(((width - side) // 2, y, side, side), self.shown_url, t("QR code to open on your phone")))
        y += side + theme.px(70)
        root.add(Label((margin, y, width - 2 * margin, theme.px(60)), t("Point your phone's camera at the code."),
                       align="center"))
        y += theme.px(70)
        today = ctx.fmt.date(ctx.clock.now().astimezone(ZoneInfo(ctx.shop.config.store.timezone)).date())
        what = t.plural("{count} product, prices of {date}. Nothing about you is in the code.",
                        "{count} products, prices of {date}. Nothing about you is in the code.", count, date=today)
        root.add(Label((margin, y, width - 2 * margin, theme.px(100)), what, color="muted", align="center", wrap=True))
        buttons = [(t("Send it to me by email"), self.email)] if ctx.shop.mail_enabled else []
        if ctx.shop.printer.available:
            buttons.append((t("Print it"), self.print_slip))
        gap = theme.size("gap")
        button_w = (width - 2 * margin - gap * (len(buttons) - 1)) // max(1, len(buttons))
        for index, (label, action) in enumerate(buttons):
            root.add(Button((margin + index * (button_w + gap), height - margin - theme.px(110), button_w,
                             theme.px(110)), label, action, style="secondary", size="text"))
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
