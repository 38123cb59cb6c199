"""GTIN numbers: EAN-8, UPC-A, EAN-13 and GTIN-14 compared as one 14-digit key."""

from __future__ import annotations

from stdnum import ean


def is_valid_gtin(code: str) -> bool:
    """True for an 8, 12, 13 or 14-digit code whose check digit is right."""
    return code.isdigit() and len(code) in (8, 12, 13, 14) and bool(ean.is_valid(code))


def gtin14(code: str) -> str:
    """The code padded to 14 digits, so that a UPC-A and its EAN-13 form find the same product."""
    return code.rjust(14, "0")
