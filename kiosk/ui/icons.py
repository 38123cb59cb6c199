"""The interface's icons, drawn as strokes of one weight (the font has no cart or globe, and its arrow and
house are of another weight than each other): the header's back, home, cart and language, a film's sound,
on (a speaker with its waves) or off (crossed out), and search's magnifier. Each fits a square."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence

import pygame

Color = tuple[int, int, int, int]
Points = Sequence[tuple[float, float]]

ICONS = ("back", "home", "cart", "language", "sound_on", "sound_off", "search")


def _stroke(surface: pygame.Surface, color: Color, points: Points, width: int, closed: bool = False) -> None:
    """A polyline of `width` with round joints and ends."""
    ends = [*points, points[0]] if closed else list(points)
    for start, end in itertools.pairwise(ends):
        pygame.draw.line(surface, color, start, end, width)
    for point in points:
        pygame.draw.circle(surface, color, point, width / 2)


def _back(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    x, y, s = box.x, box.y, box.width
    _stroke(surface, color, [(x + s * 0.62, y + s * 0.18), (x + s * 0.3, y + s * 0.5), (x + s * 0.62, y + s * 0.82)],
            width)


def _home(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    x, y, s = box.x, box.y, box.width
    _stroke(surface, color, [(x + s * 0.1, y + s * 0.5), (x + s * 0.5, y + s * 0.12), (x + s * 0.9, y + s * 0.5)],
            width)
    _stroke(surface, color, [(x + s * 0.22, y + s * 0.42), (x + s * 0.22, y + s * 0.88), (x + s * 0.78, y + s * 0.88),
                             (x + s * 0.78, y + s * 0.42)], width)
    door = pygame.Rect(round(x + s * 0.42), round(y + s * 0.6), max(1, round(s * 0.16)), round(s * 0.28))
    pygame.draw.rect(surface, color, door)


def _cart(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    x, y, s = box.x, box.y, box.width
    _stroke(surface, color, [(x + s * 0.06, y + s * 0.16), (x + s * 0.2, y + s * 0.16), (x + s * 0.32, y + s * 0.64),
                             (x + s * 0.82, y + s * 0.64), (x + s * 0.92, y + s * 0.3), (x + s * 0.25, y + s * 0.3)],
            width)
    for wheel in (0.38, 0.76):
        pygame.draw.circle(surface, color, (x + s * wheel, y + s * 0.82), max(2, s * 0.08))


def _language(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    centre, radius = box.center, box.width * 0.42
    pygame.draw.circle(surface, color, centre, radius, width)
    meridian = pygame.Rect(0, 0, round(radius), round(2 * radius))
    meridian.center = centre
    pygame.draw.ellipse(surface, color, meridian, width)
    for dy in (-0.45, 0.45):
        half = radius * (1 - dy * dy) ** 0.5
        pygame.draw.line(surface, color, (centre[0] - half, centre[1] + dy * radius),
                         (centre[0] + half, centre[1] + dy * radius), width)
    pygame.draw.line(surface, color, (centre[0] - radius, centre[1]), (centre[0] + radius, centre[1]), width)


def _speaker(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    x, y, s = box.x, box.y, box.width
    pygame.draw.polygon(surface, color, [(x + s * 0.08, y + s * 0.36), (x + s * 0.26, y + s * 0.36),
                                         (x + s * 0.5, y + s * 0.14), (x + s * 0.5, y + s * 0.86),
                                         (x + s * 0.26, y + s * 0.64), (x + s * 0.08, y + s * 0.64)])


def _sound_on(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    _speaker(surface, box, color)
    x, y, s = box.x, box.y, box.width
    for reach in (0.2, 0.36):  # two waves, arcs about the cone's mouth
        arc = pygame.Rect(0, 0, round(2 * reach * s), round(2 * reach * s))
        arc.center = (round(x + s * 0.5), round(y + s * 0.5))
        pygame.draw.arc(surface, color, arc, -0.9, 0.9, width)


def _sound_off(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    _speaker(surface, box, color)
    x, y, s = box.x, box.y, box.width
    _stroke(surface, color, [(x + s * 0.64, y + s * 0.34), (x + s * 0.94, y + s * 0.66)], width)
    _stroke(surface, color, [(x + s * 0.94, y + s * 0.34), (x + s * 0.64, y + s * 0.66)], width)


def _search(surface: pygame.Surface, box: pygame.Rect, color: Color, width: int) -> None:
    x, y, s = box.x, box.y, box.width
    pygame.draw.circle(surface, color, (x + s * 0.4, y + s * 0.4), s * 0.35, width)
    _stroke(surface, color, [(x + s * 0.66, y + s * 0.66), (x + s * 0.9, y + s * 0.9)], round(width * 1.4))


DRAWERS: dict[str, Callable[[pygame.Surface, pygame.Rect, Color, int], None]] = {
    "back": _back, "home": _home, "cart": _cart, "language": _language, "sound_on": _sound_on,
    "sound_off": _sound_off, "search": _search,
}


def draw_icon(surface: pygame.Surface, name: str, box: pygame.Rect, color: Color, weight: int = 0) -> None:
    """Draw icon `name` in the square `box` (centred in it when it is not square), in `color`, its strokes
    `weight` wide (by default a eleventh of its side)."""
    side = min(box.width, box.height)
    square = pygame.Rect(0, 0, side, side)
    square.center = box.center
    DRAWERS[name](surface, square, color, weight or max(2, round(side / 11)))


@functools.lru_cache(maxsize=16)
def smooth_icon(name: str, side: int, color: Color, weight: int) -> pygame.Surface:
    """Icon `name` on a transparent square of `side`, drawn four times as large and scaled down, so its curves
    are smoothed as the font's are (pygame draws them stair-stepped: designer's review); its strokes `weight`
    wide. Kept for the next paint: blit it, do not draw on it."""
    large = pygame.Surface((4 * side, 4 * side), pygame.SRCALPHA)
    draw_icon(large, name, large.get_rect(), color, weight=4 * weight)
    return pygame.transform.smoothscale(large, (side, side))
