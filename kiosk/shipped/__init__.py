"""The files that ship with the kiosk: interface texts (`locale/`), the phone page (`web/`) and themes
(`themes/`). They are package data, so an installed kiosk finds its own copy wherever it is installed
and a store's config (/etc/kiosk/kiosk.toml) needs nothing beside it."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

THEMES = ("default", "window", "high-contrast")  # the themes that ship, by name


def shipped(name: str) -> Path:
    """The installed package's own copy of `name` ("locale", "web", "themes/default.toml")."""
    resource = files(__name__).joinpath(name)
    if not isinstance(resource, Path):  # a zipped install: gettext and the phone page's server need real files
        raise RuntimeError(f"the kiosk's own {name} is not a file on disk ({resource}): install it unzipped")
    return resource


def shipped_theme(name: str) -> Path | None:
    """The shipped theme called `name` ("window", or its file name "window.toml"), or None if none ships."""
    stem = name.removesuffix(".toml")
    return shipped(f"themes/{stem}.toml") if stem in THEMES else None
