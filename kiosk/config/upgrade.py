"""A config written for an earlier version starts this one.

What changed between versions is said as a warning (file, key, line, and what to write instead) and
never stops the kiosk: a key that is gone is dropped, and a value of an old form is read as its new
form. (A file that ships with the kiosk that is not where an older config says is taken from the
installed package's own copy: settings.shipped_files.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KeyPath = tuple[str | int, ...]

# Keys of earlier versions that are gone: ("table", "key") -> what replaced it. The old configs in
# tests/data/old-configs must all load: removing a key means adding it here.
RETIRED: dict[tuple[str, ...], str] = {}


@dataclass(frozen=True)
class Upgraded:
    """A warning about something an earlier version's config says: where, and what to write now."""

    path: KeyPath
    message: str


def _table_items(data: Any, table: tuple[str, ...]) -> list[tuple[KeyPath, dict[str, Any]]]:
    """The tables at `table` in parsed TOML (one, or each of an array of tables), with their key paths."""
    found: list[tuple[KeyPath, Any]] = [((), data)]
    for name in table:
        deeper: list[tuple[KeyPath, Any]] = []
        for path, value in found:
            child = value.get(name) if isinstance(value, dict) else None
            if isinstance(child, dict):
                deeper.append(((*path, name), child))
            elif isinstance(child, list):
                deeper += [((*path, name, i), item) for i, item in enumerate(child) if isinstance(item, dict)]
        found = deeper
    return [(path, value) for path, value in found if isinstance(value, dict)]


def retire_keys(data: dict[str, Any], retired: Mapping[tuple[str, ...], str] = RETIRED) -> list[Upgraded]:
    """Drop the keys that are gone from parsed TOML (in place); a warning for each says what replaced it."""
    warnings = []
    for key_path, replacement in retired.items():
        for path, table in _table_items(data, key_path[:-1]):
            if key_path[-1] in table:
                del table[key_path[-1]]
                warnings.append(Upgraded((*path, key_path[-1]), f"is no longer read: {replacement}"))
    return warnings


def old_forms(data: dict[str, Any]) -> list[Upgraded]:
    """Read values written in an earlier version's form as their new form (in place), with a warning each."""
    warnings = []
    devices = data.get("devices")
    scanners = devices.get("scanners") if isinstance(devices, dict) else None
    if isinstance(scanners, list) and scanners and all(isinstance(s, str) for s in scanners):
        assert isinstance(devices, dict)
        devices["scanners"] = [{"address": address} for address in scanners]
        warnings.append(Upgraded(("devices", "scanners"), "a list of addresses is the old form: write a "
                                 "[[devices.scanners]] table for each, with its address (address = \"sim:\")"))
    return warnings
