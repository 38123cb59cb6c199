"""The demo's tents, backpacks, watches and headlamps (and, from draw_shoes.py, its running shoes), drawn flat
in a 1000-unit square (y up) with light and shadow. Each product's specs shape its drawing: a tent's kind and
size; a backpack's volume, roll-top or vest; a watch's screen and maps; a headlamp's power and battery. Each
kind has its views: the main one, another side, and a detail."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from draw_shoes import shoe_side, shoe_sole, shoe_top
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


# --- tents ---------------------------------------------------------------------------------------
def _tent_kind(name: str) -> str:
    lower = name.lower()
    for word, kind in (("roof", "roof"), ("tarp", "tarp"), ("pop-up", "popup"), ("inflatable", "air"),
                       ("family", "cabin"), ("4 seasons", "dome4"), ("kayak", "tunnel"), ("trek", "tunnel")):
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
    else:
        peak = 360 if kind == "dome4" else 300
        body = [(500 + half * math.cos(math.radians(a)), ground + peak * math.sin(math.radians(a)) ** 1.4)
                for a in range(0, 181, 6)]
    c.polygon(body, fly, shade=0.25, outline=4)
    door_w = half * 0.45
    arch = [(500 + door_w * math.cos(math.radians(a)), ground + body_height(body) * 0.75 * math.sin(math.radians(a)))
            for a in range(10, 181, 10)]
    door = [(500 - door_w, ground), (500 + door_w, ground), *arch]
    c.polygon(door, dark, shade=0.1)
    c.polygon([(500 - door_w * 0.8, ground), (500 + door_w * 0.8, ground), (500, ground + body_height(body) * 0.6)],
              inner, shade=0.1)
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


def backpack_front(c: Canvas, look: Look) -> None:
    """A backpack from the front: taller with its volume, a roll-top, a vest's shape, its pockets."""
    name = look.name.lower()
    height = _pack_height(look)
    width = 300 + min(70, _num(look.specs, "volume", 30)) * 2.2
    base = 150.0
    body, dark, trim = look.color, darker(look.color, 0.35), lighter(look.color, 0.25)
    c.shadow((500, base, 0), width * 0.7, 40)
    if "vest" in name:
        for side in (-1, 1):
            c.polygon([(500 + side * 40, base + 80), (500 + side * 230, base + 120), (500 + side * 220, base + 520),
                       (500 + side * 120, base + 640), (500 + side * 60, base + 600)], body, shade=0.25, outline=4)
            c.tube((500 + side * 150, base + 330), (500 + side * 150, base + 470), 80, darker(body, 0.2), shine=0.4)
            c.dot((500 + side * 150, base + 500), 14, (80, 180, 220))  # a soft flask's cap
        return
    left, right = 500 - width / 2, 500 + width / 2
    outline = [(left + 20, base), (right - 20, base), (right, base + 60), (right - 10, base + height - 90),
               (500 + width * 0.32, base + height), (500 - width * 0.32, base + height),
               (left + 10, base + height - 90),
               (left, base + 60)]
    c.polygon(outline, body, shade=0.25, outline=5)
    if "roll-top" in name:
        c.polygon([(500 - width * 0.34, base + height - 10), (500 + width * 0.34, base + height - 10),
                   (500 + width * 0.3, base + height + 90), (500 - width * 0.3, base + height + 90)], dark, shade=0.2)
        c.tube((500 - width * 0.4, base + height + 40), (500 + width * 0.4, base + height + 40), 26, (30, 30, 30))
    else:  # the lid and its zip
        c.polygon([(500 - width * 0.36, base + height - 140), (500 + width * 0.36, base + height - 140),
                   (500 + width * 0.3, base + height + 10), (500 - width * 0.3, base + height + 10)], dark, shade=0.2)
        c.line((500 - width * 0.3, base + height - 120), (500 + width * 0.3, base + height - 120), 6, trim)
        c.path(c.ellipse_points((500, base + height + 40), 50, ry=40, start=0, end=180, steps=16), 16, (30, 30, 30))
    pockets = int(_num(look.specs, "pockets", 4))
    c.polygon([(left + 60, base + 40), (right - 60, base + 40), (right - 70, base + height * 0.45),
               (left + 70, base + height * 0.45)], dark, shade=0.2, outline=3)
    c.line((left + 80, base + height * 0.42), (right - 80, base + height * 0.42), 6, trim)
    for side in (-1, 1):  # side pockets and compression straps
        c.polygon([(500 + side * width / 2, base + 40), (500 + side * (width / 2 + 40), base + 60),
                   (500 + side * (width / 2 + 40), base + 260), (500 + side * width / 2, base + 280)], dark, shade=0.2)
        for i in range(min(3, max(1, pockets // 3))):
            y = base + height * (0.55 + i * 0.12)
            c.line((500 + side * (width / 2 - 5), y), (500 + side * (width / 2 - 110), y + 10), 12, (30, 30, 30))
    if "laptop" in look.specs and look.specs.get("laptop"):
        c.polygon([(500 - 70, base + height * 0.55), (500 + 70, base + height * 0.55), (500 + 70, base + height * 0.6),
                   (500 - 70, base + height * 0.6)], look.accent, shade=0.0)
    if look.specs.get("raincover"):
        c.polygon([(left + 40, base), (right - 40, base), (right - 60, base + 36), (left + 60, base + 36)],
                  (250, 200, 40), shade=0.1)
    if "ski" in name:
        for side in (-1, 1):
            c.tube((500 + side * (width / 2 + 10), base - 60), (500 + side * (width / 2 + 20), base + height + 120), 30,
                   (200, 60, 40) if side < 0 else (30, 30, 30), shine=0.5)
    c.dot((500, base + height * 0.75), 18, lighter(look.accent, 0.1))  # the brand's badge


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
def watch_face(c: Canvas, look: Look, zoom: bool = False) -> None:
    """A watch face on: round or square by its screen, a map on the ones with maps, a data screen otherwise."""
    screen = _num(look.specs, "screen", 28)
    square = "band" in look.name.lower() or "kids" in look.name.lower()
    r = 150 + screen * 4
    strap = darker(look.color, 0.2)
    c.shadow((500, 110, 0), 220, 40)
    c.polygon([(500 - r * 0.55, 120), (500 + r * 0.55, 120), (500 + r * 0.5, 880), (500 - r * 0.5, 880)], strap,
              shade=0.3, outline=3)
    for y in range(160, 420, 40):
        c.dot((500, y), 9, darker(strap, 0.4))
    if square:
        c.polygon([(500 - r * 0.75, 500 - r), (500 + r * 0.75, 500 - r), (500 + r * 0.75, 500 + r),
                   (500 - r * 0.75, 500 + r)], (40, 40, 44), shade=0.3)
        c.polygon([(500 - r * 0.62, 500 - r * 0.85), (500 + r * 0.62, 500 - r * 0.85), (500 + r * 0.62, 500 + r * 0.85),
                   (500 - r * 0.62, 500 + r * 0.85)], (12, 14, 18), shade=0.1)
    else:
        c.disc((500, 500), r + 24, look.color, shade=0.35)
        for i in range(60):  # the bezel's marks
            a = math.radians(i * 6)
            inner = r + (2 if i % 5 else -10)
            c.line((500 + inner * math.cos(a), 500 + inner * math.sin(a)),
                   (500 + (r + 20) * math.cos(a), 500 + (r + 20) * math.sin(a)), 3 if i % 5 else 6, (230, 230, 230))
        c.disc((500, 500), r - 10, (12, 14, 18), shade=0.1)
    if look.specs.get("maps"):
        for i in range(-3, 4):  # contour lines of a map and a route on it
            c.path(c.ellipse_points((500 + i * 20, 480), r * 0.55 + i * 14, ry=r * 0.35, start=0, end=360, steps=40),
                   3, (60, 110, 80), shine=0.0)
        c.path([(500 - r * 0.5, 430), (470, 500), (530, 540), (500 + r * 0.45, 600)], 10, look.accent, shine=0.0)
        c.dot((530, 540), 14, (240, 240, 240))
    else:
        for i, width in enumerate((0.6, 0.9, 0.5)):  # big figures of a run as bars
            y = 580 - i * 90
            c.polygon([(500 - r * width / 2, y), (500 + r * width / 2, y), (500 + r * width / 2, y + 50),
                       (500 - r * width / 2, y + 50)], (230, 230, 230) if i != 1 else look.accent, shade=0.0)
    for side in (-1, 1):  # buttons
        c.tube((500 + side * (r + 30), 560), (500 + side * (r + 50), 560), 26, (150, 150, 156))
        c.tube((500 + side * (r + 30), 440), (500 + side * (r + 50), 440), 26, (150, 150, 156))


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


# --- headlamps -------------------------------------------------------------------------------------
def headlamp_front(c: Canvas, look: Look, night: bool = False) -> None:
    """A headlamp on its strap: a bigger lens with more lumens, a top strap and a battery box on the
    powerful ones, a red LED on the astronomy lamp; at night, its beam."""
    lumens = _num(look.specs, "lumens", 300)
    battery = _num(look.specs, "battery", 12)
    size = 70 + min(2000, lumens) ** 0.5 * 3.2
    red = "red" in look.name.lower()
    kids = "kids" in look.name.lower()
    strap = look.accent if not kids else (240, 200, 60)
    band = darker(strap, 0.25)
    if night:
        c.beam([(500, 420), (80, -200), (920, -200)], (255, 246, 200), 30 + min(120, int(lumens / 14)))
    c.shadow((500, 230, 0), 360, 36)
    c.path(c.ellipse_points((500, 520), 320, ry=120, start=0, end=180, steps=30), 50, band, shine=0.15)
    if lumens >= 900 or battery >= 100:  # a top strap over the head and a battery box at the back
        c.path(smooth([(500, 405), (520, 620), (500, 690), (480, 640)], closed=False), 44, strap, shine=0.2)
        c.polygon([(440, 620), (560, 620), (560, 700), (440, 700)], (52, 54, 58), shade=0.3, outline=3)
        c.dot((500, 660), 10, (90, 220, 110))
    c.path(c.ellipse_points((500, 520), 320, ry=120, start=180, end=360, steps=30), 54, strap, shine=0.25)
    for x in range(230, 780, 60):  # the band's woven pattern
        y = 520 - 120 * (1 - ((x - 500) / 320) ** 2) ** 0.5
        c.line((x - 10, y - 14), (x + 10, y + 14), 4, lighter(strap, 0.25))
    lamp_w, lamp_h = size * 1.15, size * 0.85
    cx, cy = 500.0, 400.0
    c.polygon(smooth([(cx - lamp_w / 2, cy - lamp_h / 2), (cx + lamp_w / 2, cy - lamp_h / 2),
                      (cx + lamp_w / 2 + 10, cy + lamp_h / 2), (cx - lamp_w / 2 - 10, cy + lamp_h / 2)]),
              look.color, shade=0.3, outline=4)
    lens = (cx - (lamp_w * 0.12 if red else 0), cy)
    c.disc(lens, lamp_h * 0.42, (200, 200, 196), shade=0.4)
    c.disc(lens, lamp_h * 0.34, (255, 250, 225) if not night else (255, 255, 240), shade=0.2)
    for i in range(6):  # the reflector's facets
        a = math.radians(i * 60)
        c.line(lens, (lens[0] + lamp_h * 0.33 * math.cos(a), lens[1] + lamp_h * 0.33 * math.sin(a)), 2,
               (225, 220, 200))
    if night:
        c.glow(lens, size * 1.5, (255, 244, 205), 255)
    if red:
        c.disc((cx + lamp_w * 0.34, cy), lamp_h * 0.16, (220, 30, 30), shade=0.3)
    c.tube((cx - lamp_w * 0.2, cy + lamp_h / 2 + 4), (cx + lamp_w * 0.2, cy + lamp_h / 2 + 4), 22, (40, 40, 42))
    if "solar" in look.name.lower():
        c.polygon([(cx - lamp_w * 0.4, cy + lamp_h / 2 + 16), (cx + lamp_w * 0.4, cy + lamp_h / 2 + 16),
                   (cx + lamp_w * 0.36, cy + lamp_h / 2 + 60), (cx - lamp_w * 0.36, cy + lamp_h / 2 + 60)],
                  (30, 50, 110), shade=0.3)


def headlamp_night(c: Canvas, look: Look) -> None:
    """The headlamp lit in the dark."""
    headlamp_front(c, look, night=True)


@dataclass(frozen=True)
class View:
    """One picture of a product: what is drawn, the backdrop, and the camera's zoom and aim."""

    name: str
    draw: Callable[[Canvas, Look], None]
    zoom: float = 1.0
    look_at: tuple[float, float] = (500.0, 500.0)
    night: bool = False


VIEWS: dict[str, list[View]] = {
    "shoe": [View("side", shoe_side, 1.25, (500, 470)), View("sole", shoe_sole), View("top", shoe_top),
             View("detail", shoe_side, 2.6, (330, 440))],
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
