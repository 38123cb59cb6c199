"""Draw the demo pack's product and category pictures (no image is taken from elsewhere).

Usage: python content/tools/make_images.py [content/demo]
Each product gets a 480x480 PNG in its category's style, tinted by a colour derived from its SKU;
each category gets a 240x240 icon. Re-running gives the same files.
"""

from __future__ import annotations

import colorsys
import hashlib
import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame

SIZE = 480
Color = tuple[int, int, int]


def _hex(color: str) -> Color:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _variant(base: Color, key: str) -> Color:
    """A colour near `base`, different for each key."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in base))
    shift = int(hashlib.sha1(key.encode()).hexdigest()[:4], 16) / 0xFFFF
    r, g, b = colorsys.hls_to_rgb((h + shift * 0.5 - 0.25) % 1.0, min(0.55, lightness + 0.05), min(1.0, s + 0.15))
    return int(r * 255), int(g * 255), int(b * 255)


def _line(surface: pygame.Surface, color: Color, a: tuple[float, float], b: tuple[float, float], width: int) -> None:
    pygame.draw.line(surface, color, a, b, width)
    for point in (a, b):
        pygame.draw.circle(surface, color, point, width / 2)


def bike(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A bicycle."""
    for x in (140, 340):
        pygame.draw.circle(s, dark, (x, 300), 82, 14)
        pygame.draw.circle(s, dark, (x, 300), 10)
    for a, b in (((140, 300), (220, 300)), ((220, 300), (300, 190)), ((300, 190), (190, 190)),
                 ((190, 190), (140, 300)), ((190, 190), (220, 300)), ((300, 190), (340, 300)),
                 ((300, 190), (290, 160)), ((180, 170), (215, 170))):
        _line(s, c, a, b, 16)
    _line(s, dark, (270, 160), (315, 150), 14)


def shoe(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A running shoe."""
    pygame.draw.polygon(s, c, [(90, 320), (110, 200), (170, 190), (215, 250), (330, 270), (395, 300), (400, 330)])
    pygame.draw.rect(s, dark, (80, 320, 330, 36), border_radius=18)
    for i in range(4):
        _line(s, (255, 255, 255), (160 + i * 22, 228 + i * 10), (185 + i * 22, 215 + i * 10), 7)
    pygame.draw.arc(s, (255, 255, 255), (220, 260, 170, 90), 0.3, 2.4, 8)


def tent(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A dome tent."""
    pygame.draw.polygon(s, c, [(70, 360), (240, 120), (410, 360)])
    pygame.draw.polygon(s, dark, [(190, 360), (240, 250), (290, 360)])
    _line(s, dark, (40, 362), (440, 362), 10)
    _line(s, dark, (240, 120), (240, 95), 8)


def backpack(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A backpack."""
    pygame.draw.arc(s, dark, (185, 70, 110, 100), 0, math.pi, 14)
    pygame.draw.rect(s, c, (140, 110, 200, 270), border_radius=48)
    pygame.draw.rect(s, dark, (170, 250, 140, 100), border_radius=24)
    _line(s, (255, 255, 255), (185, 270), (295, 270), 6)
    pygame.draw.rect(s, dark, (150, 160, 180, 18), border_radius=9)


def watch(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A GPS watch."""
    pygame.draw.rect(s, dark, (190, 60, 100, 360), border_radius=30)
    pygame.draw.circle(s, c, (240, 240), 115)
    pygame.draw.circle(s, (250, 250, 250), (240, 240), 90)
    _line(s, dark, (240, 240), (240, 175), 10)
    _line(s, dark, (240, 240), (290, 265), 8)
    pygame.draw.circle(s, c, (240, 240), 12)


def headlamp(s: pygame.Surface, c: Color, dark: Color) -> None:
    """A headlamp with its beam."""
    pygame.draw.polygon(s, (255, 236, 150), [(290, 215), (450, 120), (450, 350), (290, 265)])
    pygame.draw.ellipse(s, dark, (70, 150, 240, 180), 20)
    pygame.draw.rect(s, c, (230, 190, 90, 100), border_radius=20)
    pygame.draw.circle(s, (255, 245, 200), (300, 240), 28)


DRAWINGS: dict[str, Callable[[pygame.Surface, Color, Color], None]] = {
    "bike": bike, "shoe": shoe, "tent": tent, "backpack": backpack, "watch": watch, "headlamp": headlamp,
}


def picture(icon: str, color: Color, size: int, background: Color) -> pygame.Surface:
    """One pictogram, drawn large and scaled down smoothly."""
    big = pygame.Surface((SIZE, SIZE))
    big.fill(background)
    dark = tuple(int(v * 0.45) for v in color)
    DRAWINGS[icon](big, color, dark)  # type: ignore[arg-type]
    return pygame.transform.smoothscale(big, (size, size)) if size != SIZE else big


def main(folder: Path) -> None:
    """Write every picture of the pack in `folder`."""
    categories = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    products = json.loads((folder / "products.json").read_text(encoding="utf-8"))
    (folder / "images").mkdir(exist_ok=True)
    icons = {c["id"]: (c["icon"], _hex(c["color"])) for c in categories}
    for category in categories:
        icon, color = icons[category["id"]]
        tint = tuple(int(255 - (255 - v) * 0.12) for v in color)
        pygame.image.save(picture(icon, color, 240, tint), str(folder / "images" / f"category-{category['id']}.png"))
    for product in products:
        icon, color = icons[product["category"]]
        pygame.image.save(picture(icon, _variant(color, product["sku"]), SIZE, (246, 244, 240)),
                          str(folder / product["image"]))
    print(f"{len(products)} product pictures and {len(categories)} category icons in {folder / 'images'}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "demo"))
