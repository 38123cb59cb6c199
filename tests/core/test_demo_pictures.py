"""The demo pack's product pictures tell its products apart: within a department, no two products share one
outline (recoloured, a running shoe looked like every other one on two compare cards: issue 26). Outlines are
compared, not colours: each main picture's silhouette, cut out of the studio backdrop and framed to its size,
and its edge compared with the others' as drawn and mirrored (a shape turned round is the same shape)."""

from __future__ import annotations

import itertools
import json
import os
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


def silhouette(path: Path) -> pygame.mask.Mask:
    """The product's silhouette in `path`: the pixels that stand out from the backdrop (whose shade each row
    takes from the picture's left and right edges; the soft floor shadow stays under the threshold), framed to
    a FRAME-sided square."""
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
