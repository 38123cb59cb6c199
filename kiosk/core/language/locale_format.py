"""Prices, numbers and dates in the shopper's locale, by Babel ("1 299,00 €" in French)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal

LOCALES = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE", "es": "es_ES", "it": "it_IT"}
# Weekday and date without the year: CLDR has no such pattern in every language (its skeletons fall
# back to abbreviations), so each is written out as the language writes it.
DAY_PATTERNS = {"fr": "EEEE d MMMM", "en": "EEEE d MMMM", "de": "EEEE, d. MMMM", "es": "EEEE, d 'de' MMMM",
                "it": "EEEE d MMMM"}
DAY_MONTH_PATTERNS = {"fr": "d MMMM", "en": "d MMMM", "de": "d. MMMM", "es": "d 'de' MMMM", "it": "d MMMM"}


class Formatter:
    """Formats values for one language and currency."""

    def __init__(self, language: str, currency: str = "EUR") -> None:
        self.language = language
        self.locale = LOCALES.get(language, language)
        self.currency = currency
        self._prices: dict[int, str] = {}
        self._babel_locale = Locale.parse(self.locale)
        self._currency_pattern = self._babel_locale.currency_formats["standard"]  # parsed once, not per price

    def price(self, cents: int) -> str:
        """A price with its currency, as written in this locale."""
        text = self._prices.get(cents)
        if text is None:
            text = str(self._currency_pattern.apply(Decimal(cents) / 100, self._babel_locale, currency=self.currency))
            self._prices[cents] = text
        return text

    def number(self, value: float) -> str:
        """A number with the locale's decimal sign and at most 1 decimal (9,5 in French)."""
        return str(format_decimal(value, format="#,##0.#", locale=self.locale))

    def time(self, value: datetime) -> str:
        """A time of day, as written in this locale ("09:30")."""
        return str(format_time(value, format="short", locale=self.locale))

    def day(self, value: date) -> str:
        """A weekday and date, "samedi 28 novembre"."""
        pattern = DAY_PATTERNS.get(self.language, "EEEE d MMMM")
        return str(format_date(value, format=pattern, locale=self.locale))

    def weekday(self, value: date) -> str:
        """The weekday's name, as written inside a sentence ("dimanche", "Sonntag")."""
        return str(format_date(value, format="EEEE", locale=self.locale))

    def day_month(self, value: date) -> str:
        """A date without its weekday and year ("24 décembre", "24. Dezember")."""
        return str(format_date(value, format=DAY_MONTH_PATTERNS.get(self.language, "d MMMM"), locale=self.locale))

    def date(self, value: date) -> str:
        """A date in the locale's medium format (22 nov. 2026)."""
        return str(format_date(value, format="medium", locale=self.locale))
