"""The demo's bikes as simple 3D models of our own: each kind of bike has its own frame, wheels, tyres,
handlebar, fork and fittings (a road bike's drop bar and thin tyres, a mountain bike's suspension fork and
knobbly tyres, a cargo bike's box), seen from the side, from three-quarters front, and close up."""

from __future__ import annotations

import math
from dataclasses import dataclass

from picture_kit import Camera, Canvas, Color, Point, darker, lighter, mix

TYRE: Color = (34, 34, 36)
METAL: Color = (168, 172, 178)
BLACK: Color = (40, 41, 44)
SADDLE: Color = (46, 44, 42)


@dataclass(frozen=True)
class Bike:
    """What makes one bike look like itself."""

    wheel: float  # rim diameter, mm
    tyre: float  # tyre width, mm
    wheelbase: float
    frame: str  # diamond | sloping | step | folding | cargo | kids
    bars: str  # drop | flat | swept
    fork: str  # rigid | suspension
    tube: float  # tube thickness, mm
    electric: bool = False
    rack: bool = False
    fenders: bool = False
    knobbly: bool = False
    box: bool = False
    basket: bool = False  # a basket on the front rack
    full: bool = False  # full suspension: a rear shock, the seat stays meeting it
    bag: bool = False  # a bikepacking frame bag in the main triangle
    yaw: float = -8.0  # the main picture's angle: how far the bike is turned towards the camera


def bike_of(name: str, specs: dict[str, object]) -> Bike:
    """The bike a product is, from its name and specs."""
    wheel_in = float(specs.get("wheel", 28))  # type: ignore[arg-type]
    rim = {20: 406, 27.5: 584, 28: 622, 29: 622}.get(wheel_in, wheel_in * 22)
    electric = bool(specs.get("electric"))
    carbon = str(specs.get("frame", {}) if not isinstance(specs.get("frame"), dict)
                 else specs["frame"].get("en", "")) == "Carbon"  # type: ignore[union-attr]
    steel = "Steel" in str(specs.get("frame"))
    tube = 42 if carbon else 26 if steel else 34
    lower = name.lower()
    if "cargo" in lower:
        return Bike(rim, 55, 1900, "cargo", "swept", "rigid", 40, electric, rack=True, fenders=True, box=True)
    if "folding" in lower:
        return Bike(rim, 38, 960, "folding", "flat", "rigid", 40, electric, fenders=True)
    if "kids" in lower:
        return Bike(rim, 48, 780, "kids", "flat", "rigid", 30, electric, fenders=True, knobbly=True)
    if "mountain" in lower and electric:  # a full-suspension e-MTB, seen turned towards us
        return Bike(rim, 66, 1220, "sloping", "flat", "suspension", tube + 10, electric, knobbly=True, full=True,
                    yaw=-26)
    if "mountain" in lower:
        return Bike(rim, 62, 1180, "sloping", "flat", "suspension", tube + 6, electric, knobbly=True)
    if "gravel" in lower:
        return Bike(rim, 42, 1040, "diamond", "drop", "rigid", tube, electric, knobbly=True, bag=True)
    if "touring" in lower:
        return Bike(rim, 45, 1080, "diamond", "drop", "rigid", tube, electric, rack=True, fenders=True)
    if "city" in lower and not electric:  # a classic city bike: a straight top tube, a basket in front
        return Bike(rim, 40, 1080, "diamond", "swept", "rigid", tube, electric, rack=True, fenders=True,
                    basket=True, yaw=-24)
    if "city" in lower or "e-bike" in lower:
        return Bike(rim, 44, 1100, "step", "swept", "rigid", tube + 4, electric, rack=True, fenders=True)
    if carbon:  # a racer's: deep rims, seen turned further
        return Bike(rim, 25, 980, "diamond", "drop", "rigid", tube, electric, yaw=-30)
    return Bike(rim, 26, 990, "diamond", "drop", "rigid", tube, electric)


