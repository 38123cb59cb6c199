"""Comparing a screenshot with its reviewed PNG in tests/snapshots/ (see tests/test_snapshots.py)."""

from __future__ import annotations

import os
from operator import sub
from pathlib import Path

import pygame
import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"
TOLERANCE = 2.0  # mean difference per channel, out of 255: font hinting may move a pixel, a layout change will not


def _difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """The mean difference per channel of every other row of the two pictures scaled down alike."""
    grid = (270, 480) if a.get_height() >= a.get_width() else (480, 270)
    # the rows' RGB bytes, compared a row at a time (reading pixel by pixel took most of a comparison's time)
    rows_a = pygame.image.tobytes(pygame.transform.smoothscale(a, grid), "RGB")
    rows_b = pygame.image.tobytes(pygame.transform.smoothscale(b, grid), "RGB")
    stride = grid[0] * 3
    total = sum(sum(map(abs, map(sub, rows_a[y * stride:(y + 1) * stride], rows_b[y * stride:(y + 1) * stride])))
                for y in range(0, grid[1], 2))
    return total / (grid[0] * grid[1] // 2 * 3)


def check_snapshot(name: str, picture: Path, keep: tuple[int, int] = (1080, 1920)) -> None:
    """Compare `picture`, scaled to `keep`, with the reviewed snapshot `name` (a path under snapshots/);
    write it as the snapshot with UPDATE_SNAPSHOTS set, or when there is none yet (and fail then)."""
    expected = SNAPSHOTS / f"{name}.png"
    expected.parent.mkdir(parents=True, exist_ok=True)
    shown = pygame.image.load(str(picture))
    if shown.get_size() != keep:
        shown = pygame.transform.smoothscale(shown, keep)
        pygame.image.save(shown, str(picture))
    if os.environ.get("UPDATE_SNAPSHOTS") or not expected.exists():
        expected.write_bytes(picture.read_bytes())
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail(f"no reviewed snapshot for {name}: wrote {expected}; look at it and commit it")
        return
    reviewed = pygame.image.load(str(expected))
    assert reviewed.get_size() == keep
    difference = _difference(shown, reviewed)
    if difference > TOLERANCE:
        failed = SNAPSHOTS / "_failed"
        (failed / f"{name}.png").parent.mkdir(parents=True, exist_ok=True)
        (failed / f"{name}.png").write_bytes(picture.read_bytes())
        pytest.fail(f"{name} differs from its snapshot by {difference:.2f} (see {failed / name}.png)")
