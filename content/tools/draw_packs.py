"""The demo's backpacks from the front, each its own shape: a day pack's rounded top, a city pack's box and
handle, a trekking pack's lid and sleeping mat, an alpine pack's taper and ice axe, a roll-top's roll, a
cabin pack's suitcase shape, a kids' pack's ears, a bike pack's helmet net, a ski pack's skis, a hiking
pack's poles, a running vest; its size by its volume. Drawn flat in a 1000-unit square (y up)."""

from __future__ import annotations

from typing import Any

from picture_kit import Canvas, Color, darker, lighter, smooth

BASE = 150.0
STRAP: Color = (30, 30, 32)


def pack_kind(name: str) -> str:
    """What kind of backpack a product is, by its name."""
    lower = name.lower()
    for word, kind in (("vest", "vest"), ("roll-top", "rolltop"), ("ski", "ski"), ("cabin", "cabin"),
                       ("city", "city"), ("bike", "bike"), ("kids", "kids"), ("day", "day"),
                       ("trekking", "trekking"), ("alpine", "alpine"), ("hiking", "hiking")):
        if word in lower:
            return kind
    return "day"


def pack_size(specs: dict[str, Any]) -> tuple[float, float]:
    """A pack's width and height by its volume."""
    value = specs.get("volume", 30)
    volume = min(70.0, float(value) if isinstance(value, int | float) else 30.0)
    return 300 + volume * 2.2, 380 + volume * 5


def _outline(kind: str, width: float, height: float) -> list[tuple[float, float]]:
    """The pack's body, by its kind."""
    left, right, top = 500 - width / 2, 500 + width / 2, BASE + height
    if kind == "day":  # a teardrop: straight sides, a round top
        return smooth([(left + 30, BASE), (right - 30, BASE), (right, BASE + height * 0.45),
                       (right - width * 0.12, top - height * 0.12), (500, top + 10),
                       (left + width * 0.12, top - height * 0.12), (left, BASE + height * 0.45)])
    if kind in ("city", "cabin"):  # a box with rounded corners
        if kind == "cabin":
            left, right, top = 500 - width * 0.75, 500 + width * 0.75, BASE + height * 0.72
        r = 46
        return smooth([(left + r, BASE), (right - r, BASE), (right, BASE + r), (right, top - r), (right - r, top),
                       (left + r, top), (left, top - r), (left, BASE + r)], steps=3)
    if kind == "alpine":  # narrow at the foot, wide at the shoulders
        return [(500 - width * 0.36, BASE), (500 + width * 0.36, BASE), (right, BASE + height * 0.7),
                (right - 30, top - 40), (left + 30, top - 40), (left, BASE + height * 0.7)]
    if kind == "bike":  # narrower at the top
        return smooth([(left, BASE), (right, BASE), (right - width * 0.12, top - 30), (500, top + 8),
                       (left + width * 0.12, top - 30)])
    if kind == "kids":  # round, small
        return smooth([(left + 20, BASE), (right - 20, BASE), (right + 10, BASE + height * 0.5),
                       (right - 40, top - 20), (500, top + 10), (left + 40, top - 20),
                       (left - 10, BASE + height * 0.5)])
    return [(left + 20, BASE), (right - 20, BASE), (right, BASE + 60), (right - 10, top - 90),
            (500 + width * 0.32, top), (500 - width * 0.32, top), (left + 10, top - 90), (left, BASE + 60)]


def backpack_front(c: Canvas, look: Any) -> None:
    """A backpack from the front, its shape and its fittings by its kind."""
    kind = pack_kind(look.name)
    width, height = pack_size(look.specs)
    if kind == "trekking":
        width *= 0.9
        height *= 0.92
    body, dark, trim = look.color, darker(look.color, 0.35), lighter(look.color, 0.25)
    c.camera.roll = {"day": 3.0, "alpine": -3.0, "bike": 4.0, "hiking": -4.0, "kids": 6.0}.get(kind, 0.0)
    c.shadow((500, BASE, 0), width * (1.05 if kind == "cabin" else 0.7), 40)
    if kind == "vest":
        _vest(c, body)
        return
    behind(c, kind, width, height)
    c.polygon(_outline(kind, width, height), body, shade=0.25, outline=5)
    top = BASE + (height * 0.72 if kind == "cabin" else height)
    _front(c, look, kind, width, height, top, dark, trim)


