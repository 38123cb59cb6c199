"""A content pack's products from the retailer's Google Merchant Center product feed, and this store's
stock and prices from its local inventory feed.

A pack with `feed_mapping.json` takes its products from feeds instead of products.json:

    {"feeds": {"fr": "feed-fr.tsv", "de": "feed-de.xml"},   one feed per language; the first one gives
                                                            prices, stock and codes, the others texts
     "local_inventory": "local-inventory.tsv",              optional: quantity and price by store_code
     "departments": {"Sport > Vélos": "bikes"},             product_type (or its start) -> department
     "specs": {"Poids": "weight"},                          product_detail attribute_name -> spec key
     "bad_rows_allowed_percent": 1}                         bad rows left out, up to this share

Every row is checked as a row of its own, a group's variants included (feed_rows.py, product_rows.py),
with the feed's file, line and field in each problem. A bad row is left out and said; rows sharing an
`item_group_id` that are good make one product with a variant each (feed_groups.py). Left-out rows are
counted as rows (not problems), and refuse the pack when they are more than the mapping allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core.models import Category
from kiosk.core.pack.feed_groups import group_product, variant_problems
from kiosk.core.pack.feed_rows import FeedItem, FeedSettings, check_rows, read_other_languages, read_store_rows
from kiosk.core.pack.merchant_feed import FeedProblem, read_feed
from kiosk.core.pack.product_rows import ProductRow, RowPlace, check_product
from kiosk.core.pack.reader import PackReader, PackRejected
from kiosk.core.problems import Problem

LEFT_OUT_LISTED = 50  # left-out rows listed in the log and by --check; the rest are counted
FEED_COLUMNS = {"sku": "id", "name": "title", "category": "product_type", "stock": "availability"}
UNKNOWN_DEPARTMENT = "is in none of feed_mapping.json's departments (nor a category of categories.json)"


@dataclass(frozen=True)
class LeftOutRow:
    """A feed row left out of the catalogue, with every problem it has."""

    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        first, *others = self.problems
        said = [str(first)] + [f"[{p.key}] {p.message}" if (p.file, p.line) == (first.file, first.line) else str(p)
                               for p in others]
        return "; ".join(said)


@dataclass
class FeedProducts:
    """What a pack's feeds give: its products, the rows left out, how many rows were read, and every id
    and group the feeds name (what a review or a playlist may point at, left out or not)."""

    products: list[ProductRow] = field(default_factory=list)
    left_out: list[LeftOutRow] = field(default_factory=list)
    rows: int = 0
    named: set[str] = field(default_factory=set)


def left_out_lines(rows: Sequence[LeftOutRow | str], limit: int = LEFT_OUT_LISTED) -> list[str]:
    """The left-out rows as lines to show, at most `limit` of them and then how many more."""
    lines = [str(row) for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"... and {len(rows) - limit:,} more rows left out")
    return lines


def _settings(reader: PackReader, mapping: Any, categories: list[Category], languages: tuple[str, ...],
              currency: str, store: str, now: datetime) -> FeedSettings:
    if not isinstance(mapping, dict) or not isinstance(mapping.get("feeds"), dict) or not mapping["feeds"]:
        reader.problem("feed_mapping.json", "feeds", "must name a feed file by language, like {\"fr\": \"feed.tsv\"}")
        raise PackRejected(reader.problems)
    for key in ("departments", "specs"):
        if not isinstance(mapping.get(key, {}), dict):
            reader.problem("feed_mapping.json", key, "must be an object of names")
    unknown = sorted(set(mapping.get("departments", {}).values()) - {c.id for c in categories})
    if unknown:
        reader.problem("feed_mapping.json", "departments", f"names departments not in categories.json: {unknown}")
    try:
        float(mapping.get("bad_rows_allowed_percent", 0))
    except (TypeError, ValueError):
        reader.problem("feed_mapping.json", "bad_rows_allowed_percent", "must be a number of percent")
    if reader.problems:
        raise PackRejected(reader.problems)
    return FeedSettings(languages, currency, store, now, mapping.get("departments") or {}, mapping.get("specs") or {},
                        frozenset(spec.key for c in categories for spec in c.specs if spec.kind == "number"),
                        _pictures(reader.folder))


def _pictures(folder: Path) -> dict[str, str]:
    """The pack's own pictures of feed products, `images/{id}.png`, `.jpg` or `.webp` (by the row's id or its
    item_group_id): the kiosk works offline and never fetches a feed's image_link from the web."""
    images = folder / "images"
    if not images.is_dir():
        return {}
    return {path.stem: f"images/{path.name}" for path in images.iterdir()
            if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp")}


def _checked(reader: PackReader, item: FeedItem, categories: dict[str, Category],
             languages: tuple[str, ...]) -> tuple[ProductRow | None, list[Problem]]:
    """The row as a product row, or None; and its problems (taken back from the reader)."""
    before = len(reader.problems)
    label = item.id
    for file, line, name, message in item.problems:
        reader.problem(file, f"{label}.{name}" if label else name, message, line)
    product = None
    if item.raw:
        place = RowPlace(item.file, label, item.line, FEED_COLUMNS, UNKNOWN_DEPARTMENT)
        product = check_product(reader, place, item.raw, categories, languages)
    problems = reader.problems[before:]
    del reader.problems[before:]
    return (None if problems else product), problems


def feed_products(reader: PackReader, mapping: Any, categories: list[Category], languages: tuple[str, ...],
                  currency: str, store: str, now: datetime) -> FeedProducts:
    """The products of the mapping's feeds for `store`, their bad rows left out within the allowance;
    raises PackRejected when a feed cannot be read or too many rows are bad."""
    settings = _settings(reader, mapping, categories, languages, currency, store, now)
    feeds: dict[str, str] = mapping["feeds"]
    failures: list[str] = []
    others = read_other_languages(reader.folder, feeds, failures)
    store_rows = read_store_rows(reader.folder, mapping.get("local_inventory"), store, failures)
    found = FeedProducts()
    by_id = {c.id: c for c in categories}
    groups: dict[tuple[bool, str], list[tuple[FeedItem, ProductRow]]] = {}  # (a group?, its SKU) -> good rows
    first_file = next(iter(feeds.values()))
    try:
        for item in check_rows(read_feed(reader.folder / first_file), others, store_rows, settings):
            found.rows += 1
            found.named.update(name for name in (item.id, item.group) if name)
            product, problems = _checked(reader, item, by_id, languages)
            item.raw = {}  # checked: a 100,000-row feed keeps only what makes its products
            if product is None:
                found.left_out.append(LeftOutRow(tuple(problems)))
                continue
            rows = groups.setdefault((bool(item.group), item.group or item.id), [])
            if rows:  # a later variant: its group's product takes its description and specs from the first
                product = replace(product, description={}, specs={})
            rows.append((item, product))
    except FeedProblem as problem:
        failures.append(f"{first_file}: {problem}")
    for failure in failures:
        name, _, message = failure.partition(": ")
        reader.problem(name, "", message)
    if failures:
        raise PackRejected(reader.problems)
    _assemble(reader, groups, languages, found)
    if not found.rows:
        reader.problem(first_file, "", "has no products")
    allowed = float(mapping.get("bad_rows_allowed_percent", 0))
    if found.rows and 100 * len(found.left_out) / found.rows > allowed:
        reader.problems += [problem for row in found.left_out for problem in row.problems]
        found.left_out = []
    found.left_out.sort(key=lambda row: (str(row.problems[0].file), row.problems[0].line or 0))
    return found


def _assemble(reader: PackReader, groups: dict[tuple[bool, str], list[tuple[FeedItem, ProductRow]]],
              languages: tuple[str, ...], found: FeedProducts) -> None:
    """One product of each group's good rows; a row its group cannot tell from another is left out."""
    skus: dict[str, int] = {}
    for (_, key), rows in groups.items():
        item = rows[0][0]
        if key in skus:  # an item_group_id that is also another product's id, or the other way round
            name, what = ("item_group_id", "id") if item.group else ("id", "item_group_id")
            for item, _ in rows:
                problem = Problem(reader.folder / item.file, f"{item.id}.{name}",
                                  f"{key!r} is also the {what} of line {skus[key]}", item.line)
                found.left_out.append(LeftOutRow((problem,)))
            continue
        skus[key] = item.line
        if item.group:
            bad = variant_problems(rows)
            for index, (name, message) in bad.items():
                row = rows[index][0]
                found.left_out.append(LeftOutRow((Problem(reader.folder / row.file, f"{row.id}.{name}", message,
                                                          row.line),)))
            rows = [row for index, row in enumerate(rows) if index not in bad]
            if rows:
                found.products.append(group_product(key, rows, languages))
        else:
            found.products.append(rows[0][1])
