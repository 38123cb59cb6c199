"""The demo's tents, backpacks, watches and headlamps (and, from draw_shoes.py, its running shoes), drawn flat
in a 1000-unit square (y up) with light and shadow. Each product's specs shape its drawing: a tent's kind and
size; a backpack's volume, roll-top or vest; a watch's screen and maps; a headlamp's power and battery. Each
kind has its views: the main one, another side, and a detail."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from draw_lamps import headlamp_front, headlamp_night
from draw_packs import backpack_front
from draw_shoes import shoe_pair, shoe_side, shoe_sole, shoe_top
from draw_watches import watch_face
from picture_kit import Camera, Canvas, Color, darker, lighter, smooth

WHITE: Color = (246, 246, 244)
SOLE: Color = (236, 234, 228)
RUBBER: Color = (44, 44, 46)
WEB: Color = (58, 60, 64)


def _num(specs: dict[str, Any], key: str, default: float = 0.0) -> float:
    value = specs.get(key, default)
    return float(value) if isinstance(value, int | float) else default


def _text(specs: dict[str, Any], key: str) -> str:
    value = specs.get(key, "")
    return str(value.get("en", "")) if isinstance(value, dict) else str(value)


@dataclass(frozen=True)
class Look:
    """A product's colours and what the drawing reads from its specs and name."""

    color: Color
    accent: Color
    name: str
    specs: dict[str, Any]
    brand: str = ""  # the demo's own brand (a shoe wears its plain mark)


# --- tents ---------------------------------------------------------------------------------------
def _tent_kind(name: str) -> str:
    lower = name.lower()
    for word, kind in (("roof", "roof"), ("tarp", "tarp"), ("pop-up", "popup"), ("inflatable", "air"),
                       ("family", "cabin"), ("4 seasons", "dome4"), ("kayak", "tunnel"), ("trek", "tunnel"),
                       ("éclair 1", "bivy"), ("éclair", "porch")):
        if word in lower:
            return kind
    return "dome"