def behind(c: Canvas, kind: str, width: float, height: float) -> None:
    """What stands behind the pack's body: skis, trekking poles, a lid's frame."""
    if kind == "ski":  # the skis strapped A-frame on the sides
        for side in (-1, 1):
            c.tube((500 + side * (width / 2 + 10), BASE - 60), (500 + side * (width / 2 - 40), BASE + height + 160),
                   34, (200, 60, 40) if side < 0 else (30, 30, 30), shine=0.5)
    elif kind == "hiking":  # trekking poles across the back, their grips out over the top
        c.tube((500 - width * 0.5, BASE + 40), (500 + width * 0.45, BASE + height + 170), 16, (150, 150, 156))
        c.tube((500 + width * 0.45, BASE + height + 110), (500 + width * 0.45, BASE + height + 210), 30, STRAP)
    elif kind == "alpine":  # an ice axe down the side, its head at the foot
        c.tube((500 - width * 0.5 - 30, BASE + height * 0.9), (500 - width * 0.5 - 10, BASE - 10), 22,
               (90, 90, 96), shine=0.5)
        c.polygon([(500 - width * 0.5 - 120, BASE - 10), (500 - width * 0.5 + 70, BASE - 10),
                   (500 - width * 0.5 + 60, BASE + 20), (500 - width * 0.5 - 110, BASE + 26)], (160, 162, 168),
                  shade=0.3)


