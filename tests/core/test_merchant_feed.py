"""The retailer's Merchant Center feeds as a pack's products: tab-separated and XML, variants by
item_group_id, product details as specs, sale prices by date, this store's stock from the local
inventory feed. Every row is checked as a row of its own, variants included: a bad row is said by file,
line and field and left out within the mapping's allowance, its group kept with its good rows. Feeds of
our own making (content/tools/make_merchant_feed.py) put every kind of bad row first in a group, later
in a group and alone."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.feeds import LEFT_OUT_LISTED, LeftOutRow
from kiosk.core.pack.reader import PackRejected
from kiosk.core.shopper.cart import Cart
from tests.conftest import REPO, write_config

sys.path.insert(0, str(REPO / "content" / "tools"))
from make_merchant_feed import BAD_KINDS, GeneratedFeed, make_feed_pack

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
    shutil.copy(DEMO_CATEGORIES.parent / "images" / "RUN-115.jpg", folder / "images" / "RUN-1.jpg")
    paris = read_pack(folder, "paris-02", NOW).products
    assert len(paris) == 1
    shoe = paris[0]
    assert (shoe.sku, shoe.category, shoe.brand) == ("RUN-1", "running", "Kinetik")
    assert shoe.name == {"fr": "Trail Ascent", "de": "Trail Ascent DE"}
    assert shoe.price_cents == 9900, "the sale price, on until the end of December"
    assert shoe.specs == {"weight": 285, "terrain": {"fr": "Sentier", "de": "Trail"}}
    assert shoe.image == "images/RUN-1.jpg", "the pack's own picture of the group (never fetched from the web)"
    assert [(v.sku, v.size, v.stock) for v in shoe.variants] == [("RUN-1-41", "41", 8), ("RUN-1-42", "42", 0)]
    assert shoe.variants[0].colour == {"fr": "bleu", "de": "blau"}
    lyon = read_pack(folder, "lyon-01", NOW).products[0]
    assert (lyon.variants[0].stock, lyon.price_cents) == (3, 9500), "Lyon's own stock and price"
    january = read_pack(folder, "paris-02", datetime(2027, 1, 5, tzinfo=UTC)).products[0]
    assert january.price_cents == 12900, "the sale is over"



def _left_out(rows: Iterable[LeftOutRow]) -> dict[tuple[str, int], list[str]]:
    """Left-out rows by where they are said (file name, line): their problems' keys."""
    return {(row.problems[0].file.name, row.problems[0].line or 0): [p.key for p in row.problems] for row in rows}


def _expected(feed: GeneratedFeed, store: str) -> dict[tuple[str, int], str]:
    return {(bad.file, bad.line): bad.field for bad in feed.bad_for(store)}


@pytest.mark.parametrize("form", ["tsv", "xml"])
@pytest.mark.quick_first(1)  # the XML feed in CI
def test_every_row_is_checked_and_every_bad_row_left_out_and_named(tmp_path: Path, form: str) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", form, bad_rows=len(BAD_KINDS))
    assert {bad.place for bad in feed.bad} == {"first", "later", "single"}, "bad rows first, later and alone"
    pack = read_pack(feed.folder, "lyon-01", NOW)
    said = _left_out(pack.left_out)
    expected = _expected(feed, "lyon-01")
    assert set(said) == set(expected), "exactly the bad rows are left out, each at its file and line"
    for where, field in expected.items():
        assert any(key.endswith(f".{field}") for key in said[where]), (where, field, said[where])
    assert len(pack.left_out) == len(BAD_KINDS), "rows are counted, not problems"
    assert {p.sku for p in pack.products} == feed.products_for("lyon-01"), "a group stays with its good rows"
    variants = {v.sku for p in pack.products for v in p.variants}
    assert not variants & {bad.id for bad in feed.bad if bad.kind != "duplicate id"}, "no bad row is a size or colour"
    for product in pack.products:
        assert product.name == feed.names[product.sku], "named after what its variants share"
    paris = _left_out(read_pack(feed.folder, "paris-02", NOW).left_out)
    assert set(paris) == set(_expected(feed, "paris-02")), "Lyon's bad inventory row is Lyon's only"


def test_every_variants_code_opens_its_product_with_that_variant_chosen(tmp_path: Path) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", "tsv", bad_rows=len(BAD_KINDS))
    catalog = Catalog(ensure_catalog(feed.folder, tmp_path / "catalog.db", "lyon-01"))
    opened = {}
    for gtin in feed.gtins:
        scanned = catalog.scanned(gtin)
        assert scanned is not None, f"{gtin} says unknown code"
        opened[gtin] = (scanned.product.sku, scanned.variant)
    assert opened == feed.gtins
    assert sum(1 for _, variant in opened.values() if variant) > 1000, "most rows are sizes and colours"
    product, variant = next(found for found in feed.gtins.values() if found[1])
    assert variant in [v.sku for v in catalog.variants(product)]


