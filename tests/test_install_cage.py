"""The store-PC installation under cage (`install.sh --compositor cage`), in a Debian 12 system booted with
systemd, as a store would run it: one screen, the shop window, and what it shows checked with grim (cage
turns its output 180° for that: why at CAGE_COMPOSING). The checks are in tests/store_install.py; a file of
its own (beside test_install.py and test_install_x11.py), so that a parallel run gives each case a core."""

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


def test_installed_under_cage_comes_up_stays_up_and_goes_away(store_pc: BootedDebian, tmp_path: Path) -> None:
    comes_up_stays_up_and_goes_away(store_pc, "cage", tmp_path)
