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
        scenes = self.ctx.screen.stack.scenes
        under = scenes[:scenes.index(self)] if self in scenes else scenes
        shown = next((scene for scene in reversed(under) if not scene.modal), None)
        return shown.banner() if shown is not None else ()

    def build(self, size: tuple[int, int]) -> Root:
        """A dialog with the pad, in the room a modal has (over the header of the screen it is over, and in
        accessible mode within reach, in the lower part of the screen): keys half as tall again as a touch
        target where there is room, the pad beside the dots on a short, wide screen, and in the short reach
        zone of a landscape screen the keys in two rows of six. Cancel says its word on every screen."""
        theme, t, kit = self.ctx.theme, self.ctx.t, self.kit
        width, height = size
        margin, gap, target = theme.size("margin"), theme.size("gap"), theme.size("touch_target")
        keep = self.modal_room(size)
        reach_top = self.out_of_reach(size)  # a landscape screen in accessible mode: every key within reach
        if reach_top > keep.top:
            keep = Insets(reach_top, keep.right, keep.bottom, keep.left)
        room = height - keep.top - keep.bottom - 2 * margin
        cancel_w = self.ctx.screen.text.width(t("Cancel"), theme.size("text"), True) + 2 * gap  # its key's least
        # keys half as tall again as a touch target, else of touch size, else the title beside the dots and
        # less room around them, else (a short, wide room) the pad beside the words, else its keys in two rows
        # under them
        forms = ((target * 3 // 2, False, False, 3), (target, False, False, 3), (target, True, False, 3),
                 (target, True, True, 3))
        if reach_top:
            # a landscape screen in accessible mode: a phone's pad (three keys a row) whose first row starts at the
            # reach zone's top and last one ends over the header, the box's edge and the words beside it above
            # the zone (nothing to touch there); six keys a row only where even that does not fit
            header_top = height - self.modal_room(size).bottom
            keep = Insets(reach_top - margin - gap // 2, keep.right, height - header_top - margin + gap // 4,
                          keep.left)
            room = height - keep.top - keep.bottom - 2 * margin
        for key_h, compact, beside, columns in (*forms, (target, True, False, 6)):
            root = Root((0, 0, width, height), color="")
            box = kit.panel("surface")
            dots = "● " * len(self.entered) + "○ " * (PIN_LENGTH - len(self.entered))
            heading = kit.words(t("Staff PIN"), size="title", sizes=("button", "text"), bold=True,
                                align="right" if compact and not beside else "center", heading=True, max_lines=2)
            shown = kit.words(dots.strip(), size="headline", sizes=("title",), align="center", max_lines=1,
                              width=fit() if compact and not beside else None)
            # the message's room kept (the pad does not move when it comes), but in a compact pad
            message = [kit.words(self.message, color="danger", align="center", max_lines=2, reserve=not compact)] \
                if self.message or not compact else []
            if columns == 6:  # over the wide pad: the title and the dots together in the middle
                heading.width = fit()
            # the title in the pad's box on every shape, over its dots (in reach mode it stood in the strip, far
            # above the pad: designer's review); the strip says what the mode does
            # (and a confirmation or a warning in the title's place, in the tree: it floated over the screen)
            status = Status()
            titled = status_zone(status, heading)
            said = [row(titled, shown, gap=gap, align="center", justify="center" if columns == 6 else "start"),
                    *message] if compact and not beside else [titled, shown, *message]
            keys = []
            order = ["1", "2", "3", "4", "5", "6", "7", "8", "9", t("Cancel"), "0", "⌫"] if columns == 3 else \
                ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫", t("Cancel")]
            for label in order:
                action = self.cancel if label == t("Cancel") else self.erase if label == "⌫" else \
                    partial(self.digit, label)
                # Cancel and erase outlined as the digits, their words quieter (filled grey, they looked
                # like keys of another pad: designer's review)
                keys.append(kit.button(label, action, style="chip" if label.isdigit() else "key_quiet",
                                       size="title" if label.isdigit() or label == "⌫" else "text",
                                       height=fixed(key_h)))
            key_gap = gap
            if reach_top and beside:  # the keys as close as a phone's, to keep four rows within reach
                key_gap = max(gap // 4, min(gap, (room - gap - 4 * key_h) // 3))
            pad = grid(*keys, columns=columns, gap=key_gap)
            around = Insets.all(gap // 2 if reach_top and beside else gap if compact else margin)
            # (beside the pad, the title on one line: "Code du personnel" wrapped)
            widest = theme.size("dialog") * (4 if beside and reach_top else 3 if beside else 2) // 2
            if compact and not beside:  # the title beside the dots on one line, as the other shapes show it
                # (the 4K window split it, "Code du / personnel", squeezed beside the dots: designer's review)
                text = self.ctx.screen.text
                widest = max(widest, text.width(t("Staff PIN"), theme.size("title"), True) + gap +
                             text.width(dots.strip(), theme.size("headline"), True) + 2 * around.left + gap)
            box_w = min(width - 2 * margin, max(widest, columns * max(key_h, cancel_w) + (columns - 1) * key_gap +
                                                2 * around.left))
            if beside:  # the words take what the pad leaves (each key as wide as Cancel's word)
                pad.width = fixed(columns * max(key_h, cancel_w) + (columns - 1) * key_gap)
                content = row(column(*said, gap=gap), pad, gap=2 * gap, align="center", padding=around, widget=box)
            else:
                content = column(*said, pad, gap=gap, padding=around, widget=box)
            content.width = fixed(box_w)
            if content.natural(box_w)[1] <= room or columns == 6:
                break
            root.dispose()
        return self.mounted(root, layer(content, margin=margin, keep=keep), status)

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
