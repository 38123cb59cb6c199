"""GTIN numbers: EAN-8, UPC-A, EAN-13 and GTIN-14 compared as one 14-digit key."""

from __future__ import annotations

LENGTHS = (8, 12, 13, 14)  # EAN-8, UPC-A, EAN-13, GTIN-14


def is_valid_gtin(code: str) -> bool:
    """True for an 8, 12, 13 or 14-digit code whose check digit is right.

    The GS1 check digit: from the right, the digits weigh 1, 3, 1, 3... and their sum is a multiple of
    10. Computed here rather than with python-stdnum, whose import brings ssl and pydoc (6.5 MB of the
    kiosk's 80 MB, DESIGN §7) for its online checks; the tests compare the two on every length."""
    if len(code) not in LENGTHS or not (code.isascii() and code.isdigit()):
        return False
    return sum(int(digit) * (3 if place % 2 else 1) for place, digit in enumerate(reversed(code))) % 10 == 0


def gtin14(code: str) -> str:
    """The code padded to 14 digits, so that a UPC-A and its EAN-13 form find the same product."""
    return code.rjust(14, "0")
