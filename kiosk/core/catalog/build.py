"""Import a checked content pack into a SQLite catalogue with full-text search.

The database is written to a new file and moved over the old one with one atomic rename, so a
running kiosk keeps reading the old catalogue until it swaps, and a failed import leaves it intact.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from kiosk.core.catalog.recommend import bought_together
from kiosk.core.codes.gtin import gtin14
from kiosk.core.language.text import fold
from kiosk.core.pack.content import ContentPack, read_pack
from kiosk.core.pack.feeds import left_out_lines
from kiosk.core.pack.product_rows import ProductRow
from kiosk.core.pack.video_probe import FilmChecked, VideoInfo

log = logging.getLogger(__name__)
SCHEMA_VERSION = "17"

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE categories(id TEXT PRIMARY KEY, position INTEGER, data TEXT NOT NULL);
CREATE TABLE products(
    id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, gtin TEXT NOT NULL, gtin14 TEXT NOT NULL UNIQUE,
    brand TEXT NOT NULL, category TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
    price_cents INTEGER NOT NULL, stock INTEGER NOT NULL, aisle TEXT NOT NULL, rating REAL NOT NULL,
    review_count INTEGER NOT NULL, popularity INTEGER NOT NULL, specs TEXT NOT NULL, image TEXT NOT NULL,
    words TEXT NOT NULL);
CREATE INDEX products_by_category ON products(category, popularity DESC);
CREATE INDEX products_by_popularity ON products(popularity DESC);
CREATE TABLE reviews(id TEXT PRIMARY KEY, sku TEXT NOT NULL, stars INTEGER NOT NULL, author TEXT NOT NULL,
    language TEXT NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL, helpful INTEGER NOT NULL,
    in_store INTEGER NOT NULL);
CREATE INDEX reviews_by_sku ON reviews(sku, date DESC);
CREATE TABLE variants(sku TEXT PRIMARY KEY, product TEXT NOT NULL, position INTEGER NOT NULL,
    size TEXT NOT NULL, colour TEXT, stock INTEGER NOT NULL, gtin TEXT NOT NULL, gtin14 TEXT,
    price_cents INTEGER NOT NULL);
CREATE INDEX variants_by_product ON variants(product, position);
CREATE UNIQUE INDEX variants_by_gtin ON variants(gtin14) WHERE gtin14 IS NOT NULL;
CREATE TABLE pictures(owner TEXT NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL,
    PRIMARY KEY(owner, position)) WITHOUT ROWID;
CREATE TABLE review_media(review TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
    file TEXT NOT NULL, poster TEXT NOT NULL, PRIMARY KEY(review, position)) WITHOUT ROWID;
CREATE TABLE testimonials(position INTEGER PRIMARY KEY, sku TEXT NOT NULL, collection TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE TABLE together(sku TEXT NOT NULL, other TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY(sku, other));
CREATE TABLE member_purchases(loyalty_id TEXT NOT NULL, sku TEXT NOT NULL, PRIMARY KEY(loyalty_id, sku));
CREATE TABLE collections(position INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE playlist(position INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE videos(position INTEGER PRIMARY KEY, sku TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX videos_by_sku ON videos(sku, position);
CREATE TABLE members(loyalty_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE offers(position INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE search_terms(term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE product_search USING fts5(
    name, brand, category, description,
    content='', columnsize=0, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6 7 8');
CREATE VIRTUAL TABLE popular_search USING fts5(
    name, brand, category, description,
    content='', columnsize=0, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6 7 8');
"""
# The most popular products are indexed a second time, alone: a common word's matches are ranked among them
# (see Catalog.search), where bm25 counts the products having the word over these rows, not over them all
POPULAR_RANKED = 5000


