"""Interface texts in the shopper's language, from gettext catalogues (content/locale/LANG/LC_MESSAGES/kiosk.po).

English is the source language: a text missing from a catalogue shows in English, never as a key.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from babel.messages.pofile import read_po


def N_(text: str) -> str:
    """Mark a text for translation where it is defined; it is translated where it is shown."""
    return text


class Translator:
    """Translates interface texts into one language."""

    def __init__(self, language: str, messages: Mapping[str, str]) -> None:
        self.language = language
        self._messages = messages

    def __call__(self, text: str, **values: object) -> str:
        """The translation of `text`, with `{name}` fields filled from `values`."""
        translated = self._messages.get(text) or text
        return translated.format(**values) if values else translated


def load_catalogue(folder: Path, language: str, domain: str = "kiosk") -> dict[str, str]:
    """The messages of one language's .po file; empty for English or a missing file."""
    path = Path(folder) / language / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    return {str(m.id): str(m.string) for m in catalogue if m.id and isinstance(m.id, str) and m.string}


class Translations:
    """Every language's translator, loaded once."""

    def __init__(self, folder: Path, languages: tuple[str, ...]) -> None:
        self._translators = {lang: Translator(lang, load_catalogue(folder, lang)) for lang in languages}

    def __getitem__(self, language: str) -> Translator:
        return self._translators.get(language) or Translator(language, {})
