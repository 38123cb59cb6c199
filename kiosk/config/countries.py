"""What the kiosk knows of a country for the shopper's typing (kiosk/shipped/countries.toml): the email
domains most people there use, and the endings of addresses there; and the domains the speakers of a
language use, wherever they live."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Any

from kiosk.shipped import shipped


@dataclass(frozen=True)
class CountryTyping:
    """A country's email domains (most used first), address endings (".fr", ".com") and the languages spoken
    there ("fr"; none known: every language is a visitor's)."""

    email_domains: tuple[str, ...]
    email_endings: tuple[str, ...]
    languages: tuple[str, ...] = ()


@functools.cache
def _typing() -> dict[str, Any]:
    return tomllib.loads(shipped("countries.toml").read_text(encoding="utf-8"))


@functools.cache
def _countries() -> dict[str, CountryTyping]:
    return {code: CountryTyping(tuple(entry["email_domains"]), tuple(entry["email_endings"]),
                                tuple(entry.get("languages", ())))
            for code, entry in _typing().items() if code != "language" and isinstance(entry, dict)}


def country_typing(country: str) -> CountryTyping:
    """The typing aids of `country` (an ISO code, "FR"), or the default ones for a country not listed."""
    countries = _countries()
    return countries.get(country.upper(), countries["default"])


def language_endings(language: str) -> tuple[str, ...]:
    """The endings of the addresses of the speakers of `language` (".de", ".com"), for the keys beside @ and .;
    none for a language not listed."""
    return tuple(_typing().get("language", {}).get(language.lower(), {}).get("email_endings", ()))


def language_domains(language: str) -> tuple[str, ...]:
    """The email domains the speakers of `language` ("de") use most, most used first; none for a language
    not listed."""
    return tuple(_typing().get("language", {}).get(language.lower(), {}).get("email_domains", ()))
