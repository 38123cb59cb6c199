"""The demo's headlamps, each its own: a mini lamp on a thin cord, a runner's slim lamp on a wide reflective
band, a powerful lamp with a top strap and a battery at the back, an expedition lamp's battery on a cable, a
work lamp clipped to a hard hat, a caving lamp on its helmet, a solar lamp's panel, an astronomer's red LED,
a kids' round lamp; the lens grows with the lumens, and each band is seen at its own angle. Drawn flat in a
1000-unit square (y up)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from picture_kit import Canvas, Color, darker, lighter, smooth

CASE: Color = (52, 54, 58)


@dataclass(frozen=True)
class Lamp:
    """What makes one headlamp look like itself."""

    kind: str  # band | mini | run | top | cable | hardhat | helmet | solar | astro | kids
    size: float  # the lamp's body, by its lumens
    rx: float  # the band's half width
    ry: float  # its half depth as seen (the camera's angle)
    band: float  # the band's width
    roll: float = 0.0


def lamp_of(name: str, specs: dict[str, Any]) -> Lamp:
    """The headlamp a product is, from its name and specs."""
    value = specs.get("lumens", 300)
    lumens = float(value) if isinstance(value, int | float) else 300.0
    battery = specs.get("battery", 12)
    size = 70 + min(2000.0, lumens) ** 0.5 * 3.2
    lower = name.lower()
    for word, lamp in (("mini", Lamp("mini", size, 260, 70, 16, 4)), ("run", Lamp("run", size * 0.8, 300, 150, 80, -5)),
                       ("work", Lamp("hardhat", size, 330, 130, 40)), ("caving", Lamp("helmet", size, 330, 120, 40, 5)),
                       ("solar", Lamp("solar", size, 310, 90, 44, -3)), ("astro", Lamp("astro", size, 300, 170, 50, 3)),
                       ("kids", Lamp("kids", size, 240, 110, 50, -6)),
                       ("ultra", Lamp("cable", size * 1.15, 320, 140, 56)),
                       ("expé", Lamp("cable", size, 330, 100, 50, 4))):
        if word in lower:
            return lamp
    if lumens >= 900 or (isinstance(battery, int | float) and battery >= 100):
        return Lamp("top", size, 320, 120, 52, -3)
    return Lamp("band", size, 320, 120, 50)


def headlamp_front(c: Canvas, look: Any, night: bool = False) -> None:
    """A headlamp on its band (or on a helmet); at night, its beam."""
    lamp = lamp_of(look.name, look.specs)
    c.camera.roll = lamp.roll
    strap = (240, 200, 60) if lamp.kind == "kids" else look.accent
    band = darker(strap, 0.25)
    cx, cy = 500.0, 400.0
    if night:  # (an astronomer's lamp lights red: it keeps the eyes used to the dark)
        c.beam([(cx, cy + 20), (80, -200), (920, -200)], (255, 70, 50) if lamp.kind == "astro" else (255, 246, 200),
               30 + min(120, int(lamp.size / 2)))
    c.shadow((500, 230, 0), lamp.rx + 40, 36)
    if lamp.kind in ("hardhat", "helmet"):
        _helmet(c, lamp, look.color)
    else:
        c.path(c.ellipse_points((500, 520), lamp.rx, ry=lamp.ry, start=0, end=180, steps=30), lamp.band, band,
               shine=0.15)
        if lamp.kind in ("top", "cable"):  # a top strap over the head, a battery box at the back
            c.path(smooth([(500, 520 - lamp.ry + 10), (520, 620 + lamp.ry * 0.3), (500, 520 + lamp.ry + 40),
                           (480, 560 + lamp.ry)], closed=False), 44, strap, shine=0.2)
            c.polygon([(440, 500 + lamp.ry), (560, 500 + lamp.ry), (560, 580 + lamp.ry), (440, 580 + lamp.ry)],
                      CASE, shade=0.3, outline=3)
            c.dot((500, 540 + lamp.ry), 10, (90, 220, 110))
        c.path(c.ellipse_points((500, 520), lamp.rx, ry=lamp.ry, start=180, end=360, steps=30), lamp.band + 4,
               strap, shine=0.25)
        if lamp.kind == "run":  # reflective stripes along the wide band
            for x in range(int(500 - lamp.rx * 0.8), int(500 + lamp.rx * 0.8), 50):
                y = 520 - lamp.ry * (1 - ((x - 500) / lamp.rx) ** 2) ** 0.5
                c.line((x - 14, y), (x + 14, y), 8, (235, 235, 235))
        elif lamp.kind != "mini":
            for x in range(int(500 - lamp.rx * 0.85), int(500 + lamp.rx * 0.85), 60):  # the band's weave
                y = 520 - lamp.ry * (1 - ((x - 500) / lamp.rx) ** 2) ** 0.5
                c.line((x - 10, y - 14), (x + 10, y + 14), 4, lighter(strap, 0.25))
        if lamp.kind == "cable":  # the battery pack hangs on its cable at the back
            c.path(smooth([(560, 540 + lamp.ry), (720, 480), (800, 300), (760, 200)], closed=False), 10, CASE)
            c.polygon([(700, 110), (840, 110), (840, 230), (700, 230)], CASE, shade=0.3, outline=3)
            for i in range(4):
                c.dot((720 + i * 30, 130), 8, (90, 220, 110) if i < 3 else (60, 60, 60))
        cy = 520 - lamp.ry
    _lamp(c, lamp, look.color, (cx, cy), night)


def _helmet(c: Canvas, lamp: Lamp, color: Color) -> None:
    """A hard hat with its brim (the work lamp clips to it) or a caving helmet's round dome."""
    if lamp.kind == "hardhat":
        shell = (238, 190, 40)
        c.polygon([(130, 300), (870, 300), (840, 340), (160, 340)], darker(shell, 0.15), shade=0.2)  # the brim
        c.polygon(smooth([(200, 330), (220, 560), (360, 700), (500, 730), (640, 700), (780, 560), (800, 330)]),
                  shell, shade=0.3, outline=4)
        c.tube((500, 700), (500, 360), 40, lighter(shell, 0.2), shine=0.3)  # the ridge
    else:
        shell = (230, 230, 226)
        c.polygon(smooth([(190, 300), (180, 520), (300, 680), (500, 720), (700, 680), (820, 520), (810, 300)]),
                  shell, shade=0.3, outline=4)
        c.path([(190, 300), (810, 300)], 26, (40, 40, 44))
        c.path(smooth([(260, 300), (300, 180), (500, 140), (700, 180), (740, 300)], closed=False), 12,
               (60, 60, 64))  # the chin strap
    c.path([(200, 420), (800, 420)], 34, color, shine=0.2)  # the lamp's band round the shell


