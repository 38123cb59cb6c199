"""What the kiosk knows of a country for the shopper's typing (kiosk/shipped/countries.toml): the email
domains most people there use, and the endings of addresses there."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from kiosk.shipped import shipped


@dataclass(frozen=True)
class CountryTyping:
    """A country's email domains (most used first) and address endings (".fr", ".com")."""

    email_domains: tuple[str, ...]
    email_endings: tuple[str, ...]


@functools.cache
def _countries() -> dict[str, CountryTyping]:
    data = tomllib.loads(shipped("countries.toml").read_text(encoding="utf-8"))
    return {code: CountryTyping(tuple(entry["email_domains"]), tuple(entry["email_endings"]))
            for code, entry in data.items()}


def country_typing(country: str) -> CountryTyping:
    """The typing aids of `country` (an ISO code, "FR"), or the default ones for a country not listed."""
    countries = _countries()
    return countries.get(country.upper(), countries["default"])
