"""Staff's scan and card tests: each read shows as the scanner or reader gave it, and what it means."""

from __future__ import annotations

from collections import deque
from typing import Any

from kiosk.core.codes.scan import CodeRules
from kiosk.core.messages import BarcodeScanned, CardPresented
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Insets, column
from kiosk.ui.widgets import Root

SHOWN = 12


def masked(text: str) -> str:
    """A code with all but its last two characters hidden (a loyalty number is personal data)."""
    return "•" * max(0, len(text) - 2) + text[-2:]


class DeviceTestScene(ShopScene):
    """The last reads, newest first; the display sends every scan or card here while it is open."""

    def __init__(self, ctx: SceneContext, rules: CodeRules, kind: str) -> None:
        super().__init__(ctx)
        self.name = f"{kind}_test"
        self.kind = kind
        self.rules = rules
        self.reads: deque[str] = deque(maxlen=SHOWN)

    def details(self) -> dict[str, Any]:
        """What was read, as shown."""
        return {"reads": list(self.reads)}

    def build(self, size: tuple[int, int]) -> Root:
        """A hint, then one line per read."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        title = t("Scan test") if self.kind == "scan" else t("Card test")
        hint = t("Scan any code: each read shows here.") if self.kind == "scan" else \
            t("Hold a card to the reader: each card shows here.")
        lines = [kit.words(line, bold=bool(self.reads), max_lines=2)
                 for line in self.reads or [t("Nothing read yet.")]]
        return self.screen(size, title, column(kit.words(hint, color="muted"), *lines, gap=gap,
                                               padding=Insets.all(margin)))

    def meaning(self, kind: str, data: str) -> str:
        """What the kiosk makes of a code: a product, a member, a staff badge, or nothing it knows."""
        t = self.ctx.t
        found = self.rules.meaning(kind, data)
        if found.kind == "loyalty":
            return t("loyalty card {number}", number=masked(found.value))
        if found.kind == "staff":
            return t("staff badge")
        product = self.ctx.shop.catalog.by_gtin(found.value) if found.kind == "product" else None
        return product.title(self.ctx.lang) if product else t("not known here")

    def on_barcode_scanned(self, message: BarcodeScanned) -> bool:
        """A scan arrived while the scan test shows: shown here, and nothing else happens."""
        if self.kind != "scan":
            return False
        shown = masked(message.data) if self.rules.meaning(message.kind, message.data).kind == "loyalty" \
            else message.data
        self.reads.appendleft(f"{message.kind} · {shown[:40]} → {self.meaning(message.kind, message.data)}")
        self.rebuild()
        return True

    def on_card_presented(self, message: CardPresented) -> bool:
        """A card arrived while the card test shows: its (hashed) identity, and what its records say."""
        if self.kind != "card":
            return False
        records = ", ".join(self.meaning("text", record.partition(":")[2]) for record in message.ndef) or \
            self.ctx.t("no records")
        self.reads.appendleft(f"{message.uid_hash[:8]}… · {records}")
        self.rebuild()
        return True
