"""Staff's settings on the device: default language, session timeout, open/closed override."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from kiosk.scenes.base import LANGUAGE_NAMES, ShopScene
from kiosk.ui.layout import Box, Insets, column, fit, flow, scroll
from kiosk.ui.widgets import Root

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
        """Three groups of chips."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        shop, local = ctx.shop, ctx.shop.local

        def group(title: str, chips: list[tuple[str, bool, Callable[[], None]]], spoken: str = "{value}") -> list[Box]:
            return [self.section(title),
                    flow(*(kit.button(spoken.replace("{value}", label), action, size="text", shown=label,
                                      style="chip_on" if chosen else "chip_off",
                                      width=fit(min=theme.size("tile_width") // 2))
                           for label, chosen, action in chips), gap=gap)]

        language = local.default_language or shop.config.store.default_language
        timeout = local.idle_timeout_s or shop.config.session.idle_timeout_s
        override = local.closed_override
        return self.screen(size, t("Settings"), scroll(column(
            *group(t("Language at the start of a session"),
                   [(LANGUAGE_NAMES.get(code, code), code == language,
                     partial(shop.change_settings, default_language=code)) for code in shop.config.store.languages],
                   t("Sessions start in {value}")),
            *group(t("Session ends after (no touch)"),
                   [(t("{seconds} s", seconds=int(value)), value == timeout,
                     partial(shop.change_settings, idle_timeout_s=value)) for value in TIMEOUTS]),
            *group(t("Shop window"),
                   [(t("Follow the opening hours"), override is None, partial(shop.set_closed_override, None)),
                    (t("Open"), override is False, partial(shop.set_closed_override, False)),
                    (t("Closed"), override is True, partial(shop.set_closed_override, True))]),
            gap=gap, padding=Insets.all(margin)), t("Settings")))
