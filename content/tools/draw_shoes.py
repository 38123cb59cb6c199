"""The demo's running shoes, each its own design: a shoe's kind (a trail shoe, a racer with a carbon plate, a
cushioned trainer, a track spike, a waterproof mid-cut...) and its specs (stack, drop) give it its sole, its
upper's line, its collar, its toe, its lacing and its overlays, and its own pose on the photographer's table
(tipped onto its toe or its heel, raised off the table). Every shoe faces right, its toe to the right, as in a
shop's catalogue. Drawn flat in a 1000-unit square (y up)."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from typing import Any

from picture_kit import Canvas, Color, darker, lighter, mix, smooth

WHITE: Color = (246, 246, 244)
FOAM: Color = (236, 234, 228)
RUBBER: Color = (44, 44, 46)
BASE = 330.0  # the table's line under the shoe
HEEL_X, TOE_X = 130.0, 870.0


def _num(specs: dict[str, Any], key: str, default: float) -> float:
    value = specs.get(key, default)
    return float(value) if isinstance(value, int | float) else default


def _text(specs: dict[str, Any], key: str) -> str:
    value = specs.get(key, "")
    return str(value.get("en", "")) if isinstance(value, dict) else str(value)


@dataclass(frozen=True)
class Shoe:
    """What makes one shoe look like itself (heights in design units above the table)."""

    heel: float  # the midsole's thickness under the heel
    fore: float  # under the ball of the foot
    rocker: float  # how far the toe lifts off the table (toe spring)
    bevel: float  # how far the heel is rounded off
    collar: float  # the collar's height at the heel, above the midsole
    dip: float  # how far the collar dips under the ankle
    toe: float  # the toe box's height
    throat: float  # where the laces start (fraction of the length from the heel)
    point: float  # how pointed the toe is (0 round, 1 a racer's)
    lugs: float  # the outsole's lugs' depth (0: a road shoe's flat tread)
    sole: str  # plain | sculpted | plate | spikes | cup | post | rock
    lacing: str  # laces | toggle | strap | knit | zip
    # The upper's own detail, none of them a real brand's mark (no parallel stripes, no curve along the side,
    # no crossing stripes, no check): perforations | clip | bumper | saddle | rand | vents | counter |
    # mudguard | panels
    overlay: str
    tab: float  # the heel pull tab's height
    gaiter: bool = False  # a trail gaiter's ring at the toe
    membrane: bool = False  # a waterproof badge
    flare: float = 0.0  # the heel flaring out behind
    roll: float = 0.0  # tipped (degrees, positive: onto its heel)
    lift: float = 0.0  # raised off the table (floating in the photographer's light)


def shoe_of(name: str, specs: dict[str, Any]) -> Shoe:
    """The shoe a product is, from its name and specs."""
    stack, drop = _num(specs, "stack", 26), _num(specs, "drop", 8)
    terrain = _text(specs, "terrain")
    heel = 40 + stack * 2.4
    fore = max(24.0, heel - drop * 3.2)
    lower = name.lower()
    trail = terrain == "Trail"
    shoe = Shoe(heel, fore, 34, 18, 150, 26, 92, 0.3, 0.3, 18 if trail else 0, "plain", "laces", "saddle", 24)
    if "carbon" in lower:
        return replace(shoe, rocker=40, bevel=26, collar=118, dip=34, toe=70, throat=0.34, point=0.9, sole="plate",
                       overlay="clip", tab=40, roll=-3, flare=14)
    if "sprint" in lower or terrain == "Track":
        return replace(shoe, heel=34, fore=30, rocker=60, bevel=6, collar=140, dip=20, toe=84, throat=0.36,
                       point=1.0, sole="spikes", lacing="strap", overlay="panels", tab=0, roll=-10, lift=70)
    if "cloud" in lower or "max" in lower:
        return replace(shoe, rocker=58, bevel=60, collar=160, dip=18, toe=104, point=0.1, sole="sculpted",
                       overlay="counter", tab=40, flare=44, roll=4)
    if "gtx" in lower or specs.get("waterproof"):
        return replace(shoe, collar=250, dip=6, toe=110, throat=0.34, point=0.15, lugs=30, sole="rock",
                       lacing="zip", overlay="mudguard", tab=40, membrane=True)
    if "ultra" in lower:
        return replace(shoe, rocker=50, bevel=40, collar=170, toe=100, point=0.2, lugs=20, sole="rock",
                       lacing="toggle", overlay="vents", tab=0, gaiter=True, flare=26, roll=3, lift=30)
    if trail:
        return replace(shoe, collar=165, toe=98, lugs=34, sole="rock", lacing="toggle", overlay="rand", tab=30,
                       gaiter=True, roll=-3)
    if "marathon" in lower:
        return replace(shoe, rocker=52, bevel=30, collar=128, dip=30, toe=76, point=0.75, lacing="knit",
                       overlay="bumper", tab=34, lift=36, roll=-4)
    if "beginner" in lower:
        return replace(shoe, rocker=22, bevel=10, collar=176, dip=14, toe=108, point=0.0, sole="post",
                       overlay="panels", tab=20, flare=20)
    if "urban" in lower or "hybrid" in lower:
        return replace(shoe, heel=78, fore=66, rocker=18, bevel=4, collar=150, dip=20, toe=100, point=0.05,
                       sole="cup", lacing="laces", overlay="panels", tab=0)
    if "tempo" in lower:
        return replace(shoe, rocker=48, bevel=34, collar=132, dip=34, toe=80, throat=0.34, point=0.6,
                       overlay="perforations", tab=50, roll=-4, lift=24)
    return replace(shoe, overlay="saddle", tab=36, flare=12)  # a daily trainer


# --- the shape ---------------------------------------------------------------------------------------
def _lerp(points: list[tuple[float, float]], u: float) -> float:
    """The height at `u` of a profile through (u, height) points: a smooth curve (Catmull-Rom) through them."""
    if u <= points[0][0]:
        return points[0][1]
    if u >= points[-1][0]:
        return points[-1][1]
    i = next(i for i in range(len(points) - 1) if points[i][0] <= u <= points[i + 1][0])
    (u1, h1), (u2, h2) = points[i], points[i + 1]
    h0 = points[i - 1][1] if i > 0 else h1
    h3 = points[i + 2][1] if i + 2 < len(points) else h2
    t = (u - u1) / (u2 - u1) if u2 > u1 else 0.0
    return 0.5 * (2 * h1 + (-h0 + h2) * t + (2 * h0 - 5 * h1 + 4 * h2 - h3) * t * t
                  + (-h0 + 3 * h1 - 3 * h2 + h3) * t * t * t)


def _x(u: float) -> float:
    return HEEL_X + (TOE_X - HEEL_X) * u


def _ground(shoe: Shoe, u: float) -> float:
    """The outsole's line: the heel's bevel and the toe's spring lift it off the table."""
    return BASE + _lerp([(0, shoe.bevel), (0.16, 0), (0.62, 0), (1.0, shoe.rocker)], u)


