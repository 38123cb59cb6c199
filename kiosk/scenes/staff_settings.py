"""Staff's settings on the device: default language, session timeout, open/closed override."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from kiosk.scenes.base import LANGUAGE_NAMES, ShopScene
from kiosk.ui.widgets import Button, Label, Root

TIMEOUTS = (60.0, 90.0, 120.0, 180.0, 300.0)


class StaffSettingsScene(ShopScene):
    """Chips for each setting; a change is saved and applied at once."""

    name = "staff_settings"

    def details(self) -> dict[str, Any]:
        """The settings as staff left them (None: as the config says)."""
        local = self.ctx.shop.local
        return {"default_language": local.default_language, "idle_timeout_s": local.idle_timeout_s,
                "closed_override": local.closed_override}

    def build(self, size: tuple[int, int]) -> Root:
        """Three rows of chips."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        root = Root((0, 0, width, height))
        y = self.header(root, t("Settings")) + margin
        shop, local = ctx.shop, ctx.shop.local
        chip_h = theme.size("touch_target")

        def row(title: str, chips: list[tuple[str, bool, Callable[[], None]]], spoken: str = "{value}") -> None:
            nonlocal y
            root.add(Label((margin, y, width - 2 * margin, theme.px(56)), title, size="title", bold=True,
                           heading=True))
            y += theme.px(70)
            per_row = min(len(chips), 2 if any(len(label) > 12 for label, _, _ in chips) else 3)
            chip_w = (width - 2 * margin - gap * (per_row - 1)) // per_row
            for index, (label, chosen, action) in enumerate(chips):
                x = margin + (index % per_row) * (chip_w + gap)
                chip_y = y + (index // per_row) * (chip_h + gap)
                root.add(Button((x, chip_y, chip_w, chip_h), spoken.replace("{value}", label), action,
                                style="chip_on" if chosen else "chip", size="text", shown=label))
            y += -(-len(chips) // per_row) * (chip_h + gap) + theme.px(30)

        language = local.default_language or shop.config.store.default_language
        row(t("Language at the start of a session"),
            [(LANGUAGE_NAMES.get(code, code), code == language, partial(shop.change_settings, default_language=code))
             for code in shop.config.store.languages], t("Sessions start in {value}"))
        timeout = local.idle_timeout_s or shop.config.session.idle_timeout_s
        row(t("Session ends after (no touch)"),
            [(t("{seconds} s", seconds=int(value)), value == timeout,
              partial(shop.change_settings, idle_timeout_s=value)) for value in TIMEOUTS])
        override = local.closed_override
        row(t("Shop window"),
            [(t("Follow the opening hours"), override is None, partial(shop.set_closed_override, None)),
             (t("Open"), override is False, partial(shop.set_closed_override, False)),
             (t("Closed"), override is True, partial(shop.set_closed_override, True))])
        return root