def draw_bike(canvas: Canvas, bike: Bike, paint: Color, accent: Color) -> None:
    """The bike, far side first, on the canvas's camera."""
    radius = bike.wheel / 2 + bike.tyre
    rear: Point = (0.0, radius, 0.0)
    front_x = bike.wheelbase
    bb: Point = (bike.wheelbase * (0.40 if not bike.box else 0.26), radius - 70, 0.0)
    head_angle = math.radians(70 if bike.fork == "suspension" else 72)
    up_back = (-math.cos(head_angle), math.sin(head_angle))
    fork_len = 470 if bike.fork == "suspension" else 400
    if bike.wheel < 450:
        fork_len = 330
    front: Point = (front_x, radius, 0.0)
    head_low = (front_x + up_back[0] * fork_len + 45, radius + up_back[1] * fork_len, 0.0)
    head_len = 150 if bike.frame not in ("folding", "kids") else 300
    head_top = (head_low[0] + up_back[0] * head_len, head_low[1] + up_back[1] * head_len, 0.0)
    seat_angle = math.radians(73)
    seat_len = {"sloping": 420, "kids": 300, "folding": 330, "step": 480}.get(bike.frame, 540)
    seat_top = (bb[0] - math.cos(seat_angle) * seat_len, bb[1] + math.sin(seat_angle) * seat_len, 0.0)
    post = 260 if bike.frame in ("sloping", "folding", "kids") else 140
    if bike.frame == "folding":
        post = 420
    saddle_at = (seat_top[0] - math.cos(seat_angle) * post, seat_top[1] + math.sin(seat_angle) * post, 0.0)
    shade_far = 0.35

    # the far side first: far wheel halves are hidden by the near ones in side view, so wheels are near
    canvas.shadow((bike.wheelbase / 2, 0, 0), bike.wheelbase * 0.75, 90)
    for z in (-60,):  # far stays and far fork blade, darker
        far = darker(paint, shade_far)
        canvas.tube((bb[0], bb[1], z), (rear[0], rear[1], z), bike.tube * 0.45, far)
        canvas.tube((seat_top[0] + 20, seat_top[1] - 40, z), (rear[0], rear[1], z), bike.tube * 0.42, far)
        canvas.tube((head_low[0], head_low[1], z), (front[0], front[1], z), bike.tube * 0.55,
                    darker(METAL if bike.fork == "suspension" else paint, shade_far))
    if bike.fenders:
        _fenders(canvas, rear, front, radius, bike, darker(paint, 0.2))
    if bike.rack:
        _rack(canvas, rear, seat_top, radius)
    _wheel(canvas, rear, bike)
    _wheel(canvas, front, bike)

    # the frame
    t = bike.tube
    near = 60.0
    if bike.frame in ("diamond", "sloping"):
        top_from = seat_top if bike.frame == "diamond" else (seat_top[0] + 30, seat_top[1] - 60, 0.0)
        canvas.tube(top_from, head_top if bike.frame == "diamond" else
                    (head_top[0] + 10, head_top[1] - 50, 0.0), t * 0.85, paint)
        canvas.tube(bb, head_low, t * 1.1, paint)
    elif bike.frame == "step":
        low = (bb[0] + 140, bb[1] + 40, 0.0)
        canvas.path([bb, low, (head_low[0] - 60, head_low[1] - 40, 0.0), head_low], t * 1.1, paint)
        canvas.tube((seat_top[0] + 20, seat_top[1] - 150, 0.0), (head_low[0] - 30, head_low[1] + 40, 0.0),
                    t * 0.7, paint)
    elif bike.frame == "folding":
        canvas.tube((bb[0] - 10, bb[1] + 140, 0.0), head_low, t * 1.3, paint)
        canvas.dot(((bb[0] + head_low[0]) / 2, (bb[1] + 140 + head_low[1]) / 2, 0.0), t * 0.8, darker(paint, 0.3))
        canvas.tube(bb, (bb[0] - 10, bb[1] + 140, 0.0), t, paint)
    elif bike.frame == "kids":
        canvas.path([bb, (bb[0] + 150, bb[1] + 80, 0.0), head_low], t, paint)
        canvas.tube((seat_top[0] + 10, seat_top[1] - 40, 0.0), (head_low[0] - 20, head_low[1] + 20, 0.0),
                    t * 0.8, paint)
    elif bike.frame == "cargo":
        mid = (front_x - 560, radius - 30, 0.0)
        canvas.path([bb, mid, (front_x - 120, radius - 20, 0.0)], t, paint)
        canvas.path([mid, (front_x - 420, radius + 280, 0.0), head_low], t, paint)
        canvas.tube(bb, (seat_top[0] + 40, seat_top[1] - 120, 0.0), t * 0.8, paint)
        canvas.tube((seat_top[0] + 30, seat_top[1] - 80, 0.0), (front_x - 420, radius + 280, 0.0), t * 0.8, paint)
    canvas.tube(bb, seat_top, t * 0.95, paint)
    canvas.tube(bb, rear, t * 0.5, paint)  # chain stay
    if bike.full:  # the seat stays to a rocker link, a rear shock from it down to the main frame
        link = (seat_top[0] + 40, seat_top[1] - 200, 0.0)
        canvas.tube(link, rear, t * 0.6, paint)
        canvas.tube(link, _along(bb, head_low, 0.35), 44, (30, 30, 32), shine=0.4)
        canvas.tube(_along(link, _along(bb, head_low, 0.35), 0.2), _along(link, _along(bb, head_low, 0.35), 0.6),
                    30, (205, 170, 60), shine=0.5)
    else:
        canvas.tube((seat_top[0] + 20, seat_top[1] - 40, 0.0), rear, t * 0.45, paint)  # seat stay
    canvas.tube(head_low, head_top, t * 1.15, darker(paint, 0.1))
    if bike.electric:
        _battery(canvas, bb, head_low, seat_top, bike, accent)
    if bike.box:
        _cargo_box(canvas, front_x, radius, accent)
    if bike.basket:
        _basket(canvas, front_x, radius)
    if bike.bag:  # a frame bag filling the main triangle under the top tube, its zip
        corners = [_along(seat_top, bb, 0.12), _along(seat_top, head_top, 0.1), _along(head_top, seat_top, 0.12),
                   _along(head_low, bb, 0.2), _along(bb, seat_top, 0.45)]
        canvas.polygon(corners, (50, 52, 56), shade=0.2, outline=4)
        canvas.line(_along(seat_top, bb, 0.2), _along(head_low, bb, 0.26), 5, accent)
    _fork(canvas, head_low, front, bike, paint)
    _drivetrain(canvas, bb, rear, bike, near)
    canvas.tube(seat_top, saddle_at, 27 if bike.frame != "folding" else 34, METAL, shine=0.45)
    _saddle(canvas, saddle_at, bike)
    _bars(canvas, head_top, up_back, bike)
    # the brand's stripe on the down tube
    stripe_a = _along(bb, head_low, 0.35)
    stripe_b = _along(bb, head_low, 0.62)
    if bike.frame in ("diamond", "sloping", "folding"):
        canvas.tube(stripe_a, stripe_b, t * 0.55, accent, shine=0.2)


