"""The content pack: the demo is complete and valid; a bad pack is refused whole and the good one stays."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pytest

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.codes.gtin import is_valid_gtin
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from tests.conftest import REPO

DEMO = REPO / "content" / "demo"
sys.path.insert(0, str(REPO / "content" / "tools"))
from make_synthetic_pack import write_pack  # noqa: E402


def test_demo_pack_has_what_a_store_needs() -> None:
    pack = read_pack(DEMO)
    assert len(pack.products) >= 60
    assert len(pack.categories) >= 5
    assert all(is_valid_gtin(p.gtin) and len(p.gtin) == 13 for p in pack.products)
    assert all(p.description["fr"] and p.description["en"] for p in pack.products)
    assert all((DEMO / p.image).is_file() for p in pack.products)
    reviewed = {r.sku for r in pack.reviews}
    assert len(reviewed) >= len(pack.products) // 2
    assert pack.playlist


def test_demo_specs_share_keys_and_units_within_a_category() -> None:
    pack = read_pack(DEMO)
    for category in pack.categories:
        keys = {spec.key for spec in category.specs}
        products = [p for p in pack.products if p.category == category.id]
        assert products
        for product in products:
            assert set(product.specs) == keys, product.sku


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(DEMO, folder)
    return folder


def test_a_bad_csv_row_is_reported_with_row_and_column_and_the_pack_is_refused(tmp_path: Path) -> None:
    folder = write_pack(20, tmp_path / "pack")
    path = folder / "products.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header = rows[0]
    rows[5][header.index("price")] = "abc"
    rows[9][header.index("gtin")] = "2900000000001"  # wrong check digit
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(PackRejected) as caught:
        read_pack(folder)
    problems = {(p.line, p.key.split(".", 1)[1]) for p in caught.value.problems}
    assert problems == {(6, "price"), (10, "gtin")}
    assert all(p.file == path for p in caught.value.problems)


def test_a_bad_pack_never_replaces_the_good_catalogue(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    database = tmp_path / "catalog.db"
    ensure_catalog(folder, database)
    products = (folder / "products.json").read_text(encoding="utf-8")
    (folder / "products.json").write_text(products.replace('"category": "tents"', '"category": "tentz"', 1))
    with pytest.raises(PackRejected) as caught:
        ensure_catalog(folder, database)
    assert "'tentz' is not in categories.json" in str(caught.value)
    catalog = Catalog(database)
    assert catalog.product_count() == len(read_pack(DEMO).products)
    catalog.close()


def test_unknown_fields_and_specs_are_refused(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    text = (folder / "products.json").read_text(encoding="utf-8")
    text = text.replace('"aisle":', '"colour": "red", "aisle":', 1).replace('"gears":', '"cogs":', 1)
    (folder / "products.json").write_text(text, encoding="utf-8")
    with pytest.raises(PackRejected) as caught:
        read_pack(folder)
    keys = sorted(p.key for p in caught.value.problems)
    assert keys == ["[1] BIK-101.colour", "[1] BIK-101.specs.cogs"]


def test_a_synthetic_pack_of_any_size_imports(tmp_path: Path) -> None:
    folder = write_pack(600, tmp_path / "big")
    catalog = Catalog(ensure_catalog(folder, tmp_path / "big.db"))
    assert catalog.product_count() == 600
    assert catalog.search("Vélo")
    catalog.close()


def test_a_variants_own_gtin_opens_its_product_with_it_chosen(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(DEMO, tmp_path / "catalog.db"))
    size_41 = catalog.scanned("2002000112026")  # on the box of RUN-112 in size 41
    assert size_41 is not None and (size_41.product.sku, size_41.variant) == ("RUN-112", "RUN-112-41")
    product = catalog.scanned("2001000001125")  # the product's own code: no size chosen
    assert product is not None and (product.product.sku, product.variant) == ("RUN-112", "")
    assert catalog.search("2002000112026")[0].sku == "RUN-112", "typed in search, too"
    codes = [v.gtin for p in read_pack(DEMO).products for v in p.variants]
    assert codes and all(code and catalog.scanned(code) for code in codes), "every variant of the demo has one"


def test_a_variants_gtin_is_checked_and_never_used_twice(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    text = (folder / "products.json").read_text(encoding="utf-8")
    text = text.replace('"gtin": "2002000112002"', '"gtin": "2002000112003"')  # a wrong check digit
    text = text.replace('"gtin": "2002000113009"', '"gtin": "2001000001019"')  # the road bike's code
    (folder / "products.json").write_text(text, encoding="utf-8")
    with pytest.raises(PackRejected) as caught:
        read_pack(folder)
    said = sorted(f"{p.key} {p.message}" for p in caught.value.problems)
    assert said == ["[12] RUN-112.variants[0].gtin '2002000112003' is not a valid GTIN (EAN-8, UPC-A, EAN-13 or "
                    "GTIN-14 with its check digit)",
                    "[13].variants[0].gtin '2001000001019' is already used by row 1 ([1].gtin)"]


def test_demo_product_names_are_written_in_each_language_that_translates_them() -> None:
    """A model's name ("Road Tempo 2", "Daily Run 5") is the same in every language, as on the shoe's box; a
    name the French translates is not the English one copied into the other languages (a German comparison
    showed "Road Tempo 2" beside German names while French said "Route Tempo 2"). One language may share a
    loanword with English: Italian says "E-bike"."""
    copied = [product.sku for product in read_pack(DEMO).products if product.name["fr"] != product.name["en"]
              and all(product.name[language] == product.name["en"] for language in ("de", "es", "it"))]
    assert copied == []
