"""Every terminal scene at 1080x1920, compared with a reviewed PNG.

Update the PNGs after a deliberate change with:  UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py
Then look at them before committing. A failing comparison writes the new picture to tests/snapshots/_failed/.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from kiosk.core.messages import DeviceStatusChanged
from kiosk.pilot import Pilot

SNAPSHOTS = Path(__file__).parent / "snapshots"
TOLERANCE = 2.0  # mean difference per channel, out of 255: font hinting may move a pixel, a layout change will not


def _open_browse(p: Pilot) -> None:
    p.tap("Vélos")


def _open_filters(p: Pilot) -> None:
    p.tap("Vélos")
    p.tap("Trier et filtrer")


def _open_search(p: Pilot) -> None:
    p.tap("Rechercher un produit")
    p.type("tente")


def _open_product(p: Pilot) -> None:
    p.scan("2001000001019")


def _open_compare(p: Pilot) -> None:
    for code in ("2001000001019", "2001000001026", "2001000001033"):
        p.scan(code)
        p.tap("Ajouter au comparateur")
    p.tap("Comparer (3)")
    p.advance(4)  # let the toast go


def _open_still_there(p: Pilot) -> None:
    p.advance(92)


def _open_share(p: Pilot) -> None:
    _open_compare(p)
    p.tap("Envoyer sur mon téléphone")


def _open_welcome(p: Pilot) -> None:
    p.present_card("04a2b3c4d5e6f7", ("text:LOYALTY-1234",))


def _open_pin_pad(p: Pilot) -> None:
    p.scan("STAFF-0042")
    p.tap("2")


def _open_devices(p: Pilot) -> None:
    lost = DeviceStatusChanged("scanner /dev/ttyACM0", False, "[Errno 2] could not open port /dev/ttyACM0")
    p.app.handle_message(lost)
    p.app.handle_message(DeviceStatusChanged("card reader usb", True))
    p.scan("STAFF-0042")
    for digit in "2580":
        p.tap(digit)
    p.tap("Voir les appareils")


SCENES: dict[str, Callable[[Pilot], None]] = {
    "home": lambda p: None,
    "browse": _open_browse,
    "filters": _open_filters,
    "search": _open_search,
    "product": _open_product,
    "compare": _open_compare,
    "still_there": _open_still_there,
    "share": _open_share,
    "welcome": _open_welcome,
    "pin_pad": _open_pin_pad,
    "devices": _open_devices,
}


def _difference(a: pygame.Surface, b: pygame.Surface) -> float:
    small_a = pygame.transform.smoothscale(a, (270, 480))
    small_b = pygame.transform.smoothscale(b, (270, 480))
    total = 0
    for x in range(0, 270):
        for y in range(0, 480, 2):
            ca, cb = small_a.get_at((x, y)), small_b.get_at((x, y))
            total += abs(ca.r - cb.r) + abs(ca.g - cb.g) + abs(ca.b - cb.b)
    return total / (270 * 240 * 3)


def _check(name: str, picture: Path) -> None:
    expected = SNAPSHOTS / f"{name}.png"
    if os.environ.get("UPDATE_SNAPSHOTS") or not expected.exists():
        expected.write_bytes(picture.read_bytes())
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail(f"no reviewed snapshot for {name}: wrote {expected}; look at it and commit it")
        return
    shown, reviewed = pygame.image.load(str(picture)), pygame.image.load(str(expected))
    assert shown.get_size() == reviewed.get_size() == (1080, 1920)
    difference = _difference(shown, reviewed)
    if difference > TOLERANCE:
        failed = SNAPSHOTS / "_failed"
        failed.mkdir(exist_ok=True)
        (failed / f"{name}.png").write_bytes(picture.read_bytes())
        pytest.fail(f"{name} differs from its snapshot by {difference:.2f} (see {failed / name}.png)")


def test_attract_snapshot(pilot: Pilot, tmp_path: Path) -> None:
    _check("attract", pilot.screenshot(tmp_path / "attract.png"))


@pytest.mark.parametrize("name", list(SCENES))
def test_scene_snapshot(shopping: Pilot, tmp_path: Path, name: str) -> None:
    SCENES[name](shopping)
    assert shopping.scene == name
    _check(name, shopping.screenshot(tmp_path / f"{name}.png"))