def test_search_finds_each_product_by_its_full_title(tmp_path: Path) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", "xml", bad_rows=len(BAD_KINDS))
    catalog = Catalog(ensure_catalog(feed.folder, tmp_path / "catalog.db", "lyon-01"))
    for sku in sorted(feed.products_for("lyon-01"))[::20]:
        for language in ("fr", "en"):
            found = catalog.search(feed.names[sku][language], 5)
            assert found and found[0].sku == sku, (feed.names[sku][language], [p.sku for p in found])


def test_with_no_bad_row_allowed_every_bad_row_refuses_the_feed(tmp_path: Path) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", "tsv", bad_rows=6)
    mapping = json.loads((feed.folder / "feed_mapping.json").read_text())
    (feed.folder / "feed_mapping.json").write_text(json.dumps({**mapping, "bad_rows_allowed_percent": 0}))
    with pytest.raises(PackRejected) as refused:
        read_pack(feed.folder, "lyon-01", NOW)
    said = {(problem.file.name, problem.line) for problem in refused.value.problems}
    assert said == set(_expected(feed, "lyon-01")), "each of the 6 bad rows, none other"


@pytest.fixture
def root_log_kept() -> Iterable[None]:
    """The root logger as it was before the test: the command line's `main` runs here in the test's own process
    and gives the root logger a handler on this test's captured stderr, which pytest closes after the test; a later
    test's thread (aiosmtpd's, in the same worker) logging through it printed "Logging error" tracebacks into CI."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in [handler for handler in root.handlers if handler not in handlers]:
        root.removeHandler(handler)
    root.setLevel(level)


@pytest.mark.usefixtures("root_log_kept")
def test_check_and_the_log_list_every_left_out_row_up_to_a_said_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", "tsv", bad_rows=70)
    mapping = json.loads((feed.folder / "feed_mapping.json").read_text())
    (feed.folder / "feed_mapping.json").write_text(json.dumps({**mapping, "bad_rows_allowed_percent": 5}))
    bad = len(feed.bad_for("lyon-01"))
    assert bad > LEFT_OUT_LISTED
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{feed.folder}"'))
    assert main(["--check", "--config", str(config)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1] == f"{config}: OK, {bad} feed rows left out (within the pack's allowance)"
    assert printed[-2] == f"... and {bad - LEFT_OUT_LISTED} more rows left out"
    assert len(printed) == LEFT_OUT_LISTED + 2 and all("feed-fr.tsv:" in line or "local-inventory.tsv:" in line
                                                        for line in printed[:LEFT_OUT_LISTED])
    with caplog.at_level(logging.WARNING):
        catalog = Catalog(ensure_catalog(feed.folder, tmp_path / "feed.db", "lyon-01"))
    assert catalog.left_out == bad
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"{bad} feed rows left out" in logged and f"and {bad - LEFT_OUT_LISTED} more rows left out" in logged
    assert logged.count("feed-fr.tsv:") + logged.count("local-inventory.tsv:") == LEFT_OUT_LISTED


@pytest.mark.parametrize("form", ["tsv", "xml"])
@pytest.mark.slow  # a 50 MB row read: CI runs it
def test_a_50_mb_row_is_left_out_with_its_line_number(tmp_path: Path, form: str) -> None:
    feed = make_feed_pack(2000, tmp_path / "pack", form)
    path = feed.folder / f"feed-fr.{form}"
    lines = path.read_bytes().splitlines(keepends=True)
    huge = b"x" * 50_000_000
    if form == "tsv":
        lines[100] = lines[100].rstrip(b"\n") + huge + b"\n"
        said = f"{path}:101: is 50.0 MB long; a row is at most 1 MB"
    else:  # one item a line: the 100th row's item is on line 101
        lines[100] = lines[100].replace(b"<item>", b"<item><g:description>" + huge + b"</g:description>", 1)
        said = f"{path}:101: [F0000100.description] is 50.0 MB long; a field is at most 1 MB"
    path.write_bytes(b"".join(lines))
    pack = read_pack(feed.folder, "lyon-01", NOW)
    assert [str(row) for row in pack.left_out] == [said]
    assert len(pack.products) == len(feed.products_for("lyon-01")), "only that row is left out"


SMALL_FEED = "".join("\t".join(cells) + "\n" for cells in (
    ("id", "item_group_id", "title", "price", "sale_price", "sale_price_effective_date", "availability", "gtin",
     "brand", "product_type", "size", "color"),
    ("A-1", "", "Tente Refuge 2", "199.00 EUR", "149.00 EUR", "2026-11-01T00:00/2026-12-31", "in stock",
     "4006381333931", "Bivouac", "Camping > Tentes", "", ""),
    ("B-1", "B", "Montre Pulse 5 noir", "299.00 EUR", "", "", "in_stock", "4006381333948", "Cimes",
     "Sport > Montres GPS", "", "noir"),
    ("B-2", "B", "Montre Pulse 5 bleu", "319.00 EUR", "", "", "in_stock", "4006381333955", "Cimes",
     "Sport > Montres GPS", "", "bleu"),
    ("B-3", "B", "Montre Pulse 5", "299.00 EUR", "", "", "in_stock", "4006381333962", "Cimes", "Sport > Montres GPS",
     "", ""),
    ("A-1", "C", "Lampe frontale Nuit 3", "29.00 EUR", "", "", "in_stock", "4006381333979", "Cimes",
     "Camping > Frontales", "", "")))


def test_sale_dates_without_time_zone_variant_prices_a_variant_with_no_choice_an_id_used_twice(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "categories.json").write_text(DEMO_CATEGORIES.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "pack.json").write_text(json.dumps({"id": "s", "version": "1", "languages": ["fr"], "currency": "EUR"}))
    (folder / "feed.tsv").write_text(SMALL_FEED, encoding="utf-8")
    (folder / "feed_mapping.json").write_text(json.dumps({
        "feeds": {"fr": "feed.tsv"}, "bad_rows_allowed_percent": 50,
        "departments": {"Camping > Tentes": "tents", "Sport > Montres GPS": "watches",
                        "Camping > Frontales": "headlamps"}}))
    pack = read_pack(folder, "", NOW)
    tent, watch = pack.products
    assert tent.price_cents == 14900, "on sale: the dates' times are the store's, the end date a whole day"
    assert watch.name == {"fr": "Montre Pulse 5"} and [v.sku for v in watch.variants] == ["B-1", "B-2"]
    assert (watch.price_cents, [v.price_cents for v in watch.variants]) == (29900, [29900, 31900]), "each its own"
    said = [str(row) for row in pack.left_out]
    assert said == [f"{folder / 'feed.tsv'}:5: [B-3.size] has no size or color, so it cannot be told from the other "
                    "rows of its group 'B'",
                    f"{folder / 'feed.tsv'}:6: [A-1.id] 'A-1' is also the id of line 2"]
    catalog = Catalog(ensure_catalog(folder, tmp_path / "catalog.db"))
    cart, watch_page = Cart(), catalog.product("B")
    assert watch_page is not None
    cart.add(watch_page, catalog.variants("B")[1], variants=catalog.variants("B"))
    assert cart.lines[0].unit_price_cents == 31900, "the blue one at its own price"


def test_an_unreadable_feed_is_refused_with_its_name(tmp_path: Path) -> None:
    folder = make_feed_pack(50, tmp_path / "pack", "xml").folder
    (folder / "feed-en.xml").write_text("<rss><channel><item><g:id>", encoding="utf-8")
    with pytest.raises(PackRejected, match=r"feed-en\.xml"):
        read_pack(folder, "lyon-01", NOW)



@pytest.mark.slow  # two 100,000-row feeds: CI runs it, the quick loop not
@pytest.mark.timeout(480)  # a hang guard, not a budget: 2 minutes ran out beside another test at a load of 20
@pytest.mark.parametrize("form", ["tsv", "xml"])
def test_a_feed_of_100000_rows_checks_every_row_and_every_variant_scans(tmp_path: Path, form: str) -> None:
    feed = make_feed_pack(100_000, tmp_path / "pack", form, bad_rows=len(BAD_KINDS) * 3)
    started = time.process_time()  # the import's own work, whatever else the machine runs (it runs in this process)
    catalog = Catalog(ensure_catalog(feed.folder, tmp_path / "catalog.db", "lyon-01"))
    took = time.process_time() - started
    assert catalog.left_out == len(feed.bad_for("lyon-01")), "every bad row, groups' later rows too"
    assert catalog.product_count() == len(feed.products_for("lyon-01"))
    for gtin, (product, variant) in list(feed.gtins.items())[::97]:
        scanned = catalog.scanned(gtin)
        assert scanned is not None and (scanned.product.sku, scanned.variant) == (product, variant), gtin
    for sku in sorted(feed.products_for("lyon-01"))[::701]:
        found = catalog.search(feed.names[sku]["fr"], 5)
        assert found and found[0].sku == sku, (feed.names[sku]["fr"], [p.sku for p in found])
    shutil.rmtree(feed.folder)
    assert took < 120, f"{took:.0f} s of CPU"  # a guard against quadratic checks; its speed is in bench.feed_import