def pack_fingerprint(folder: Path) -> str:
    """A digest of the pack's files (names, sizes, modification times) and of this importer's schema."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _write(pack: ContentPack, connection: sqlite3.Connection, fingerprint: str) -> None:
    connection.executescript(SCHEMA)
    meta = {"id": pack.id, "name": pack.name, "version": pack.version, "currency": pack.currency,
            "languages": json.dumps(pack.languages), "fingerprint": fingerprint, "folder": str(pack.folder),
            "map": json.dumps(asdict(pack.store_map) if pack.store_map else None, ensure_ascii=False),
            "left_out": json.dumps([str(row) for row in pack.left_out[:1000]], ensure_ascii=False),
            "left_out_count": str(len(pack.left_out)),
            "popular_ranked": str(min(POPULAR_RANKED, len(pack.products))),
            "events": json.dumps([asdict(event) for event in pack.events], ensure_ascii=False),
            "films": json.dumps([asdict(film) for film in pack.films if film.info is not None], ensure_ascii=False)}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.executemany(
        "INSERT INTO categories VALUES (?, ?, ?)",
        ((c.id, i, json.dumps(asdict(c), ensure_ascii=False)) for i, c in enumerate(pack.categories)),
    )
    review_counts: dict[str, int] = {}
    for review in pack.reviews:
        review_counts[review.sku] = review_counts.get(review.sku, 0) + 1
    # a department is found by its names and its keywords, in every language
    category_names = {c.id: " ".join([*c.name.values(), *c.keywords.values()]) for c in pack.categories}
    # Row ids follow popularity (1 = most popular): search takes its candidates in row id order, so the
    # first matches it meets are the most popular ones (see Catalog.search).
    products = sorted(pack.products, key=lambda p: -p.popularity)
    connection.executemany(
        "INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (i, p.sku, p.gtin, gtin14(p.gtin), p.brand, p.category, json.dumps(p.name, ensure_ascii=False),
             json.dumps(p.description, ensure_ascii=False), p.price_cents, p.stock, p.aisle, p.rating,
             review_counts.get(p.sku, 0), p.popularity, json.dumps(p.specs, ensure_ascii=False), p.image,
             " " + " ".join(fold(" ".join([*p.name.values(), p.brand, category_names.get(p.category, "")])).split()))
            for i, p in enumerate(products, start=1)
        ),
    )
    for table, rows in (("product_search", products), ("popular_search", products[:POPULAR_RANKED])):
        connection.executemany(f"INSERT INTO {table}(rowid, name, brand, category, description) VALUES (?, ?, ?, ?, ?)",
                               _searched(rows, category_names))
    connection.executemany(
        "INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((v.sku, p.sku, i, v.size, json.dumps(v.colour, ensure_ascii=False) if v.colour else None, v.stock,
          v.gtin, gtin14(v.gtin) if v.gtin else None, v.price_cents)
         for p in products for i, v in enumerate(p.variants)),
    )
    connection.executemany(  # a product's gallery (its main picture first), and a colour's own pictures
        "INSERT INTO pictures VALUES (?, ?, ?)",
        [(p.sku, i, path) for p in products for i, path in enumerate(([p.image] if p.image else []) + list(p.images))]
        + [(v.sku, i, path) for p in products for v in p.variants for i, path in enumerate(v.images)])
    connection.executemany(
        "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((r.id, r.sku, r.stars, r.author, r.language, r.text, r.date.isoformat(), r.helpful, r.in_store)
         for r in pack.reviews),
    )
    connection.executemany("INSERT INTO review_media VALUES (?, ?, ?, ?, ?)",
                           ((r.id, i, m.kind, m.file, m.poster) for r in pack.reviews for i, m in enumerate(r.media)))
    connection.executemany(
        "INSERT INTO testimonials VALUES (?, ?, ?, ?)",
        ((i, t.sku, t.collection, json.dumps({**asdict(t), "date": t.date.isoformat()}, ensure_ascii=False))
         for i, t in enumerate(pack.testimonials)))
    connection.executemany(
        "INSERT INTO playlist VALUES (?, ?)",
        ((i, json.dumps(asdict(s), ensure_ascii=False)) for i, s in enumerate(pack.playlist)),
    )
    connection.executemany(
        "INSERT INTO videos VALUES (?, ?, ?)",
        ((i, v.sku, json.dumps(asdict(v), ensure_ascii=False)) for i, v in enumerate(pack.videos)),
    )
    connection.executemany("INSERT INTO members VALUES (?, ?)",
                           ((m.loyalty_id, json.dumps(asdict(m), ensure_ascii=False)) for m in pack.members))
    connection.executemany("INSERT INTO offers VALUES (?, ?)",
                           ((i, json.dumps(asdict(o), ensure_ascii=False, default=str)) for i, o in
                            enumerate(pack.offers)))
    connection.executemany("INSERT INTO together VALUES (?, ?, ?)",
                           ((sku, other, score) for sku, others in bought_together(pack.baskets).items()
                            for other, score in others))
    connection.executemany("INSERT INTO member_purchases VALUES (?, ?)", pack.member_purchases)
    connection.executemany("INSERT INTO collections VALUES (?, ?)",
                           ((i, json.dumps(asdict(c), ensure_ascii=False)) for i, c in enumerate(pack.collections)))
    connection.execute("INSERT INTO product_search(product_search) VALUES ('optimize')")
    connection.execute("INSERT INTO popular_search(popular_search) VALUES ('optimize')")
    # Every word of the index with how many products have it: for the words typed beyond the longest prefix
    # index, and the vocabulary typos are corrected against (see Catalog.search)
    connection.execute("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, product_search, row)")
    connection.execute("INSERT INTO search_terms SELECT term, doc FROM temp.index_terms")
    connection.execute("DROP TABLE temp.index_terms")


def _searched(products: list[ProductRow], category_names: dict[str, str]) -> Iterator[tuple[int, str, str, str, str]]:
    """What search finds each product by (row ids from 1, in popularity order): its names and the names of its
    colours ("... noir", as a variant's title says), brand, department names and keywords, descriptions."""
    for i, p in enumerate(products, start=1):
        yield (i, " ".join([*p.name.values(), *_colours(p)]), p.brand, category_names.get(p.category, ""),
               " ".join(p.description.values()))


def _colours(product: ProductRow) -> list[str]:
    """The names of a product's colours, each once, in every language."""
    return list(dict.fromkeys(name for v in product.variants if v.colour for name in v.colour.values()))


def build_catalog(pack: ContentPack, target: Path, fingerprint: str = "") -> Path:
    """Write `pack` to a new database and move it to `target` atomically; return `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f"{target.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    connection = sqlite3.connect(building)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        with connection:
            _write(pack, connection, fingerprint or pack_fingerprint(pack.folder))
        connection.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        connection.close()
        building.unlink(missing_ok=True)
        raise
    connection.close()
    if target.exists():  # kept so staff can roll back to it (Shop.roll_back)
        os.replace(target, previous_catalog(target))
    os.replace(building, target)
    return target


def previous_catalog(target: Path) -> Path:
    """Where the catalogue that a new import replaced is kept."""
    return Path(target).with_name(Path(target).name + ".previous")


def stored_fingerprint(database: Path) -> str | None:
    """The fingerprint of the pack a database was built from, or None if it cannot be read."""
    if not Path(database).is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def stored_films(database: Path) -> dict[str, FilmChecked]:
    """The films the import of `database` probed, by their path in the pack (none if it cannot be read)."""
    if not Path(database).is_file():
        return {}
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'films'").fetchone()
        finally:
            connection.close()
        saved = json.loads(row[0]) if row else []
        films = [FilmChecked(**{**film, "info": VideoInfo(**film["info"])}) for film in saved]
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return {}
    return {film.name: film for film in films}


def ensure_catalog(folder: Path, database: Path, store: str = "") -> Path:
    """Import the pack into `database` unless it was already built from these very files (for this
    store: a local inventory feed gives each store its own stock).

    Raises PackRejected (and leaves any existing database untouched) when the pack has problems.
    """
    fingerprint = pack_fingerprint(folder) + (f":{store}" if (Path(folder) / "feed_mapping.json").is_file() else "")
    if stored_fingerprint(database) == fingerprint:
        return Path(database)
    pack = read_pack(folder, store, known_films=stored_films(database))  # films probed again only if changed
    if pack.left_out:
        log.warning("content %s: %d feed rows left out (within the mapping's allowance):\n%s", pack.version,
                    len(pack.left_out), "\n".join(left_out_lines(pack.left_out)))
    return build_catalog(pack, database, fingerprint)
