"""Interface texts in the shopper's language, from gettext catalogues compiled with Babel
(kiosk/shipped/locale/LANG/LC_MESSAGES/kiosk.mo, made from kiosk.po by `content/tools/translations.py compile`).

English is the source language: a text missing from a catalogue shows in English, never as a key.
"""

from __future__ import annotations

import gettext
from pathlib import Path


def N_(text: str) -> str:
    """Mark a text for translation where it is defined; it is translated where it is shown."""
    return text


class Translator:
    """Translates interface texts into one language."""

    def __init__(self, language: str, catalogue: gettext.NullTranslations) -> None:
        self.language = language
        self._catalogue = catalogue

    def __call__(self, text: str, **values: object) -> str:
        """The translation of `text`, with `{name}` fields filled from `values`."""
        translated = self._catalogue.gettext(text)
        return translated.format(**values) if values else translated

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The translation in the form the language uses for `count` ("1 product", "2 products"; French
        also says "0 produit"), with `{count}` and the other fields filled."""
        return self._catalogue.ngettext(singular, plural, count).format(count=count, **values)


def load_catalogue(folder: Path, language: str, domain: str = "kiosk") -> gettext.NullTranslations:
    """One language's compiled catalogue; an empty one (English) for English or a missing file."""
    path = Path(folder) / language / "LC_MESSAGES" / f"{domain}.mo"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


class Translations:
    """Every language's translator, loaded once."""

    def __init__(self, folder: Path, languages: tuple[str, ...]) -> None:
        self._translators = {lang: Translator(lang, load_catalogue(folder, lang)) for lang in languages}

    def __getitem__(self, language: str) -> Translator:
        return self._translators.get(language) or Translator(language, gettext.NullTranslations())
