"""The retailer's Merchant Center feeds as a pack's products: tab-separated and XML, variants by
item_group_id, product details as specs, sale prices by date, this store's stock from the local
inventory feed, and bad rows said by file, line and field, left out within the mapping's allowance."""

from __future__ import annotations

import json
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "content" / "tools"))
from make_merchant_feed import write_feed_pack

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
DEMO_CATEGORIES = Path(__file__).resolve().parents[2] / "content" / "demo" / "categories.json"

ONE_PRODUCT_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Shop</title>
<item>
  <g:id>RUN-1-41</g:id><g:title>{title}</g:title><g:description>{description}</g:description>
  <g:link>https://shop.example/run-1</g:link><g:image_link>https://shop.example/run-1.jpg</g:image_link>
  <g:price>129.00 EUR</g:price><g:sale_price>99.00 EUR</g:sale_price>
  <g:sale_price_effective_date>2026-11-01T00:00+01:00/2026-12-31T23:59+01:00</g:sale_price_effective_date>
  <g:availability>in_stock</g:availability><g:gtin>4006381333931</g:gtin><g:brand>Kinetik</g:brand>
  <g:product_type>Sport &gt; Running &gt; Trail</g:product_type><g:item_group_id>RUN-1</g:item_group_id>
  <g:size>41</g:size><g:color>{colour}</g:color>
  <g:product_detail><g:section_name>Specs</g:section_name><g:attribute_name>{weight}</g:attribute_name>
    <g:attribute_value>285 g</g:attribute_value></g:product_detail>
  <g:product_detail><g:section_name>Specs</g:section_name><g:attribute_name>{terrain}</g:attribute_name>
    <g:attribute_value>{trail}</g:attribute_value></g:product_detail>
</item>
<item>
  <g:id>RUN-1-42</g:id><g:title>{title}</g:title><g:price>129.00 EUR</g:price>
  <g:availability>out_of_stock</g:availability><g:gtin>4006381333948</g:gtin><g:brand>Kinetik</g:brand>
  <g:product_type>Sport &gt; Running &gt; Trail</g:product_type><g:item_group_id>RUN-1</g:item_group_id>
  <g:size>42</g:size><g:color>{colour}</g:color>
