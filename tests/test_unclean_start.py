"""Whether the previous run stopped cleanly is known per device: the terminal and the window of one
store, run by one user, do not take each other's run for a crash."""

from __future__ import annotations

from kiosk.config import KioskConfig
from kiosk.testing.pilot import Pilot


def test_a_device_running_beside_another_is_not_taken_for_a_crash(config: KioskConfig) -> None:
    terminal = Pilot(config, "terminal")
    try:
        assert not terminal.app.faults.unclean_start
        window = Pilot(config, "window")
        assert not window.app.faults.unclean_start, "the terminal's run is not the window's crash"
        assert window.app.telemetry()["faults"]["unclean_start"] is False
        window.close()
        window = Pilot(config, "window")
        assert not window.app.faults.unclean_start, "the window had stopped cleanly"
        window.close()
        # the terminal is still running: as far as a new terminal knows, the previous one was killed
        restarted = Pilot(config, "terminal")
        assert restarted.app.faults.unclean_start, "the window's clean stop wiped the terminal's marker"
        restarted.close()
    finally:
        terminal.close()
