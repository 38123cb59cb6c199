"""Make the demo pack's videos: frames drawn with pygame, encoded with PyAV (no footage from elsewhere).

Usage: python content/tools/make_videos.py [content/demo]
       python content/tools/make_videos.py --bench FILE.mp4 [SECONDS]   (the bench's 1080p30 H.264 film)

Writes into the pack's `videos/` folder: an attract film (H.264 and AAC in MP4, 1280x720, 6 s, with
WebVTT captions in the pack's languages) and two product films (VP9 and Opus in WebM, 720x720, 4 s).
Each is a few hundred kilobytes. Their sound tracks are chords and clicks made of sine tones by
film_kit.py (muted on the kiosk unless a display enables sound). Re-running gives the same pictures.
The drawings here (`trail`...) are also what the tests and the bench film at run time.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame
from film_kit import Tone, chord, clicks, drawn, encode, mixed

Draw = Callable[[pygame.Surface, int], None]  # paints frame number N on the surface


# --- the attract film: a rider on a trail through the hills ----------------------------------------------
SKY_TOP, SKY_LOW = (38, 84, 124), (242, 196, 140)
HILLS = ((95, 134, 112), (60, 104, 86), (31, 78, 70))  # far to near; the near one is the brand's green


def _sky(surface: pygame.Surface, sun_y: float) -> None:
    width, height = surface.get_size()
    for y in range(0, height, 4):
        mix = y / height
        color = [round(a + (b - a) * mix) for a, b in zip(SKY_TOP, SKY_LOW)]
        surface.fill(color, (0, y, width, 4))
    pygame.draw.circle(surface, (255, 226, 150), (width * 0.72, sun_y), height * 0.09)


def _hill(surface: pygame.Surface, color: tuple[int, int, int], base: float, amplitude: float, wave: float,
          shift: float) -> None:
    width, height = surface.get_size()
    points = [(0, height)]
    for x in range(0, width + 16, 16):
        y = base + amplitude * math.sin((x + shift) / wave) + amplitude * 0.4 * math.sin((x + shift) / (wave * 0.37))
        points.append((x, y))
    points.append((width, height))
    pygame.draw.polygon(surface, color, points)


def _rider(surface: pygame.Surface, x: float, ground: float, scale: float, turn: float) -> None:
    """A rider on a bicycle, wheels turning by `turn` (radians)."""
    dark, frame, jersey = (28, 32, 36), (214, 90, 48), (250, 250, 245)
    wheel = 34 * scale
    rear, front = (x - 48 * scale, ground - wheel), (x + 48 * scale, ground - wheel)
    for hub in (rear, front):
        pygame.draw.circle(surface, dark, hub, wheel, max(2, round(5 * scale)))
        for spoke in range(4):
            angle = turn + spoke * math.pi / 4
            end = (hub[0] + math.cos(angle) * wheel, hub[1] + math.sin(angle) * wheel)
            start = (hub[0] - math.cos(angle) * wheel, hub[1] - math.sin(angle) * wheel)
            pygame.draw.line(surface, dark, start, end, max(1, round(2 * scale)))
    crank = (x - 4 * scale, ground - wheel)
    seat, bars = (x - 18 * scale, ground - 90 * scale), (x + 38 * scale, ground - 92 * scale)
    width = max(2, round(6 * scale))
    for a, b in ((rear, crank), (crank, seat), (seat, rear), (crank, bars), (bars, front), (seat, bars)):
        pygame.draw.line(surface, frame, a, b, width)
    pedal = (crank[0] + math.cos(turn * 0.5) * 14 * scale, crank[1] + math.sin(turn * 0.5) * 14 * scale)
    hip, shoulder = (seat[0], seat[1] - 8 * scale), (x + 20 * scale, ground - 140 * scale)
    pygame.draw.line(surface, jersey, hip, shoulder, round(16 * scale))
    pygame.draw.line(surface, jersey, shoulder, bars, round(8 * scale))
    pygame.draw.line(surface, dark, hip, pedal, round(10 * scale))
    pygame.draw.circle(surface, (236, 200, 170), (shoulder[0] + 10 * scale, shoulder[1] - 20 * scale), 13 * scale)
    pygame.draw.circle(surface, frame, (shoulder[0] + 10 * scale, shoulder[1] - 26 * scale), 14 * scale,
                       draw_top_left=True, draw_top_right=True)


def trail(surface: pygame.Surface, number: int, fps: int = 30) -> None:
    """The attract film's frame `number`: the sun rises and sets, the hills slide by, the rider crosses."""
    width, height = surface.get_size()
    t = number / fps
    _sky(surface, height * (0.42 - 0.08 * math.sin(math.pi * t / 6)))
    for depth, color in enumerate(HILLS):
        speed = (12, 40, 120)[depth] * width / 1280
        _hill(surface, color, height * (0.55 + depth * 0.1), height * (0.06 - depth * 0.012), 140 + 90 * depth,
              t * speed)
    ground = height * 0.86
    pygame.draw.rect(surface, (196, 170, 128), (0, ground, width, height * 0.03))
    x = width * ((0.2 * t) % 1.3 - 0.1)  # across the screen in 6 s, again and again
    _rider(surface, x, ground, height / 720 * 1.4, t * 9)


