"""The shop window's attract loop, with the store's open/closed state (its shop: window_home.py).

Open, the window says "come in" and shows what is in stock; closed, it says when the store opens
and takes orders to collect then (or to deliver).
"""

from __future__ import annotations

from typing import Any

from kiosk.scenes.attract import AttractScene
from kiosk.scenes.store_status import store_status
from kiosk.ui.layout import Box, Insets, column, row, text
from kiosk.ui.widgets import Label, Panel


class WindowAttractScene(AttractScene):
    """The playlist scheduled for the window, under a band that says open or closed and what to do."""

    name = "attract"

    def status_key(self) -> str:
        """The band changes when the store opens or closes."""
        return store_status(self.ctx).sentence

    def details(self) -> dict[str, Any]:
        """The slide, and the store's state as the band says it."""
        status = store_status(self.ctx)
        return {**super().details(), "open": status.open, "status": status.sentence}

    def call_to_action(self, size: tuple[int, int], ink: str) -> Box:
        """A wide band at the bottom: open/closed in big letters, and what a touch does. The slide is laid
        out above it, never under it."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        status = store_status(ctx)
        invite = t("Come in! Touch to see what is in stock.") if status.open else \
            t("Order now, collect when we open: touch the window.")
        band = Panel((0, 0, 0, 0), "primary" if status.open else "accent", radius=False)
        on_band = "on_primary" if status.open else "on_accent"
        cache = ctx.screen.text
        # the one instruction to passers-by is never cut: three lines, a size smaller, before that
        lines = [text(Label((0, 0, 0, 0), words, size=size_name, bold=bold, color=on_band, align="center", wrap=True,
                            valign="top"), cache, theme, max_lines=lines, sizes=sizes)
                 for words, size_name, bold, lines, sizes in (
                     (status.headline, "headline", True, 2, ()), (status.detail, "title", True, 2, ()),
                     (invite, "title", False, 3, ("button",))) if words]
        margin = theme.size("margin") * 2
        side = margin + theme.size("touch_target") if width > height else margin  # the button's end of the band
        content = column(*lines, gap=theme.size("gap") // 2, padding=Insets(margin // 2, side, margin // 2, side),
                         widget=band)
        button = row(self.accessibility_button(), padding=Insets(theme.size("margin"), theme.size("margin"), 0,
                                                                  theme.size("margin")))
        if width > height:  # the slide's text runs wide: the button stands on the band's left end, kept free
            return Box("stack", [content, column(button)])
        return column(button, content, gap=theme.size("margin"))
