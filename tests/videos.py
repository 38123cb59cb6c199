"""Films made at test time with the demo's own generator (content/tools/film_kit.py): each frame
says its number in its colour, so a test reads from a screenshot which frame is shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "content" / "tools"))
from film_kit import Tone, drawn, encode

STEP = 16  # colour levels between two numbers: far more than H.264's error on a flat colour


def number_color(number: int) -> tuple[int, int, int]:
    """The colour of frame `number` (0-255): red and green count, blue is fixed."""
    return (number % 16) * STEP + 8, (number // 16) * STEP + 8, 96


def number_of(color: tuple[int, int, int] | pygame.Color) -> int:
    """The frame number a colour says (the inverse of number_color, forgiving the codec's error)."""
    red, green = color[0], color[1]
    return round((red - 8) / STEP) + 16 * round((green - 8) / STEP)


def numbered_film(path: Path, frames: int = 60, *, fps: int = 30, codec: str = "h264",
                  size: tuple[int, int] = (320, 180), sound: Tone | None = None,
                  options: dict[str, str] | None = None) -> Path:
    """A film of `frames` flat frames, frame N in number_color(N); MP4 or WebM by `path`'s suffix; with
    `sound` as its sound track, or silent; `options` for the encoder (film_kit's by default)."""

    def draw(surface: pygame.Surface, number: int) -> None:
        surface.fill(number_color(number))

    return encode(path, drawn(draw, size, frames), size=size, fps=fps, codec=codec, sound=sound, options=options)
