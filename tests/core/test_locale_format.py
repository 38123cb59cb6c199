"""Prices, numbers and dates as each shipped language writes them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.core.language.locale_format import Formatter

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(("language", "price", "number", "day"), [
    ("fr", "1\u202f299,99\xa0€", "9,5", "lundi 23 novembre"),
    ("en", "€1,299.99", "9.5", "Monday 23 November"),
    ("de", "1.299,99\xa0€", "9,5", "Montag, 23. November"),
    ("es", "1.299,99\xa0€", "9,5", "lunes, 23 de noviembre"),  # Babel groups 4 digits; the RAE would not
    ("it", "1.299,99\xa0€", "9,5", "lunedì 23 novembre"),
])
def test_each_language_writes_prices_numbers_and_days_its_own_way(language: str, price: str, number: str,
                                                                    day: str) -> None:
    formatter = Formatter(language)
    assert formatter.price(129999) == price
    assert formatter.number(9.5) == number
    assert formatter.day(MONDAY) == day
    assert formatter.time(datetime(2026, 11, 23, 18, 30)) == "18:30"
