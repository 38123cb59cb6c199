"""Draw the demo pack's product pictures and category icons (no picture is taken from elsewhere).

Usage: python content/tools/make_images.py [content/demo]

Each product gets several pictures of 1200x1200, drawn at twice that size and scaled down smoothly:
its main picture (JPEG) and other views (WebP: another side, a detail close up), each kind of product
drawn from its own specs (draw_bikes.py, draw_gear.py). A product that comes in colours gets its
pictures in each colour, named in its variants. The pack's products.json is rewritten to name them
(`image`, `images`, and each colour's `images`). Each category gets a 240x240 icon. Re-running gives the
same files.
"""

from __future__ import annotations

import colorsys
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame
from draw_bikes import bike_of, bike_views, draw_bike
from draw_gear import VIEWS, Look, View, camera_of
from draw_lamps import headlamp_worn
from picture_kit import Camera, Canvas, Color, darker, lighter

SIZE = 1200
ICON = 240
BACKDROP = ((244, 242, 238), (222, 219, 213))
NIGHT = ((28, 32, 44), (10, 12, 18))
# The colours a variant may be named by (English), as a product photographer would have them dyed
COLOURS: dict[str, Color] = {"black": (48, 50, 54), "navy": (34, 52, 102), "red": (186, 42, 44),
                             "green": (46, 120, 84), "blue": (40, 100, 180), "grey": (120, 124, 130),
                             "white": (236, 236, 232), "orange": (230, 120, 40), "yellow": (236, 196, 40)}
# A colour's word in a product's name, in each of the pack's languages: the product is drawn in it ("Headlamp
# Astro Red" was drawn lime green, its department's colour turned)
NAMED: dict[str, str] = {word: colour for colour, words in {
    "red": "red rouge rot roja rojo rossa rosso", "black": "black noir noire schwarz negro negra nero nera",
    "navy": "navy marine", "green": "green vert verte grün verde", "blue": "blue bleu bleue blau azul blu",
    "grey": "grey gray gris grise grau grigio grigia", "white": "white blanc blanche weiß weiss blanco blanca bianco",
    "orange": "orange naranja arancione", "yellow": "yellow jaune gelb amarillo amarilla giallo gialla",
}.items() for word in words.split()}
ACCENTS: dict[str, Color] = {"bikes": (232, 120, 40), "running": (250, 250, 250), "tents": (240, 200, 60),
                             "backpacks": (240, 170, 40), "watches": (90, 200, 230), "headlamps": (60, 60, 64)}


def _hex(color: str) -> Color:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _variant(base: Color, key: str) -> Color:
    """A colour near `base`, different for each key."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in base))
    shift = int(hashlib.sha1(key.encode()).hexdigest()[:4], 16) / 0xFFFF
    r, g, b = colorsys.hls_to_rgb((h + shift * 0.5 - 0.25) % 1.0, min(0.55, lightness + 0.05), min(1.0, s + 0.15))
    return int(r * 255), int(g * 255), int(b * 255)


def named_colour(product: dict[str, Any]) -> str | None:
    """The colour (a key of COLOURS) the product's name says in any of its languages, if it says one."""
    for name in product["name"].values():
        for word in re.findall(r"\w+", str(name).lower()):
            if word in NAMED:
                return NAMED[word]
    return None


def product_colour(product: dict[str, Any], base: Color) -> Color:
    """The colour a product without colour variants is drawn in: the one its name says, or one near its
    department's colour, its own."""
    named = named_colour(product)
    return COLOURS[named] if named else _variant(base, product["sku"])


def _save(picture: pygame.Surface, path: Path) -> None:
    """A JPEG through pygame, a WebP through Pillow (pygame-ce writes no WebP)."""
    if path.suffix == ".webp":
        from PIL import Image

        Image.frombytes("RGB", picture.get_size(), pygame.image.tobytes(picture, "RGB")).save(
            path, "WEBP", quality=82, method=6)
    else:
        pygame.image.save(picture, str(path))


def _canvas(camera: Camera, night: bool = False) -> Canvas:
    canvas = Canvas((SIZE, SIZE), camera)
    canvas.studio(*(NIGHT if night else BACKDROP), floor=None)
    return canvas