def _midsole_top(shoe: Shoe, u: float) -> float:
    """Where the midsole meets the upper."""
    return _ground(shoe, u) + _lerp([(0, shoe.heel * 0.8), (0.14, shoe.heel), (0.7, shoe.fore),
                                     (1.0, shoe.fore * 0.55)], u)


def _upper_top(shoe: Shoe, u: float) -> float:
    """The upper's top line: the collar, the dip under the ankle, the tongue, the laces' line down to the toe
    box."""
    k = 1.4  # (the heights are a side view's; the upper stands higher than the sole is thick)
    return _midsole_top(shoe, u) + k * _lerp([(0.0, shoe.collar * 0.9), (0.05, shoe.collar),
                                              (0.15, shoe.collar - shoe.dip), (shoe.throat - 0.06, shoe.collar * 1.02),
                                              (shoe.throat + 0.04, shoe.collar * 0.92), (0.76, shoe.toe),
                                              (0.93, shoe.toe * (0.85 - 0.3 * shoe.point)), (1.0, shoe.toe * 0.3)], u)


def _inside(shoe: Shoe, u: float, s: float) -> tuple[float, float]:
    """A point of the upper: `u` along it from the heel, `s` up from the midsole (0) to its top line (1)."""
    low, high = _midsole_top(shoe, u), _upper_top(shoe, u)
    return _x(u), low + (high - low) * s


def _upper(shoe: Shoe) -> list[tuple[float, float]]:
    steps = [i / 16 for i in range(17)]
    top = [(_x(u), _upper_top(shoe, u)) for u in steps]
    tip = (TOE_X + 12 + 20 * shoe.point, _midsole_top(shoe, 1.0) + shoe.toe * 0.12)
    low = _midsole_top(shoe, 0.0)
    heel = [(HEEL_X - 4, low + 6), (HEEL_X - 28 - shoe.flare * 0.2, low + shoe.collar * 0.5),
            (HEEL_X - 18 - shoe.flare * 0.1, low + shoe.collar * 1.1)]  # the heel's round back, bottom up
    bottom = [(_x(u), _midsole_top(shoe, u) - 4) for u in reversed(steps)]
    return smooth([*top, tip, *bottom, *heel], steps=4)