def _along(a: Point, b: Point, f: float) -> Point:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, 0.0)


def _wheel(canvas: Canvas, hub: Point, bike: Bike) -> None:
    x, y, _ = hub  # type: ignore[misc]
    tyre, metal = TYRE, METAL
    radius = bike.wheel / 2 + bike.tyre
    canvas.ring((x, y, 0.0), radius, bike.tyre, tyre, highlight=0.18)
    if bike.knobbly:  # knobs around the tread
        for i in range(60):
            a = math.radians(i * 6)
            inner = (x + (radius - 4) * math.cos(a), y + (radius - 4) * math.sin(a), 0.0)
            outer = (x + (radius + 9) * math.cos(a), y + (radius + 9) * math.sin(a), 0.0)
            canvas.line(inner, outer, 11, TYRE)
    rim_depth = 70 if bike.tube >= 42 and bike.bars == "drop" else 24  # deep carbon rims on the carbon bike
    canvas.ring((x, y, 0.0), bike.wheel / 2, rim_depth, mix(metal, BLACK, 0.6 if rim_depth > 30 else 0.1),
                highlight=0.4)
    spokes = 24 if bike.wheel > 500 else 18
    for i in range(spokes):
        a = math.radians(i * 360 / spokes + (7 if i % 2 else 0))
        hub_side = 20 if i % 2 else -20
        canvas.line((x + hub_side * math.cos(a + 1.2), y + hub_side * math.sin(a + 1.2), 0.0),
                    (x + (bike.wheel / 2 - rim_depth) * math.cos(a), y + (bike.wheel / 2 - rim_depth) * math.sin(a),
                     0.0), 2.6, lighter(metal, 0.1))
    canvas.disc((x, y, 0.0), 32, metal, shade=0.3)
    canvas.dot((x, y, 0.0), 10, darker(metal, 0.4))
    if not bike.fenders:  # a disc brake's rotor (city bikes hide theirs behind the guards' stays)
        canvas.ring((x, y, 20.0), 85, 18, (150, 152, 156), highlight=0.3)


def _fenders(canvas: Canvas, rear: Point, front: Point, radius: float, bike: Bike, color: Color) -> None:
    for hub, start, end in ((rear, 20, 170), (front, 10, 150)):
        pts = canvas.ellipse_points(hub, radius + 25, start=start, end=end, steps=28)
        canvas.path(pts, 22, color, shine=0.35)