def product_pictures(product: dict[str, Any], icon: str, color: Color,
                     accent: Color) -> list[tuple[str, pygame.Surface]]:
    """The views of one product in one colour, the main one first: (view name, picture)."""
    pictures = []
    if icon == "bike":
        bike = bike_of(product["name"]["en"], product.get("specs", {}))
        for name, camera in bike_views(bike):
            canvas = _canvas(camera)
            draw_bike(canvas, bike, color, accent)
            pictures.append((name, canvas.picture()))
        return pictures
    look = Look(color, accent, product["name"]["en"], product.get("specs", {}), str(product.get("brand", "")))
    for view in VIEWS[icon]:
        canvas = _canvas(camera_of(view), view.night)
        view.draw(canvas, look)
        pictures.append((view.name, canvas.picture()))
    return pictures


def write_product(folder: Path, product: dict[str, Any], icon: str, color: Color, accent: Color,
                  stem: str) -> list[str]:
    """Write one product's pictures in one colour as `images/{stem}.jpg` and `images/{stem}-{view}.webp`;
    returns their paths in the pack, the main one first."""
    paths = []
    for index, (view, picture) in enumerate(product_pictures(product, icon, color, accent)):
        name = f"images/{stem}.jpg" if index == 0 else f"images/{stem}-{view}.webp"
        _save(picture, folder / name)
        paths.append(name)
    return paths


def icon_picture(icon: str, color: Color) -> pygame.Surface:
    """A category's icon: its kind of product's main view, small, on a tint of its colour."""
    tint = lighter(color, 0.88)
    product = {"name": {"en": {"bike": "Road bike", "shoe": "Road shoe"}.get(icon, icon)},
               "specs": {"terrain": "Road", "stack": 26, "drop": 8, "volume": 30, "capacity": 2, "screen": 28,
                         "lumens": 400}}
    if icon == "headlamp":  # worn on a head: on its own band a headlamp read as a belt or a ring
        canvas = _canvas(camera_of(View("worn", headlamp_worn, 1.0, (500, 440))))
        headlamp_worn(canvas, Look(color, darker(color, 0.4), "headlamp", {}))
        picture = canvas.picture()
    else:
        _, picture = product_pictures(product, icon, color, darker(color, 0.4))[0]
    small = pygame.Surface(picture.get_size())
    small.fill(tint)
    picture.set_colorkey(None)
    small.blit(picture, (0, 0))
    return pygame.transform.smoothscale(small, (ICON, ICON))


def main(folder: Path) -> None:
    """Write every picture of the pack in `folder` and name them in its products.json."""
    categories = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    products_file = folder / "products.json"
    products = json.loads(products_file.read_text(encoding="utf-8"))
    images = folder / "images"
    images.mkdir(exist_ok=True)
    for old in images.glob("*"):
        if not old.name.startswith("category-"):
            old.unlink()
    icons = {c["id"]: (c["icon"], _hex(c["color"])) for c in categories}
    for category in categories:
        icon, color = icons[category["id"]]
        pygame.image.save(icon_picture(icon, color), str(images / f"category-{category['id']}.png"))
    count = 0
    for product in products:
        icon, color = icons[product["category"]]
        accent = ACCENTS.get(product["category"], (240, 240, 240))
        coloured = [v for v in product.get("variants", []) if v.get("colour")]
        if coloured:  # each colour its own pictures; the product shows its first colour's
            for variant in coloured:
                name = variant["colour"]["en"].lower()
                paths = write_product(folder, product, icon, COLOURS.get(name, _variant(color, name)), accent,
                                      f"{product['sku']}-{name}")
                variant["images"] = paths
                count += len(paths)
            first = coloured[0]["images"]
        else:
            first = write_product(folder, product, icon, product_colour(product, color), accent, product["sku"])
            count += len(first)
        product["image"], product["images"] = first[0], first[1:]
    products_file.write_text(json.dumps(products, ensure_ascii=False, indent=1), encoding="utf-8")
    size = sum(path.stat().st_size for path in images.iterdir()) / 1e6
    print(f"{count} product pictures ({len(products)} products) and {len(categories)} category icons in {images}, "
          f"{size:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "demo"))
