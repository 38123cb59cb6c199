"""What a scanned or read code means to the shop: a product, a loyalty member, a staff badge, or unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeMeaning:
    """A code as the shop understands it. `value` is the GTIN, the loyalty id or the badge number."""

    kind: str  # product | loyalty | staff | unknown
    value: str


class CodeRules:
    """The store's nomenclature: which patterns name members and staff badges."""

    def __init__(self, loyalty_pattern: str, staff_pattern: str) -> None:
        self.loyalty = re.compile(loyalty_pattern)
        self.staff = re.compile(staff_pattern)

    def meaning(self, kind: str, data: str) -> CodeMeaning:
        """The meaning of a decoded code (`kind` from the driver: gtin, gs1 or text)."""
        if kind in ("gtin", "gs1") and data:
            return CodeMeaning("product", data)
        for name, pattern in (("loyalty", self.loyalty), ("staff", self.staff)):
            match = pattern.match(data)
            if match:
                return CodeMeaning(name, match.group(1) if match.groups() else match.group(0))
        return CodeMeaning("unknown", "")
