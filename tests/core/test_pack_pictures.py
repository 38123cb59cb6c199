"""A product's gallery and its colours' own pictures in a pack: read, checked like its main picture, kept
in the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.core.catalog.build import build_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.image_header import read_header
from tests.conftest import REPO
from tests.core.test_pack_edges import demo_copy, problems_of
from tests.pictures import write_png, write_webp


def _products(folder: Path) -> list[dict[str, object]]:
    return json.loads((folder / "products.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _save(folder: Path, products: list[dict[str, object]]) -> None:
    (folder / "products.json").write_text(json.dumps(products, ensure_ascii=False, indent=1), encoding="utf-8")


def test_the_demo_backpack_has_its_pictures_in_each_of_its_colours(tmp_path: Path) -> None:
    pack = read_pack(demo_copy(tmp_path))
    backpack = next(p for p in pack.products if p.sku == "BAC-134")
    colours = {v.colour["en"]: v.images for v in backpack.variants if v.colour}
    assert set(colours) == {"black", "navy", "red"}
    assert [len(images) for images in colours.values()] == [3, 3, 3]
    assert colours["red"][0] == "images/BAC-134-red.jpg" and colours["navy"][0] == "images/BAC-134-navy.jpg"
    assert backpack.image == colours["black"][0], "the product shows its first colour, never a colour it lacks"
    bike = next(p for p in pack.products if p.sku == "BIK-101")
    assert bike.image.endswith(".jpg") and len(bike.images) == 2 and all(p.endswith(".webp") for p in bike.images)


def test_the_catalogue_gives_a_gallery_and_each_colours_pictures(tmp_path: Path) -> None:
    catalog = Catalog(build_catalog(read_pack(demo_copy(tmp_path)), tmp_path / "catalog.db"))
    assert catalog.pictures("BIK-101") == ["images/BIK-101.jpg", "images/BIK-101-three-quarter.webp",
                                           "images/BIK-101-detail.webp"]
    red = next(v for v in catalog.variants("BAC-134") if v.sku.endswith("RED"))
    assert red.images == ("images/BAC-134-red.jpg", "images/BAC-134-red-back.webp", "images/BAC-134-red-side.webp")
    catalog.close()


def test_a_missing_or_unreadable_gallery_picture_refuses_the_row_with_its_key(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    (folder / "images" / "notes.webp").write_text("not a picture")
    products = _products(folder)
    products[0]["images"] = ["images/gone.jpg", "images/notes.webp"]
    variants = products[33]["variants"]
    assert isinstance(variants, list)
    variants[2]["images"] = ["../outside.png"]
    _save(folder, products)
    problems = problems_of(folder)
    assert any("[1] BIK-101.images[0]] file not found: images/gone.jpg" in p for p in problems), problems
    assert any("[1] BIK-101.images[1]] images/notes.webp is not a PNG, JPEG or WebP picture" in p for p in problems)
    assert any("BAC-134.variants[2].images[0]] '../outside.png' lies outside the pack's folder" in p for p in problems)


def test_a_gallery_may_mix_png_jpeg_and_webp_and_has_a_limit(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    write_png(folder / "images" / "a.png", 40, 40, 2)
    write_webp(folder / "images" / "b.webp", 40, 40, "lossless")
    products = _products(folder)
    products[0]["images"] = ["images/a.png", "images/b.webp", "images/BIK-102.jpg"]
    _save(folder, products)
    assert read_pack(folder).products[0].images == ("images/a.png", "images/b.webp", "images/BIK-102.jpg")
    products[0]["images"] = ["images/a.png"] * 13
    _save(folder, products)
    assert any("has 13 pictures; at most 12" in p for p in problems_of(folder))


def test_every_picture_of_the_demo_s_products_is_at_least_1200_px_on_its_long_side() -> None:
    """Drawn large enough for the 4K window (issue 26: they were drawn at 480 px and scaled up, jagged)."""
    demo = REPO / "content" / "demo"
    products = _products(demo)
    pictures = {path for product in products for path in (
        product["image"], *product.get("images", []),
        *(p for v in product.get("variants", []) for p in v.get("images", [])))}
    assert len(pictures) >= 3 * len(products), "a gallery for each product"
    sizes = {path: read_header(demo / path) for path in sorted(pictures)}
    small = {path: (size.width, size.height) for path, size in sizes.items() if max(size.width, size.height) < 1200}
    assert small == {}
