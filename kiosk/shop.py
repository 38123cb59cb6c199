"""What every display of one process shares: config, catalogue, translations and formatters."""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_cache_dir

from kiosk.config import KioskConfig
from kiosk.core.catalog import Catalog
from kiosk.core.catalog_build import ensure_catalog
from kiosk.core.i18n import Translations, Translator
from kiosk.core.locale_format import Formatter

log = logging.getLogger(__name__)
LOCALE_FOLDER = Path(__file__).resolve().parents[1] / "content" / "locale"


def catalog_path(config: KioskConfig) -> Path:
    """Where the catalogue database of this config lives."""
    if config.content.database:
        return config.path(config.content.database)
    return Path(user_cache_dir("store-kiosk")) / f"catalog-{config.store.id}.db"


class Shop:
    """The store as the displays see it."""

    def __init__(self, config: KioskConfig) -> None:
        self.config = config
        self.catalog = Catalog(ensure_catalog(config.path(config.content.pack), catalog_path(config)))
        self.translations = Translations(LOCALE_FOLDER, config.store.languages)
        self._formatters: dict[str, Formatter] = {}
        for language in config.store.languages:  # Babel loads a locale's data on first use: not mid-frame
            self.formatter(language).price(100)

    def t(self, language: str) -> Translator:
        """Interface texts in `language`."""
        return self.translations[language]

    def formatter(self, language: str) -> Formatter:
        """Prices, numbers and dates in `language`."""
        formatter = self._formatters.get(language)
        if formatter is None:
            formatter = Formatter(language, self.catalog.currency)
            self._formatters[language] = formatter
        return formatter

    def image(self, relative: str) -> str:
        """The path of a picture of the content pack."""
        return f"{self.catalog.folder}/{relative}"

    def close(self) -> None:
        """Release the catalogue."""
        self.catalog.close()
