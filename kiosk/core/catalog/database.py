"""Read the catalogue database: categories, browsing with sort and filters, search, reviews."""

from __future__ import annotations

import itertools
import json
import posixpath
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.core.catalog.forgiving import DEPARTMENT_WORD_FROM, Correction, Vocabulary, department_words
from kiosk.core.catalog.spelling import spellings, usual_spelling
from kiosk.core.codes.gtin import gtin14
from kiosk.core.language.text import fold
from kiosk.core.models import (
    Category,
    Media,
    Member,
    Offer,
    Product,
    ProductSummary,
    ProductVideo,
    Review,
    Slide,
    SpecDef,
    Testimonial,
    Variant,
)
from kiosk.core.pack.events import StoreEvent
from kiosk.core.pack.map_and_collections import Collection, StoreMap
from kiosk.core.shopper.member_offers import offers_on

_ORDER = {
    "popular": "popularity DESC, id",
    "price_asc": "price_cents ASC, id",
    "price_desc": "price_cents DESC, id",
    "rating": "rating DESC, review_count DESC, id",
}
_SUMMARY_COLUMNS = "sku, brand, name, category, price_cents, stock, rating, review_count, image"
_PRODUCT_COLUMNS = _SUMMARY_COLUMNS + ", gtin, description, aisle, specs"
_WORD = re.compile(r"\w+", re.UNICODE)
SEARCH_CANDIDATES = 300
LONGEST_PREFIX_INDEX = 8  # letters: the `prefix=` option of product_search
WHOLE_WORDS_AT_MOST = 8  # a longer typed word is looked up as the whole words it begins, if this few
SPELLING_SAMPLE = 12  # products read to learn how a corrected word is written ("did you mean")
POPULAR_SCAN = 3000  # a 1-2 letter search looks at this many of the most popular products first
# Words that say nothing about a product; dropped from a search that has other words ("chaussures de trail").
STOP_WORDS = frozenset({
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "à", "au", "aux", "en", "pour", "avec", "un", "une",
    "the", "of", "and", "for", "with", "an", "der", "die", "das", "und", "el", "los", "las", "y", "il", "di", "e",
})


@dataclass(frozen=True)
class BrowseFilter:
    """What a shopper narrowed a category down to."""

    brands: frozenset[str] = frozenset()
    price_min_cents: int | None = None
    price_max_cents: int | None = None
    min_rating: float | None = None
    in_stock_only: bool = False

    @property
    def active(self) -> int:
        """How many filters are set (shown on the filter button)."""
        return sum((bool(self.brands), self.price_min_cents is not None or self.price_max_cents is not None,
                    self.min_rating is not None, self.in_stock_only))


@dataclass(frozen=True)
class Facets:
    """What a category's products can be filtered on."""

    brands: tuple[str, ...]
    price_min_cents: int
    price_max_cents: int
    count: int
    price_bands: tuple[tuple[int | None, int | None], ...] = field(default=())


@dataclass(frozen=True)
class Found:
    """What a search found, and the query it was taken for when typos were corrected."""

    products: list[ProductSummary]
    meant: str = ""  # "did you mean": the query with its typos corrected ("runing" -> "running"); "" as typed


@dataclass(frozen=True)
class Scanned:
    """A product as a scanned code opens it: with its variant chosen when the code is a variant's."""

    product: Product
    variant: str = ""  # the variant's SKU; "" for the product's own code


def _summary(row: sqlite3.Row) -> ProductSummary:
    return ProductSummary(row["sku"], row["brand"], json.loads(row["name"]), row["category"], row["price_cents"],
                          row["stock"], row["rating"], row["review_count"], row["image"])


def _product(row: sqlite3.Row) -> Product:
    return Product(row["sku"], row["brand"], json.loads(row["name"]), row["category"], row["price_cents"],
                   row["stock"], row["rating"], row["review_count"], row["image"], gtin=row["gtin"],
                   description=json.loads(row["description"]), aisle=row["aisle"], specs=json.loads(row["specs"]))


