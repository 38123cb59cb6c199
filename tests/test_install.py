"""The store-PC installation under sway (`install.sh --compositor sway`), in a Debian 12 system booted with
systemd, as a store would run it: two screens, the terminal and the shop window, each on its output, and
what each output shows checked with grim. The checks are in tests/store_install.py; a file of its own
(beside test_install_cage.py and test_install_x11.py), so that a parallel run gives each case a core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.booted_debian import BootedDebian
from tests.store_install import MARKS, booted_store_pc, comes_up_stays_up_and_goes_away

pytestmark = MARKS


@pytest.fixture
def store_pc() -> Iterator[BootedDebian]:
    """A fresh copy of the Debian root, booted; the checkout at /src/kiosk."""
    yield from booted_store_pc()


def test_installed_under_sway_comes_up_stays_up_and_goes_away(store_pc: BootedDebian, tmp_path: Path) -> None:
    comes_up_stays_up_and_goes_away(store_pc, "sway", tmp_path)
