"""Screenshots are true PNGs of what the display shows, pixel for pixel, whatever its size and format."""

from __future__ import annotations

import io
import random

import pygame
import pytest

from kiosk.app.png_encoding import STRIP_ROWS, write_png


def painted(size: tuple[int, int], flags: int = 0) -> pygame.Surface:
    surface = pygame.Surface(size, flags, 32)
    rng = random.Random(size[0])
    surface.fill((250, 248, 240))
    for _ in range(300):  # flat colours, as a screen has, and noise, which does not compress
        surface.fill((rng.randrange(256), rng.randrange(256), rng.randrange(256)),
                     (rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(1, 90), rng.randrange(1, 40)))
    for _ in range(2000):
        surface.set_at((rng.randrange(size[0]), rng.randrange(size[1])), (rng.randrange(256), 0, rng.randrange(256)))
    return surface


@pytest.mark.parametrize(("size", "flags"), [((1080, 1920), 0), ((801, 2 * STRIP_ROWS + 7), 0),
                                             ((37, 5), pygame.SRCALPHA), ((1, 1), 0)])
def test_the_png_holds_the_very_pixels_shown(size: tuple[int, int], flags: int) -> None:
    picture = painted(size, flags)
    out = io.BytesIO()
    write_png(picture, out)
    out.seek(0)
    read = pygame.image.load(out, "shot.png")
    assert read.get_size() == size
    assert pygame.image.tobytes(read, "RGB") == pygame.image.tobytes(picture, "RGB")
