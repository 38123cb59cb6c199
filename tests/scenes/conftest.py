"""Fixtures shared by the scene tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES


@pytest.fixture(params=SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
def accessible(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session in accessible mode on one of the five shapes, "send it by email" offered."""
    display, size = request.param
    with session(tmp_path, display, size, "de", accessible=True, mail=True) as pilot:
        yield pilot