def _rack(canvas: Canvas, rear: Point, seat_top: Point, radius: float) -> None:
    top_y = radius + 260
    canvas.tube((rear[0] - 120, top_y, 0.0), (seat_top[0] + 40, top_y, 0.0), 16, BLACK)
    canvas.tube((rear[0] - 80, top_y, 0.0), rear, 14, BLACK)
    canvas.tube((rear[0] + 60, top_y, 0.0), rear, 12, BLACK)
    canvas.tube((seat_top[0] + 30, top_y, 0.0), (seat_top[0] + 40, seat_top[1] - 60, 0.0), 12, BLACK)


def _battery(canvas: Canvas, bb: Point, head_low: Point, seat_top: Point, bike: Bike, accent: Color) -> None:
    a, b = _along(bb, head_low, 0.18), _along(bb, head_low, 0.7)
    canvas.tube(a, b, bike.tube * 2.1, (52, 54, 58), shine=0.35)
    canvas.dot(_along(bb, head_low, 0.62), 9, (110, 220, 120))
    motor = (bb[0], bb[1], 0.0)
    canvas.disc(motor, 95, (60, 62, 66), shade=0.3)
    canvas.line(_along(bb, head_low, 0.25), _along(bb, head_low, 0.55), 6, accent)


def _cargo_box(canvas: Canvas, front_x: float, radius: float, accent: Color) -> None:
    left, right = front_x - 820, front_x - 250
    bottom, top = radius - 80, radius + 380
    canvas.polygon([(left, bottom), (right, bottom), (right + 40, top), (left - 20, top)], (150, 112, 70),
                   shade=0.2, outline=8)
    for i in range(1, 4):  # planks
        yy = bottom + (top - bottom) * i / 4
        canvas.line((left - 5 * i / 4, yy), (right + 10 * i, yy), 5, (118, 86, 52))
    canvas.polygon([(left + 60, top - 120), (right - 60, top - 120), (right - 60, top - 60), (left + 60, top - 60)],
                   accent, shade=0.1)


def _basket(canvas: Canvas, front_x: float, radius: float) -> None:
    """A wicker basket on a small rack over the front wheel."""
    left, right = front_x - 60, front_x + 260
    bottom, top = radius + 330, radius + 560
    canvas.polygon([(left, bottom), (right, bottom), (right + 30, top), (left - 30, top)], (176, 132, 78),
                   shade=0.25, outline=6)
    for i in range(1, 5):  # the weave
        yy = bottom + (top - bottom) * i / 5
        canvas.line((left - 6 * i, yy), (right + 6 * i, yy), 5, (140, 100, 56))
    canvas.tube((front_x, radius), (front_x + 60, bottom), 14, METAL)


def _fork(canvas: Canvas, head_low: Point, front: Point, bike: Bike, paint: Color) -> None:
    if bike.fork == "suspension":
        crown = (head_low[0] + 10, head_low[1] - 10, 0.0)
        lower = _along(crown, front, 0.45)
        canvas.tube(crown, lower, 48, (30, 30, 32), shine=0.4)
        canvas.tube(_along(crown, front, 0.1), _along(crown, front, 0.45), 32, (205, 170, 60), shine=0.5)
        canvas.tube(lower, front, 40, (40, 40, 44), shine=0.3)
        canvas.dot(crown, 30, (30, 30, 32))
    else:
        canvas.tube(head_low, front, bike.tube * 0.65, paint)


def _drivetrain(canvas: Canvas, bb: Point, rear: Point, bike: Bike, near: float) -> None:
    ring_r = 105 if bike.bars == "drop" else 90
    if bike.wheel < 450:
        ring_r = 95
    x, y, _ = bb  # type: ignore[misc]
    rx, ry, _ = rear  # type: ignore[misc]
    cog = 45 if bike.bars == "drop" else 60
    canvas.line((x, y + ring_r, near), (rx, ry + cog, near), 8, (90, 92, 96))  # chain, top and bottom runs
    canvas.line((x, y - ring_r, near), (rx, ry - cog, near), 8, (90, 92, 96))
    for r in range(int(cog), 20, -9):  # the cassette's sprockets
        canvas.ring((rx, ry, near), r, 5, (150, 150, 156), highlight=0.0)
    canvas.ring((x, y, near), ring_r, 16, (60, 62, 66), highlight=0.3)
    if bike.bars == "drop":
        canvas.ring((x, y, near), ring_r - 28, 12, (70, 72, 76), highlight=0.2)
    for i in range(5):  # the chainring's arms
        a = math.radians(i * 72 + 20)
        canvas.line((x, y, near), (x + (ring_r - 12) * math.cos(a), y + (ring_r - 12) * math.sin(a), near), 12,
                    (64, 66, 70))
    pedal = (x + 165 * math.cos(math.radians(-60)), y + 165 * math.sin(math.radians(-60)), near + 40)
    canvas.tube((x, y, near), pedal, 24, (50, 52, 56), shine=0.4)
    canvas.tube((pedal[0] - 45, pedal[1], pedal[2]), (pedal[0] + 45, pedal[1], pedal[2]), 22, BLACK, shine=0.3)
    canvas.dot((x, y, near), 20, (120, 122, 126))