</item>
</channel></rss>
"""


def _pack_of_one(folder: Path) -> Path:
    """A pack with one product of two sizes, in French and German XML feeds."""
    folder.mkdir()
    categories = json.loads(DEMO_CATEGORIES.read_text(encoding="utf-8"))
    (folder / "categories.json").write_text(json.dumps(categories), encoding="utf-8")
    (folder / "pack.json").write_text(json.dumps({"id": "one", "name": "One", "version": "1",
                                                  "languages": ["fr", "de"], "currency": "EUR"}))
    (folder / "feed-fr.xml").write_text(ONE_PRODUCT_XML.format(
        title="Trail Ascent", description="Pour les sentiers.", colour="bleu", weight="Poids", terrain="Terrain",
        trail="Sentier"), encoding="utf-8")
    (folder / "feed-de.xml").write_text(ONE_PRODUCT_XML.format(
        title="Trail Ascent DE", description="Für Trails.", colour="blau", weight="Gewicht", terrain="Untergrund",
        trail="Trail"), encoding="utf-8")
    (folder / "local-inventory.tsv").write_text("store_code\tid\tquantity\tavailability\tprice\tpickup_method\n"
                                                "lyon-01\tRUN-1-41\t3\tin_stock\t95.00 EUR\tbuy\n"
                                                "paris-02\tRUN-1-41\t8\tin_stock\t\tbuy\n", encoding="utf-8")
    (folder / "feed_mapping.json").write_text(json.dumps({
        "feeds": {"fr": "feed-fr.xml", "de": "feed-de.xml"}, "local_inventory": "local-inventory.tsv",
        "departments": {"Sport > Running": "running"},
        "specs": {"Poids": "weight", "Gewicht": "weight", "Terrain": "terrain", "Untergrund": "terrain"}}),
        encoding="utf-8")
    return folder


def test_an_xml_feed_gives_a_product_its_sizes_specs_sale_price_and_this_stores_stock(tmp_path: Path) -> None:
    folder = _pack_of_one(tmp_path / "pack")
    (folder / "images").mkdir()
    shutil.copy(DEMO_CATEGORIES.parent / "images" / "RUN-115.png", folder / "images" / "RUN-1.png")
    paris = read_pack(folder, "paris-02", NOW).products
    assert len(paris) == 1
    shoe = paris[0]
    assert (shoe.sku, shoe.category, shoe.brand) == ("RUN-1", "running", "Kinetik")
    assert shoe.name == {"fr": "Trail Ascent", "de": "Trail Ascent DE"}
    assert shoe.price_cents == 9900, "the sale price, on until the end of December"
    assert shoe.specs == {"weight": 285, "terrain": {"fr": "Sentier", "de": "Trail"}}
    assert shoe.image == "images/RUN-1.png", "the pack's own picture of the group (never fetched from the web)"
    assert [(v.sku, v.size, v.stock) for v in shoe.variants] == [("RUN-1-41", "41", 8), ("RUN-1-42", "42", 0)]
    assert shoe.variants[0].colour == {"fr": "bleu", "de": "blau"}
    lyon = read_pack(folder, "lyon-01", NOW).products[0]
    assert (lyon.variants[0].stock, lyon.price_cents) == (3, 9500), "Lyon's own stock and price"
    january = read_pack(folder, "paris-02", datetime(2027, 1, 5, tzinfo=UTC)).products[0]
    assert january.price_cents == 12900, "the sale is over"


@pytest.mark.parametrize("form", ["tsv", "xml"])
def test_a_feed_imports_with_its_variants_and_search_finds_its_products(tmp_path: Path, form: str) -> None:
    folder = write_feed_pack(600, tmp_path / "pack", form)
    pack = read_pack(folder, "lyon-01", NOW)
    # every fifth product is a group of four sizes: five products take eight rows
    assert len(pack.products) == 600 // 8 * 5
    grouped = [p for p in pack.products if p.variants]
    assert len(grouped) == 600 // 8 and all(len(p.variants) == 4 for p in grouped)
    assert sum(len(p.variants) or 1 for p in pack.products) == 600, "every row is a product or a size of one"
    assert all(p.name["en"].endswith("(en)") for p in pack.products), "the English feed's titles"
    catalog = Catalog(ensure_catalog(folder, tmp_path / "catalog.db", "lyon-01"))
    found = catalog.search(pack.products[10].name["fr"], 5)
    assert found and found[0].sku == pack.products[10].sku


def test_bad_rows_are_left_out_and_said_within_the_allowance(tmp_path: Path) -> None:
    folder = write_feed_pack(1000, tmp_path / "pack", "tsv", bad_rows=3)
    pack = read_pack(folder, "lyon-01", NOW)
    assert len(pack.left_out) == 3
    said = [str(problem) for problem in pack.left_out]
    assert any("feed-fr.tsv:" in s and ".gtin]" in s and "not a valid GTIN" in s for s in said), said
    assert any(".price]" in s and "'call us'" in s for s in said), said
    assert any("Jardin > Tondeuses" in s for s in said), said
    catalog = Catalog(ensure_catalog(folder, tmp_path / "catalog.db", "lyon-01"))
    assert catalog.left_out == 3, "the catalogue says how many rows were left out"


def test_too_many_bad_rows_refuse_the_feed_naming_file_line_and_field(tmp_path: Path) -> None:
    folder = write_feed_pack(100, tmp_path / "pack", "tsv", bad_rows=3)  # 3 % of rows, 1 % allowed
    with pytest.raises(PackRejected) as refused:
        read_pack(folder, "lyon-01", NOW)
    first = refused.value.problems[0]
    assert first.file.name == "feed-fr.tsv" and first.line is not None and first.key.endswith(".gtin")
    mapping = json.loads((folder / "feed_mapping.json").read_text())
    mapping["departments"]["Garden"] = "lawnmowers"
    (folder / "feed_mapping.json").write_text(json.dumps(mapping))
    with pytest.raises(PackRejected, match="lawnmowers"):
        read_pack(folder, "lyon-01", NOW)


def test_an_unreadable_feed_is_refused_with_its_name(tmp_path: Path) -> None:
    folder = write_feed_pack(50, tmp_path / "pack", "xml")
    (folder / "feed-en.xml").write_text("<rss><channel><item><g:id>", encoding="utf-8")
    with pytest.raises(PackRejected, match=r"feed-en\.xml"):
        read_pack(folder, "lyon-01", NOW)


@pytest.mark.slow  # two 100,000-row feeds: CI runs it, the quick loop not
@pytest.mark.parametrize("form", ["tsv", "xml"])
def test_a_feed_of_100000_rows_imports_with_its_bad_rows_left_out(tmp_path: Path, form: str) -> None:
    folder = write_feed_pack(100_000, tmp_path / "pack", form, bad_rows=5)
    started = time.perf_counter()
    catalog = Catalog(ensure_catalog(folder, tmp_path / "catalog.db", "lyon-01"))
    took = time.perf_counter() - started
    assert catalog.left_out == 5
    assert catalog.product_count() == 100_000 // 8 * 5 - 5, "five products a group of eight rows, five bad"
    assert catalog.search("Alto", 3), "search finds its products"
    shutil.rmtree(folder)
    assert took < 120, f"{took:.0f} s"