def _where(category: str | None, chosen: BrowseFilter, match: str = "") -> tuple[str, list[Any]]:
    clauses: list[str] = []
    values: list[Any] = []
    if match:  # the products a search matches (an FTS5 expression)
        clauses.append("id IN (SELECT rowid FROM product_search WHERE product_search MATCH ?)")
        values.append(match)
    if category is not None:
        clauses.append("category = ?")
        values.append(category)
    if chosen.brands:
        clauses.append(f"brand IN ({', '.join('?' * len(chosen.brands))})")
        values.extend(sorted(chosen.brands))
    if chosen.price_min_cents is not None:
        clauses.append("price_cents >= ?")
        values.append(chosen.price_min_cents)
    if chosen.price_max_cents is not None:
        clauses.append("price_cents < ?")
        values.append(chosen.price_max_cents)
    if chosen.min_rating is not None:
        clauses.append("rating >= ?")
        values.append(chosen.min_rating)
    if chosen.in_stock_only:
        clauses.append("stock > 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


def price_bands(low: int, high: int) -> tuple[tuple[int | None, int | None], ...]:
    """Three or four round price bands covering low..high, for the price filter."""
    if high <= low:
        return ()
    step_raw = (high - low) / 3
    magnitude = 10 ** max(2, len(str(int(step_raw))) - 1)
    step = max(magnitude, round(step_raw / magnitude) * magnitude)
    first = ((low // magnitude) + 1) * magnitude
    edges = [first + i * step for i in range(3) if first + i * step < high]
    bands: list[tuple[int | None, int | None]] = [(None, edges[0])] if edges else []
    bands += list(itertools.pairwise(edges))
    if edges:
        bands.append((edges[-1], None))
    return tuple(bands)


class Catalog:
    """A read-only view of one catalogue database. Owned by the main thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        self._db.row_factory = sqlite3.Row
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        self.id: str = meta["id"]
        self.name: str = meta["name"]
        self.version: str = meta["version"]
        self.currency: str = meta["currency"]
        self.languages: tuple[str, ...] = tuple(json.loads(meta["languages"]))
        self.folder = Path(meta["folder"])
        self._meta = meta
        self._offers: list[Offer] | None = None  # read once: prices look them up for every card
        self.left_out: int = int(meta.get("left_out_count", "0"))  # a feed's bad rows, left out on import
        self._categories = tuple(self._load_categories())
        self._max_id = int(self._db.execute("SELECT coalesce(max(id), 0) FROM products").fetchone()[0])
        self._has_terms = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_terms'").fetchone() is not None
        self._vocabulary = Vocabulary(self._db.execute("SELECT term, documents FROM search_terms") if
                                      self._has_terms and self._has_column("search_terms", "documents") else ())
        self._department_words = department_words(self._categories, STOP_WORDS)
        # the most popular products' own index (rows 1 to this), for ranking (none in a catalogue built before)
        self._popular_ranked = int(meta.get("popular_ranked", "0"))
        self._spellings: dict[tuple[str, str], str] = {}  # (folded word, language) -> as the texts write it
        # a catalogue built before variants had their own GTIN and price (the previous one, kept to roll back)
        variant_columns = {row[1] for row in self._db.execute("PRAGMA table_info(variants)")}
        self._variant_codes = "gtin14" in variant_columns
        self._variant_prices = "price_cents" in variant_columns
        self._tables: dict[str, bool] = {}
        self._film_sound: dict[str, bool] | None = None  # read from the import's probes when first asked
        self._has_pictures = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'pictures'").fetchone() is not None

    def _has_column(self, table: str, column: str) -> bool:
        return column in {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}

    def _load_categories(self) -> list[Category]:
        categories = []
        for (data,) in self._db.execute("SELECT data FROM categories ORDER BY position"):
            raw = json.loads(data)
            specs = tuple(SpecDef(**spec) for spec in raw.pop("specs"))
            categories.append(Category(**raw, specs=specs))
        return categories

    def close(self) -> None:
        """Release the database file."""
        self._db.close()

    @property
    def categories(self) -> tuple[Category, ...]:
        """The store's categories, in the pack's order."""
        return self._categories

    def category(self, category_id: str) -> Category | None:
        """The category with this id, or None."""
        return next((c for c in self._categories if c.id == category_id), None)

    def product_count(self) -> int:
        """How many products the catalogue has."""
        return int(self._db.execute("SELECT count(*) FROM products").fetchone()[0])

    def browse(self, category: str | None, sort: str = "popular", chosen: BrowseFilter = BrowseFilter(),
               limit: int = 60, offset: int = 0, query: str = "") -> list[ProductSummary]:
        """Products of a category (or all), filtered and sorted; with a `query`, only those a search for it
        finds (typos forgiven), and the sort "relevance" lists the departments it names first."""
        match = self.match_expression(query) if query else ""
        if query and not match:
            return []
        where, values = _where(category, chosen, match)
        order = _ORDER.get(sort, _ORDER["popular"])
        first: list[str] = []
        if sort == "relevance":
            first = sorted(self.named_departments(_WORD.findall(self._corrected(query)[0]))) if query else []
            order = (f"category IN ({', '.join('?' * len(first))}) DESC, id" if first else "id")
        rows = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM products{where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*values, *first, limit, offset),
        )
        return [_summary(row) for row in rows]

    def count(self, category: str | None, chosen: BrowseFilter = BrowseFilter(), query: str = "") -> int:
        """How many products browse() would list without a limit."""
        match = self.match_expression(query) if query else ""
        if query and not match:
            return 0
        where, values = _where(category, chosen, match)
        return int(self._db.execute(f"SELECT count(*) FROM products{where}", values).fetchone()[0])

    def facets(self, category: str | None, query: str = "") -> Facets:
        """Brands and price range of a category (or of all products), for its filters; with a `query`, of the
        products a search for it finds."""
        match = self.match_expression(query) if query else ""
        where, values = _where(category, BrowseFilter(), match)
        if query and not match:
            where, values = " WHERE 0", []
        brands = tuple(r[0] for r in self._db.execute(
            f"SELECT brand FROM products{where} GROUP BY brand ORDER BY brand", values))
        low, high, count = self._db.execute(
            f"SELECT min(price_cents), max(price_cents), count(*) FROM products{where}", values).fetchone()
        return Facets(brands, low or 0, high or 0, count, price_bands(low or 0, high or 0))

    def departments_found(self, query: str, chosen: BrowseFilter = BrowseFilter()) -> list[tuple[str, int]]:
        """The departments a search's products fall in, with how many of them each has, most first."""
        match = self.match_expression(query)
        if not match:
            return []
        where, values = _where(None, chosen, match)
        rows = self._db.execute(f"SELECT category, count(*) AS found FROM products{where} GROUP BY category "
                                "ORDER BY found DESC, category", values)
        return [(row[0], int(row[1])) for row in rows]

    def product(self, sku: str) -> Product | None:
        """The product with this SKU, or None."""
        row = self._db.execute(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE sku = ?", (sku,)).fetchone()
        return _product(row) if row else None

    def products(self, skus: list[str]) -> list[Product]:
        """The products with these SKUs, in the same order; unknown SKUs are left out."""
        found = [self.product(sku) for sku in skus]
        return [p for p in found if p is not None]

    def variants(self, sku: str) -> list[Variant]:
        """A product's sizes and colours with their stock, in the pack's order (none: a single article)."""
        own = (", gtin" if self._variant_codes else ", ''") + (", price_cents" if self._variant_prices else ", 0")
        rows = self._db.execute(f"SELECT sku, size, colour, stock{own} FROM variants WHERE product = ? "
                                "ORDER BY position", (sku,))
        return [Variant(r[0], r[1], json.loads(r[2]) if r[2] else None, r[3], r[4], r[5],
                        images=tuple(self._pictures(r[0]))) for r in rows.fetchall()]

    def pictures(self, sku: str) -> list[str]:
        """A product's gallery, its main picture first (a catalogue from before galleries: its one picture)."""
        found = self._pictures(sku)
        if found:
            return found
        row = self._db.execute("SELECT image FROM products WHERE sku = ?", (sku,)).fetchone()
        return [row[0]] if row and row[0] else []

    def _pictures(self, owner: str) -> list[str]:
        if not self._has_pictures:
            return []
        return [r[0] for r in self._db.execute("SELECT path FROM pictures WHERE owner = ? ORDER BY position",
                                               (owner,))]

    def apply_change(self, sku: str, price_cents: int | None, stock: int | None) -> bool:
        """A live price or stock change of a product or of one variant (the product's stock is then their
        sum); False for an unknown SKU. The next content pack is the source of truth again."""
        writer = sqlite3.connect(self.path)
        try:
            with writer:
                variant = writer.execute("SELECT product FROM variants WHERE sku = ?", (sku,)).fetchone()
                if variant is not None:
                    if price_cents is not None and self._variant_prices:  # a variant with its own price
                        writer.execute("UPDATE variants SET price_cents = ? WHERE sku = ? AND price_cents != 0",
                                       (price_cents, sku))
                    if stock is not None:
                        writer.execute("UPDATE variants SET stock = ? WHERE sku = ?", (stock, sku))
                        stock = writer.execute("SELECT sum(stock) FROM variants WHERE product = ?",
                                               variant).fetchone()[0]
                    sku = variant[0]
                cursor = writer.execute(
                    "UPDATE products SET price_cents = coalesce(?, price_cents), stock = coalesce(?, stock) "
                    "WHERE sku = ?", (price_cents, stock, sku))
            return cursor.rowcount == 1
        finally:
            writer.close()

    def gtins(self, limit: int) -> list[str]:
        """GTINs of the most popular products (the demo scanner picks from them)."""
        return [row[0] for row in self._db.execute("SELECT gtin FROM products ORDER BY id LIMIT ?", (limit,))]

    def by_gtin(self, code: str) -> Product | None:
        """The product with this GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14), its own or one of its variants', or None."""
        found = self.scanned(code)
        return found.product if found else None

    def scanned(self, code: str) -> Scanned | None:
        """What a scanned GTIN opens: its product, with the variant whose code it is chosen (a size's or a
        colour's box); None for a code the catalogue does not have."""
        key = gtin14(code)
        if self._variant_codes:
            variant = self._db.execute("SELECT sku, product FROM variants WHERE gtin14 = ?", (key,)).fetchone()
            product = self.product(variant[1]) if variant else None
            if variant and product:
                return Scanned(product, variant[0])
        row = self._db.execute(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE gtin14 = ?", (key,)).fetchone()
        return Scanned(_product(row), "") if row else None

    def search(self, text: str, limit: int = 30) -> list[ProductSummary]:
        """Products matching every word of `text` as a prefix (typos forgiven), best first: see find()."""
        return self.find(text, limit).products

    def find(self, text: str, limit: int = 30, language: str = "") -> Found:
        """Products matching every word of `text` as a prefix, best first, with the query they were found for.

        Accents and case are ignored ("velo" finds "Vélo"); a whole barcode finds its product. A word that
        begins no word of the catalogue is taken for the nearest one ("runing": "running"), and `meant`
        says so, the word written as the catalogue writes it in `language` (the session's) when it has it
        there ("Vélso": "vélos"; see spelled()). A query naming a department ("tente", "running") lists that
        department's products first.
        """
        meant, searched = self._corrected(text, language)
        products = self._search(searched, limit)
        if meant == " ".join(text.split()) or not products:
            return Found(products)
        return Found(products, meant)

    def _corrected(self, text: str, language: str | None = None) -> tuple[str, list[str]]:
        """`text` with its typos corrected (as "did you mean" says it: folded, or with `language`, as spelled()
        writes it), and the words to search for: each typed word, or the beginning of the catalogue words a
        mistyped one was taken for."""
        corrections: dict[str, Correction] = {}
        for word in _WORD.findall(text):
            corrected = self._vocabulary.correct(word)
            if corrected is not None:
                corrections[word] = corrected

        def written(word: str) -> str:
            return word if language is None else self.spelled(word, language)

        meant = _WORD.sub(lambda m: written(corrections[m[0]].word) if m[0] in corrections else m[0], text)
        return " ".join(meant.split()), [corrections[w].prefix if w in corrections else w
                                         for w in _WORD.findall(text)]

    def spelled(self, word: str, language: str = "") -> str:
        """How the catalogue writes `word`, a word of its search index (folded: "velos", "fahrrader"): as its
        texts in `language` write it most ("vélos"), else as its texts in any language do ("Fahrräder"), in
        lower case unless they always capitalise it ("Alpenrad"); `word` itself when no text has it. Read
        from the departments and a few of the products that have the word, once per word and language."""
        key = (word, language)
        found = self._spellings.get(key)
        if found is None:
            found = self._spellings[key] = self._spelling(word, language)
        return found

    def _spelling(self, word: str, language: str) -> str:
        hits = [row[0] for row in self._db.execute(
            "SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT ?",
            ('"' + word.replace('"', '""') + '"', SPELLING_SAMPLE))]
        marks = ", ".join("?" * len(hits))
        rows = self._db.execute(f"SELECT brand, name, description FROM products WHERE id IN ({marks})", hits)
        brands, texts = [], []
        for brand, name, description in rows:
            brands.append(brand)
            texts += [json.loads(name), json.loads(description)]
        texts += [texts for category in self._categories for texts in (category.name, category.keywords)]
        seen = {lang: spellings(word, [localized.get(lang, "") for localized in texts])
                for lang in dict.fromkeys([language, *self.languages]) if lang}
        # the session's language, else the one that writes the word most (a German word in a French session)
        most = max(seen, key=lambda lang: (lang == language and bool(seen[lang]), sum(seen[lang].values())))
        return usual_spelling(seen[most] + spellings(word, (), brands), most) or word

    def match_expression(self, text: str) -> str:
        """The FTS5 expression of every product a search for `text` finds (every word, typos corrected, as a
        prefix); "" when there is nothing to search for."""
        words = [w for i, w in enumerate(self._corrected(text)[1]) if w.lower() not in STOP_WORDS]
        return " AND ".join(f'"{word}"*' for word in words)

    def named_departments(self, words: list[str]) -> frozenset[str]:
        """The departments whose name or keyword (in any language) one of these words begins."""
        named: set[str] = set()
        for word in words:
            folded = fold(word).strip()
            if len(folded) >= DEPARTMENT_WORD_FROM:
                for name, departments in self._department_words.items():
                    if name.startswith(folded):
                        named |= departments
        return frozenset(named)

    def _search(self, words: list[str], limit: int) -> list[ProductSummary]:
        if not words:
            return []
        meaningful = [w for i, w in enumerate(words) if w.lower() not in STOP_WORDS or i == len(words) - 1]
        typed = list(meaningful)
        if len(meaningful) > 1 and len(meaningful[-1]) == 1:
            meaningful.pop()  # "chaussures t": the shopper is typing the next word; one letter narrows nothing
        words = meaningful or words
        if len(words) == 1 and len(words[0]) <= 2 and not words[0].isdigit():
            popular = self._search_popular_prefix(fold(words[0]), limit)
            if popular is not None:
                return popular
        if len(words) == 1 and words[0].isdigit() and len(words[0]) in (8, 12, 13, 14):
            product = self.by_gtin(words[0])
            if product is not None:
                return [product]
        query = " AND ".join(self._as_typed(word) for word in words)
        # Ranking every match costs ~0.5 µs each: a one-letter prefix over 100k products is 15 ms. Row ids
        # follow popularity, so the first CANDIDATES matches in row id order are the most popular ones;
        # only those are ranked. A query with fewer matches is ranked whole.
        last = self._db.execute(
            "SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT 1 OFFSET ?",
            (query, SEARCH_CANDIDATES - 1),
        ).fetchone()
        bound = last[0] if last else self._max_id
        # bm25 first counts the products having each word, over the whole index: 0.3-1 ms for a word as common
        # as "run" on 100k products. A common word's candidates are all among the most popular products, which
        # have an index of their own: counted over them, the same products come first (for one word exactly;
        # for several, each word weighs as it does among the popular products).
        index = "popular_search" if bound <= self._popular_ranked else "product_search"
        # A department the query names comes first: every candidate is ranked then, not only the best scores
        departments = sorted(self.named_departments(words))
        if departments and index == "popular_search":
            ranked = self._departments_first(query, bound, departments, limit)
        elif departments:
            ranked = self._few_departments_first(query, bound, departments, limit)
        else:
            marks = ", ".join("?" * len(departments))
            first = f"category IN ({marks}) DESC, " if departments else ""
            rows = self._db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM products JOIN ("
                f"  SELECT rowid AS hit, bm25({index}, 8.0, 4.0, 2.0, 1.0) AS score"
                f"  FROM {index} WHERE {index} MATCH ? AND rowid <= ? ORDER BY score LIMIT ?"
                f") ON products.id = hit ORDER BY {first}score, id LIMIT ?",
                (query, bound, SEARCH_CANDIDATES if departments else limit, *departments, limit),
            )
            ranked = [_summary(row) for row in rows]
        if len(typed) < 2:
            return ranked
        exact = self._every_word_whole(typed, limit)
        return (exact + [p for p in ranked if p.sku not in {e.sku for e in exact}])[:limit]

    def _departments_first(self, query: str, bound: int, departments: list[str], limit: int) -> list[ProductSummary]:
        """The candidates up to row `bound`, ranked in the popular products' index, those of `departments`
        first. Which they are, the departments' index says from its first entries (row ids follow
        popularity), rather than the row of each of the 300 candidates: spread over the products table's
        pages, and not read yet, those took 0.5-1 ms on 100k products."""
        best = [row[0] for row in self._db.execute(
            "SELECT rowid FROM popular_search WHERE popular_search MATCH ? AND rowid <= ? "
            "ORDER BY bm25(popular_search, 8.0, 4.0, 2.0, 1.0), rowid LIMIT ?", (query, bound, SEARCH_CANDIDATES))]
        marks = ", ".join("?" * len(departments))
        named = {row[0] for row in self._db.execute(
            f"SELECT id FROM products WHERE category IN ({marks}) AND id <= ? "
            "AND popularity >= (SELECT popularity FROM products WHERE id = ?)", (*departments, bound, bound))}
        first = ([hit for hit in best if hit in named] + [hit for hit in best if hit not in named])[:limit]
        if not first:
            return []
        rows = {row["id"]: row for row in self._db.execute(
            f"SELECT id, {_SUMMARY_COLUMNS} FROM products WHERE id IN ({', '.join('?' * len(first))})", first)}
        return [_summary(rows[hit]) for hit in first if hit in rows]

    def _few_departments_first(self, query: str, bound: int, departments: list[str],
                               limit: int) -> list[ProductSummary]:
        """The candidates up to row `bound` (a query with few matches: "frontale 90"), ranked over the whole
        index, those of `departments` first. When the best `limit` are all of them (as usual: the query names
        their department), those rows alone are read, rather than the row of every candidate (169 for
        "frontale 90" on 100k products, spread over the table's pages and not read yet: ~0.6 ms)."""
        best = [row[0] for row in self._db.execute(
            "SELECT rowid FROM product_search WHERE product_search MATCH ? AND rowid <= ? "
            "ORDER BY bm25(product_search, 8.0, 4.0, 2.0, 1.0), rowid LIMIT ?", (query, bound, SEARCH_CANDIDATES))]
        rows = self._rows(best[:limit])
        if all(row["category"] in departments for row in rows.values()):
            return [_summary(rows[hit]) for hit in best[:limit] if hit in rows]
        rows = self._rows(best)
        present = [hit for hit in best if hit in rows]
        first = ([hit for hit in present if rows[hit]["category"] in departments] +
                 [hit for hit in present if rows[hit]["category"] not in departments])[:limit]
        return [_summary(rows[hit]) for hit in first]

    def _rows(self, ids: list[int]) -> dict[int, sqlite3.Row]:
        """The products of these row ids, by row id."""
        if not ids:
            return {}
        return {row["id"]: row for row in self._db.execute(
            f"SELECT id, {_SUMMARY_COLUMNS} FROM products WHERE id IN ({', '.join('?' * len(ids))})", ids)}

    def _every_word_whole(self, words: list[str], limit: int) -> list[ProductSummary]:
        """The products having every word whole, when they are few: they come first. A full title typed
        ("Vélos Nord Crête 2") names them, though its "2" narrows nothing as it is typed (it is left out then)
        and would begin thousands of words (the ranked candidates may miss them)."""
        whole = " AND ".join(f'"{word}"' for word in words)
        hits = [row[0] for row in self._db.execute(
            "SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT ?", (whole, limit + 1))]
        if not hits or len(hits) > limit:
            return []
        marks = ", ".join("?" * len(hits))
        return [_summary(row) for row in self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM products WHERE id IN ({marks}) ORDER BY id", hits)]

    def _as_typed(self, word: str) -> str:
        """The FTS5 expression for a word the shopper may still be typing. Up to 8 letters a prefix
        index answers it; past that FTS5 merges the lists of every word in the range itself (3 ms for
        "chaussures" over 100k products), so the few whole words it begins are asked for (1 ms)."""
        folded = fold(word).strip()
        if len(folded) <= LONGEST_PREFIX_INDEX or not self._has_terms or " " in folded:
            return f'"{word}"*'
        terms = [row[0] for row in self._db.execute(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
            (folded, folded + "\U0010ffff", WHOLE_WORDS_AT_MOST + 1))]
        if not terms or len(terms) > WHOLE_WORDS_AT_MOST:
            return f'"{word}"*'
        return "(" + " OR ".join(f'"{term}"' for term in terms) + ")"

    def _search_popular_prefix(self, prefix: str, limit: int) -> list[ProductSummary] | None:
        """Products among the most popular with a word starting with a 1-2 letter prefix, in popularity order.

        Such a prefix matches most of the catalogue, and FTS5 would load a doclist of every match first;
        the most popular products hold enough hits. None when they do not (a rare prefix): use FTS5.
        """
        pattern = f"% {prefix.replace('%', '').replace('_', '')}%"
        rows = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM products WHERE id <= ? AND words LIKE ? ORDER BY id LIMIT ?",
            (POPULAR_SCAN, pattern, limit)).fetchall()
        return [_summary(row) for row in rows] if len(rows) >= limit else None

    def reviews(self, sku: str, order: str = "newest", limit: int = 20) -> list[Review]:
        """Reviews of a product, newest or most helpful first."""
        by = "helpful DESC, date DESC" if order == "helpful" else "date DESC, helpful DESC"
        rows = self._db.execute(f"SELECT * FROM reviews WHERE sku = ? ORDER BY {by} LIMIT ?", (sku, limit)).fetchall()
        return [Review(r["id"], r["sku"], r["stars"], r["author"], r["language"], r["text"],
                       date.fromisoformat(r["date"]), r["helpful"], bool(r["in_store"]), self._media(r["id"]))
                for r in rows]

    def _media(self, review: str) -> tuple[Media, ...]:
        if not self._has_table("review_media"):  # a catalogue from before customers' photos
            return ()
        return tuple(Media(kind, file, poster) for kind, file, poster in self._db.execute(
            "SELECT kind, file, poster FROM review_media WHERE review = ? ORDER BY position", (review,)))

    def testimonials(self, sku: str = "", collection: str = "") -> list[Testimonial]:
        """Customers' approved videos about a product (`sku`) or a collection, in the pack's order."""
        if not self._has_table("testimonials"):
            return []
        rows = self._db.execute("SELECT data FROM testimonials WHERE sku = ? AND collection = ? ORDER BY position",
                                (sku, collection))
        found = []
        for (data,) in rows:
            raw = json.loads(data)
            found.append(Testimonial(**{**raw, "date": date.fromisoformat(raw["date"])}))
        return found

    def _has_table(self, name: str) -> bool:
        if name not in self._tables:
            self._tables[name] = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                                  (name,)).fetchone() is not None
        return self._tables[name]

    def rating_histogram(self, sku: str) -> dict[int, int]:
        """How many reviews gave 1 to 5 stars."""
        counts = {stars: 0 for stars in range(1, 6)}
        for stars, count in self._db.execute(
            "SELECT stars, count(*) FROM reviews WHERE sku = ? GROUP BY stars", (sku,)):
            counts[stars] = count
        return counts

    def member(self, loyalty_id: str) -> Member | None:
        """The loyalty member with this id, or None."""
        row = self._db.execute("SELECT data FROM members WHERE loyalty_id = ?", (loyalty_id,)).fetchone()
        if row is None:
            return None
        raw = json.loads(row[0])
        return Member(**{**raw, "favourite_categories": tuple(raw["favourite_categories"])})

    def offers(self) -> list[Offer]:
        """Every offer of the pack, in its order (`kiosk.core.shopper.member_offers` says which are on)."""
        if self._offers is not None:
            return self._offers
        offers = []
        for (data,) in self._db.execute("SELECT data FROM offers ORDER BY position"):
            raw = json.loads(data)
            lists = {name: tuple(raw.get(name, ())) for name in ("tiers", "categories", "skus")}
            days = {name: date.fromisoformat(raw[name]) if raw.get(name) else None for name in ("starts", "ends")}
            offers.append(Offer(**{**raw, **lists, **days}))
        self._offers = offers
        return offers

    def offers_for(self, member: Member, today: date, limit: int = 3) -> list[Offer]:
        """The offers of the member's tier that run `today`, those for their favourite categories first."""
        offers = offers_on(self.offers(), member.tier, today)
        favourites = set(member.favourite_categories)
        offers.sort(key=lambda o: (not favourites.intersection(o.categories), not o.categories))
        return offers[:limit]

    def offer_products(self, offer: Offer, limit: int = 200) -> list[ProductSummary]:
        """The products an offer covers: its SKUs, then its departments' (every product when it names
        neither)."""
        found = self._summaries(list(offer.skus)) if offer.skus else []
        seen = {p.sku for p in found}
        categories = offer.categories or (() if offer.skus else tuple(c.id for c in self.categories))
        for category in categories:
            for product in self.browse(category, limit=limit):
                if product.sku not in seen and len(found) < limit:
                    found.append(product)
                    seen.add(product.sku)
        return found

    def bought_together(self, skus: list[str], member: Member | None = None, limit: int = 4) -> list[ProductSummary]:
        """What customers bought with these products (a product page: one; a cart: several), best first.

        For an identified member, what they already bought is left out and products of the departments
        they buy from come first. The products themselves are never suggested.
        """
        if not skus:
            return []
        marks = ", ".join("?" * len(skus))
        scores: dict[str, float] = {}
        for other, score in self._db.execute(f"SELECT other, score FROM together WHERE sku IN ({marks})", skus):
            if other not in skus:
                scores[other] = scores.get(other, 0.0) + score
        if not scores:
            return []
        products = {p.sku: p for p in self._summaries(list(scores))}
        if member is not None:
            bought = {row[0] for row in self._db.execute(
                "SELECT sku FROM member_purchases WHERE loyalty_id = ?", (member.loyalty_id,))}
            departments = {p.category for p in self._summaries(list(bought))} | set(member.favourite_categories)
            for sku in bought:
                scores.pop(sku, None)
            for sku in scores:
                if sku in products and products[sku].category in departments:
                    scores[sku] *= 2
        ranked = sorted((sku for sku in scores if sku in products), key=lambda sku: (-scores[sku], sku))
        return [products[sku] for sku in ranked[:limit]]

    def store_map(self) -> StoreMap | None:
        """The floor plan of the pack, if it has one."""
        raw = json.loads(self._meta.get("map") or "null")
        if not raw:
            return None
        return StoreMap(raw["width"], raw["depth"], {k: tuple(v) for k, v in raw["areas"].items()}, raw["zones"],
                        tuple((name, tuple(rect)) for name, rect in raw["places"]))

    def film_has_sound(self, file: str) -> bool | None:
        """Whether the film at `file` (its path in the pack) has a sound track, as the import probed it;
        None when the catalogue does not say (a film it did not probe, a catalogue from before)."""
        if self._film_sound is None:
            try:
                probed = json.loads(self._meta.get("films") or "[]")
                self._film_sound = {str(film["name"]): bool(film["info"]["audio"]) for film in probed}
            except (ValueError, TypeError, KeyError):
                self._film_sound = {}
        return self._film_sound.get(posixpath.normpath(file))

    def events(self) -> list[StoreEvent]:
        """The store's events (workshops, group runs), as the pack lists them."""
        return [StoreEvent(**raw) for raw in json.loads(self._meta.get("events", "[]"))]

    def collections(self) -> list[Collection]:
        """The curated lists, in the pack's order."""
        rows = self._db.execute("SELECT data FROM collections ORDER BY position")
        return [Collection(**{**raw, "skus": tuple(raw["skus"])}) for raw in (json.loads(r[0]) for r in rows)]

    def _summaries(self, skus: list[str]) -> list[ProductSummary]:
        if not skus:
            return []
        marks = ", ".join("?" * len(skus))
        return [_summary(row) for row in self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM products WHERE sku IN ({marks})", skus)]

    def videos(self, sku: str) -> list[ProductVideo]:
        """The films about a product, in the pack's order."""
        rows = self._db.execute("SELECT data FROM videos WHERE sku = ? ORDER BY position", (sku,))
        return [ProductVideo(**json.loads(data)) for (data,) in rows]

    def playlist(self) -> list[Slide]:
        """The attract loop's slides."""
        rows = self._db.execute("SELECT data FROM playlist ORDER BY position")
        slides = []
        for (data,) in rows:
            raw = json.loads(data)
            slides.append(Slide(**{**raw, "roles": tuple(raw["roles"]), "days": tuple(raw["days"])}))
        return slides