def _front(c: Canvas, look: Any, kind: str, width: float, height: float, top: float, dark: Color,
           trim: Color) -> None:
    """The pack's front: its lid or roll, pockets, straps, and what each kind carries."""
    left, right = 500 - width / 2, 500 + width / 2
    if kind == "cabin":
        left, right = 500 - width * 0.75, 500 + width * 0.75
        c.path([(left + 40, BASE + 40), (left + 40, top - 40), (right - 40, top - 40), (right - 40, BASE + 40)],
               10, trim, shine=0.0)  # the zip all round: it opens like a suitcase
        c.tube((right + 14, BASE + height * 0.25), (right + 14, BASE + height * 0.47), 34, STRAP)  # side handle
        c.path(c.ellipse_points((500, top), 80, ry=50, start=0, end=180, steps=16), 20, STRAP)
        c.polygon([(500 - 120, BASE + 80), (500 + 120, BASE + 80), (500 + 120, BASE + 200),
                   (500 - 120, BASE + 200)], dark, shade=0.2, outline=3)
        return
    if kind == "rolltop":
        c.polygon([(500 - width * 0.4, top - 10), (500 + width * 0.4, top - 10), (500 + width * 0.36, top + 110),
                   (500 - width * 0.36, top + 110)], dark, shade=0.2)
        c.tube((500 - width * 0.62, top + 50), (500 + width * 0.62, top + 50), 40, STRAP)  # the roll's buckled wings
        for side in (-1, 1):
            c.tube((500 + side * width * 0.62, top + 50), (500 + side * width * 0.52, BASE + height * 0.5), 16,
                   STRAP)
    elif kind == "city":
        c.path(c.ellipse_points((500, top), 70, ry=60, start=0, end=180, steps=16), 22, STRAP)  # grab handle
        c.path([(left + 50, top - 50), (right - 50, top - 50)], 8, trim, shine=0.0)
    elif kind == "kids":
        for side in (-1, 1):  # a bear's ears, eyes and nose
            c.disc((500 + side * width * 0.32, top - 10), 62, look.color, shade=0.3)
            c.disc((500 + side * width * 0.32, top - 10), 34, lighter(look.color, 0.4), shade=0.1)
            c.dot((500 + side * 60, BASE + height * 0.68), 20, (250, 250, 250))
            c.dot((500 + side * 60, BASE + height * 0.68), 10, STRAP)
        c.disc((500, BASE + height * 0.55), 36, (240, 190, 120), shade=0.2)
    elif kind == "bike":  # a helmet held in the front net, a blinking light
        c.disc((500, BASE + height * 0.52), width * 0.44, lighter(look.accent, 0.1), ry=width * 0.34, shade=0.3)
        for i in range(-3, 4):
            c.line((500 + i * width * 0.12, BASE + height * 0.25), (500 + i * width * 0.1, BASE + height * 0.8), 4,
                   STRAP)
        c.dot((500, BASE + 60), 22, (230, 40, 40))
    elif kind == "day":  # a zip in an arc round the top, its puller
        c.path(smooth([(500 - width * 0.4, BASE + height * 0.5), (500, BASE + height * 0.86),
                       (500 + width * 0.4, BASE + height * 0.5)], closed=False), 8, trim, shine=0.0)
        c.tube((500 + width * 0.4, BASE + height * 0.5), (500 + width * 0.42, BASE + height * 0.42), 14, trim)
        c.path(c.ellipse_points((500, BASE + height + 30), 40, ry=34, start=0, end=180, steps=16), 14, STRAP)
    else:  # the lid and its zip, a haul loop
        c.polygon([(500 - width * 0.36, top - 140), (500 + width * 0.36, top - 140),
                   (500 + width * 0.3, top + (60 if kind == "trekking" else 10)),
                   (500 - width * 0.3, top + (60 if kind == "trekking" else 10))], dark, shade=0.2)
        c.line((500 - width * 0.3, top - 120), (500 + width * 0.3, top - 120), 6, trim)
        c.path(c.ellipse_points((500, top + 40), 50, ry=40, start=0, end=180, steps=16), 16, STRAP)
    if kind not in ("kids", "bike"):
        c.polygon([(left + 60, BASE + 40), (right - 60, BASE + 40), (right - 70, BASE + height * 0.45),
                   (left + 70, BASE + height * 0.45)], dark, shade=0.2, outline=3)
        c.line((left + 80, BASE + height * 0.42), (right - 80, BASE + height * 0.42), 6, trim)
    if kind in ("trekking", "alpine", "hiking", "ski", "day"):
        pockets = int(look.specs.get("pockets", 4))
        for side in (-1, 1):  # side pockets and compression straps
            c.polygon([(500 + side * width / 2, BASE + 40), (500 + side * (width / 2 + 40), BASE + 60),
                       (500 + side * (width / 2 + 40), BASE + 260), (500 + side * width / 2, BASE + 280)], dark,
                      shade=0.2)
            for i in range(min(3, max(1, pockets // 3))):
                y = BASE + height * (0.55 + i * 0.12)
                c.line((500 + side * (width / 2 - 5), y), (500 + side * (width / 2 - 110), y + 10), 12, STRAP)
    if kind == "trekking":  # a sleeping mat strapped under it, wider than the pack
        c.tube((500 - width * 0.62, BASE - 10), (500 + width * 0.62, BASE - 10), 130, (70, 120, 90), shine=0.3)
        for side in (-1, 1):
            c.line((500 + side * width * 0.3, BASE + 60), (500 + side * width * 0.3, BASE - 80), 16, STRAP)
    if look.specs.get("laptop") and kind != "cabin":
        c.polygon([(430, BASE + height * 0.55), (570, BASE + height * 0.55), (570, BASE + height * 0.6),
                   (430, BASE + height * 0.6)], look.accent, shade=0.0)
    if look.specs.get("raincover") and kind not in ("kids",):
        c.polygon([(left + 40, BASE), (right - 40, BASE), (right - 60, BASE + 36), (left + 60, BASE + 36)],
                  (250, 200, 40), shade=0.1)
    c.dot((500, BASE + height * 0.75), 18, lighter(look.accent, 0.1))  # the brand's badge


def _vest(c: Canvas, body: Color) -> None:
    """A running vest: two front panels with soft flasks."""
    for side in (-1, 1):
        c.polygon([(500 + side * 40, BASE + 80), (500 + side * 230, BASE + 120), (500 + side * 220, BASE + 520),
                   (500 + side * 120, BASE + 640), (500 + side * 60, BASE + 600)], body, shade=0.25, outline=4)
        c.tube((500 + side * 150, BASE + 330), (500 + side * 150, BASE + 470), 80, darker(body, 0.2), shine=0.4)
        c.dot((500 + side * 150, BASE + 500), 14, (80, 180, 220))  # a soft flask's cap