def tent_front(c: Canvas, look: Look) -> None:
    """A tent from the front, its shape by its kind, its width by how many sleep in it."""
    kind = _tent_kind(look.name)
    people = _num(look.specs, "capacity", 2)
    half = min(360, 200 + people * 40)
    ground = 260.0
    c.shadow((500, ground, 0), half + 80, 40)
    fly, inner, dark = look.color, lighter(look.color, 0.35), darker(look.color, 0.45)
    if kind in ("tunnel", "bivy"):  # from the side: its hoops along its length, its door's zip
        _tent_side(c, look, kind, people, ground)
        return
    if kind == "roof":  # a car's roof with the tent folded open on it
        c.polygon([(160, 120), (840, 120), (800, 250), (220, 250)], (70, 74, 80), shade=0.2)
        for x in (250, 750):
            c.disc((x, 120), 60, (30, 30, 32), shade=0.2)
        c.polygon([(210, 255), (790, 255), (790, 290), (210, 290)], (40, 40, 44), shade=0.1)
        c.polygon([(220, 290), (500, 560), (780, 290)], fly, shade=0.2, outline=4)
        c.polygon([(420, 290), (500, 430), (580, 290)], dark, shade=0.1)
        c.path([(780, 290), (900, 120)], 12, (150, 150, 156))  # ladder
        for i in range(1, 5):
            c.line((780 + i * 24 - 10, 290 - i * 34), (800 + i * 24, 290 - i * 34), 8, (150, 150, 156))
        return
    if kind == "tarp":
        c.line((500 - half, ground), (500 - half + 40, ground + 330), 10, (120, 120, 126))
        c.line((500 + half, ground), (500 + half - 40, ground + 330), 10, (120, 120, 126))
        c.polygon([(500 - half - 60, ground + 300), (500 + half + 60, ground + 300), (500 + half + 120, ground + 200),
                   (500 - half - 120, ground + 200)], fly, shade=0.25, outline=4)
        for x in (500 - half - 120, 500 + half + 120):
            c.line((x, ground + 200), (x + (-80 if x < 500 else 80), ground), 3, (90, 90, 90))
        return
    if kind in ("cabin",):
        wall = 220 + people * 12
        roof = wall + 140
        body = [(500 - half, ground), (500 + half, ground), (500 + half, ground + wall), (500, ground + roof),
                (500 - half, ground + wall)]
    elif kind == "tunnel":
        body = [(500 + half * math.cos(math.radians(a)), ground + 300 * math.sin(math.radians(a)))
                for a in range(0, 181, 6)]
    elif kind == "popup":
        body = [(500 + half * 1.05 * math.cos(math.radians(a)), ground + 330 * math.sin(math.radians(a)) ** 0.7)
                for a in range(0, 181, 6)]
    elif kind == "dome4":  # a geodesic dome, low and wide, its top flattened against the wind
        body = [(500 + half * math.cos(math.radians(a)), ground + 300 * min(0.82, math.sin(math.radians(a))))
                for a in range(0, 181, 6)]
    else:
        body = [(500 + half * math.cos(math.radians(a)), ground + 300 * math.sin(math.radians(a)) ** 1.4)
                for a in range(0, 181, 6)]
    if kind == "porch":  # a vestibule on one side, staked out low, for the boots and the bags
        c.polygon([(500 + half * 0.3, ground + 250), (500 + half + 190, ground), (500 + half * 0.6, ground)],
                  darker(fly, 0.12), shade=0.2, outline=4)
    c.polygon(body, fly, shade=0.25, outline=4)
    if kind == "dome4":  # its crossing poles
        for a0 in (20, 60, 120, 160):
            c.path([(500 + half * math.cos(math.radians(a0)), ground), (500, ground + 246)], 6, darker(fly, 0.3),
                   shine=0.0)
    door_w = half * 0.45
    arch = [(500 + door_w * math.cos(math.radians(a)), ground + body_height(body) * 0.75 * math.sin(math.radians(a)))
            for a in range(10, 181, 10)]
    door = [(500 - door_w, ground), (500 + door_w, ground), *arch]
    c.polygon(door, dark, shade=0.1)
    c.polygon([(500 - door_w * 0.8, ground), (500 + door_w * 0.8, ground), (500, ground + body_height(body) * 0.6)],
              inner, shade=0.1)
    if kind == "cabin" and people >= 6:  # a canopy out before the door, on two poles
        c.polygon([(500 - half * 0.8, ground + 300), (500 + half * 0.8, ground + 300),
                   (500 + half * 1.25, ground + 170), (500 - half * 1.25, ground + 170)], darker(fly, 0.12),
                  shade=0.2, outline=3)
        for side in (-1, 1):
            c.line((500 + side * half * 1.2, ground + 170), (500 + side * half * 1.2, ground - 10), 8, (150, 150, 156))
    if kind == "air":  # the fat air beams
        for x in (500 - half * 0.55, 500 + half * 0.55):
            c.path([(x - (60 if x < 500 else -60), ground), (x, ground + 260), (500, ground + 300)], 36,
                   darker(look.color, 0.2), shine=0.4)
    elif kind in ("dome", "dome4", "popup"):
        c.path([(500 - half, ground), (500 - half * 0.5, ground + body_height(body) * 0.85),
                (500, ground + body_height(body))], 8, darker(look.color, 0.3), shine=0.0)
        c.path([(500 + half, ground), (500 + half * 0.5, ground + body_height(body) * 0.85),
                (500, ground + body_height(body))], 8, darker(look.color, 0.3), shine=0.0)
    for x in (500 - half - 90, 500 + half + 90):  # guy lines to their pegs
        c.line((x, ground - 5), (500 + (x - 500) * 0.7, ground + body_height(body) * 0.6), 3, (80, 80, 80))
        c.line((x, ground - 20), (x, ground + 10), 6, (150, 150, 156))
    if kind == "dome4":  # snow valances
        c.polygon([(500 - half, ground), (500 + half, ground), (500 + half, ground + 30), (500 - half, ground + 30)],
                  darker(look.color, 0.3), shade=0.0)


def _tent_side(c: Canvas, look: Look, kind: str, people: float, ground: float) -> None:
    """A tunnel tent (or a one-person bivy) from the side: as long as it sleeps, its hoops, a door's zip."""
    fly = look.color
    length = 700 if kind == "tunnel" else 620
    hoops = int(min(4, 1 + people)) if kind == "tunnel" else 2
    left = 500 - length / 2
    if kind == "bivy":  # tall at the head, low at the feet
        body = smooth([(left, ground), (left + length, ground), (left + length - 30, ground + 120),
                       (left + 170, ground + 230), (left + 60, ground + 150)])
    else:
        tall = 220 + people * 20
        first, last = left + length * 0.2, left + length * 0.8  # the outer hoops; the vestibules slope beyond
        xs = [first + (last - first) * i / max(1, hoops - 1) for i in range(hoops)]
        top = [(x, ground + tall) for x in xs]
        sags = [((a + b) / 2, ground + tall * 0.93) for (a, _), (b, _) in itertools.pairwise(top)]
        crest = sorted(top + sags)
        body = [(left, ground), (left + 40, ground + tall * 0.3), *smooth(crest, closed=False, steps=6),
                (left + length - 40, ground + tall * 0.3), (left + length, ground)]
    c.polygon(body, fly, shade=0.25, outline=4)
    if kind == "bivy":
        _bivy_details(c, fly, left, length, ground)
        return
    hoop_xs = [left + length * (0.2 + 0.6 * i / max(1, hoops - 1)) for i in range(hoops)]
    for x in hoop_xs:
        c.line((x, ground), (x, ground + 60), 6, darker(fly, 0.35))
    door = left + length * (0.3 if kind == "tunnel" else 0.2)
    c.path(smooth([(door - 60, ground), (door, ground + 150), (door + 90, ground + 190)], closed=False), 6,
           darker(fly, 0.45), shine=0.0)
    for x in (left - 60, left + length + 60):  # the guy lines at each end
        c.line((x, ground - 5), (500 + (x - 500) * 0.85, ground + 140), 3, (80, 80, 80))
        c.line((x, ground - 20), (x, ground + 10), 6, (150, 150, 156))


