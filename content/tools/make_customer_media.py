"""Draw the demo pack's customers' photos and short videos (made by us: no customer's media is copied).

Usage: python content/tools/make_customer_media.py [content/demo]

Writes `customers/`: photos of products out in use (a bike on a hill, a shoe on a trail, a backpack on a
walk), 1200x900 JPEG, and short videos (4 s, 640x360 H.264 MP4 encoded with PyAV, each with a poster
picture), drawn with the product pictures' own kit (draw_bikes.py, draw_gear.py) and encoded by
film_kit.py. reviews.json and testimonials.json name them; which of them the store approved is said
there, not here.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame
from draw_bikes import bike_of, bike_views, draw_bike
from draw_gear import VIEWS, Look, camera_of
from film_kit import encode
from make_images import ACCENTS, COLOURS
from picture_kit import Camera, Canvas, Color, darker, gradient, lighter

PHOTO = (1200, 900)
VIDEO = (640, 360)
FPS = 25
SKY = ((92, 146, 206), (214, 232, 244))
DUSK = ((24, 30, 58), (88, 70, 96))


def _outdoors(canvas: Canvas, sky: tuple[Color, Color], hills: Color, ground: Color, shift: float = 0.0) -> None:
    """Sky, two rows of hills and the ground under the product, seen from where the customer stood."""
    surface = canvas.surface
    width, height = surface.get_size()
    surface.blit(gradient((width, height), *sky), (0, 0))
    for depth, colour, base in ((0.35, lighter(hills, 0.25), 0.52), (0.7, hills, 0.62)):
        points = [(x, height * base - height * 0.08 * math.sin(x / width * 5 + depth * 4 + shift * depth))
                  for x in range(-40, width + 80, 40)]
        pygame.draw.polygon(surface, colour, [*points, (width + 80, height), (-40, height)])
    surface.blit(gradient((width, int(height * 0.3)), ground, darker(ground, 0.25)), (0, int(height * 0.7)))


def _product(canvas: Canvas, product: dict[str, object], icon: str, color: Color, view: int = 0) -> None:
    if icon == "bike":
        bike = bike_of(str(product["name"]["en"]), product.get("specs", {}))  # type: ignore[index, arg-type]
        draw_bike(canvas, bike, color, ACCENTS["bikes"])
        return
    look = Look(color, ACCENTS.get(str(product["category"]), (240, 240, 240)), str(product["name"]["en"]),  # type: ignore[index]
                product.get("specs", {}), str(product.get("brand", "")))  # type: ignore[arg-type]
    VIEWS[icon][view].draw(canvas, look)


def photo(product: dict[str, object], icon: str, color: Color, size: tuple[int, int] = PHOTO,
          night: bool = False, shift: float = 0.0, view: int = 0) -> pygame.Surface:
    """A customer's photo of `product` out in use."""
    if icon == "bike":
        bike = bike_of(str(product["name"]["en"]), product.get("specs", {}))  # type: ignore[index, arg-type]
        _, camera = bike_views(bike)[1]
        camera = Camera(camera.scale * size[1] / 1200 * 1.1, camera.look, (0.5 - shift * 0.15, 0.58),
                        yaw=-30 + shift * 8, pitch=10)
    else:
        base = camera_of(VIEWS[icon][view])
        camera = Camera(base.scale * size[1] / 1200 * 1.05, base.look, (0.5 - shift * 0.1, 0.55))
    canvas = Canvas(size, camera)
    _outdoors(canvas, DUSK if night else SKY, (70, 110, 80) if not night else (40, 48, 70),
              (120, 150, 90) if not night else (36, 40, 50), shift)
    _product(canvas, product, icon, color, view)
    return canvas.picture()


def video(folder: Path, stem: str, product: dict[str, object], icon: str, color: Color,
          night: bool = False) -> tuple[str, str]:
    """A 4-second clip of the product as the customer walks round it, and its poster; their paths in the pack."""
    frames = 4 * FPS

    def draw(number: int) -> pygame.Surface:
        return photo(product, icon, color, VIDEO, night, shift=math.sin(number / frames * math.pi * 2) * 1.5)

    clip = folder / "customers" / f"{stem}.mp4"
    encode(clip, (draw(number) for number in range(frames)), size=VIDEO, fps=FPS,
           options={"crf": "28"})
    poster = folder / "customers" / f"{stem}.jpg"
    pygame.image.save(draw(0), str(poster))
    return f"customers/{stem}.mp4", f"customers/{stem}.jpg"


# (what, sku, colour or "", night, view) -> file stem: the demo's customers' media
PHOTOS = {"r-bik105-hill": ("BIK-105", "", False, 0), "r-run112-trail": ("RUN-112", "", False, 0),
          "r-run112-laces": ("RUN-112", "", False, 2), "r-bac134-walk": ("BAC-134", "red", False, 0),
          "r-hea166-night": ("HEA-166", "", True, 1)}
VIDEOS = {"r-bik105-ride": ("BIK-105", "", False), "t-run112-lea": ("RUN-112", "", False),
          "t-run112-draft": ("RUN-112", "", False), "t-marathon-sam": ("RUN-113", "", False),
          "t-hea166-night": ("HEA-166", "", True)}


def main(folder: Path) -> None:
    """Write the demo's customers' photos and videos into `folder`/customers."""
    from make_images import _hex, product_colour

    categories = {c["id"]: (c["icon"], _hex(c["color"])) for c in
                  json.loads((folder / "categories.json").read_text(encoding="utf-8"))}
    products = {p["sku"]: p for p in json.loads((folder / "products.json").read_text(encoding="utf-8"))}
    (folder / "customers").mkdir(exist_ok=True)

    def colour(sku: str, named: str) -> Color:
        base = categories[products[sku]["category"]][1]
        return COLOURS[named] if named else product_colour(products[sku], base)

    for stem, (sku, named, night, view) in PHOTOS.items():
        icon = categories[products[sku]["category"]][0]
        pygame.image.save(photo(products[sku], icon, colour(sku, named), night=night, view=view),
                          str(folder / "customers" / f"{stem}.jpg"))
    for stem, (sku, named, night) in VIDEOS.items():
        icon = categories[products[sku]["category"]][0]
        video(folder, stem, products[sku], icon, colour(sku, named), night)
    size = sum(path.stat().st_size for path in (folder / "customers").iterdir()) / 1e6
    print(f"{len(PHOTOS)} photos and {len(VIDEOS)} videos in {folder / 'customers'}, {size:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "demo"))