def _midsole(shoe: Shoe) -> list[tuple[float, float]]:
    steps = [i / 16 for i in range(17)]
    top = [(_x(u), _midsole_top(shoe, u)) for u in steps]
    toe = (TOE_X + 8 + 14 * shoe.point, (_midsole_top(shoe, 1.0) + _ground(shoe, 1.0)) / 2)
    bottom = [(_x(u), _ground(shoe, u)) for u in reversed(steps)]
    heel = (HEEL_X - 8 - shoe.flare, _ground(shoe, 0.0) + shoe.heel * 0.45)
    return smooth([*top, toe, *bottom, heel], steps=4)


def _pose(c: Canvas, shoe: Shoe) -> None:
    """The shoe's own pose: facing right, as every shoe of the catalogue, and tipped."""
    c.camera.mirror = False
    c.camera.roll = shoe.roll


def _foam(shoe: Shoe, color: Color, accent: Color) -> Color:
    """The midsole's foam: white, tinted on a racer (its upper's colour, paler: a white racer's foam vanished into
    the pale backdrop) and a max-cushion shoe, a cupsole's cream."""
    if shoe.sole == "cup":
        return (230, 226, 214)
    if shoe.sole == "plate":
        return mix(color, WHITE, 0.5)
    return FOAM if shoe.sole != "sculpted" else lighter(color, 0.7)


def shoe_side(c: Canvas, look: Any, mate: bool = False) -> None:
    """A running shoe from its outer side, drawn from its own design (`mate`: its pair's other shoe, facing
    the other way)."""
    shoe = shoe_of(look.name, look.specs)
    _pose(c, shoe)
    c.camera.mirror = mate
    lift = shoe.lift
    c.shadow((500, BASE - lift * 0.2, 0), 380 - lift, 34, strength=90 - int(lift * 0.6))
    if lift:
        c.camera.look = (c.camera.look[0], c.camera.look[1] - lift, c.camera.look[2])
    color, accent = look.color, look.accent
    foam = _foam(shoe, color, accent)
    midsole = _midsole(shoe)
    racer = shoe.sole == "plate"  # a racer's thin sole stands out by its darker edge
    c.polygon(midsole, foam, shade=0.12, outline=5 if racer else 3, outline_color=darker(foam, 0.3 if racer else 0.18))
    _sole_details(c, shoe, foam, accent)
    _outsole(c, shoe)
    c.polygon(_upper(shoe), color, shade=0.22, outline=4)
    _overlays(c, shoe, color, accent)
    _lacing(c, shoe, color, accent)
    _heel(c, shoe, color, accent)
    brand_mark(c, shoe, look.brand, color)


def _sole_details(c: Canvas, shoe: Shoe, foam: Color, accent: Color) -> None:
    """What a midsole shows from the side: a sculpted sidewall, a plate, a stability post, a cupsole's
    stitching."""
    if shoe.sole == "sculpted":  # a max-cushion sole's sidewall: one deep groove along it, rising to the toe
        c.path([(_x(u), _ground(shoe, u) + (_midsole_top(shoe, u) - _ground(shoe, u)) * (0.55 - 0.15 * u))
                for u in [i / 12 for i in range(1, 12)]], 10, darker(foam, 0.16), shine=0.0)
    elif shoe.sole == "plate":  # the carbon plate: a thin line inside the foam, from the heel to the toe
        c.path(smooth([(_x(u), _ground(shoe, u) + (_midsole_top(shoe, u) - _ground(shoe, u)) * 0.5)
                       for u in (0.06, 0.3, 0.6, 0.85, 0.95)]), 6, (30, 30, 32), shine=0.6)
    elif shoe.sole == "post":  # a firmer, darker foam under the arch: the stability post
        pts = [(_x(u), _midsole_top(shoe, u) - 2) for u in (0.1, 0.3, 0.5)] + \
            [(_x(u), _ground(shoe, u) + 14) for u in (0.5, 0.3, 0.1)]
        c.polygon(smooth(pts), mix(foam, (90, 110, 140), 0.55), shade=0.12)
    elif shoe.sole == "cup":  # a cupsole's stitching
        for i in range(34):
            u = 0.03 + i * 0.028
            y = _midsole_top(shoe, u) - (_midsole_top(shoe, u) - _ground(shoe, u)) * 0.3
            c.line((_x(u), y), (_x(u) + 9, y), 3, (150, 140, 120))
    elif shoe.sole == "rock":  # a trail shoe's wavy two-tone foam
        c.path([(_x(u), _ground(shoe, u) + (_midsole_top(shoe, u) - _ground(shoe, u)) * (0.4 + 0.12 * math.sin(u * 14)))
                for u in [i / 16 for i in range(1, 16)]], 9, darker(foam, 0.2), shine=0.0)