# --- product films ---------------------------------------------------------------------------------------
def bike_wheel(surface: pygame.Surface, number: int, fps: int = 30) -> None:
    """BIK-102: the front wheel spinning over the trail, the brake disc and the tyre's tread."""
    width, height = surface.get_size()
    t = number / fps
    surface.fill((246, 244, 240))
    ground = height * 0.86
    for stripe in range(-1, 12):
        x = (stripe * width / 10 - t * width * 0.6) % (width * 1.1) - width * 0.05
        pygame.draw.line(surface, (200, 190, 170), (x, ground + 4), (x - 30, height), 6)
    pygame.draw.rect(surface, (120, 112, 100), (0, ground - 3, width, 6))
    hub, radius = (width / 2, ground - height * 0.36), height * 0.36
    pygame.draw.circle(surface, (30, 30, 34), hub, radius, round(radius * 0.14))
    turn = t * 2 * math.pi * 0.9
    for knob in range(28):
        angle = turn + knob * 2 * math.pi / 28
        knob_at = (hub[0] + math.cos(angle) * radius, hub[1] + math.sin(angle) * radius)
        pygame.draw.circle(surface, (52, 52, 58), knob_at, radius * 0.05)
    pygame.draw.circle(surface, (180, 184, 190), hub, radius * 0.8, round(radius * 0.04))
    for spoke in range(16):
        angle = turn + spoke * math.pi / 8
        inner = (hub[0] + math.cos(angle) * radius * 0.12, hub[1] + math.sin(angle) * radius * 0.12)
        outer = (hub[0] + math.cos(angle + 0.3) * radius * 0.8, hub[1] + math.sin(angle + 0.3) * radius * 0.8)
        pygame.draw.line(surface, (150, 154, 160), inner, outer, 3)
    pygame.draw.circle(surface, (120, 124, 130), hub, radius * 0.32, round(radius * 0.06))
    for hole in range(6):
        angle = turn + hole * math.pi / 3
        pygame.draw.circle(surface, (246, 244, 240), (hub[0] + math.cos(angle) * radius * 0.24,
                                                      hub[1] + math.sin(angle) * radius * 0.24), radius * 0.035)
    pygame.draw.circle(surface, (214, 90, 48), hub, radius * 0.1)
    pygame.draw.line(surface, (214, 90, 48), hub, (hub[0] - radius * 0.5, hub[1] - radius * 1.4), round(radius * 0.1))


