"""Prices, numbers, dates and times read as Babel writes them, in every interface language, though the kiosk
reads small tables instead of Babel's data (kiosk/core/language/locale_formats.json)."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from kiosk.core.language.locale_format import DAY_MONTH_PATTERNS, DAY_PATTERNS, LOCALES, TABLES, Formatter
from kiosk.core.language.locale_tables import CURRENCIES, locale_tables

LANGUAGES = sorted(LOCALES)


def test_the_shipped_tables_are_those_the_installed_babel_writes() -> None:
    shipped = json.loads(TABLES.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(locale_tables())), \
        "Babel changed: python -m kiosk.core.language.locale_tables, then look at the difference"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("currency", CURRENCIES)
def test_prices_read_as_babel_writes_them(language: str, currency: str) -> None:
    locale = Locale.parse(LOCALES[language])
    pattern = locale.currency_formats["standard"]
    rng = random.Random(f"{language}{currency}")
    amounts = [0, 1, 5, 10, 99, 100, 105, 999, 1000, 99999, 100000, 129900, 999999, 1000000, 123456789,
               -1, -129900, *(rng.randrange(10 ** rng.randrange(1, 11)) for _ in range(300))]
    formatter = Formatter(language, currency)
    for cents in amounts:
        expected = pattern.apply(Decimal(cents) / 100, locale, currency=currency)
        assert formatter.price(cents) == expected, (cents, language, currency)


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_read_as_babel_writes_them(language: str) -> None:
    rng = random.Random(language)
    values: list[float] = [0, 0.0, 1, 9.5, 9.25, 9.35, 9.05, 0.04, 0.05, 0.15, 1000, 1234.5, 12345.65, 999.95, -5, -0.5,
                           -1234.56, 2.5e6, 1e-7, 100000000]
    values += [round(rng.uniform(-1e6, 1e6), rng.randrange(0, 4)) for _ in range(300)]
    values += [rng.randrange(-10 ** 7, 10 ** 7) for _ in range(100)]
    formatter = Formatter(language)
    for value in values:
        assert formatter.number(value) == format_decimal(value, format="#,##0.#", locale=LOCALES[language]), value


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_and_times_read_as_babel_writes_them(language: str) -> None:
    formatter, locale = Formatter(language), LOCALES[language]
    for offset in range(0, 366 * 2, 1):  # every day of a year and of a leap year
        day = date(2027, 1, 1) + timedelta(days=offset)
        assert formatter.date(day) == format_date(day, format="medium", locale=locale)
        assert formatter.day(day) == format_date(day, format=DAY_PATTERNS[language], locale=locale)
        assert formatter.day_month(day) == format_date(day, format=DAY_MONTH_PATTERNS[language], locale=locale)
        assert formatter.weekday(day) == format_date(day, format="EEEE", locale=locale)
    for minute in range(0, 24 * 60, 7):
        moment = datetime(2026, 11, 28) + timedelta(minutes=minute)
        assert formatter.time(moment) == format_time(moment, format="short", locale=locale)


def test_a_date_field_the_kiosk_does_not_write_is_said() -> None:
    with pytest.raises(ValueError, match="'GGGG'"):
        Formatter("fr")._written(date(2026, 1, 1), "GGGG")
