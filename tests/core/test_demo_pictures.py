"""The demo pack's product pictures tell its products apart: within a department, no two products share one
outline (recoloured, a running shoe looked like every other one on two compare cards: issue 26). Outlines are
compared, not colours: each main picture's silhouette, cut out of the studio backdrop and framed to its size,
and its edge compared with the others' as drawn and mirrored (a shape turned round is the same shape)."""

from __future__ import annotations

import colorsys
import itertools
import json
import os
import re
from pathlib import Path

import pygame
import pytest
from PIL import Image

from tests.conftest import REPO

DEMO = REPO / "content" / "demo"
GRID = 128  # the picture is compared at this size: the outline, not its last details
FRAME = 48  # each silhouette framed to a square of this size
SAME = 0.85  # two silhouettes whose edges overlap as much as this (intersection over union) are one outline


def _products() -> list[dict[str, object]]:
    return json.loads((DEMO / "products.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def standing_out(path: Path) -> tuple[pygame.Surface, pygame.mask.Mask]:
    """The picture in `path` at GRID size and its pixels that stand out from the backdrop (whose shade each row
    takes from the picture's left and right edges; the soft floor shadow stays under the threshold)."""
    picture = pygame.transform.smoothscale(pygame.image.load(str(path)), (GRID, GRID))
    edges = pygame.Surface((2, GRID))
    edges.blit(picture, (0, 0), (0, 0, 1, GRID))
    edges.blit(picture, (1, 0), (GRID - 1, 0, 1, GRID))
    backdrop = pygame.transform.smoothscale(edges, (GRID, GRID))
    above, below = picture.copy(), backdrop.copy()
    above.blit(backdrop, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    below.blit(picture, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    above.blit(below, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # |picture - backdrop|, per channel
    shape = pygame.mask.from_threshold(above, (0, 0, 0), (61, 61, 61, 255))
    shape.invert()
    return picture, shape


def silhouette(path: Path) -> pygame.mask.Mask:
    """The product's silhouette in `path` (what stands out from the backdrop), framed to a FRAME-sided
    square."""
    shape = standing_out(path)[1]
    box = shape.get_bounding_rects()
    assert box, f"{path.name}: nothing stands out from the backdrop"
    bounds = box[0].unionall(box[1:])
    side = max(bounds.size)
    square = pygame.Surface((side, side))
    square.blit(shape.to_surface(), ((side - bounds.width) // 2, (side - bounds.height) // 2), bounds)
    return pygame.mask.from_threshold(pygame.transform.smoothscale(square, (FRAME, FRAME)), (255, 255, 255),
                                      (128, 128, 128, 255))


def outline(shape: pygame.mask.Mask) -> pygame.mask.Mask:
    """The silhouette's edge, a few pixels wide: its pixels with a neighbour outside it, and theirs."""
    inner = shape
    for offset in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        inner = inner.overlap_mask(shape, offset)
    edge = shape.copy()
    edge.erase(inner, (0, 0))
    band = edge.copy()
    for offset in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        band.draw(edge, offset)
    return band


def overlap(a: pygame.mask.Mask, b: pygame.mask.Mask) -> float:
    """How much two silhouettes' outlines are one (their edges' intersection over union), as drawn or one of
    them mirrored. (Filled shapes overlap much for any two backpacks; their edges tell their outlines apart.)"""
    mirrored = pygame.mask.from_threshold(pygame.transform.flip(b.to_surface(), True, False), (255, 255, 255),
                                          (128, 128, 128, 255))
    best = 0.0
    edge = outline(a)
    for other in (outline(b), outline(mirrored)):
        common = edge.overlap_area(other, (0, 0))
        best = max(best, common / max(1, edge.count() + other.count() - common))
    return best


@pytest.fixture(scope="module")
def departments() -> dict[str, dict[str, pygame.mask.Mask]]:
    """Each department's products' silhouettes (their main picture), by SKU."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    shapes: dict[str, dict[str, pygame.mask.Mask]] = {}
    for product in _products():
        picture = DEMO / str(product["image"])
        shapes.setdefault(str(product["category"]), {})[str(product["sku"])] = silhouette(picture)
    return shapes


def test_no_two_products_of_a_department_share_one_outline(departments: dict[str, dict[str, pygame.mask.Mask]]
                                                              ) -> None:
    assert len(departments) == 6 and all(len(shapes) >= 10 for shapes in departments.values())
    alike = [f"{a} and {b}: {overlap(shapes[a], shapes[b]):.2f}" for shapes in departments.values()
             for a, b in itertools.combinations(sorted(shapes), 2) if overlap(shapes[a], shapes[b]) >= SAME]
    assert not alike, f"one outline for two products (overlap >= {SAME}): {alike}"


def test_a_recoloured_copy_is_caught_as_one_outline(tmp_path: Path) -> None:
    """The comparison sees through colour: a shoe's picture with its colours turned (red, green and blue
    swapped round: the grey backdrop stays grey) is the same outline, and a running shoe beside a bike is not."""
    shoe = DEMO / "images" / "RUN-113.jpg"
    red, green, blue = Image.open(shoe).convert("RGB").split()
    Image.merge("RGB", (green, blue, red)).save(tmp_path / "recoloured.png")
    assert overlap(silhouette(shoe), silhouette(tmp_path / "recoloured.png")) >= SAME
    assert overlap(silhouette(shoe), silhouette(DEMO / "images" / "BIK-101.jpg")) < SAME


def test_every_picture_is_drawn_large_enough_for_the_4k_window() -> None:
    """At least 1200 px on the long side (drawn at 480 px and scaled up, a picture's edges were jagged)."""
    small = []
    for product in _products():
        for name in [product["image"], *product.get("images", [])]:  # type: ignore[list-item]
            size = pygame.image.load(str(DEMO / str(name))).get_size()
            if max(size) < 1200:
                small.append(f"{name}: {size}")
    assert not small, small


# A colour's words in the catalogue's languages, and its hue in degrees (None: a colour without hue)
HUES: dict[str, float | None] = {"red": 0, "green": 130, "blue": 215, "yellow": 50, "orange": 28, "navy": 222,
                                 "black": None, "white": None, "grey": None}
WORDS: dict[str, str] = {word: colour for colour, words in {
    "red": "red rouge rot roja rojo rossa rosso", "green": "green vert verte grün verde",
    "blue": "blue bleu bleue blau azul blu", "yellow": "yellow jaune gelb amarillo amarilla giallo gialla",
    "orange": "orange naranja arancione", "navy": "navy marine",
    "black": "black noir noire schwarz negro negra nero nera",
    "white": "white blanc blanche weiß weiss blanco blanca bianco", "grey": "grey gray gris grise grau grigio",
}.items() for word in words.split()}


def dominant_hue(path: Path) -> tuple[float | None, float]:
    """The hue (degrees, in 30-degree bins) most of the product's coloured pixels have (None: none has one),
    and how much of the product is coloured (0 to 1; black, white and grey are not)."""
    picture, shape = standing_out(path)
    bins: dict[int, int] = {}
    grey = 0
    for x, y in ((x, y) for x in range(GRID) for y in range(GRID) if shape.get_at((x, y))):
        r, g, b = (channel / 255 for channel in picture.get_at((x, y))[:3])
        hue, saturation, value = colorsys.rgb_to_hsv(r, g, b)
        if saturation < 0.3 or value < 0.2:
            grey += 1
        else:
            key = round(hue * 12) % 12
            bins[key] = bins.get(key, 0) + 1
    coloured = sum(bins.values())
    return (max(bins, key=bins.__getitem__) * 30.0 if bins else None), coloured / max(1, coloured + grey)


def drawn_in(path: Path, colour: str) -> bool:
    """Whether the picture shows `colour` (a key of HUES): a colour with a hue is the most of the product's
    coloured part and at least a tenth of the product (a red headlamp on its black band); black, white or
    grey is most of it (a black backpack may carry a green mat or a blue bottle)."""
    hue, share = dominant_hue(path)
    wanted = HUES[colour]
    if wanted is None:
        return share < 0.5
    return hue is not None and share >= 0.1 and min(abs(hue - wanted), 360 - abs(hue - wanted)) <= 30


def test_a_product_whose_name_says_a_colour_is_drawn_in_it() -> None:
    """'Headlamp Astro Red' ('Frontale Rouge Astro', 'Stirnlampe Astro Rot') was drawn lime green: every
    picture of a product whose name says a colour, in any language, shows that colour, and so does every
    picture of a colour variant."""
    named = {str(p["sku"]): WORDS[word] for p in _products() for name in p["name"].values()  # type: ignore[attr-defined]
             for word in re.findall(r"\w+", str(name).lower()) if word in WORDS}
    assert named.get("HEA-160") == "red"
    shown: list[tuple[str, str]] = []  # (picture, colour)
    for product in _products():
        if str(product["sku"]) in named:
            shown += [(str(name), named[str(product["sku"])])
                      for name in [product["image"], *product.get("images", [])]]  # type: ignore[list-item]
        for variant in product.get("variants", []):  # type: ignore[attr-defined]
            if variant.get("colour"):
                shown += [(str(name), variant["colour"]["en"].lower()) for name in variant["images"]]
    assert len(shown) > 90
    wrong = [f"{name}: {colour}, seen {dominant_hue(DEMO / name)}" for name, colour in shown
             if not drawn_in(DEMO / name, colour)]
    assert not wrong, wrong


def test_the_colour_measure_tells_a_red_picture_from_a_green_one(tmp_path: Path) -> None:
    """The measure sees the product's colour: the red headlamp's picture with its red and green swapped is
    green, and a black backpack is black, not red."""
    red, green, blue = Image.open(DEMO / "images" / "HEA-160.jpg").convert("RGB").split()
    Image.merge("RGB", (green, red, blue)).save(tmp_path / "green.png")
    assert drawn_in(DEMO / "images" / "HEA-160.jpg", "red")
    assert drawn_in(tmp_path / "green.png", "green") and not drawn_in(tmp_path / "green.png", "red")
    assert drawn_in(DEMO / "images" / "BAC-134-black.jpg", "black")
    assert not drawn_in(DEMO / "images" / "BAC-134-black.jpg", "red")


def test_every_picture_of_a_shoe_shows_the_whole_shoe_lying_along_it() -> None:
    """A shoe's gallery read as the shoe: its sole and its top seen as upright ovals read as red ovals, and
    its close-up cut the shoe at the picture's edge. Every picture of a running shoe now shows it whole (its
    outline clear of the edges) and lying along the picture, wider than tall."""
    wrong = []
    for product in _products():
        if product["category"] != "running":
            continue
        for name in [product["image"], *product.get("images", [])]:  # type: ignore[list-item]
            shape = standing_out(DEMO / str(name))[1]
            boxes = shape.get_bounding_rects()
            box = boxes[0].unionall(boxes[1:])
            if box.left < 2 or box.top < 2 or box.right > GRID - 2 or box.bottom > GRID - 2:
                wrong.append(f"{name}: cut at the edge ({box})")
            elif box.width < box.height * 1.15:
                wrong.append(f"{name}: stands upright ({box.width}x{box.height})")
    assert not wrong, wrong


def faces_right(picture: Path) -> bool:
    """Whether the shoe in `picture` points its toe to the right: its third on the left (the heel, the collar
    standing highest) is taller than its third on the right (the toe box, tapering to the tip)."""
    shape = standing_out(picture)[1]
    rects = shape.get_bounding_rects()
    box = rects[0].unionall(rects[1:])
    third = box.width // 3

    def height(x0: int) -> int:
        return sum(1 for x in range(x0, x0 + third) for y in range(box.top, box.bottom) if shape.get_at((x, y)))

    return height(box.left) > height(box.right - third)


def test_every_shoe_faces_right_as_in_a_catalogue(tmp_path: Path) -> None:
    """Marathon Élan and Road Plume Max pointed left, every other shoe right: every shoe's main picture
    points its toe to the right, and the measure tells a shoe turned round."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    shoes = [DEMO / str(p["image"]) for p in _products() if p["category"] == "running"]
    assert len(shoes) >= 10
    assert not [path.name for path in shoes if not faces_right(path)]
    Image.open(DEMO / "images" / "RUN-115.jpg").transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(tmp_path / "l.png")
    assert not faces_right(tmp_path / "l.png")
