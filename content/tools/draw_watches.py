"""The demo's watches face on, each its own: a round GPS watch, an octagonal mountain watch, a square light
runner's, a diver's toothed bezel and wide rubber strap, a fitness band's pill, a kids' chunky square, a
solar ring, a compass bezel; the case grows with the screen, the strap's kind and the watch's tilt are its
own. Drawn flat in a 1000-unit square (y up)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from picture_kit import Canvas, Color, darker, lighter, smooth

CASE: Color = (40, 40, 44)
GLASS: Color = (12, 14, 18)
METAL: Color = (150, 150, 156)


@dataclass(frozen=True)
class Watch:
    """What makes one watch look like itself."""

    case: str  # round | octagon | square | pill | cushion
    strap: str  # holes | loop | links | rubber | band
    width: float  # the strap's width, a share of the case's
    length: float  # how much strap shows above and under the case
    buttons: int
    roll: float = 0.0
    bezel: str = "marks"  # marks | teeth | solar | compass | none


DESIGNS: tuple[tuple[str, Watch], ...] = (
    ("pulse 2", Watch("round", "holes", 0.55, 380, 2, 0)),
    ("pulse pro", Watch("round", "links", 0.8, 330, 4, -12, "compass")),
    ("summit", Watch("octagon", "loop", 0.7, 300, 5, 10)),
    ("run lite", Watch("square", "holes", 0.5, 420, 1, -6, "none")),
    ("tri sport", Watch("round", "rubber", 0.62, 360, 5, 18, "none")),
    ("solar", Watch("round", "loop", 0.66, 260, 5, -20, "solar")),
    ("nord", Watch("cushion", "links", 0.74, 300, 3, 8, "compass")),
    ("abysse", Watch("round", "rubber", 0.9, 240, 2, -4, "teeth")),
    ("band", Watch("pill", "band", 1.0, 400, 0, 24, "none")),
    ("kids", Watch("square", "band", 0.75, 300, 2, -14, "none")),
    ("ultra", Watch("octagon", "holes", 0.6, 380, 4, 28, "marks")),
)


def watch_of(name: str) -> Watch:
    """The watch a product is, by its name."""
    lower = name.lower()
    return next((watch for word, watch in DESIGNS if word in lower), DESIGNS[0][1])


def _case(kind: str, r: float) -> list[tuple[float, float]]:
    if kind == "round":
        return [(500 + r * math.cos(math.radians(a)), 500 + r * math.sin(math.radians(a))) for a in range(0, 360, 6)]
    if kind == "octagon":
        return [(500 + r * 1.04 * math.cos(math.radians(a + 22.5)), 500 + r * 1.04 * math.sin(math.radians(a + 22.5)))
                for a in range(0, 360, 45)]
    if kind == "pill":
        return smooth([(500 - r * 0.42, 500 - r * 1.2), (500 + r * 0.42, 500 - r * 1.2), (500 + r * 0.5, 500),
                       (500 + r * 0.42, 500 + r * 1.2), (500 - r * 0.42, 500 + r * 1.2), (500 - r * 0.5, 500)])
    if kind == "cushion":
        return smooth([(500 - r, 500 - r * 0.8), (500, 500 - r * 1.02), (500 + r, 500 - r * 0.8), (500 + r * 1.05, 500),
                       (500 + r, 500 + r * 0.8), (500, 500 + r * 1.02), (500 - r, 500 + r * 0.8),
                       (500 - r * 1.05, 500)])
    w, k = r * 0.82, r * 0.22  # a square with rounded corners
    return smooth([(500 - w + k, 500 - r), (500 + w - k, 500 - r), (500 + w, 500 - r + k), (500 + w, 500 + r - k),
                   (500 + w - k, 500 + r), (500 - w + k, 500 + r), (500 - w, 500 + r - k), (500 - w, 500 - r + k)],
                  steps=3)


def watch_face(c: Canvas, look: Any) -> None:
    """A watch face on: its case, bezel and strap by its design, a map on the ones with maps, a run's figures
    otherwise."""
    watch = watch_of(look.name)
    value = look.specs.get("screen", 28)
    screen = float(value) if isinstance(value, int | float) else 28.0
    r = 150 + screen * 4 + (20 if watch.case == "octagon" else 0)
    c.camera.roll = watch.roll
    strap = darker(look.color, 0.2) if watch.strap != "links" else METAL
    half = r * watch.width
    watch = replace(watch, length=min(watch.length * 0.5, 440 - r))  # (the strap ends inside the picture)
    c.shadow((500, 110, 0), 220, 40)
    c.polygon([(500 - half, 500 - r - watch.length), (500 + half, 500 - r - watch.length),
               (500 + half * 0.92, 500 + r + watch.length), (500 - half * 0.92, 500 + r + watch.length)], strap,
              shade=0.3, outline=3)
    _strap(c, watch, strap, half, r)
    case = _case(watch.case, r + 24)
    c.polygon(case, look.color if watch.case != "pill" else CASE, shade=0.35, outline=3)
    _bezel(c, watch, r, look.accent)
    glass = _case(watch.case, r - 10) if watch.case != "octagon" else \
        [(500 + (r - 10) * math.cos(math.radians(a)), 500 + (r - 10) * math.sin(math.radians(a)))
         for a in range(0, 360, 6)]
    c.polygon(glass, GLASS, shade=0.1)
    if look.specs.get("maps"):
        for i in range(-3, 4):  # contour lines of a map and a route on it
            c.path(c.ellipse_points((500 + i * 20, 480), r * 0.5 + i * 12, ry=r * 0.3, start=0, end=360, steps=40),
                   3, (60, 110, 80), shine=0.0)
        c.path([(500 - r * 0.45, 440), (470, 500), (530, 540), (500 + r * 0.4, 590)], 10, look.accent, shine=0.0)
        c.dot((530, 540), 14, (240, 240, 240))
    else:
        for i, width in enumerate((0.55, 0.85, 0.45)):  # big figures of a run as bars
            y = 570 - i * 80
            w = r * width / 2 * (0.6 if watch.case == "pill" else 1.0)
            c.polygon([(500 - w, y), (500 + w, y), (500 + w, y + 44), (500 - w, y + 44)],
                      (230, 230, 230) if i != 1 else look.accent, shade=0.0)
    for i in range(watch.buttons):  # buttons on the sides
        side = -1 if i % 2 else 1
        y = 500 + (i // 2 - 0.5) * 110 if watch.buttons > 1 else 500
        c.tube((500 + side * (r + 24), y), (500 + side * (r + 54), y), 28, METAL)


def _strap(c: Canvas, watch: Watch, strap: Color, half: float, r: float) -> None:
    """The strap's own look: a buckle's holes, a hook-and-loop's weave, metal links, a diver's vents."""
    top, bottom = 500 - r - watch.length, 500 + r + watch.length
    if watch.strap == "holes":
        for y in range(int(top + 40), int(500 - r - 30), 40):
            c.dot((500, y), 9, darker(strap, 0.4))
        c.polygon([(500 - half - 12, bottom - 70), (500 + half + 12, bottom - 70), (500 + half + 12, bottom - 40),
                   (500 - half - 12, bottom - 40)], METAL, shade=0.3)  # the buckle
    elif watch.strap == "loop":
        for y in range(int(top + 20), int(bottom), 22):
            c.line((500 - half * 0.9, y), (500 + half * 0.9, y + 8), 3, lighter(strap, 0.15))
    elif watch.strap == "links":
        for y in range(int(top + 30), int(bottom), 60):
            c.line((500 - half, y), (500 + half, y), 5, darker(METAL, 0.3))
            c.line((500 - half * 0.33, y), (500 - half * 0.33, y + 60), 3, darker(METAL, 0.2))
            c.line((500 + half * 0.33, y), (500 + half * 0.33, y + 60), 3, darker(METAL, 0.2))
    elif watch.strap == "rubber":
        for y in range(int(top + 40), int(500 - r - 20), 70):
            for side in (-1, 1):
                c.polygon([(500 + side * half * 0.2, y), (500 + side * half * 0.7, y),
                           (500 + side * half * 0.7, y + 30),
                           (500 + side * half * 0.2, y + 30)], darker(strap, 0.35), shade=0.0)


def _bezel(c: Canvas, watch: Watch, r: float, accent: Color) -> None:
    """The bezel's marks, a diver's teeth, a solar ring, a compass's letters."""
    if watch.bezel == "teeth":
        for i in range(48):
            a = math.radians(i * 7.5)
            c.line((500 + (r + 18) * math.cos(a), 500 + (r + 18) * math.sin(a)),
                   (500 + (r + 44) * math.cos(a), 500 + (r + 44) * math.sin(a)), 8, CASE)
        c.disc((500 + r * math.cos(math.radians(90)), 500 + r * math.sin(math.radians(90))), 12, accent)
    elif watch.bezel == "solar":
        c.path(c.ellipse_points((500, 500), r + 4, start=0, end=360, steps=60), 22, (200, 140, 40), shine=0.3)
    elif watch.bezel == "compass":
        for i, a in enumerate((90, 0, 270, 180)):
            x, y = 500 + (r + 6) * math.cos(math.radians(a)), 500 + (r + 6) * math.sin(math.radians(a))
            c.dot((x, y), 12 if i else 16, accent if i == 0 else (230, 230, 230))
    elif watch.bezel == "marks":
        for i in range(60):
            a = math.radians(i * 6)
            inner = r + (2 if i % 5 else -10)
            c.line((500 + inner * math.cos(a), 500 + inner * math.sin(a)),
                   (500 + (r + 20) * math.cos(a), 500 + (r + 20) * math.sin(a)), 3 if i % 5 else 6, (230, 230, 230))
