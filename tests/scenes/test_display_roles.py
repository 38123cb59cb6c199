"""A display role is made of parts: a terminal reads scans and cards; a shop window, which has no
scanner or card reader, has no part that would act on one, and keeps the staff's hidden corner."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import load_config
from kiosk.core.messages import BarcodeScanned, CardPresented
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.scenes.test_maintenance import open_menu

ROAD_BIKE = "2001000001019"


def test_a_scan_or_a_card_that_reaches_the_window_changes_nothing_there(tmp_path: Path) -> None:
    both = Pilot(load_config(write_config(tmp_path)))  # the terminal and the window, one process
    try:
        terminal, window = both.app.display("terminal"), both.app.display("window")
        for message in (BarcodeScanned(ROAD_BIKE), CardPresented("0" * 64, ("text:LOYALTY-1234",))):
            both.app.deliver(window, message)
            both.app.step(block=False)
            assert window.screen.stack.top.name == "attract" and not window.session.started
            assert window.session.member is None
        both.app.deliver(terminal, BarcodeScanned(ROAD_BIKE))
        both.app.step(block=False)
        assert terminal.state()["scene"] == "product" and terminal.state()["product"] == "BIK-101"
    finally:
        both.close()


def test_staff_open_the_windows_menu_from_its_corner(tmp_path: Path) -> None:
    window = Pilot(load_config(write_config(tmp_path)), "window")
    try:
        open_menu(window, right=3840)
        assert window.scene == "maintenance"
    finally:
        window.close()