def _lamp(c: Canvas, lamp: Lamp, color: Color, at: tuple[float, float], night: bool) -> None:
    """The lamp's body, lens and switch."""
    cx, cy = at
    cy = cy - (0 if lamp.kind not in ("hardhat", "helmet") else -20)
    w, h = lamp.size * 1.15, lamp.size * 0.85
    if lamp.kind == "run":
        w, h = lamp.size * 1.6, lamp.size * 0.55
    elif lamp.kind == "kids":
        w = h = lamp.size * 1.0
    elif lamp.kind == "astro":
        w = lamp.size * 1.7
    if lamp.kind == "kids":  # round, like a ladybird
        c.disc((cx, cy), w / 2 + 14, (200, 40, 40), shade=0.3)
        for a in (40, 140, 220, 320):
            c.dot((cx + w * 0.42 * math.cos(math.radians(a)), cy + w * 0.42 * math.sin(math.radians(a))), 12,
                  (30, 30, 30))
    else:
        c.polygon(smooth([(cx - w / 2, cy - h / 2), (cx + w / 2, cy - h / 2), (cx + w / 2 + 10, cy + h / 2),
                          (cx - w / 2 - 10, cy + h / 2)]), color, shade=0.3, outline=4)
    if lamp.kind == "cable" and lamp.size > 200:  # cooling fins on the most powerful one
        for i in range(-3, 4):
            c.line((cx + i * w / 9, cy + h / 2 + 4), (cx + i * w / 9, cy + h / 2 + 40), 10, darker(color, 0.3))
    lens_x = cx - (w * 0.2 if lamp.kind == "astro" else 0)
    c.disc((lens_x, cy), h * 0.42, (200, 200, 196), shade=0.4)
    c.disc((lens_x, cy), h * 0.34, (255, 250, 225) if not night else (255, 255, 240), shade=0.2)
    for i in range(6):  # the reflector's facets
        a = math.radians(i * 60)
        c.line((lens_x, cy), (lens_x + h * 0.33 * math.cos(a), cy + h * 0.33 * math.sin(a)), 2, (225, 220, 200))
    if night and lamp.kind != "astro":
        c.glow((lens_x, cy), lamp.size * 1.5, (255, 244, 205), 255)
    if lamp.kind == "astro":  # the red LED in its black bezel (seen on a red body too)
        c.disc((cx + w * 0.3, cy), h * 0.27, CASE, shade=0.2)
        c.disc((cx + w * 0.3, cy), h * 0.2, (235, 40, 36), shade=0.3)
        if night:
            c.glow((cx + w * 0.3, cy), lamp.size * 1.5, (255, 60, 40), 255)
    c.tube((cx - w * 0.2, cy + h / 2 + 4), (cx + w * 0.2, cy + h / 2 + 4), 22, (40, 40, 42))  # the switch
    if lamp.kind == "solar":
        c.polygon([(cx - w * 0.55, cy + h / 2 + 16), (cx + w * 0.55, cy + h / 2 + 16), (cx + w * 0.5, cy + h / 2 + 90),
                   (cx - w * 0.5, cy + h / 2 + 90)], (30, 50, 110), shade=0.3)
        for i in range(1, 4):
            c.line((cx - w * 0.55 + i * w * 0.275, cy + h / 2 + 16), (cx - w * 0.5 + i * w * 0.25, cy + h / 2 + 90),
                   3, (120, 140, 200))


