"""The staff's way in, on every display: the hidden corner (or a staff badge at a terminal), the PIN
pad, the maintenance menu and the devices' state."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.staff.corner_taps import CornerTaps
from kiosk.core.staff.pin import PinLock
from kiosk.scenes.context import SceneContext
from kiosk.scenes.maintenance import MaintenanceScene
from kiosk.scenes.staff import DeviceStatusScene, PinPadScene
from kiosk.shared.ports import ScreenSwitch


class StaffDoor:
    """Opens the maintenance menu of one display to whoever knows the PIN."""

    def __init__(self, ctx: SceneContext, corner: CornerTaps, devices: dict[str, tuple[bool, str]],
                 quit_kiosk: Callable[[], None], screen_switch: Callable[[], ScreenSwitch]) -> None:
        """`devices` is the display's live table of device states; `quit_kiosk` and `screen_switch` are
        asked when used, as wiring.py plugs them in after the display is made."""
        self.ctx = ctx
        self.corner = corner
        self.devices = devices
        self.quit_kiosk = quit_kiosk
        self.screen_switch = screen_switch
        self.pin_lock = PinLock()

    def corner_tapped(self, pos: tuple[int, int], now: float) -> bool:
        """A finger went down: True when it completed the hidden gesture (the PIN pad is then open)."""
        if not self.corner.tap(pos, now):
            return False
        self.ctx.screen.gestures.cancel()
        self.open_pin_pad()
        return True

    def open_pin_pad(self) -> None:
        """Ask for the PIN, then open the maintenance menu."""
        if self.ctx.screen.stack.top.name in ("pin_pad", "devices"):
            return
        pad = PinPadScene(self.ctx, self.ctx.shop.config.staff.pin_hash, self.pin_lock)
        self.ctx.screen.stack.open_modal(pad, lambda granted: self.open_maintenance() if granted else None)

    def open_maintenance(self) -> None:
        """The staff menu."""
        self.ctx.shop.event("maintenance_opened", display=self.ctx.display_name)
        self.ctx.screen.stack.push(MaintenanceScene(self.ctx, self.open_device_status, self.quit_kiosk,
                                                    self.screen_switch()))

    def open_device_status(self) -> None:
        """The staff screen with each device's state."""
        self.ctx.screen.stack.push(DeviceStatusScene(self.ctx, lambda: dict(self.devices)))
