"""A picture made smaller is scaled a strip of rows at a time (less memory on the picture worker) and shows
the very pixels that smooth-scaling the whole picture at once gives: photos, pictures with transparency,
palette and grey pictures, at sizes whose rows do not fall evenly into strips."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from kiosk.ui.images import STRIP_ROWS, _load_at_most, _load_scaled
from tests.conftest import REPO

PHOTO = REPO / "content" / "demo" / "images" / "BIK-101.jpg"  # 1200x1200, 24-bit once decoded


def _whole_at_once(path: Path, size: tuple[int, int]) -> pygame.Surface:
    """The picture smooth-scaled in one go, in 32 bits (how pictures were made before strips)."""
    picture = pygame.image.load(str(path))
    if picture.get_bitsize() != 32:
        like = pygame.Surface((1, 1), 0 if picture.get_bitsize() == 24 else pygame.SRCALPHA, 32)
        picture = picture.convert(like)
    return pygame.transform.smoothscale(picture, size) if size != picture.get_size() else picture


def _assert_same_pixels(made: pygame.Surface | None, expected: pygame.Surface) -> None:
    assert made is not None
    assert made.get_size() == expected.get_size()
    assert made.get_bitsize() == expected.get_bitsize() == 32
    assert bool(made.get_flags() & pygame.SRCALPHA) == bool(expected.get_flags() & pygame.SRCALPHA)
    assert pygame.image.tobytes(made, "RGBA") == pygame.image.tobytes(expected, "RGBA")


def _drawn(kind: str, size: tuple[int, int], folder: Path) -> Path:
    """A picture of noise and shapes (every pixel differs from its neighbours, so a wrong row shows)."""
    rng = random.Random(size[0] * 7919 + size[1])
    picture = pygame.Surface(size, pygame.SRCALPHA, 32)
    for _ in range(400):
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256), rng.randrange(40, 256))
        pygame.draw.circle(picture, colour, (rng.randrange(size[0]), rng.randrange(size[1])), rng.randrange(1, 60))
    for _ in range(3000):
        picture.set_at((rng.randrange(size[0]), rng.randrange(size[1])), (rng.randrange(256),) * 3 + (255,))
    if kind == "photo":
        picture = picture.convert(pygame.Surface((1, 1), 0, 24))
    elif kind == "palette":
        picture = picture.convert(8)
    elif kind == "grey":
        grey = pygame.Surface(size, 0, 8)
        grey.set_palette([(level, level, level) for level in range(256)])
        for y in range(0, size[1], 3):
            pygame.draw.line(grey, (y % 256,) * 3, (0, y), (size[0] - 1, (y * 5) % size[1]))
        picture = grey
    path = folder / f"{kind}-{size[0]}x{size[1]}.png"
    pygame.image.save(picture, str(path))
    return path


@pytest.mark.parametrize("shown", [(936, 960), (454, 474), (1000, 700), (61, 61), (1, 1)])
def test_a_photo_made_smaller_shows_the_pixels_of_the_whole_picture_scaled_at_once(shown: tuple[int, int]) -> None:
    expected_size = (min(shown), min(shown))  # a square photo fitted into `shown`
    _assert_same_pixels(_load_scaled(str(PHOTO), shown), _whole_at_once(PHOTO, expected_size))


@pytest.mark.parametrize("kind", ["photo", "transparent", "palette", "grey"])
@pytest.mark.parametrize("size", [(901, 3 * STRIP_ROWS + 17), (300, STRIP_ROWS - 5), (257, 1003)])
def test_every_kind_of_picture_made_smaller_looks_the_same_as_scaled_at_once(
        tmp_path: Path, kind: str, size: tuple[int, int]) -> None:
    path = _drawn(kind, size, tmp_path)
    for shown in ((size[0] * 2 // 3, size[1]), (size[0] // 5, size[1] // 5), (size[0] - 1, size[1] - 1)):
        scale = min(shown[0] / size[0], shown[1] / size[1])
        fitted = (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))
        _assert_same_pixels(_load_scaled(str(path), shown), _whole_at_once(path, fitted))


@pytest.mark.parametrize("kind", ["photo", "transparent"])
def test_pictures_made_larger_or_kept_at_their_size_look_as_before(tmp_path: Path, kind: str) -> None:
    path = _drawn(kind, (200, 150), tmp_path)
    _assert_same_pixels(_load_scaled(str(path), (200, 150)), _whole_at_once(path, (200, 150)))
    _assert_same_pixels(_load_scaled(str(path), (400, 400)), _whole_at_once(path, (400, 300)))
    _assert_same_pixels(_load_scaled(str(path), (200, 900)), _whole_at_once(path, (200, 150)))


def test_a_zoomed_pictures_source_is_the_picture_scaled_at_once_to_the_most_it_is_shown_at() -> None:
    _assert_same_pixels(_load_at_most(str(PHOTO), (1080, 1920)), _whole_at_once(PHOTO, (1080, 1080)))
    _assert_same_pixels(_load_at_most(str(PHOTO), (3840, 2160)), _whole_at_once(PHOTO, (1200, 1200)))