def _bivy_details(c: Canvas, fly: Color, left: float, length: float, ground: float) -> None:
    """What tells a one-person tent from a bag on the ground: its poles standing over it (a tall hoop at the
    head, a small one at the feet), the door open at the head on its mesh, the door's roll, a seam along the
    ridge, the fly's hem, the pegs and guy lines."""
    pole = (70, 72, 78)
    c.path(smooth([(left + 90, ground), (left + 130, ground + 200), (left + 180, ground + 246),
                   (left + 240, ground + 200), (left + 290, ground)], closed=False, steps=6), 9, pole, shine=0.3)
    c.path(smooth([(left + length - 120, ground), (left + length - 80, ground + 118), (left + length - 40, ground)],
                  closed=False, steps=6), 8, pole, shine=0.3)
    door = [(left + 110, ground + 8), (left + 140, ground + 150), (left + 185, ground + 200),
            (left + 235, ground + 150), (left + 262, ground + 8)]
    c.polygon(smooth(door), darker(fly, 0.6), shade=0.1)
    for i in range(1, 8):  # the door's mesh
        x = left + 110 + i * 19
        c.line((x, ground + 10), (x + 10, ground + 170 - abs(x - left - 185) * 0.9), 2, darker(fly, 0.3))
    c.tube((left + 236, ground + 20), (left + 250, ground + 150), 22, lighter(fly, 0.2), shine=0.3)  # the roll
    c.path(smooth([(left + 190, ground + 236), (left + 400, ground + 170), (left + length - 60, ground + 112)],
                  closed=False), 4, darker(fly, 0.35), shine=0.0)  # the ridge's seam
    c.polygon([(left + 10, ground), (left + length - 6, ground), (left + length - 12, ground + 16),
               (left + 18, ground + 16)], darker(fly, 0.4), shade=0.0)  # the fly's hem
    for x in (left - 60, left + length + 60):  # the guy lines and pegs at each end
        c.line((x, ground - 5), (500 + (x - 500) * 0.85, ground + 140), 3, (80, 80, 80))
        c.line((x, ground - 20), (x, ground + 10), 6, (150, 150, 156))


def body_height(body: list[tuple[float, float]]) -> float:
    """How tall a tent's outline stands above its ground line."""
    return max(y for _, y in body) - min(y for _, y in body)


def tent_packed(c: Canvas, look: Look) -> None:
    """The tent in its bag, as long as its packed size, with its pegs."""
    packed = _num(look.specs, "packed", 18)
    length = 260 + packed * 8
    c.shadow((500, 330, 0), length * 0.6, 30)
    c.polygon([(500 - length / 2, 340), (500 + length / 2, 340), (500 + length / 2 + 30, 400),
               (500 + length / 2, 480), (500 - length / 2, 480), (500 - length / 2 - 30, 400)],
              darker(look.color, 0.2), shade=0.3, outline=4)
    for x in (500 - length / 2 + 40, 500 + length / 2 - 40):
        c.tube((x, 330), (x, 490), 14, (40, 40, 44))
    c.polygon([(440, 380), (560, 380), (560, 440), (440, 440)], look.accent, shade=0.1)
    for i in range(6):
        x = 300 + i * 80
        c.tube((x, 180), (x + 20, 280), 8, (170, 172, 178), shine=0.6)
        c.dot((x + 20, 282), 10, (170, 172, 178))


# --- backpacks ---------------------------------------------------------------------------------
def _pack_height(look: Look) -> float:
    return 380 + min(70, _num(look.specs, "volume", 30)) * 5