def _outsole(c: Canvas, shoe: Shoe) -> None:
    """The rubber under the shoe: flat, lugged or spiked."""
    steps = [i / 30 for i in range(31)]
    start = 0.5 if shoe.sole == "spikes" else 0.0
    low = [(_x(u), _ground(shoe, u) - 2) for u in steps if u >= start]
    high = [(_x(u), _ground(shoe, u) + 14) for u in reversed(steps) if u >= start]
    c.polygon([*low, *high], RUBBER if shoe.sole != "spikes" else (60, 60, 66), shade=0.1)
    if shoe.sole == "spikes":
        for i in range(5):
            u = 0.55 + i * 0.09
            x, y = _x(u), _ground(shoe, u)
            c.polygon([(x - 9, y), (x + 9, y), (x + 2, y - 34), (x - 2, y - 34)], (190, 192, 198), shade=0.3)
        return
    if shoe.lugs:
        count = 14 if shoe.lugs > 25 else 18
        for i in range(count):
            u = 0.03 + i * 0.94 / (count - 1)
            x, y = _x(u), _ground(shoe, u)
            w = 14 if shoe.lugs > 25 else 10
            c.polygon([(x - w, y + 2), (x + w, y + 2), (x + w * 0.6, y - shoe.lugs), (x - w * 0.6, y - shoe.lugs)],
                      RUBBER, shade=0.05)
    else:
        for i in range(10):
            u = 0.1 + i * 0.08
            x, y = _x(u), _ground(shoe, u)
            c.line((x, y + 1), (x + 8, y + 12), 4, lighter(RUBBER, 0.35))


