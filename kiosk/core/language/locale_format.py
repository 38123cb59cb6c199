"""Prices, numbers and dates in the shopper's locale ("1 299,00 €" in French), as Babel writes them.

The kiosk reads small tables that `locale_tables.py` writes from Babel's CLDR data
(`locale_formats.json` beside this module: symbols, the currency pattern, month and day names, the date and
time patterns), not Babel's data itself: that is 1.2 MB resident for each language a shopper picks,
and 7-8 MB more for the data and modules all of them share, for the handful of fields used here. The
tests compare every method with Babel's own formatting, value by value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE", "es": "es_ES", "it": "it_IT"}
TABLES = Path(__file__).with_name("locale_formats.json")
DECIMAL_PATTERN = "#,##0.#"  # a number with at most one decimal
# Weekday and date without the year: CLDR has no such pattern in every language (its skeletons fall
# back to abbreviations), so each is written out as the language writes it.
DAY_PATTERNS = {"fr": "EEEE d MMMM", "en": "EEEE d MMMM", "de": "EEEE, d. MMMM", "es": "EEEE, d 'de' MMMM",
                "it": "EEEE d MMMM"}
DAY_MONTH_PATTERNS = {"fr": "d MMMM", "en": "d MMMM", "de": "d. MMMM", "es": "d 'de' MMMM", "it": "d MMMM"}
CalendarDay = date  # (inside Formatter, `date` is its method)
WIDTHS = {1: "abbreviated", 2: "abbreviated", 3: "abbreviated", 4: "wide"}  # E, EE, EEE / EEEE; MMM / MMMM


@dataclass(frozen=True)
class NumberShape:
    """A CLDR number pattern, parsed: what goes before and after (positive, negative), the least integer
    digits, the fraction digits (least, most) and the group sizes (first, then)."""

    prefix: tuple[str, str]
    suffix: tuple[str, str]
    int_min: int
    frac: tuple[int, int]
    grouping: tuple[int, int]

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> NumberShape:
        """From its entry in the tables."""
        return cls(tuple(table["prefix"]), tuple(table["suffix"]), table["int_min"], tuple(table["frac"]),
                   tuple(table["grouping"]))

    def apply(self, value: Decimal, decimal_sign: str, group: str, frac: tuple[int, int] | None = None) -> str:
        """`value` written with this pattern (rounded half to even, as Babel does)."""
        least, most = frac or self.frac
        negative = int(value.is_signed())
        rounded = abs(value).normalize().quantize(Decimal(1).scaleb(-most))
        whole, _, fraction = f"{rounded:f}".partition(".")
        whole = whole.rjust(self.int_min, "0")
        size, grouped = self.grouping[0], ""
        while len(whole) > size:
            grouped = group + whole[-size:] + grouped
            whole = whole[:-size]
            size = self.grouping[1]
        fraction = (fraction or "0").ljust(least, "0")
        if most == 0 or (least == 0 and int(fraction) == 0):
            fraction = ""
        else:
            while len(fraction) > least and fraction.endswith("0"):
                fraction = fraction[:-1]
            fraction = decimal_sign + fraction
        return self.prefix[negative] + whole + grouped + fraction + self.suffix[negative]


@cache
def _tables() -> dict[str, Any]:
    tables: dict[str, Any] = json.loads(TABLES.read_text(encoding="utf-8"))
    return tables


def _tokens(pattern: str) -> list[tuple[str, int]]:
    """A CLDR date pattern as (letter, count) fields and ("", ...) literals: "d 'de' MMMM"."""
    tokens: list[tuple[str, int]] = []
    literal, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if char == "'":
            end = pattern.find("'", index + 1)
            end = len(pattern) if end < 0 else end
            literal.append(pattern[index + 1:end] or "'")  # '' is a quote
            index = end + 1
        elif char.isascii() and char.isalpha():
            count = len(pattern[index:]) - len(pattern[index:].lstrip(char))
            if literal:
                tokens.append(("".join(literal), 0))
                literal = []
            tokens.append((char, count))
            index += count
        else:
            literal.append(char)
            index += 1
    if literal:
        tokens.append(("".join(literal), 0))
    return tokens


class Formatter:
    """Formats values for one language and currency."""

    def __init__(self, language: str, currency: str = "EUR") -> None:
        self.language = language
        self.locale = LOCALES.get(language, language)
        self.currency = currency
        tables = _tables()
        table = tables["languages"][language]
        self._decimal, self._group = table["decimal"], table["group"]
        self._currency_shape = NumberShape.from_table(table["currency_pattern"])
        self._number_shape = NumberShape.from_table(tables["decimal_pattern"])
        digits = tables["currency_digits"].get(currency, 2)
        self._currency_frac = (digits, digits)
        self._currency_symbol = table["currency_symbols"].get(currency, currency)
        self._months: dict[str, list[str]] = table["months"]
        self._days: dict[str, list[str]] = table["days"]
        self._periods: dict[str, str] = table["periods"]
        self._time_short, self._date_medium = table["time_short"], table["date_medium"]
        self._prices: dict[int, str] = {}

    def price(self, cents: int) -> str:
        """A price with its currency, as written in this locale."""
        text = self._prices.get(cents)
        if text is None:
            shaped = self._currency_shape.apply(Decimal(cents) / 100, self._decimal, self._group, self._currency_frac)
            text = shaped.replace("¤", self._currency_symbol)
            self._prices[cents] = text
        return text

    def number(self, value: float) -> str:
        """A number with the locale's decimal sign and at most 1 decimal (9,5 in French)."""
        exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        return self._number_shape.apply(exact, self._decimal, self._group)

    def time(self, value: datetime) -> str:
        """A time of day, as written in this locale ("09:30")."""
        return self._written(value, self._time_short)

    def day(self, value: date) -> str:
        """A weekday and date, "samedi 28 novembre"."""
        return self._written(value, DAY_PATTERNS.get(self.language, "EEEE d MMMM"))

    def weekday(self, value: date) -> str:
        """The weekday's name, as written inside a sentence ("dimanche", "Sonntag")."""
        return self._written(value, "EEEE")

    def day_month(self, value: date) -> str:
        """A date without its weekday and year ("24 décembre", "24. Dezember")."""
        return self._written(value, DAY_MONTH_PATTERNS.get(self.language, "d MMMM"))

    def date(self, value: date) -> str:
        """A date in the locale's medium format (22 nov. 2026)."""
        return self._written(value, self._date_medium)

    def _written(self, value: CalendarDay, pattern: str) -> str:
        """`value` written with a CLDR date or time pattern (the fields the locales' patterns use)."""
        parts = []
        for letter, count in _tokens(pattern):
            parts.append(letter if count == 0 else self._field(value, letter, count))
        return "".join(parts)

    def _field(self, value: CalendarDay, letter: str, count: int) -> str:
        if letter == "d":
            return str(value.day).zfill(count)
        if letter == "E" and count in WIDTHS:
            return self._days[WIDTHS[count]][value.weekday()]
        if letter == "M" and count in WIDTHS:
            return str(value.month).zfill(count) if count <= 2 else self._months[WIDTHS[count]][value.month - 1]
        if letter == "y":
            return str(value.year % 100).zfill(2) if count == 2 else str(value.year).zfill(count)
        if isinstance(value, datetime):
            if letter == "H":
                return str(value.hour).zfill(count)
            if letter == "h":
                return str(value.hour % 12 or 12).zfill(count)
            if letter == "m":
                return str(value.minute).zfill(count)
            if letter == "a":
                return self._periods["pm" if value.hour >= 12 else "am"]
        raise ValueError(f"the date pattern field {letter * count!r} is not written by the kiosk ({self.locale})")
