"""Fixtures shared by the scene tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from tests.test_layout_matrix import SHAPES, pilot_for


@pytest.fixture(params=SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
def accessible(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode on one of the five shapes, "send it by email" offered."""
    display, size = request.param
    pilot = pilot_for(tmp_path, display, size, "de", mail=True)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        pilot.app.display().set_accessible(True)
        yield pilot
    finally:
        pilot.close()
