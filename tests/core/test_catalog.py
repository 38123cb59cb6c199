"""Browsing, filtering and searching the demo catalogue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import BrowseFilter, Catalog
from tests.conftest import REPO


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    database = tmp_path_factory.mktemp("catalog") / "catalog.db"
    opened = Catalog(ensure_catalog(REPO / "content" / "demo", database))
    yield opened
    opened.close()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@pytest.mark.parametrize("query", ["velo", "Vélo", "VELO", "vél"])
def test_search_ignores_accents_and_case(catalog: Catalog, query: str) -> None:
    found = catalog.search(query)
    assert "Vélo de route Alto 520" in [p.title("fr") for p in found]
    prefix = _fold(query)
    for summary in found:  # each hit has a word starting with the query in its name, brand, department or text
        product = catalog.product(summary.sku)
        category = catalog.category(summary.category)
        assert product is not None and category is not None
        indexed = [*product.name.values(), product.brand, *category.name.values(), *product.description.values()]
        words = re.findall(r"\w+", _fold(" ".join(indexed)))
        assert any(word.startswith(prefix) for word in words), product.title("fr")


def test_search_matches_word_prefixes_and_every_word(catalog: Catalog) -> None:
    assert {p.title("fr") for p in catalog.search("montre gps")} >= {"Montre GPS Pulse 2", "Montre GPS Summit"}
    # not "fron": the Italian "front" (a hardtail bike) starts with it too
    assert all(p.category == "headlamps" for p in catalog.search("frontal"))
    assert catalog.search("zzzz") == []


def test_search_finds_english_names_and_brands(catalog: Catalog) -> None:
    assert [p.sku for p in catalog.search("headlamp")] and all(
        p.category == "headlamps" for p in catalog.search("headlamp"))
    assert {p.brand for p in catalog.search("alpenrad")} == {"Alpenrad"}


def test_a_whole_barcode_finds_its_product_in_every_gtin_form(catalog: Catalog) -> None:
    product = catalog.by_gtin("2001000001019")
    assert product is not None and product.title("en") == "Road bike Alto 520"
    assert catalog.by_gtin("02001000001019") == product  # GTIN-14 form
    assert [p.sku for p in catalog.search("2001000001019")] == [product.sku]


def test_browse_sorts_by_price(catalog: Catalog) -> None:
    prices = [p.price_cents for p in catalog.browse("bikes", "price_asc")]
    assert prices == sorted(prices) and len(prices) == 11
    assert [p.price_cents for p in catalog.browse("bikes", "price_desc")] == sorted(prices, reverse=True)


def test_filters_narrow_by_brand_price_rating_and_stock(catalog: Catalog) -> None:
    chosen = BrowseFilter(brands=frozenset({"Alpenrad"}), price_max_cents=200000, min_rating=3.0, in_stock_only=True)
    found = catalog.browse("bikes", chosen=chosen)
    assert found and all(p.brand == "Alpenrad" and p.price_cents < 200000 and p.rating >= 3.0 and p.stock > 0
                         for p in found)
    assert catalog.count("bikes", chosen) == len(found) < catalog.count("bikes")
    assert chosen.active == 4


def test_facets_give_brands_and_round_price_bands(catalog: Catalog) -> None:
    facets = catalog.facets("bikes")
    assert facets.brands == ("Alpenrad", "Nordweg", "Rivemont", "Velocita")
    assert facets.price_bands[0][0] is None and facets.price_bands[-1][1] is None
    assert all(edge % 10000 == 0 for band in facets.price_bands for edge in band if edge is not None)


def test_reviews_newest_or_most_helpful_first(catalog: Catalog) -> None:
    sku = next(p.sku for p in catalog.browse(None, limit=100) if p.review_count >= 3)
    newest = catalog.reviews(sku, "newest")
    helpful = catalog.reviews(sku, "helpful")
    assert [r.date for r in newest] == sorted((r.date for r in newest), reverse=True)
    assert [r.helpful for r in helpful] == sorted((r.helpful for r in helpful), reverse=True)
    assert sum(catalog.rating_histogram(sku).values()) == len(newest)


def test_the_database_is_not_rebuilt_when_the_pack_did_not_change(tmp_path: Path) -> None:
    database = tmp_path / "c.db"
    ensure_catalog(REPO / "content" / "demo", database)
    built = database.stat().st_mtime_ns
    ensure_catalog(REPO / "content" / "demo", database)
    assert database.stat().st_mtime_ns == built


def test_one_or_two_letters_show_popular_products_with_a_word_starting_so(catalog: Catalog) -> None:
    found = catalog.search("t")
    assert found
    for product in found:
        record = catalog.product(product.sku)
        category = catalog.category(product.category)
        assert record is not None and category is not None
        indexed = [*record.name.values(), record.brand, *category.name.values(), *category.keywords.values(),
                   *record.description.values()]
        assert any(word.startswith("t") for word in re.findall(r"\w+", _fold(" ".join(indexed))))


def test_a_trailing_letter_does_not_empty_the_results(catalog: Catalog) -> None:
    assert catalog.search("montre g")  # still typing "gps"


def test_long_words_find_what_their_beginning_finds(catalog: Catalog) -> None:
    # past 8 letters a word is looked up as the whole words it begins (no prefix index that long)
    for typed, expected in (("chaussure", "Chaussures de running"), ("CHAUSSURES", "Chaussures de running"),
                            ("Imperméab", None), ("randonnée", None)):
        found = catalog.search(typed)
        assert found, typed
        prefix = _fold(typed)
        for summary in found:
            product = catalog.product(summary.sku)
            category = catalog.category(summary.category)
            assert product is not None and category is not None
            if expected:
                assert category.name["fr"] == expected or expected.split()[0].lower() in _fold(product.title("fr"))
            indexed = [*product.name.values(), product.brand, *category.name.values(), *category.keywords.values(),
                       *product.description.values()]
            assert any(word.startswith(prefix) for word in re.findall(r"\w+", _fold(" ".join(indexed)))), typed
    assert catalog.search("chaussurezz") == []


def test_a_full_title_finds_its_product_among_many_alike(tmp_path: Path) -> None:
    import csv
    import sys

    sys.path.insert(0, str(REPO / "content" / "tools"))
    from make_synthetic_pack import write_pack

    folder = write_pack(400, tmp_path / "pack")
    path = folder / "products.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    bikes = [row for row in rows if row["category"] == "bikes"][:60]
    for number, row in enumerate(bikes, start=1):  # "Vélos Nord Crête 1" to "... 60": the 2 least popular
        row["name.fr"], row["popularity"] = f"Vélos Nord Crête {number}", str(0 if number == 2 else 9000 + number)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    catalog = Catalog(ensure_catalog(folder, tmp_path / "catalog.db"))
    found = catalog.search("Vélos Nord Crête 2", 5)
    assert found[0].sku == bikes[1]["sku"], [p.title("fr") for p in found]
    assert len(catalog.search("Vélos Nord Crête", 30)) == 30, "typing on: every one of them still matches"


@pytest.mark.slow  # a catalogue of thousands of products, seconds: CI runs it
def test_a_common_word_is_ranked_among_the_most_popular_products_as_among_all(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(REPO / "content" / "tools"))
    from make_synthetic_pack import write_pack

    from kiosk.core.catalog.build import POPULAR_RANKED

    catalog = Catalog(ensure_catalog(write_pack(POPULAR_RANKED + 2000, tmp_path / "pack"), tmp_path / "catalog.db"))
    try:
        # what bm25 ranks first over the whole index, words counted over every product
        whole = ("SELECT sku FROM products JOIN (SELECT rowid AS hit, bm25(product_search, 8.0, 4.0, 2.0, 1.0) "
                 "AS score FROM product_search WHERE product_search MATCH ? AND rowid <= ? ORDER BY score, rowid "
                 "LIMIT 30) ON products.id = hit ORDER BY score, id")
        for typed in ("lampe", "velo", "chaussures", "sac", "montre gps", "sac dos", "lampe frontale"):
            query = " AND ".join(f'"{word}"*' for word in typed.split())
            last = catalog._db.execute("SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT 1 "
                                       "OFFSET 299", (query,)).fetchone()
            assert last is not None and last[0] <= POPULAR_RANKED, typed  # a common word: its candidates are popular
            expected = [row[0] for row in catalog._db.execute(whole, (query, last[0]))]
            assert [p.sku for p in catalog.search(typed, 30)] == expected, typed
    finally:
        catalog.close()
