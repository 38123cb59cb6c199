"""The language picker: every language the store offers, each written in its own language (no flags)."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.scenes.base import LANGUAGE_NAMES, ShopScene
from kiosk.ui.widgets import Button, Root


class LanguagePicker(ShopScene):
    """A dialog over the current scene; a language closes it and the whole interface follows."""

    name = "language"
    modal = True

    def details(self) -> dict[str, Any]:
        """The languages offered, and the one in use."""
        return {"languages": list(self.ctx.shop.config.store.languages), "language": self.ctx.lang}

    def build(self, size: tuple[int, int]) -> Root:
        """One wide button a language, the current one marked."""
        ctx, theme = self.ctx, self.ctx.theme
        languages = ctx.shop.config.store.languages
        button_h = theme.size("touch_target") + theme.px(10)
        gap = theme.px(20)
        root, box, inner = self.dialog(size, theme.px(200) + len(languages) * (button_h + gap),
                                       ctx.t("Choose your language"))
        root.on_tap = ctx.back  # a touch outside keeps the language
        y = inner.y + theme.px(100)
        for language in languages:
            current = language == ctx.lang
            name = LANGUAGE_NAMES.get(language, language)
            box.add(Button((inner.x, y, inner.width, button_h), name, partial(self.choose, language),
                           style="primary" if current else "secondary", shown=f"✓ {name}" if current else name))
            y += button_h + gap
        return root

    def choose(self, language: str) -> None:
        """Close the picker, then speak the chosen language everywhere."""
        self.ctx.back()
        if language != self.ctx.lang:
            self.ctx.set_language(language)
