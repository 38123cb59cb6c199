"""Writes the kiosk's locale format tables from Babel (CLDR): what `locale_format.Formatter` needs to write
prices, numbers, dates and times in each interface language, and nothing more.

    python -m kiosk.core.language.locale_tables      # after a Babel upgrade (the tests say when)

Babel's whole data for a language is about 1.2 MB resident, its root data that every language shares
and its modules 7-8 MB more; these tables are 2 KB a language. The tests hold the kiosk's formatting
against Babel's, value by value, so the two never drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kiosk.core.language.locale_format import DECIMAL_PATTERN, LOCALES, TABLES
from kiosk.core.pack.schema import SCHEMAS

CURRENCIES: tuple[str, ...] = tuple(SCHEMAS["pack.json"]["properties"]["currency"]["enum"])  # what a pack may use


def _number_shape(pattern: Any) -> dict[str, Any]:
    """The parts of a Babel NumberPattern the kiosk's formatter uses."""
    assert not pattern.exp_prec and "@" not in pattern.pattern and pattern.scale == 0, pattern.pattern
    return {"prefix": list(pattern.prefix), "suffix": list(pattern.suffix), "int_min": pattern.int_prec[0],
            "frac": list(pattern.frac_prec), "grouping": list(pattern.grouping)}


def locale_tables() -> dict[str, Any]:
    """The tables, from the Babel installed (its version is written with them)."""
    import babel
    from babel import Locale
    from babel.numbers import get_currency_precision, get_currency_symbol, parse_pattern

    languages: dict[str, Any] = {}
    for language, code in LOCALES.items():
        locale = Locale.parse(code)
        symbols = locale.number_symbols["latn"]
        languages[language] = {
            "decimal": symbols["decimal"], "group": symbols["group"],
            "currency_pattern": _number_shape(locale.currency_formats["standard"]),
            "currency_symbols": {currency: get_currency_symbol(currency, locale) for currency in CURRENCIES},
            "time_short": locale.time_formats["short"].pattern, "date_medium": locale.date_formats["medium"].pattern,
            "months": {width: [locale.months["format"][width][month] for month in range(1, 13)]
                       for width in ("wide", "abbreviated")},
            "days": {width: [locale.days["format"][width][day] for day in range(7)]
                     for width in ("wide", "abbreviated")},
            "periods": {period: locale.day_periods["format"]["abbreviated"][period] for period in ("am", "pm")},
        }
    return {"babel": babel.__version__, "decimal_pattern": _number_shape(parse_pattern(DECIMAL_PATTERN)),
            "currency_digits": {currency: get_currency_precision(currency) for currency in CURRENCIES},
            "languages": languages}


def main(target: Path = TABLES) -> int:
    """Write the tables where the kiosk reads them."""
    target.write_text(json.dumps(locale_tables(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
