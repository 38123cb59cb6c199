"""Staff: the PIN pad a staff badge opens, and the device status screen behind it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from kiosk.core.messages import DeviceStatusChanged
from kiosk.core.staff.pin import PinLock, verify_pin
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.device_words import device_name, state_words
from kiosk.ui.layout import Insets, column, fit, fixed, grid, layer, row, scroll, status_zone
from kiosk.ui.scene import Modal
from kiosk.ui.widgets import Root, Status

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

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the pad: what the strip said over the screen under it (the pad says its title with
        its dots and keys, one group: in the strip, the title floated far above the pad, designer's review)."""
        return self.banner_under()

    def banner_behind(self) -> bool:
        """The strip's words are the screen's under the pad: dimmed with it (at full strength, the department's
        name competed with the pad: designer's review)."""
        return True

    def build(self, size: tuple[int, int]) -> Root:
        """A dialog with the pad, in the room a modal has (over the header of the screen it is over, and in
        accessible mode within reach, in the lower part of the screen), one arrangement on every shape: its
        title, its dots under it and the keys a gap under them (the pad put its title beside the dots on some
        shapes and over them on others, with an empty band over the keys: designer's review). A wrong PIN or
        the lock says so in the dots' place until the next digit. Keys half as tall again as a touch target
        where there is room, else of touch size in less room around them, else (the short reach zone of a
        landscape screen) closer together; six keys a row only where even that does not fit. Cancel says its
        word on every screen."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        width, height = size
        margin, gap, target = theme.size("margin"), theme.size("gap"), theme.size("touch_target")
        keep = self.modal_room(size)
        reach_top = self.out_of_reach(size)  # a landscape screen in accessible mode: every key within reach
        text = self.ctx.screen.text
        cancel_w = text.width(t("Cancel"), theme.size("text"), True) + 2 * gap  # its key's least
        # (key height, the room around the pad's words and keys, the gap between keys, keys a row)
        forms = ((target * 3 // 2, margin, gap, 3), (target, margin, gap, 3), (target, gap, gap, 3),
                 (target, gap // 2, 0, 3), (target, gap // 2, 0, 6))
        if reach_top:  # the pad's box may come to a quarter of a gap over the header (its edge, nothing to touch)
            keep = Insets(keep.top, keep.right, max(0, keep.bottom - margin + gap // 4), keep.left)
        for key_h, inside, key_gap, columns in forms:
            if not key_gap:  # the keys as close as a phone's where the room asks, to keep four rows within reach
                room = height - keep.bottom - margin - inside - reach_top - 4 * key_h
                key_gap = max(gap // 4, min(gap, room // 3))
            root = Root((0, 0, width, height), color="")
            box = kit.panel("surface")
            heading = kit.words(t("Staff PIN"), size="title", sizes=("button", "text"), bold=True, align="center",
                                heading=True, max_lines=2)
            # a confirmation or a warning said over the pad shows in the title's place, in the tree
            status = Status()
            titled = status_zone(status, heading)
            # the dots, or in their place what went wrong (their room as tall as either: the keys never move)
            said = self.message if self.message and not self.entered else ""
            line = kit.words(said, color="danger", align="center", max_lines=2, valign="center", bold=True) \
                if said else kit.words(("● " * len(self.entered) + "○ " * (PIN_LENGTH - len(self.entered))).strip(),
                          size="headline", sizes=("title",), align="center", max_lines=1, valign="center")
            line.height = fit(min=max(text.line_height(theme.size("headline"), True),
                                      2 * text.line_height(theme.size("text"), True)))
            keys = []
            order = ["1", "2", "3", "4", "5", "6", "7", "8", "9", t("Cancel"), "0", "⌫"] if columns == 3 else \
                ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫", t("Cancel")]
            for label in order:
                action = self.cancel if label == t("Cancel") else self.erase if label == "⌫" else \
                    partial(self.digit, label)
                # Cancel and erase outlined and inked as the digits (filled grey, they looked like keys of
                # another pad; in grey words, disabled: designer's reviews)
                keys.append(kit.button(label, action, style="chip" if label.isdigit() else "key_quiet",
                                       size="title" if label.isdigit() or label == "⌫" else "text",
                                       height=fixed(key_h)))
            pad = grid(*keys, columns=columns, gap=key_gap)
            keys_w = columns * max(key_h, cancel_w) + (columns - 1) * key_gap
            # as wide as the title on one line ("Code du personnel" split on the 4K window: designer's review)
            # (a gap at least over the title and beside the keys: half of one put them against the box's edge)
            side = max(inside, gap)
            padding = Insets(side, side, inside, side)
            box_w = min(width - 2 * margin, max(theme.size("dialog"), 2 * side + max(
                keys_w, text.width(t("Staff PIN"), theme.size("title"), True) + 2 * gap)))
            content = column(titled, line, pad, gap=gap, padding=padding, widget=box, width=fixed(box_w))
            # the keys' own height and what stands over them (in the short reach zone of a landscape screen the
            # title and the dots stand above the zone, nothing to touch there, the first keys at its top)
            needed = content.natural(box_w)[1]
            over = padding.top + column(titled, line, gap=gap).natural(box_w - 2 * inside)[1] + gap
            top = max(keep.top, reach_top - over - margin) if reach_top else keep.top
            room = height - top - keep.bottom - 2 * margin
            if needed <= room or columns == 6:
                break
            root.dispose()
        placed = Insets(top, keep.right, keep.bottom, keep.left)
        return self.mounted(root, layer(content, margin=margin, keep=placed, justify="start" if reach_top else
                                        "center"), status)

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
        """One line per device: what it is, connected or not, and what that means in staff's words (the
        technical detail is in the log)."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        lines = []
        for device, (connected, detail) in sorted(self.statuses().items()):
            card = kit.panel("surface")
            lines.append(row(column(kit.words(device_name(t, device), bold=True, max_lines=2),
                                    kit.words(state_words(t, device, connected, detail), size="small",
                                              color="muted", max_lines=2), gap=gap // 4),
                             kit.words(t("Connected") if connected else t("Disconnected"), bold=True,
                                       color="best" if connected else "danger", align="right", width=fit(),
                                       max_lines=1, valign="center"),
                             gap=gap, align="center", padding=Insets(gap // 2, margin, gap // 2, margin), widget=card))
        return self.screen(size, t("Devices"), scroll(column(*lines, gap=gap, padding=Insets.all(margin)),
                                                      t("Devices")))
