"""Decode what a scanner sends: AIM identifier, EAN/UPC/GTIN, GS1 element strings, QR text.

Pure functions, no ports and no threads: tested by feeding strings. Check digits are verified by the
core's GTIN rule; anything that does not check out is refused (None), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kiosk.core.codes.gtin import is_valid_gtin

GS = "\x1d"  # FNC1 inside a GS1 element string
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
GS1_AIM = {"]C1", "]e0", "]d2", "]Q3", "]J1"}

# Application identifiers: fixed data length, or None for variable (up to the max, ended by GS).
_AI_FIXED = {"00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6, "17": 6, "20": 2}
_AI_VARIABLE = {"10": 20, "21": 20, "22": 20, "30": 8, "37": 8, "240": 30, "241": 30, "250": 30, "251": 30,
                "400": 30, "401": 30}
_AI_FIXED_4 = {f"31{n}{d}": 6 for n in range(7) for d in range(10)} | {f"41{n}": 13 for n in range(4)}
_DATE_AIS = {"11", "12", "13", "15", "16", "17"}


@dataclass(frozen=True)
class Barcode:
    """A decoded scan."""

    kind: str  # gtin | gs1 | text
    data: str  # the GTIN for gtin and gs1 (when it has one), else the text
    symbology: str = ""  # the AIM identifier, when the scanner sent one
    fields: dict[str, str] = field(default_factory=dict)  # GS1 application identifiers and values

    @property
    def gtin(self) -> str | None:
        """The product's GTIN, if the code names one."""
        if self.kind == "gtin":
            return self.data
        return self.fields.get("01")


def expand_upce(code: str) -> str | None:
    """The UPC-A form of an 8-digit UPC-E code (number system 0 or 1), or None."""
    if len(code) != 8 or not code.isdigit() or code[0] not in "01":
        return None
    system, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    upca = system + body + check
    return upca if is_valid_gtin(upca) else None


def _gtin(digits: str, symbology: str) -> str | None:
    if symbology == "]E0" or not symbology or symbology.startswith("]E"):
        if len(digits) in (12, 13, 14) and is_valid_gtin(digits):
            return digits
        if len(digits) == 8:
            if is_valid_gtin(digits) and symbology != "]E0":
                return digits  # EAN-8
            return expand_upce(digits)
    return None


def _parse_date(yymmdd: str) -> bool:
    year, month, day = 2000 + int(yymmdd[0:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    if day == 0:  # GS1: day 00 means the last day of the month
        day = 1
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def parse_gs1(text: str) -> dict[str, str] | None:
    """GS1 element string (AIs in a row, variable ones ended by GS) to {AI: value}; None if invalid."""
    fields: dict[str, str] = {}
    position = 0
    text = text.lstrip(GS)
    while position < len(text):
        for size in (2, 3, 4):
            ai = text[position:position + size]
            if ai in _AI_FIXED or ai in _AI_VARIABLE or ai in _AI_FIXED_4:
                break
        else:
            return None
        position += len(ai)
        if ai in _AI_VARIABLE:
            end = text.find(GS, position)
            end = len(text) if end < 0 else end
            value = text[position:end]
            if not value or len(value) > _AI_VARIABLE[ai]:
                return None
            position = end + 1
        else:
            length = _AI_FIXED.get(ai) or _AI_FIXED_4[ai]
            value = text[position:position + length]
            if len(value) != length or not value.isdigit():
                return None
            position += length
            if position < len(text) and text[position] == GS:
                position += 1
        if ai in ("01", "02") and not is_valid_gtin(value):
            return None
        if ai in _DATE_AIS and not _parse_date(value):
            return None
        fields[ai] = value
    return fields or None


def decode(raw: str) -> Barcode | None:
    """Decode one scan (terminator already removed). None for anything unreadable or with a bad check digit."""
    text = raw.strip("\r\n\t\x00")
    symbology = ""
    match = _AIM.match(text)
    if match:
        symbology, text = match.group(0), text[3:]
    if not text or any(c != GS and (not c.isprintable() or c == "\ufffd") for c in text):
        return None  # control characters or bytes that were not text: line noise
    if symbology in GS1_AIM or text.startswith(GS):
        fields = parse_gs1(text)
        if fields is None:
            return None
        return Barcode("gs1", fields.get("01", ""), symbology, fields)
    if text.isdigit():
        found = _gtin(text, symbology)
        if found is not None:
            return Barcode("gtin", found, symbology)
        if len(text) in (8, 12, 13, 14):
            return None  # looks like a product code but the check digit is wrong
    if symbology.startswith("]E") or symbology == "]C1":
        return None
    return Barcode("text", text, symbology)