def backpack_back(c: Canvas, look: Look) -> None:
    """The back panel: shoulder straps, padding, hip belt on the big ones."""
    height = _pack_height(look)
    width = 300 + min(70, _num(look.specs, "volume", 30)) * 2.2
    base = 150.0
    c.shadow((500, base, 0), width * 0.7, 40)
    c.polygon([(500 - width / 2, base), (500 + width / 2, base), (500 + width / 2 - 10, base + height - 80),
               (500, base + height), (500 - width / 2 + 10, base + height - 80)], darker(look.color, 0.15), shade=0.25,
              outline=5)
    for y in range(int(base + 60), int(base + height - 120), 70):  # the mesh's padding
        c.polygon([(500 - width * 0.3, y), (500 + width * 0.3, y), (500 + width * 0.3, y + 50),
                   (500 - width * 0.3, y + 50)], (60, 62, 66), shade=0.3)
    for side in (-1, 1):
        c.path([(500 + side * 60, base + height - 60), (500 + side * 150, base + height - 200),
                (500 + side * 170, base + 200), (500 + side * 200, base + 120)], 70, (40, 42, 46), shine=0.3)
    if _num(look.specs, "volume") >= 35:
        c.polygon([(500 - width * 0.7, base + 60), (500 + width * 0.7, base + 60), (500 + width * 0.75, base + 150),
                   (500 - width * 0.75, base + 150)], (40, 42, 46), shade=0.3)
        c.polygon([(470, base + 80), (530, base + 80), (530, base + 130), (470, base + 130)], (20, 20, 20), shade=0.0)


def backpack_side(c: Canvas, look: Look) -> None:
    """The side: how deep it is, its bottle pocket."""
    height = _pack_height(look)
    depth = 140 + min(70, _num(look.specs, "volume", 30)) * 2.5
    base = 150.0
    c.shadow((500, base, 0), depth * 0.8, 40)
    c.polygon([(500 - depth / 2, base), (500 + depth / 2, base), (500 + depth / 2 - 20, base + height - 100),
               (500 + 20, base + height), (500 - depth / 2, base + height - 60)], look.color, shade=0.25, outline=5)
    c.polygon([(500 - depth / 2 + 20, base + 20), (500 + depth / 2 - 20, base + 20), (500 + depth / 2 - 30, base + 230),
               (500 - depth / 2 + 30, base + 230)], darker(look.color, 0.3), shade=0.2)
    c.tube((500 + depth / 2 - 40, base + 100), (500 + depth / 2 - 40, base + 320), 60, (90, 170, 210), shine=0.5)
    c.path([(500 - depth / 2, base + height - 80), (500 - depth / 2 - 60, base + height * 0.5),
            (500 - depth / 2 - 20, base + 120)], 50, (40, 42, 46), shine=0.3)


# --- watches ---------------------------------------------------------------------------------------
def watch_side(c: Canvas, look: Look) -> None:
    """The watch on its side: the case's height, the heart-rate sensor below, the strap's curve."""
    weight = _num(look.specs, "weight", 46)
    thick = 60 + weight * 0.9
    c.shadow((500, 200, 0), 360, 40)
    c.path([(200, 560), (260, 330), (360, 250), (500, 230), (640, 250), (740, 330), (800, 560)], 54,
           darker(look.color, 0.2), shine=0.3)
    c.polygon([(300, 420), (700, 420), (690, 420 + thick), (310, 420 + thick)], look.color, shade=0.35, outline=4)
    c.polygon([(320, 420 + thick), (680, 420 + thick), (670, 440 + thick), (330, 440 + thick)], (20, 20, 22), shade=0.1)
    c.polygon([(430, 400), (570, 400), (560, 420), (440, 420)], (40, 40, 44), shade=0.2)
    for x in (470, 500, 530):
        c.glow((x, 410), 30, (60, 220, 90), 120)
    c.tube((700, 420 + thick * 0.6), (730, 420 + thick * 0.6), 24, (150, 150, 156))


@dataclass(frozen=True)
class View:
    """One picture of a product: what is drawn, the backdrop, and the camera's zoom and aim."""

    name: str
    draw: Callable[[Canvas, Look], None]
    zoom: float = 1.0
    look_at: tuple[float, float] = (500.0, 500.0)
    night: bool = False


VIEWS: dict[str, list[View]] = {
    "shoe": [View("side", shoe_side, 1.25, (500, 470)), View("sole", shoe_sole, 1.15), View("top", shoe_top, 1.15),
             View("pair", shoe_pair, 1.0, (500, 470))],
    "tent": [View("front", tent_front, 1.2, (500, 440)), View("packed", tent_packed, 1.0, (500, 400)),
             View("door", tent_front, 2.0, (500, 420))],
    "backpack": [View("front", backpack_front, 1.0, (500, 520)), View("back", backpack_back, 1.0, (500, 520)),
                 View("side", backpack_side, 1.0, (500, 520))],
    "watch": [View("face", watch_face), View("side", watch_side), View("screen", watch_face, 2.0, (500, 500))],
    "headlamp": [View("front", headlamp_front, 1.15), View("night", headlamp_night, 1.0, (500, 450), night=True),
                 View("lens", headlamp_front, 2.4, (500, 420))],
}


def camera_of(view: View) -> Camera:
    """The camera for a flat drawing's view (1000 units across the picture, times its zoom)."""
    return Camera(1.2 * view.zoom * 0.86, (view.look_at[0], view.look_at[1], 0.0), (0.5, 0.5))
