"""What a scanned code means to the shop: a product's GTIN, or something to ignore."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.gtin import is_valid_gtin

# AIM symbology identifiers a scanner may put in front of the data (]E0 EAN-13, ]C1 GS1-128, ...).
AIM_PREFIX_LENGTH = 3


@dataclass(frozen=True)
class ScannedCode:
    """A code as the shop understands it."""

    kind: str  # gtin | invalid | other
    value: str


def read_code(data: str) -> ScannedCode:
    """Strip what a scanner adds (AIM identifier, line end) and recognise a GTIN with a valid check digit."""
    text = data.strip().strip("\x00")
    if text.startswith("]") and len(text) > AIM_PREFIX_LENGTH:
        text = text[AIM_PREFIX_LENGTH:]
    if text.isdigit() and len(text) in (8, 12, 13, 14):
        return ScannedCode("gtin", text) if is_valid_gtin(text) else ScannedCode("invalid", text)
    if not text or any(ord(c) < 32 for c in text):
        return ScannedCode("invalid", "")
    return ScannedCode("other", text)