def _stitches(c: Canvas, points: list[tuple[float, float]], color: Color, length: float = 12.0) -> None:
    """A seam's stitches along a line: short dashes with gaps."""
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        span = math.hypot(x2 - x1, y2 - y1)
        for i in range(int(span // (length * 2))):
            a, b = i * length * 2 / span, (i * length * 2 + length) / span
            c.line((x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), 3, color)


def _along(shoe: Shoe, s: float, u0: float, u1: float, count: int = 12) -> list[tuple[float, float]]:
    """Points of the upper at height `s`, from `u0` to `u1`."""
    return [_inside(shoe, u0 + (u1 - u0) * i / count, s) for i in range(count + 1)]


def _toe_bumper(c: Canvas, shoe: Shoe, color: Color) -> None:
    """A rubber toe bumper wrapping the front of the toe box."""
    c.polygon([*_along(shoe, 0.0, 0.82, 1.0, 6), _inside(shoe, 1.0, 0.55),
               *reversed(_along(shoe, 0.42, 0.84, 0.98, 6))], color, shade=0.15)


def _overlays(c: Canvas, shoe: Shoe, color: Color, accent: Color) -> None:
    """The upper's own detail: perforations, a heel clip, a toe bumper, a saddle, a trail rand, mesh vents,
    a heel counter, a mudguard, stitched panels (none of them a real brand's mark)."""
    dark, seam = darker(color, 0.28), lighter(color, 0.5)
    if shoe.overlay == "perforations":  # a stitched eyestay and the forefoot's rows of perforations
        c.polygon([*_along(shoe, 0.72, shoe.throat - 0.04, 0.74, 8), *reversed(_along(shoe, 1.0, shoe.throat - 0.04,
                                                                                      0.74, 8))], dark, shade=0.12)
        _stitches(c, _along(shoe, 0.76, shoe.throat - 0.02, 0.72, 8), seam)
        for row in range(4):
            for col in range(7):
                c.dot(_inside(shoe, 0.6 + col * 0.045 + row % 2 * 0.022, 0.2 + row * 0.13), 5, darker(color, 0.45))
    elif shoe.overlay == "clip":  # a racer's heel clip standing out from the heel, and a seam along the side
        _stitches(c, _along(shoe, 0.3, 0.24, 0.9, 10), seam)
    elif shoe.overlay == "bumper":  # a knit racer's toe bumper
        _toe_bumper(c, shoe, darker(color, 0.4))
    elif shoe.overlay == "saddle":  # a classic trainer's saddle from the laces to the midsole, stitched
        corners = [_inside(shoe, 0.36, 0.02), _inside(shoe, 0.58, 0.02), _inside(shoe, 0.6, 0.9),
                   _inside(shoe, 0.4, 0.92)]
        c.polygon(corners, lighter(color, 0.45), shade=0.12, outline=2)
        for a, b in ((0, 3), (1, 2)):
            inset = [(x + (8 if a == 0 else -8), y) for x, y in (corners[a], corners[b])]
            _stitches(c, inset, dark)
    elif shoe.overlay == "rand":  # the trail shoe's protective rand, its top edge scalloped, and a toe bumper
        top = [_inside(shoe, i / 40, 0.16 + 0.07 * math.sin(i / 40 * math.pi * 9)) for i in range(41)]
        c.polygon([*_along(shoe, 0.0, 0.0, 1.0, 20), *reversed(top)], darker(color, 0.42), shade=0.12)
        _toe_bumper(c, shoe, RUBBER)
    elif shoe.overlay == "vents":  # an ultra shoe's one long mesh window along the midfoot, a toe bumper
        window = smooth([_inside(shoe, 0.3, 0.34), _inside(shoe, 0.5, 0.3), _inside(shoe, 0.64, 0.4),
                         _inside(shoe, 0.5, 0.64), _inside(shoe, 0.32, 0.62)])
        c.polygon(window, darker(color, 0.45), shade=0.0, outline=3, outline_color=seam)
        for k in range(1, 9):  # the mesh, crossed
            c.line(_inside(shoe, 0.3 + 0.035 * k, 0.36), _inside(shoe, 0.3 + 0.035 * k - 0.04, 0.6), 2,
                   darker(color, 0.25))
        _toe_bumper(c, shoe, RUBBER)
    elif shoe.overlay == "counter":  # a max-cushion shoe's long heel counter, stitched, and a stitched toe cap
        c.polygon([_inside(shoe, 0.0, 0.0), _inside(shoe, 0.34, 0.0), _inside(shoe, 0.3, 0.45),
                   _inside(shoe, 0.0, 0.75)], dark, shade=0.15)
        _stitches(c, [_inside(shoe, 0.31, 0.05), _inside(shoe, 0.27, 0.44), _inside(shoe, 0.02, 0.7)], seam)
        _stitches(c, _along(shoe, 0.5, 0.8, 0.98, 4), seam)
    elif shoe.overlay == "mudguard":  # a rubber band all round, above the midsole
        band = [_inside(shoe, i / 20, 0.0) for i in range(21)] + \
            [_inside(shoe, i / 20, 0.24) for i in range(20, -1, -1)]
        c.polygon(band, darker(color, 0.5), shade=0.12)
    elif shoe.overlay == "panels":  # a toe cap and a heel panel, stitched
        c.polygon([_inside(shoe, 0.72, 0.0), _inside(shoe, 1.0, 0.0), _inside(shoe, 0.98, 0.8),
                   _inside(shoe, 0.78, 0.95)], dark, shade=0.15)
        c.polygon([_inside(shoe, 0.0, 0.0), _inside(shoe, 0.26, 0.0), _inside(shoe, 0.2, 0.7),
                   _inside(shoe, 0.02, 0.85)], mix(color, accent, 0.5), shade=0.15)
        for u in (0.74, 0.24):
            c.path([_inside(shoe, u + d, s) for d, s in ((0.0, 0.05), (-0.01, 0.4), (0.0, 0.75))], 3,
                   lighter(color, 0.5), shine=0.0)
    if shoe.gaiter:  # the ring a gaiter hooks to, at the toe
        c.dot(_inside(shoe, 0.86, 0.78), 12, (200, 200, 204))
        c.dot(_inside(shoe, 0.86, 0.78), 6, darker(color, 0.4))
    if shoe.membrane:
        x, y = _inside(shoe, 0.1, 0.35)
        c.polygon([(x, y), (x + 90, y), (x + 90, y + 30), (x, y + 30)], (30, 30, 30), shade=0.0)
        c.line((x + 12, y + 15), (x + 78, y + 15), 4, (220, 220, 220))


def brand_mark(c: Canvas, shoe: Shoe, brand: str, color: Color) -> None:
    """The demo's own brand's plain mark on the quarter, behind the laces: Foulée's round pebble, Kinetik's
    hexagon, Sentier's diamond (no real brand's logo)."""
    x, y = _inside(shoe, 0.3, 0.66) if shoe.membrane else _inside(shoe, 0.24, 0.5)
    ink = WHITE if sum(color) < 420 else RUBBER
    key = brand.lower()
    if key.startswith("foul"):
        c.polygon(smooth([(x - 26, y), (x, y + 18), (x + 26, y), (x, y - 18)]), ink, shade=0.0)
    elif key.startswith("kinetik"):
        c.polygon([(x + 22 * math.cos(math.radians(a)), y + 22 * math.sin(math.radians(a))) for a in range(0, 360, 60)],
                  ink, shade=0.0)
    elif key.startswith("sentier"):
        c.polygon([(x - 22, y), (x, y + 22), (x + 22, y), (x, y - 22)], ink, shade=0.0)


def _lacing(c: Canvas, shoe: Shoe, color: Color, accent: Color) -> None:
    """The laces along the throat, a quick lace's toggle, a spike's strap, a knit upper's loops, a zip."""
    start, end = shoe.throat, min(0.74, shoe.throat + 0.36)
    ink = WHITE if sum(color) < 420 else (40, 40, 44)
    if shoe.lacing == "zip":  # a gusset and a zip up the tongue
        c.path([_inside(shoe, start - 0.02, 0.96), _inside(shoe, end, 0.9)], 8, (40, 40, 44), shine=0.2)
        c.dot(_inside(shoe, start, 1.0), 12, (200, 200, 204))
    count = 6 if shoe.lacing != "knit" else 8
    for i in range(count):
        u = start + (end - start) * i / (count - 1)
        x, y = _inside(shoe, u, 0.9)
        if shoe.lacing == "knit":
            c.dot((x, y + 4), 6, darker(color, 0.4))
            c.line((x - 14, y + 8), (x + 16, y - 2), 5, ink)
        elif shoe.lacing != "zip":
            c.dot((x, y), 9, lighter(color, 0.6))
            c.line((x - 18, y + 12), (x + 28, y - 4), 7, ink)
    if shoe.lacing == "toggle":  # a quick lace's cord lock
        x, y = _inside(shoe, end + 0.04, 0.98)
        c.polygon([(x - 14, y - 10), (x + 14, y - 10), (x + 10, y + 24), (x - 10, y + 24)], accent, shade=0.3)
    elif shoe.lacing == "strap":  # a spike's strap over the laces
        c.polygon([_inside(shoe, start + 0.04, 0.02), _inside(shoe, start + 0.14, 0.02),
                   _inside(shoe, start + 0.18, 1.05), _inside(shoe, start + 0.06, 1.05)], accent, shade=0.2,
                  outline=2)
    if shoe.lacing == "knit":  # a knit upper's fine rows
        for row in range(1, 6):
            c.path([_inside(shoe, u / 10, row / 7) for u in range(2, 10)], 2, lighter(color, 0.18), shine=0.0)


def _heel(c: Canvas, shoe: Shoe, color: Color, accent: Color) -> None:
    """The heel counter, the collar's padding and the pull tab."""
    c.polygon([_inside(shoe, 0.0, 0.05), _inside(shoe, 0.15, 0.05), _inside(shoe, 0.12, 0.6),
               _inside(shoe, 0.0, 0.9)], darker(color, 0.22), shade=0.15)
    c.path([_inside(shoe, 0.02, 0.97), _inside(shoe, 0.1, 0.93), _inside(shoe, 0.2, 0.92)], 18,
           lighter(color, 0.25), shine=0.2)  # the padded collar
    if shoe.tab:  # the pull tab: a loop lying on the heel's back, leaning back with it (upright, it read as a post)
        low, collar, t = _midsole_top(shoe, 0.0), shoe.collar, shoe.tab * 0.5
        back = HEEL_X - 18 - shoe.flare * 0.1
        c.polygon(smooth([(back - 12, low + collar * 0.7), (back - 8 - t * 0.3, low + collar * 1.12 + t * 0.5),
                          (back + 12 - t * 0.2, low + collar * 1.2 + t * 0.6), (back + 8, low + collar * 0.72)]),
                  accent if accent != (250, 250, 250) else darker(color, 0.4), shade=0.2)
    if shoe.overlay == "clip":  # a racer's heel clip standing out from the counter
        c.polygon([_inside(shoe, -0.01, 0.05), _inside(shoe, 0.2, 0.05), _inside(shoe, 0.16, 0.3),
                   _inside(shoe, 0.0, 0.5)], mix(accent, color, 0.2), shade=0.2, outline=2)
    c.dot(_inside(shoe, 0.05, 0.5), 10, lighter(accent, 0.3))  # reflective


def shoe_pair(c: Canvas, look: Any) -> None:
    """The pair, as a shop shows it: one shoe behind, facing the other way, the other in front of it; both
    whole in the picture."""
    base = c.camera
    for at, scale, mate in (((0.57, 0.39), 0.72, True), ((0.44, 0.62), 0.8, False)):
        c.camera = replace(base, scale=base.scale * scale, at=at)
        shoe_side(c, look, mate=mate)
    c.camera = base


def _footprint(shoe: Shoe, grow: float = 1.0) -> list[tuple[float, float]]:
    """The shoe's outline seen from above or below, its heel to the left: narrow at the heel, cut in under
    the arch on the inner side (below), widest across the ball of the foot, a round toe (pointed on a
    racer)."""
    half = (118 + shoe.heel * 0.3 + shoe.flare * 0.3) * grow
    outer = [(0, 0), (0.03, 0.42), (0.1, 0.6), (0.3, 0.66), (0.5, 0.76), (0.7, 0.94), (0.86, 0.86),
             (0.95, 0.6 - 0.2 * shoe.point), (1.0, 0.0)]
    inner = [(0, 0), (0.03, 0.42), (0.1, 0.58), (0.3, 0.42), (0.5, 0.6), (0.7, 0.96), (0.86, 0.9),
             (0.95, 0.62 - 0.2 * shoe.point), (1.0, 0.0)]
    steps = [i / 48 for i in range(49)]
    length = (TOE_X - HEEL_X) * (1 + (grow - 1) * 0.5)
    start = 500 - length / 2

    def x(u: float) -> float:
        return start + length * u

    top = [(x(u), 500 + half * max(0.0, _lerp(outer, u))) for u in steps]
    bottom = [(x(u), 500 - half * max(0.0, _lerp(inner, u))) for u in reversed(steps)]
    return [*top, *bottom[1:-1]]


def _at(shoe: Shoe, u: float, v: float) -> tuple[float, float]:
    """A point of the footprint: `u` along it from the heel, `v` across it (-1 the inner edge, 1 the outer)."""
    half = 118 + shoe.heel * 0.3 + shoe.flare * 0.3
    return HEEL_X + (TOE_X - HEEL_X) * u, 500 + half * 0.7 * v


def shoe_sole(c: Canvas, look: Any) -> None:
    """The shoe turned over: the foam's edge, the rubber's heel and forefoot pads with a road shoe's flex
    grooves or a trail shoe's lugs, a racer's plate showing under the arch, a spike plate's pins."""
    shoe = shoe_of(look.name, look.specs)
    c.camera.mirror = False
    foam = _foam(shoe, look.color, look.accent)
    c.shadow((500, 330, 0), 400, 40)
    c.polygon(_footprint(shoe, 1.05), look.color, shade=0.2, outline=4)  # the upper, just showing round it
    c.polygon(_footprint(shoe), foam, shade=0.12, outline=3, outline_color=darker(foam, 0.2))
    rubber = (60, 60, 66) if shoe.sole == "spikes" else RUBBER
    pads = [(0.5, 0.97)] if shoe.sole == "spikes" else [(0.02, 0.34), (0.46, 0.97)] if not shoe.lugs else [(0.02, 0.97)]
    for u0, u1 in pads:
        us = [u0 + (u1 - u0) * i / 14 for i in range(15)]
        edge = [_at(shoe, u, 1.0 * _width(shoe, u)) for u in us] + [_at(shoe, u, -1.0 * _width(shoe, u, inner=True))
                                                                     for u in reversed(us)]
        c.polygon(smooth(edge, steps=3), rubber, shade=0.1)
    if shoe.sole == "plate":  # the carbon plate under the arch
        c.polygon(smooth([_at(shoe, 0.34, 0.5), _at(shoe, 0.46, 0.55), _at(shoe, 0.46, -0.45), _at(shoe, 0.34, -0.35)]),
                  (28, 28, 30), shade=0.3)
    if shoe.sole == "spikes":
        for u, v in ((0.62, 0.5), (0.62, -0.5), (0.74, 0.6), (0.74, -0.6), (0.86, 0.4), (0.86, -0.4), (0.68, 0.0)):
            c.disc(_at(shoe, u, v), 16, (190, 192, 198), shade=0.3)
            c.dot(_at(shoe, u, v), 5, (90, 90, 94))
    elif shoe.lugs:
        for i in range(14):
            u = 0.06 + i * 0.064
            for v in (-0.55, 0.0, 0.55):
                if abs(v) * 0.9 > _width(shoe, u, inner=v < 0):
                    continue
                x, y = _at(shoe, u, v + (0.12 if i % 2 else -0.12))
                c.polygon([(x - 12, y - 16), (x + 12, y - 10), (x + 12, y + 16), (x - 12, y + 10)], (78, 78, 84),
                          shade=0.2)
    else:  # flex grooves across the forefoot, a heel's grooves
        for u in [0.52 + i * 0.06 for i in range(7)] + [0.1, 0.2]:
            w_out, w_in = _width(shoe, u), _width(shoe, u, inner=True)
            c.line(_at(shoe, u, w_out * 0.85), _at(shoe, u + 0.015, -w_in * 0.85), 5, lighter(RUBBER, 0.3))
    c.dot(_at(shoe, 0.4, 0.0), 16, darker(foam, 0.25))  # the midsole's vent under the arch


def _width(shoe: Shoe, u: float, inner: bool = False) -> float:
    """How far across the footprint reaches at `u` (in _at's units), on its outer or inner side."""
    profile = [(0, 0.3), (0.03, 0.55), (0.1, 0.78), (0.3, 0.8 if not inner else 0.5),
               (0.5, 0.95 if not inner else 0.75), (0.7, 1.22), (0.86, 1.14), (0.95, 0.8 - 0.25 * shoe.point),
               (1.0, 0.2)]
    return max(0.1, _lerp(profile, u))


def shoe_top(c: Canvas, look: Any) -> None:
    """The shoe from above, its heel to the left: the foam showing round it, the collar's opening, the tongue
    under criss-crossed laces, the toe box, its brand's mark on the outer side."""
    shoe = shoe_of(look.name, look.specs)
    c.camera.mirror = False
    color = look.color
    c.shadow((500, 330, 0), 400, 40)
    foam = _foam(shoe, color, look.accent)
    c.polygon(_footprint(shoe, 1.06), foam, shade=0.1, outline=3, outline_color=darker(foam, 0.2))
    c.polygon(_footprint(shoe), color, shade=0.22, outline=4)
    opening = smooth([_at(shoe, 0.05, 0.0), _at(shoe, 0.12, 0.55), _at(shoe, 0.3, 0.45), _at(shoe, 0.34, 0.0),
                      _at(shoe, 0.3, -0.4), _at(shoe, 0.12, -0.5)])
    c.polygon(opening, darker(color, 0.55), shade=0.15, outline=10, outline_color=lighter(color, 0.2))
    c.polygon(smooth([_at(shoe, 0.3, 0.3), _at(shoe, 0.36, 0.38), _at(shoe, 0.68, 0.32), _at(shoe, 0.7, -0.28),
                      _at(shoe, 0.36, -0.34), _at(shoe, 0.3, -0.28)]), darker(color, 0.12), shade=0.15)  # the tongue
    ink = WHITE if sum(color) < 600 else (40, 40, 44)
    eyelets = [0.38 + i * 0.05 for i in range(6)]
    for a, b in itertools.pairwise(eyelets):
        c.line(_at(shoe, a, 0.42), _at(shoe, b, -0.38), 8, ink)
        c.line(_at(shoe, a, -0.38), _at(shoe, b, 0.42), 8, ink)
    for u in eyelets:
        c.dot(_at(shoe, u, 0.44), 8, lighter(color, 0.6))
        c.dot(_at(shoe, u, -0.4), 8, lighter(color, 0.6))
    if shoe.lacing == "toggle":
        x, y = _at(shoe, 0.35, 0.0)
        c.polygon([(x - 16, y - 14), (x + 16, y - 14), (x + 16, y + 14), (x - 16, y + 14)], look.accent, shade=0.3)
    for row in range(3):  # the toe box's mesh
        for col in range(5):
            c.dot(_at(shoe, 0.76 + col * 0.04, -0.5 + row * 0.5), 4, darker(color, 0.3))
    if shoe.tab:
        c.polygon([_at(shoe, -0.01, -0.12), _at(shoe, 0.03, -0.12), _at(shoe, 0.03, 0.12), _at(shoe, -0.01, 0.12)],
                  darker(color, 0.4), shade=0.1)
