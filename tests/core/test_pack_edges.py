"""Hostile and careless content packs: refused with the cause and its line, or cleaned, never shown raw."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.pack.content import read_pack
from kiosk.core.pack.image_header import ImageHeader, read_header
from kiosk.core.pack.reader import PackRejected
from tests.conftest import REPO
from tests.pictures import write_cmyk_jpeg_header, write_png, write_webp

DEMO = REPO / "content" / "demo"


def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(DEMO, folder)
    return folder


def edit_first_product(folder: Path, **changes: Any) -> None:
    products = json.loads((folder / "products.json").read_text(encoding="utf-8"))
    products[0].update(changes)
    (folder / "products.json").write_text(json.dumps(products, ensure_ascii=False, indent=1), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(PackRejected) as caught:
        read_pack(folder)
    return [str(problem) for problem in caught.value.problems]


def test_one_json_syntax_error_is_one_problem_with_its_line(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    text = (folder / "products.json").read_text(encoding="utf-8").splitlines()
    text[40] = text[40] + ","  # a stray comma
    (folder / "products.json").write_text("\n".join(text), encoding="utf-8")
    problems = problems_of(folder)
    assert len(problems) == 1, problems  # not the reviews, playlist and collections that name its products
    assert "products.json:4" in problems[0] and "not valid JSON" in problems[0]

    shutil.copy(DEMO / "products.json", folder / "products.json")
    (folder / "categories.json").write_text("[{\"id\": \"bikes\"", encoding="utf-8")
    problems = problems_of(folder)
    assert len(problems) == 1 and "categories.json:1" in problems[0], problems


def test_a_bad_json_row_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    products = json.loads((folder / "products.json").read_text(encoding="utf-8"))
    products[2]["price"] = "free"
    (folder / "products.json").write_text(json.dumps(products, ensure_ascii=False, indent=1), encoding="utf-8")
    line = next(number for number, text in enumerate((folder / "products.json").read_text().splitlines(), start=1)
                if f'"sku": "{products[2]["sku"]}"' in text) - 1  # the row's opening brace
    assert problems_of(folder) == [f"{folder / 'products.json'}:{line}: [[3] {products[2]['sku']}.price] "
                                   f"'free' is not a positive amount with at most 2 decimals"]


@pytest.mark.parametrize("image", ["../outside.png", "/etc/hostname", "images/../../outside.png"])
def test_a_picture_outside_the_pack_is_refused(tmp_path: Path, image: str) -> None:
    folder = demo_copy(tmp_path)
    write_png(tmp_path / "outside.png", 8, 8, 2)
    edit_first_product(folder, image=image)
    problems = problems_of(folder)
    assert len(problems) == 1 and "outside the pack's folder" in problems[0]


@pytest.mark.parametrize("colour_type, depth", [(0, 8), (0, 16), (3, 8), (4, 8), (2, 16), (6, 16), (0, 1)])
def test_grey_palette_and_16_bit_pictures_are_taken(tmp_path: Path, colour_type: int, depth: int) -> None:
    folder = demo_copy(tmp_path)
    write_png(folder / "images" / "odd.png", 64, 48, colour_type, depth)
    edit_first_product(folder, image="images/odd.png")
    assert read_pack(folder).products[0].image == "images/odd.png"


@pytest.mark.parametrize("kind", ["lossy", "lossless", "alpha"])
def test_webp_pictures_are_taken_with_their_size_read_from_the_header(tmp_path: Path, kind: str) -> None:
    folder = demo_copy(tmp_path)
    write_webp(folder / "images" / "photo.webp", 321, 123, kind)
    edit_first_product(folder, image="images/photo.webp")
    assert read_pack(folder).products[0].image == "images/photo.webp"
    assert read_header(folder / "images" / "photo.webp") == ImageHeader("webp", 321, 123)


def test_an_animated_webp_is_refused_as_a_picture(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    write_webp(folder / "images" / "moving.webp", 64, 64, "animated")
    edit_first_product(folder, image="images/moving.webp")
    problems = problems_of(folder)
    assert len(problems) == 1 and "images/moving.webp is an animated WebP" in problems[0]


def test_oversized_cmyk_and_unreadable_pictures_are_refused_without_decoding(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    write_png(folder / "images" / "huge.png", 4, 4, 2, claimed=(20000, 20000))  # says 20000x20000: never decoded
    write_cmyk_jpeg_header(folder / "images" / "print.jpg")
    (folder / "images" / "notes.png").write_text("not a picture")
    products = json.loads((folder / "products.json").read_text(encoding="utf-8"))
    for product, image in zip(products, ("images/huge.png", "images/print.jpg", "images/notes.png")):
        product["image"] = image
    (folder / "products.json").write_text(json.dumps(products, ensure_ascii=False), encoding="utf-8")
    problems = " ".join(problems_of(folder))
    assert "20000x20000 pixels" in problems and "CMYK" in problems and "not a PNG, JPEG or WebP" in problems


def test_texts_over_their_limit_are_refused(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    edit_first_product(folder, description={"fr": "x" * 5_000_000, "en": "ok", "de": "ok", "es": "ok", "it": "ok"})
    problems = problems_of(folder)
    assert len(problems) == 1 and "5,000,000 characters long; at most 5,000" in problems[0]


def test_invisible_and_direction_changing_characters_are_removed(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    tricked = "Vélo\u202e025 otlA\u202c de\u200b route\u2066\u2069\ufeff"
    edit_first_product(folder, name={"fr": tricked, "en": "Road\u200d bike", "de": "R", "es": "B", "it": "B"},
                       brand="Alpen\u00adrad\u200f")
    product = read_pack(folder).products[0]
    assert product.name["fr"] == "Vélo025 otlA de route" and product.name["en"] == "Road bike"
    assert product.brand == "Alpenrad"
