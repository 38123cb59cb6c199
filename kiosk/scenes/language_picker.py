"""The language picker: every language the store offers, each written in its own language (no flags)."""

from __future__ import annotations

from functools import partial
from typing import Any

from kiosk.scenes.base import LANGUAGE_NAMES, ShopScene
from kiosk.ui.layout import Box, fit
from kiosk.ui.widgets import Panel, Root


class LanguagePicker(ShopScene):
    """A dialog over the current scene; a language closes it and the whole interface follows."""

    name = "language"
    modal = True

    def details(self) -> dict[str, Any]:
        """The languages offered, and the one in use."""
        return {"languages": list(self.ctx.shop.config.store.languages), "language": self.ctx.lang}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the dialog: what the strip said over the screen under it, dimmed with it. The
        dialog asks its question in every language itself (the other languages' question stood in the strip, far
        from the dialog that asked it in the session's: designer's review)."""
        return self.banner_under()

    def banner_behind(self) -> bool:
        """The strip's words are the screen's under the dialog: dimmed with it."""
        return True

    def asked(self) -> tuple[str, ...]:
        """In accessible mode, "Choose your language" in each other language the store offers, said under the
        dialog's title, so that a shopper who does not read the session's language finds theirs."""
        if not self.ctx.session.accessible:
            return ()
        shop = self.ctx.shop
        title = self.ctx.t("Choose your language")
        said = (shop.t(language)("Choose your language") for language in shop.config.store.languages)
        return tuple(line for line in dict.fromkeys(said) if line != title)

    def build(self, size: tuple[int, int]) -> Root:
        """One wide button a language, the current one marked, and Cancel to keep it."""
        ctx, kit = self.ctx, self.kit

        def choices(box: Panel) -> list[Box]:
            made = []
            for language in ctx.shop.config.store.languages:
                current = language == ctx.lang
                name = LANGUAGE_NAMES.get(language, language)
                # the current one in the look of every chosen option (a size's: tinted, ticked; it was filled
                # yellow with the font's tick: designer's review), the others edged in the primary colour (Cancel,
                # under them, in the quiet grey: not read as one more language)
                made.append(kit.choice(name, partial(self.choose, language), chosen=True, size="button") if current
                            else kit.button(name, partial(self.choose, language), style="secondary"))
            return made

        root = self.dialog(size, ctx.t("Choose your language"), choices,
                           # its own row under the languages, a real button in the quiet chip's look (its grey
                           # edge, its words in the text's colour): outlined as the languages are, it was read as
                           # a sixth language; as bare underlined words, not as a button (designer's reviews)
                           lambda box: [kit.button(ctx.t("Cancel"), ctx.back, style="chip",
                                                   width=fit(min=3 * ctx.theme.size("touch_target")))],
                           choices=True, asked=self.asked())
        root.on_tap = ctx.back  # a touch outside keeps the language
        return root

    def choose(self, language: str) -> None:
        """Close the picker, then speak the chosen language everywhere."""
        self.ctx.back()
        if language != self.ctx.lang:
            self.ctx.set_language(language)