def _saddle(canvas: Canvas, at: Point, bike: Bike) -> None:
    x, y, _ = at  # type: ignore[misc]
    if bike.bars == "drop":  # a narrow racing saddle
        shape = [(x - 130, y + 10), (x - 120, y + 38), (x + 40, y + 34), (x + 150, y + 22), (x + 155, y + 8),
                 (x + 40, y), (x - 110, y - 5)]
    elif bike.frame in ("step", "cargo"):  # a wide, padded city saddle with springs
        shape = [(x - 120, y + 20), (x - 105, y + 70), (x + 30, y + 64), (x + 120, y + 40), (x + 118, y + 18),
                 (x - 20, y + 5)]
        for sx in (x - 80, x - 40):
            canvas.path([(sx, y + 15), (sx + 6, y - 5), (sx - 6, y - 20), (sx, y - 35)], 9, METAL)
    else:
        shape = [(x - 125, y + 12), (x - 115, y + 48), (x + 40, y + 40), (x + 135, y + 26), (x + 138, y + 10),
                 (x + 20, y), (x - 100, y - 4)]
    canvas.polygon([(px, py, 0.0) for px, py in shape], SADDLE, shade=0.25)


def _bars(canvas: Canvas, head_top: Point, up_back: tuple[float, float], bike: Bike) -> None:
    stem_up = 40 if bike.bars == "drop" else 90
    if bike.frame in ("folding", "kids", "step", "cargo"):
        stem_up = 150 if bike.frame != "folding" else 260
    steer_top = (head_top[0] + up_back[0] * stem_up, head_top[1] + up_back[1] * stem_up, 0.0)
    canvas.tube(head_top, steer_top, 30, (70, 72, 76))
    reach = 100 if bike.bars == "drop" else 70
    clamp = (steer_top[0] + reach, steer_top[1] + (8 if bike.bars == "drop" else 20), 0.0)
    canvas.tube(steer_top, clamp, 32, (60, 62, 66))
    cx, cy, _ = clamp  # type: ignore[misc]
    if bike.bars == "drop":
        half = 210
        for z in (-half, half):
            bend = [(cx, cy, z), (cx + 70, cy + 5, z), (cx + 110, cy - 30, z), (cx + 105, cy - 110, z),
                    (cx + 60, cy - 150, z), (cx, cy - 155, z)]
            canvas.path(bend, 26, (32, 32, 34), shine=0.3)
            canvas.tube((cx + 62, cy + 10, z), (cx + 100, cy + 38, z), 30, (48, 48, 52))  # brake hood
        canvas.tube((cx, cy, -half), (cx, cy, half), 28, (32, 32, 34))
    else:
        half = 380 if bike.bars == "flat" else 300
        sweep = 0 if bike.bars == "flat" else -110
        canvas.path([(cx + sweep, cy + 20, -half), (cx, cy, -half * 0.45), (cx, cy, half * 0.45),
                     (cx + sweep, cy + 20, half)], 26, (36, 36, 38), shine=0.3)
        for z in (-half, half):
            canvas.tube((cx + sweep, cy + 20, z * 0.86), (cx + sweep, cy + 20, z), 36,
                        (70, 52, 40) if bike.bars == "swept" else (30, 30, 30))
        canvas.tube((cx + sweep * 0.7, cy + 15, half * 0.7), (cx + sweep * 0.7 + 60, cy - 15, half * 0.7), 10, METAL)


def bike_views(bike: Bike) -> list[tuple[str, Camera]]:
    """The pictures of a bike: its side (the main one), three-quarters from the front, and its drivetrain
    close up."""
    length = bike.wheelbase + bike.wheel + 2 * bike.tyre
    scale = 960 / length
    height = (bike.wheel / 2 + bike.tyre + 620) / 2
    middle = (bike.wheelbase / 2, height, 0.0)
    return [("side", Camera(scale, middle, (0.5, 0.52), yaw=bike.yaw, pitch=6)),
            ("three-quarter", Camera(scale * 1.05, middle, (0.5, 0.5), yaw=-42, pitch=12)),
            ("detail", Camera(scale * 2.6, (bike.wheelbase * (0.26 if not bike.box else 0.16), 330.0, 0.0),
                              (0.52, 0.5), yaw=-14, pitch=8))]