def headlamp_night(c: Canvas, look: Any) -> None:
    """The headlamp lit in the dark."""
    headlamp_front(c, look, night=True)


def headlamp_worn(c: Canvas, look: Any) -> None:
    """The headlamp worn, lit, on a head-and-shoulders silhouette seen from the side, its beam ahead: what the
    department's picture shows (on its own band a headlamp read as a belt; on a faceless grey mannequin head
    seen from the front, as an egg in an egg cup)."""
    figure, band = (70, 78, 92), (36, 38, 44)
    c.beam([(640, 650), (1200, 980), (1200, 300)], (255, 222, 120), 110)  # the beam, ahead of the face
    c.beam([(640, 650), (1200, 840), (1200, 450)], (255, 236, 170), 110)
    c.polygon(smooth([(240, 470), (225, 600), (270, 730), (380, 790), (500, 770), (565, 700), (585, 610),
                      (625, 535), (590, 505), (600, 470), (585, 440), (590, 405), (545, 370), (490, 360),
                      (480, 300), (560, 250), (720, 200), (790, 60), (90, 60), (140, 210), (300, 280), (300, 380)]),
              figure, shade=0.15)  # the head, its face to the right, and the shoulders
    c.path([(232, 610), (585, 655)], 44, band, shine=0.1)  # the band round the forehead
    body = smooth([(560, 610), (650, 610), (660, 700), (560, 700)])
    c.polygon(body, look.color, shade=0.3, outline=4)
    c.polygon(c.ellipse_points((656, 655), 14, ry=40)[:-1], (255, 252, 232), shade=0.1)  # the lit lens
    c.glow((660, 655), 200, (255, 240, 190), 230)
