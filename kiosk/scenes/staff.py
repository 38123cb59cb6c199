"""Staff: the PIN pad a staff badge opens, and the device status screen behind it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from kiosk.core.messages import DeviceStatusChanged
from kiosk.core.pin import PinLock, verify_pin
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.scene import Modal
from kiosk.ui.widgets import Button, Label, Panel, Root

PIN_LENGTH = 4


class PinPadScene(ShopScene, Modal[bool]):
    """Digits, a row of dots, and a lock after too many wrong PINs. Its answer: True once the right PIN
    was typed, False when staff closed it."""

    name = "pin_pad"
    modal = True

    def __init__(self, ctx: SceneContext, pin_hash: str, lock: PinLock) -> None:
        super().__init__(ctx)
        self.pin_hash = pin_hash
        self.lock = lock
        self.entered = ""
        self.message = ""

    def details(self) -> dict[str, Any]:
        """How many digits are typed (never which), and whether the pad is locked."""
        return {"digits": len(self.entered), "locked": self.lock.locked(self.ctx.clock.monotonic())}

    def build(self, size: tuple[int, int]) -> Root:
        """A dialog with the pad."""
        theme, t = self.ctx.theme, self.ctx.t
        width, height = size
        root = Root((0, 0, width, height), color="")
        box_w, box_h = min(width - 2 * theme.size("margin"), theme.px(760)), theme.px(1020)
        x, y = (width - box_w) // 2, (height - box_h) // 2
        box = root.add(Panel((x, y, box_w, box_h), "surface"))
        pad = theme.px(40)
        box.add(Label((x + pad, y + pad, box_w - 2 * pad, theme.px(70)), t("Staff PIN"), size="title", bold=True,
                      align="center", heading=True))
        dots = "● " * len(self.entered) + "○ " * (PIN_LENGTH - len(self.entered))
        box.add(Label((x + pad, y + theme.px(130), box_w - 2 * pad, theme.px(80)), dots.strip(), size="headline",
                      align="center"))
        box.add(Label((x + pad, y + theme.px(220), box_w - 2 * pad, theme.px(60)), self.message, color="danger",
                      align="center"))
        key = (box_w - 2 * pad - 2 * theme.px(20)) // 3
        key_h = theme.px(150)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", t("Cancel"), "0", "⌫"]
        for index, label in enumerate(keys):
            kx = x + pad + (index % 3) * (key + theme.px(20))
            ky = y + theme.px(300) + (index // 3) * (key_h + theme.px(20))
            action = self.cancel if label == t("Cancel") else self.erase if label == "⌫" else partial(self.digit, label)
            root.add(Button((kx, ky, key, key_h), label, action, style="chip" if label.isdigit() else "key_special",
                            size="title" if label.isdigit() or label == "⌫" else "text"))
        return root

    def digit(self, digit: str) -> None:
        """A digit was tapped; the fourth one checks the PIN."""
        now = self.ctx.clock.monotonic()
        if self.lock.locked(now):
            self.message = self.ctx.t("Locked: try again in {seconds} s", seconds=int(self.lock.locked_until - now) + 1)
            self.rebuild()
            return
        self.entered += digit
        if len(self.entered) == PIN_LENGTH:
            right = bool(self.pin_hash) and verify_pin(self.entered, self.pin_hash)
            self.entered = ""
            if right:
                self.lock.succeeded()
                self.dismiss(True)
                return
            if self.lock.failed(now):
                self.message = self.ctx.t("Pad locked")
                self.ctx.shop.event("pin_locked", display=self.ctx.display_name)
            else:
                self.message = self.ctx.t("Wrong PIN")
        self.rebuild()

    def erase(self) -> None:
        """Take back the last digit."""
        self.entered = self.entered[:-1]
        self.rebuild()

    def cancel(self) -> None:
        """Close the pad."""
        self.dismiss(False)


class DeviceStatusScene(ShopScene):
    """Each device's state and last error, for staff."""

    name = "devices"

    def __init__(self, ctx: SceneContext, statuses: Callable[[], dict[str, tuple[bool, str]]]) -> None:
        super().__init__(ctx)
        self.statuses = statuses

    def on_device_status_changed(self, message: DeviceStatusChanged) -> bool:
        """A device came or went: shown on the next frame (the display keeps the state)."""
        self.rebuild()
        return False

    def details(self) -> dict[str, Any]:
        """The devices and whether each is connected."""
        return {"devices": {name: connected for name, (connected, _) in self.statuses().items()}}

    def build(self, size: tuple[int, int]) -> Root:
        """One line per device."""
        theme, t = self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        y = self.header(root, t("Devices")) + margin
        for name, (connected, detail) in sorted(self.statuses().items()):
            row = root.add(Panel((margin, y, width - 2 * margin, theme.px(130)), "surface"))
            row.add(Label((margin + theme.px(30), y + theme.px(14), width // 2, theme.px(50)), name, bold=True))
            row.add(Label((margin + theme.px(30), y + theme.px(66), width - 2 * margin - theme.px(60), theme.px(50)),
                          detail, size="small", color="muted"))
            row.add(Label((width // 2, y, width // 2 - margin - theme.px(30), theme.px(130)),
                          t("Connected") if connected else t("Disconnected"), bold=True,
                          color="best" if connected else "danger", align="right"))
            y += theme.px(150)
        return root