def running_shoe(surface: pygame.Surface, number: int, fps: int = 30) -> None:
    """RUN-115: the shoe rolling from heel to toe on the track, its sole flexing."""
    width, height = surface.get_size()
    t = number / fps
    surface.fill((238, 242, 246))
    ground = height * 0.78
    pygame.draw.rect(surface, (196, 84, 64), (0, ground, width, height - ground))
    for lane in range(4):
        pygame.draw.line(surface, (250, 250, 250), (0, ground + 20 + lane * 40), (width, ground + 20 + lane * 40), 4)
    roll = math.sin(t * math.pi) * 0.22  # heel strike, then the toe-off
    pivot = (width * 0.5, ground)
    shape = [(-250, 0), (-240, -130), (-150, -150), (-80, -80), (120, -60), (230, -20), (250, 0)]

    def turned(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        c, s = math.cos(roll), math.sin(roll)
        return [(pivot[0] + x * c - y * s, pivot[1] - 8 + x * s + y * c) for x, y in points]

    pygame.draw.polygon(surface, (40, 110, 170), turned(shape))
    pygame.draw.polygon(surface, (30, 34, 40), turned([(-260, 0), (260, 0), (256, 28), (-256, 28)]))
    for lace in range(4):
        a, b = (-150 + lace * 40, -120 + lace * 14), (-120 + lace * 40, -136 + lace * 14)
        pygame.draw.line(surface, (250, 250, 250), *turned([a, b]), 8)
    # a heel counter and a toe bumper (no curve along the side: that is a real brand's mark)
    pygame.draw.polygon(surface, (26, 70, 112), turned([(-250, 0), (-246, -100), (-170, -70), (-160, 0)]))
    pygame.draw.polygon(surface, (30, 34, 40), turned([(170, 0), (200, -34), (236, -16), (250, 0)]))


# --- captions of the attract film (WebVTT, one file per language) -------------------------------------------
CAPTIONS: dict[str, tuple[str, str]] = {
    "fr": ("Sentier & Cie : tout pour vos sorties", "Vélos, chaussures, tentes : essayez en magasin"),
    "en": ("Sentier & Cie: all you need out there", "Bikes, shoes, tents: try them in store"),
    "de": ("Sentier & Cie: alles für draußen", "Räder, Schuhe, Zelte: im Laden ausprobieren"),
    "es": ("Sentier & Cie: todo para sus salidas", "Bicis, zapatillas, tiendas: pruébelas en la tienda"),
    "it": ("Sentier & Cie: tutto per le sue uscite", "Bici, scarpe, tende: le provi in negozio"),
}


def write_captions(folder: Path, stem: str) -> None:
    """The attract film's captions as `stem.LANG.vtt` next to it."""
    for language, (first, second) in CAPTIONS.items():
        (folder / f"{stem}.{language}.vtt").write_text(
            f"WEBVTT\n\n00:00.300 --> 00:02.800\n{first}\n\n00:03.200 --> 00:05.800\n{second}\n", encoding="utf-8")


def _sounds() -> dict[str, Tone]:
    """Each film's sound track: the attract film a chord that swells with the sunrise, the wheel a
    freewheel's clicks over a low hum, the shoe a footstep a second over a light chord."""
    return {
        "trail.mp4": chord((110.0, 164.8, 220.0, 277.2, 329.6), 6.0, swell=0.6, pulse=0.5),
        "BIK-102.webm": mixed(clicks(14.0, 4.0), chord((73.4, 110.0), 4.0, volume=0.2)),
        "RUN-115.webm": mixed(clicks(1.0, 4.0, pitch=90.0, volume=0.5), chord((293.7, 370.0, 440.0), 4.0, volume=0.2)),
    }


FILMS: tuple[tuple[str, Draw, tuple[int, int], int, str], ...] = (
    ("trail.mp4", trail, (1280, 720), 6 * 30, "h264"),
    ("BIK-102.webm", bike_wheel, (720, 720), 4 * 30, "vp9"),
    ("RUN-115.webm", running_shoe, (720, 720), 4 * 30, "vp9"),
)


def main(pack: Path) -> None:
    """Write every film of the demo pack into `pack`/videos."""
    folder = pack / "videos"
    folder.mkdir(exist_ok=True)
    sounds = _sounds()
    for name, draw, size, frames, codec in FILMS:
        path = encode(folder / name, drawn(draw, size, frames), size=size, codec=codec, sound=sounds[name])
        print(f"{path}: {codec} {size[0]}x{size[1]}, {frames / 30:.0f} s, with sound, {path.stat().st_size // 1024} KB")
    write_captions(folder, "trail")


def bench_film(path: Path, seconds: int = 60) -> Path:
    """The bench's 1080p30 H.264 attract film (the trail at full HD), `seconds` long."""
    return encode(path, drawn(trail, (1920, 1080), seconds * 30), size=(1920, 1080), codec="h264")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--bench":
        bench_film(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 60)
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "demo"))
