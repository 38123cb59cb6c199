"""Devices inside the running app: a serial scanner opens the product page; the demo's F2 and F3."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.drivers.test_serial_scanner import SOCAT, Line


@pytest.fixture
def scanner_pilot(tmp_path: Path) -> Iterator[tuple[Pilot, Line]]:
    line = Line(tmp_path)
    line.plug()
    text = DEFAULT_CONFIG.read_text().replace('address = "sim:"', f'address = "{line.device}"')
    driven = Pilot(load_config(write_config(tmp_path, text)))
    driven.start_devices()
    yield driven, line
    driven.close()
    line.unplug()


def wait_for(pilot: Pilot, condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        pilot.app.step(block=False)
        time.sleep(0.01)


@pytest.mark.skipif(SOCAT is None, reason="socat is installed by .ci/run")
def test_a_scan_on_a_serial_scanner_opens_the_product_page(scanner_pilot: tuple[Pilot, Line]) -> None:
    pilot, line = scanner_pilot
    wait_for(pilot, lambda: pilot.details()["devices"].get(f"scanner {line.device}") is True)
    line.send(b"2001000001019\r")
    wait_for(pilot, lambda: pilot.scene == "product")
    assert pilot.details()["product"] == "BIK-101"
    line.unplug()
    wait_for(pilot, lambda: pilot.details()["devices"][f"scanner {line.device}"] is False)


def test_the_demo_keys_scan_a_product_and_present_a_card(pilot: Pilot) -> None:
    pilot.start_devices()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F2, mod=0, unicode="", scancode=0))
    pilot.app.step(block=False)
    assert pilot.scene == "product"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F3, mod=0, unicode="", scancode=0))
    pilot.app.step(block=False)
    assert pilot.scene == "welcome"
