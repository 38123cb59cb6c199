"""NDEF records as the kiosk reads them: "text:..." and "uri:..." strings; anything else is skipped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MAX_RECORDS = 8
MAX_LENGTH = 256


def describe(records: Iterable[Any]) -> tuple[str, ...]:
    """Text and URI records of an NDEF message (ndeflib records), bounded in number and length."""
    found: list[str] = []
    for record in records:
        kind = getattr(record, "type", "")
        if kind == "urn:nfc:wkt:T":
            found.append("text:" + str(record.text)[:MAX_LENGTH])
        elif kind == "urn:nfc:wkt:U":
            found.append("uri:" + str(record.iri)[:MAX_LENGTH])
        if len(found) >= MAX_RECORDS:
            break
    return tuple(found)
