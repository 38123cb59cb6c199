"""A small drawing kit for the demo's product pictures: a studio backdrop, soft shadows, shaded shapes
and tubes, seen through a camera that can turn a 3D model (a bike) or zoom into a detail.

Everything is drawn at twice the size and scaled down smoothly at the end, so every edge is anti-aliased.
Design coordinates have y up, in millimetres (3D models) or in a 1000-unit square (flat drawings); the
canvas turns them into pixels.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pygame

Color = tuple[int, int, int]
Point = tuple[float, float] | tuple[float, float, float]
SUPERSAMPLE = 2


def mix(a: Color, b: Color, amount: float) -> Color:
    """`a` moved towards `b` by `amount` (0: a, 1: b)."""
    return (round(a[0] + (b[0] - a[0]) * amount), round(a[1] + (b[1] - a[1]) * amount),
            round(a[2] + (b[2] - a[2]) * amount))


def lighter(color: Color, amount: float) -> Color:
    """`color` towards white."""
    return mix(color, (255, 255, 255), amount)


def darker(color: Color, amount: float) -> Color:
    """`color` towards black."""
    return mix(color, (0, 0, 0), amount)


def gradient(size: tuple[int, int], top: Color, bottom: Color) -> pygame.Surface:
    """A vertical gradient (a 1x2 picture scaled up smoothly: no banding loop in Python)."""
    seed = pygame.Surface((1, 2))
    seed.set_at((0, 0), top)
    seed.set_at((0, 1), bottom)
    return pygame.transform.smoothscale(seed, size)


def smooth(points: Sequence[tuple[float, float]], closed: bool = True, steps: int = 8) -> list[tuple[float, float]]:
    """A curve through `points` (Catmull-Rom): a shoe's or a bag's outline with no corners."""
    pts = list(points)
    count = len(pts)
    out: list[tuple[float, float]] = []
    spans = count if closed else count - 1
    for i in range(spans):
        p0 = pts[(i - 1) % count] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % count]
        p3 = pts[(i + 2) % count] if closed or i + 2 < count else pts[-1]
        for step in range(steps):
            t = step / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2
                                    + (-a + 3 * b - 3 * c + d) * t3)
                             for a, b, c, d in zip(p0, p1, p2, p3)))  # type: ignore[arg-type]
    if not closed:
        out.append(pts[-1])
    return out


@dataclass
class Camera:
    """How a model is seen: turned by `yaw` degrees about the vertical axis, tipped by `pitch` (looking
    down), `scale` pixels a unit, the model's point `look` at the picture's point `at` (fractions); `mirror`
    faces it the other way and `roll` tips it in the picture's plane (degrees, anticlockwise), as a
    photographer poses each product on the table its own way."""

    scale: float
    look: tuple[float, float, float] = (0.0, 0.0, 0.0)
    at: tuple[float, float] = (0.5, 0.5)
    yaw: float = 0.0
    pitch: float = 0.0
    mirror: bool = False
    roll: float = 0.0


def _xyz(point: Point) -> tuple[float, float, float]:
    return (point[0], point[1], point[2]) if len(point) == 3 else (point[0], point[1], 0.0)  # type: ignore[misc]


class Canvas:
    """A picture being drawn: shapes in design coordinates, drawn through a camera at twice the size."""

    def __init__(self, size: tuple[int, int], camera: Camera) -> None:
        self.size = size
        self.surface = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE))
        self.camera = camera

    # --- geometry -------------------------------------------------------------------------
    def px(self, point: Point) -> tuple[float, float]:
        """A design point on the (supersampled) picture."""
        cam = self.camera
        x, y, z = (a - b for a, b in zip(_xyz(point), cam.look))
        yaw, pitch = math.radians(cam.yaw), math.radians(cam.pitch)
        x, z = x * math.cos(yaw) - z * math.sin(yaw), x * math.sin(yaw) + z * math.cos(yaw)
        y = y * math.cos(pitch) - z * math.sin(pitch)  # z is towards the viewer: nearer is lower, seen from above
        if cam.mirror:
            x = -x
        if cam.roll:
            roll = math.radians(cam.roll)
            x, y = x * math.cos(roll) - y * math.sin(roll), x * math.sin(roll) + y * math.cos(roll)
        width, height = self.surface.get_size()
        k = cam.scale * SUPERSAMPLE
        return width * cam.at[0] + x * k, height * cam.at[1] - y * k

    def w(self, width: float) -> int:
        """A design width in pixels (at least one)."""
        return max(1, round(width * self.camera.scale * SUPERSAMPLE))

    # --- backdrop -------------------------------------------------------------------------
    def studio(self, top: Color, bottom: Color, floor: float | None = None) -> None:
        """A photographer's sweep: a gradient, lighter in the middle, and a floor line that fades."""
        self.surface.blit(gradient(self.surface.get_size(), top, bottom), (0, 0))
        width, height = self.surface.get_size()
        glow = pygame.Surface((64, 64), pygame.SRCALPHA)
        for r in range(32, 0, -2):  # a soft light in the middle of the sweep
            pygame.draw.circle(glow, (255, 255, 255, round(5 * (1 - r / 32) ** 0.7 * 12)), (32, 32), r)
        glow = pygame.transform.smoothscale(pygame.transform.smoothscale(glow, (16, 16)), (width, height))
        self.surface.blit(glow, (0, -height // 8))
        if floor is not None:
            y = round(self.px((0, floor, 0))[1])
            self.surface.blit(gradient((width, max(1, height - y)), mix(bottom, top, 0.35), bottom), (0, y))

    def shadow(self, center: Point, rx: float, ry: float, strength: int = 90) -> None:
        """A soft shadow on the floor (an ellipse blurred by scaling it down and up)."""
        cx, cy = self.px(center)
        w, h = self.w(rx) * 2, max(4, self.w(ry) * 2)
        small = pygame.Surface((32, 32), pygame.SRCALPHA)
        pygame.draw.ellipse(small, (0, 0, 0, strength), (4, 8, 24, 16))
        blurred = pygame.transform.smoothscale(pygame.transform.smoothscale(small, (16, 16)), (w, h * 2))
        self.surface.blit(blurred, (cx - w / 2, cy - h))

    # --- shapes ---------------------------------------------------------------------------
    def polygon(self, points: Sequence[Point], color: Color, *, shade: float = 0.18, outline: float = 0.0,
                outline_color: Color | None = None) -> None:
        """A filled shape, lit from above (lighter at its top, darker at its foot), with an optional edge."""
        pts = [self.px(p) for p in points]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        left, top = math.floor(min(xs)), math.floor(min(ys))
        box = (max(1, math.ceil(max(xs)) - left + 1), max(1, math.ceil(max(ys)) - top + 1))
        if shade:
            layer = gradient(box, lighter(color, shade), darker(color, shade)).convert_alpha() \
                if pygame.display.get_surface() else _alpha(gradient(box, lighter(color, shade), darker(color, shade)))
            mask = pygame.Surface(box, pygame.SRCALPHA)
            pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - left, y - top) for x, y in pts])
            layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            self.surface.blit(layer, (left, top))
        else:
            pygame.draw.polygon(self.surface, color, pts)
        if outline:
            pygame.draw.polygon(self.surface, outline_color or darker(color, 0.35), pts, self.w(outline))

    def ellipse_points(self, center: Point, radius: float, axis: str = "z", ry: float | None = None,
                       start: float = 0.0, end: float = 360.0, steps: int = 72) -> list[Point]:
        """Points of a circle (or ellipse) in 3D around `axis` ("z": a wheel seen from the side, "y": a
        ring lying flat), from angle `start` to `end`."""
        cx, cy, cz = _xyz(center)
        ry = radius if ry is None else ry
        points: list[Point] = []
        for i in range(steps + 1):
            a = math.radians(start + (end - start) * i / steps)
            if axis == "z":
                points.append((cx + radius * math.cos(a), cy + ry * math.sin(a), cz))
            elif axis == "y":
                points.append((cx + radius * math.cos(a), cy, cz + ry * math.sin(a)))
            else:
                points.append((cx, cy + ry * math.sin(a), cz + radius * math.cos(a)))
        return points

    def disc(self, center: Point, radius: float, color: Color, *, axis: str = "z", shade: float = 0.15,
             ry: float | None = None) -> None:
        """A filled circle in 3D."""
        self.polygon(self.ellipse_points(center, radius, axis, ry)[:-1], color, shade=shade)

    def ring(self, center: Point, radius: float, thickness: float, color: Color, *, axis: str = "z",
             highlight: float = 0.25) -> None:
        """A ring (a tyre, a rim) with see-through middle, and a thin highlight along its upper edge."""
        outer = [self.px(p) for p in self.ellipse_points(center, radius, axis)]
        inner = [self.px(p) for p in self.ellipse_points(center, radius - thickness, axis)]
        xs, ys = [p[0] for p in outer], [p[1] for p in outer]
        left, top = math.floor(min(xs)) - 2, math.floor(min(ys)) - 2
        box = (math.ceil(max(xs)) - left + 3, math.ceil(max(ys)) - top + 3)
        layer = pygame.Surface(box, pygame.SRCALPHA)
        pygame.draw.polygon(layer, (*color, 255), [(x - left, y - top) for x, y in outer])
        pygame.draw.polygon(layer, (0, 0, 0, 0), [(x - left, y - top) for x, y in inner])
        if highlight:
            shine = [self.px(p) for p in self.ellipse_points(center, radius - thickness * 0.3, axis,
                                                             start=40, end=140, steps=24)]
            pygame.draw.lines(layer, (*lighter(color, highlight), 255), False,
                              [(x - left, y - top) for x, y in shine], max(1, self.w(thickness) // 5))
        self.surface.blit(layer, (left, top))

    def tube(self, a: Point, b: Point, width: float, color: Color, *, shine: float = 0.3) -> None:
        """A round tube from `a` to `b` with rounded ends and a highlight along it (a frame, a strap)."""
        pa, pb = self.px(a), self.px(b)
        wide = self.w(width)
        pygame.draw.line(self.surface, color, pa, pb, wide)
        for p in (pa, pb):
            pygame.draw.circle(self.surface, color, p, wide / 2)
        if shine and wide >= 6:
            dx, dy = pb[0] - pa[0], pb[1] - pa[1]
            length = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / length, dx / length
            if ny > 0:  # the highlight on the side facing up
                nx, ny = -nx, -ny
            off = wide * 0.22
            pygame.draw.line(self.surface, lighter(color, shine), (pa[0] + nx * off, pa[1] + ny * off),
                             (pb[0] + nx * off, pb[1] + ny * off), max(1, wide // 5))

    def path(self, points: Iterable[Point], width: float, color: Color, *, shine: float = 0.25) -> None:
        """Tubes joined end to end (a handlebar's bend, a strap's curve)."""
        pts = list(points)
        for a, b in itertools.pairwise(pts):
            self.tube(a, b, width, color, shine=shine)

    def line(self, a: Point, b: Point, width: float, color: Color) -> None:
        """A plain line (a spoke, a lace, a seam)."""
        pygame.draw.line(self.surface, color, self.px(a), self.px(b), self.w(width))

    def dot(self, center: Point, radius: float, color: Color) -> None:
        """A small filled circle facing the viewer (a bolt, an eyelet, a LED)."""
        pygame.draw.circle(self.surface, color, self.px(center), max(1, self.w(radius)))

    def glow(self, center: Point, radius: float, color: Color, strength: int = 160) -> None:
        """Light spreading from a point (a lamp's lens, a screen)."""
        size = max(4, self.w(radius) * 2)
        small = pygame.Surface((64, 64), pygame.SRCALPHA)
        for r in range(32, 0, -1):  # brightest in the middle, fading out smoothly
            pygame.draw.circle(small, (*color, round(strength * (1 - r / 32) ** 1.6)), (32, 32), r)
        big = pygame.transform.smoothscale(small, (size, size))
        x, y = self.px(center)
        self.surface.blit(big, (x - size / 2, y - size / 2))

    def beam(self, points: Sequence[Point], color: Color, alpha: int = 90) -> None:
        """A translucent shape (a lamp's beam of light), brighter near its first point."""
        pts = [self.px(p) for p in points]
        layer = pygame.Surface(self.surface.get_size(), pygame.SRCALPHA)
        pygame.draw.polygon(layer, (*color, alpha), pts)
        self.surface.blit(layer, (0, 0))

    # --- out ------------------------------------------------------------------------------
    def picture(self) -> pygame.Surface:
        """The finished picture at its size, every edge smoothed."""
        return pygame.transform.smoothscale(self.surface, self.size)


def _alpha(surface: pygame.Surface) -> pygame.Surface:
    """`surface` with an alpha channel (no display needed)."""
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    layer.blit(surface, (0, 0))
    return layer
