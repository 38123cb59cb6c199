"""A chosen size or colour as a shopper reads it on a cart's line: "Taille 42 · bleu", never a bare "42"."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.models import Variant, pick


def variant_words(t: Callable[..., str], variant: Variant, language: str) -> str:
    """The variant's size, said as a size, and its colour."""
    parts = [t("Size {size}", size=variant.size) if variant.size else "",
             pick(variant.colour, language) if variant.colour else ""]
    return " · ".join(part for part in parts if part)
