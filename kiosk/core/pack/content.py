"""Read a content pack from its folder and check every row before anything is imported.

A pack is a folder with `pack.json`, `categories.json`, `products.json` or `products.csv`, and
optionally `reviews.json` and `playlist.json` (see content/README.md). Every problem is reported
with its file, row and column; one bad row refuses the whole pack.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kiosk.core.codes.gtin import is_valid_gtin
from kiosk.core.models import Category, Localized, Member, Offer, Review, Slide, SpecDef, SpecValue, Variant
from kiosk.core.pack.image_header import ImageProblem, check_picture
from kiosk.core.pack.map_and_collections import Collection, StoreMap, read_collections, read_map
from kiosk.core.pack.merchant_feed import products_from_feeds
from kiosk.core.pack.playlist import read_playlist
from kiosk.core.pack.reader import PackReader, PackRejected
from kiosk.core.problems import Problem

PRODUCT_FIELDS = {
    "sku", "gtin", "brand", "category", "name", "description", "price", "stock", "aisle",
    "rating", "popularity", "specs", "image", "variants",
}  # fmt: skip
NAME_MAX = 200  # characters of a product's name, in one language
DESCRIPTION_MAX = 5000  # ... of a description (a 5 MB one took the loop 6-7 s to lay out)


@dataclass(frozen=True)
class ProductRow:
    """A checked product row, ready for the database."""

    sku: str
    gtin: str
    brand: str
    category: str
    name: Localized
    description: Localized
    price_cents: int
    stock: int
    aisle: str
    rating: float
    popularity: int
    specs: dict[str, SpecValue]
    image: str
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class ContentPack:
    """A whole pack, checked."""

    folder: Path
    id: str
    name: str
    version: str
    languages: tuple[str, ...]
    currency: str
    categories: tuple[Category, ...]
    products: tuple[ProductRow, ...]
    reviews: tuple[Review, ...]
    playlist: tuple[Slide, ...]
    members: tuple[Member, ...] = ()
    offers: tuple[Offer, ...] = ()
    baskets: tuple[tuple[str, ...], ...] = ()  # past purchases (product SKUs), for "bought together"
    member_purchases: tuple[tuple[str, str], ...] = ()  # (loyalty id, product SKU): members' history
    store_map: StoreMap | None = None
    collections: tuple[Collection, ...] = ()
    left_out: tuple[Problem, ...] = ()  # a feed's bad rows, left out within the mapping's allowance


def _parse_price(text: Any) -> int | None:
    try:
        amount = Decimal(str(text))
    except InvalidOperation:
        return None
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return int(amount * 100)


def _read_categories(reader: PackReader, languages: tuple[str, ...]) -> list[Category]:
    data = reader.load_json("categories.json")
    if data is None:
        return []
    if not isinstance(data, list):
        reader.problem("categories.json", "", "must be a list of categories")
        return []
    categories: list[Category] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            reader.problem("categories.json", key, "needs an \"id\"")
            continue
        specs: list[SpecDef] = []
        for index, spec in enumerate(item.get("specs", []), start=1):
            spec_key = f"{key}.specs[{index}]"
            if not isinstance(spec, dict) or not isinstance(spec.get("key"), str):
                reader.problem("categories.json", spec_key, "needs a \"key\"")
                continue
            if spec.get("kind", "number") not in ("number", "text", "bool"):
                reader.problem("categories.json", f"{spec_key}.kind", "must be number, text or bool")
            if spec.get("better", "") not in ("", "higher", "lower"):
                reader.problem("categories.json", f"{spec_key}.better", "must be higher, lower or empty")
            label = reader.localized("categories.json", f"{spec_key}.label", spec.get("label"), languages, None)
            specs.append(
                SpecDef(spec["key"], label, str(spec.get("unit", "")), spec.get("kind", "number"),
                        spec.get("better", ""))
            )
        name = reader.localized("categories.json", f"{key}.name", item.get("name"), languages, None)
        categories.append(Category(item["id"], name, str(item.get("color", "#555555")), str(item.get("icon", "")),
                                   tuple(specs)))
    return categories


def _spec_value(reader: PackReader, where: tuple[str, str, int | None], spec: SpecDef, value: Any,
                languages: tuple[str, ...]) -> SpecValue | None:
    file, key, line = where
    if spec.kind == "number":
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = float(value) if "." in value else int(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            reader.problem(file, key, f"must be a number (is {value!r})", line)
            return None
        return value
    if spec.kind == "bool":
        if isinstance(value, str) and value.lower() in ("yes", "true", "1", "no", "false", "0"):
            return value.lower() in ("yes", "true", "1")
        if not isinstance(value, bool):
            reader.problem(file, key, f"must be true or false (is {value!r})", line)
            return None
        return value
    if isinstance(value, str):
        return value
    return reader.localized(file, key, value, languages, line)


def _check_product(reader: PackReader, file: str, row: int, raw: dict[str, Any], line: int | None,
                   categories: dict[str, Category], languages: tuple[str, ...]) -> ProductRow | None:
    before = len(reader.problems)
    label = f"[{row}]" + (f" {raw['sku']}" if isinstance(raw.get("sku"), str) else "")

    def bad(column: str, message: str) -> None:
        reader.problem(file, f"{label}.{column}", message, line)

    for unknown in sorted(set(raw) - PRODUCT_FIELDS):
        bad(unknown, "is not a product field")
    needed = ("sku", "gtin", "brand", "category", "name", "price") + (() if raw.get("variants") else ("stock",))
    missing = [f for f in needed if raw.get(f) in (None, "")]
    for field_name in missing:
        bad(field_name, "is required")
    if missing:
        return None
    gtin = str(raw["gtin"]).strip()
    if not is_valid_gtin(gtin):
        bad("gtin", f"{gtin!r} is not a valid GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14 with its check digit)")
    category = categories.get(str(raw["category"]))
    if category is None:
        bad("category", f"{raw['category']!r} is not in categories.json")
    price = _parse_price(raw["price"])
    if price is None:
        bad("price", f"{raw['price']!r} is not a positive amount with at most 2 decimals")
    variants = _variants(raw.get("variants") or [], languages, bad)
    try:
        stock = sum(v.stock for v in variants) if variants else int(raw["stock"])
        if stock < 0:
            raise ValueError
    except (TypeError, ValueError):
        bad("stock", f"{raw['stock']!r} is not a whole number of 0 or more")
        stock = 0
    try:
        rating = float(raw.get("rating") or 0)
        if not 0 <= rating <= 5:
            raise ValueError
    except (TypeError, ValueError):
        bad("rating", f"{raw.get('rating')!r} is not a rating from 0 to 5")
        rating = 0.0
    try:
        popularity = int(raw.get("popularity") or 0)
    except (TypeError, ValueError):
        bad("popularity", f"{raw.get('popularity')!r} is not a whole number")
        popularity = 0
    name = reader.localized(file, f"{label}.name", raw["name"], languages, line, NAME_MAX)
    description = reader.localized(file, f"{label}.description", raw.get("description") or
                                   {lang: "" for lang in languages}, (), line, DESCRIPTION_MAX)
    brand = reader.text(file, f"{label}.brand", raw["brand"], line)
    specs: dict[str, SpecValue] = {}
    raw_specs = raw.get("specs") or {}
    if not isinstance(raw_specs, dict):
        bad("specs", "must be an object of spec values")
        raw_specs = {}
    if category is not None:
        defined = {spec.key: spec for spec in category.specs}
        for key, value in raw_specs.items():
            if key not in defined:
                bad(f"specs.{key}", f"is not a spec of category {category.id!r}")
                continue
            checked = _spec_value(reader, (file, f"{label}.specs.{key}", line), defined[key], value, languages)
            if checked is not None:
                specs[key] = checked
    image = str(raw.get("image") or "")
    picture = reader.path_in_pack(file, f"{label}.image", image, line) if image else None
    if picture is not None:
        try:
            check_picture(picture)
        except ImageProblem as problem:
            bad("image", f"{image} {problem}")
    if reader.problems[before:] or price is None:
        return None
    return ProductRow(str(raw["sku"]), gtin, brand, str(raw["category"]), name, description, price,
                      stock, str(raw.get("aisle") or ""), rating, popularity, specs, image, variants)


def _variants(raw: Any, languages: tuple[str, ...], bad: Callable[[str, str], None]) -> tuple[Variant, ...]:
    """A product's sizes and colours: [{"sku", "size", "colour": {"fr", "en"}, "stock"}]."""
    if not isinstance(raw, list):
        bad("variants", "must be a list of variants")
        return ()
    variants: list[Variant] = []
    for index, item in enumerate(raw):
        where = f"variants[{index}]"
        if not isinstance(item, dict) or not item.get("sku") or not (item.get("size") or item.get("colour")):
            bad(where, "needs a sku and a size or a colour")
            continue
        unknown = sorted(set(item) - {"sku", "size", "colour", "stock"})
        if unknown:
            bad(f"{where}.{unknown[0]}", "is not a variant field")
            continue
        colour = item.get("colour")
        if colour is not None and (not isinstance(colour, dict) or any(lang not in colour for lang in languages)):
            bad(f"{where}.colour", f"needs a text in each language ({', '.join(languages)})")
            continue
        stock = item.get("stock", 0)
        if isinstance(stock, bool) or not isinstance(stock, int) or stock < 0:
            bad(f"{where}.stock", f"{stock!r} is not a whole number of 0 or more")
            continue
        variants.append(Variant(str(item["sku"]), str(item.get("size") or ""), colour, stock))
    skus = [v.sku for v in variants]
    if len(set(skus)) != len(skus):
        bad("variants", "two variants have the same sku")
    return tuple(variants)


def _csv_rows(reader: PackReader) -> list[tuple[int, dict[str, Any]]]:
    """Rows of products.csv as product dicts; columns `name.fr`, `spec.weight`, `spec.frame.fr`."""
    path = reader.folder / "products.csv"
    rows: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            product: dict[str, Any] = {}
            for column, value in record.items():
                if column is None:
                    product.setdefault("__extra__", value)
                    continue
                parts = column.split(".")
                if parts[0] in ("name", "description") and len(parts) == 2:
                    product.setdefault(parts[0], {})[parts[1]] = value
                elif parts[0] == "spec" and len(parts) in (2, 3):
                    if value == "":
                        continue
                    specs = product.setdefault("specs", {})
                    if len(parts) == 3:
                        specs.setdefault(parts[1], {})[parts[2]] = value
                    else:
                        specs[parts[1]] = value
                else:
                    product[column] = value
            rows.append((len(rows) + 2, product))  # row 1 is the header
    return rows


def _feed_rows(reader: PackReader, mapping: Any, categories: list[Category], languages: tuple[str, ...], store: str,
               now: datetime | None) -> tuple[str, list[tuple[int, dict[str, Any]]], dict[int, int], dict[int, str]]:
    """Products from the retailer's Merchant Center feeds (kiosk/core/pack/merchant_feed.py), as rows."""
    if not isinstance(mapping, dict) or not isinstance(mapping.get("feeds"), dict) or not mapping["feeds"]:
        reader.problem("feed_mapping.json", "feeds", "must name a feed file by language, like {\"fr\": \"feed.tsv\"}")
        raise PackRejected(reader.problems)
    for key in ("departments", "specs"):
        if not isinstance(mapping.get(key, {}), dict):
            reader.problem("feed_mapping.json", key, "must be an object of names")
    unknown = sorted(set(mapping.get("departments", {}).values()) - {c.id for c in categories})
    if unknown:
        reader.problem("feed_mapping.json", "departments", f"names departments not in categories.json: {unknown}")
    if reader.problems:
        raise PackRejected(reader.problems)
    number_specs = {spec.key for category in categories for spec in category.specs if spec.kind == "number"}
    products, failures = products_from_feeds(reader.folder, mapping, languages, store, now or datetime.now(UTC),
                                             number_specs)
    for failure in failures:
        name, _, message = failure.partition(": ")
        reader.problem(name, "", message)
    if failures:
        raise PackRejected(reader.problems)
    rows = [(index, product.raw) for index, product in enumerate(products, start=1)]
    lines = {index: product.line for index, product in enumerate(products, start=1)}
    files = {index: product.file for index, product in enumerate(products, start=1)}
    return next(iter(mapping["feeds"].values())), rows, lines, files


def _leave_out_bad_rows(reader: PackReader, mapping: Any, total: int, bad_rows: list[int]) -> list[Problem]:
    """A feed's bad rows are left out (and said) when they are few enough for the mapping's
    `bad_rows_allowed_percent`: a 200,000-row feed always has a few. Otherwise they stay problems."""
    if not isinstance(mapping, dict) or not bad_rows or not total:
        return []
    try:
        allowed = float(mapping.get("bad_rows_allowed_percent", 0))
    except (TypeError, ValueError):
        reader.problem("feed_mapping.json", "bad_rows_allowed_percent", "must be a number of percent")
        return []
    if 100 * len(bad_rows) / total > allowed:
        return []
    first_bad = bad_rows[0]
    left_out = reader.problems[first_bad:]
    del reader.problems[first_bad:]
    return left_out


def read_pack(folder: Path, store: str = "", now: datetime | None = None) -> ContentPack:
    """Read and check the pack in `folder`; raise PackRejected with every problem found. `store` picks
    this store's rows of a local inventory feed; `now` decides which sale prices are on."""
    reader = PackReader(Path(folder))
    manifest = reader.load_json("pack.json")
    if not isinstance(manifest, dict):
        if manifest is not None:
            reader.problem("pack.json", "", "must be an object with id, version, languages, currency")
        raise PackRejected(reader.problems)
    languages = tuple(manifest.get("languages") or ())
    if not languages:
        reader.problem("pack.json", "languages", "must list at least one language")
    categories = _read_categories(reader, languages)
    by_id = {c.id: c for c in categories}
    if reader.broken:  # every product would name an unknown category: report the cause alone
        raise PackRejected(reader.problems)

    products_json = reader.folder / "products.json"
    rows: list[tuple[int, dict[str, Any]]]
    row_files: dict[int, str] = {}  # a feed's rows come from several files
    feed_mapping = reader.load_json("feed_mapping.json", required=False) if \
        (reader.folder / "feed_mapping.json").is_file() else None
    if feed_mapping is not None:
        file, rows, row_lines, row_files = _feed_rows(reader, feed_mapping, categories, languages, store, now)
    elif products_json.is_file():
        data = reader.load_json("products.json")
        file = "products.json"
        rows = [(i, item) for i, item in enumerate(data or [], start=1)] if isinstance(data, list) else []
        if data is not None and not isinstance(data, list):
            reader.problem(file, "", "must be a list of products")
        if reader.broken:  # reviews, playlist and collections would all name unknown products
            raise PackRejected(reader.problems)
        row_lines = reader.row_lines(file)
    elif (reader.folder / "products.csv").is_file():
        file = "products.csv"
        rows = _csv_rows(reader)
        row_lines = {row: row for row, _ in rows}
    else:
        reader.problem("products.json", "", "is missing (or products.csv)")
        raise PackRejected(reader.problems)

    products: list[ProductRow] = []
    seen_sku: dict[str, int] = {}
    seen_gtin: dict[str, int] = {}
    bad_rows: list[int] = []
    for row, raw in rows:
        line = row_lines.get(row)
        file = row_files.get(row, file)
        before = len(reader.problems)
        if not isinstance(raw, dict):
            reader.problem(file, f"[{row}]", "must be an object", line)
            continue
        if "__extra__" in raw:
            reader.problem(file, f"[{row}]", "has more cells than the header has columns", line)
            continue
        product = _check_product(reader, file, row, raw, line, by_id, languages)
        if product is None:
            bad_rows.append(before)
            continue
        for value, seen, what in ((product.sku, seen_sku, "sku"), (product.gtin, seen_gtin, "gtin")):
            if value in seen:
                reader.problem(file, f"[{row}].{what}", f"{value!r} is already used by row {seen[value]}", line)
            seen[value] = row
        products.append(product)
    if not rows:
        reader.problem(file, "", "has no products")
    left_out = _leave_out_bad_rows(reader, feed_mapping, len(rows), bad_rows)

    # A row refused above is still a product the pack names: what refers to it is not a problem of its own
    named = set(seen_sku) | {str(raw["sku"]) for _, raw in rows if isinstance(raw, dict) and raw.get("sku")}
    reviews = _read_reviews(reader, named)
    playlist = read_playlist(reader, languages, named)
    members = _read_members(reader, set(by_id))
    offers = _read_offers(reader, languages, set(by_id))
    baskets, member_purchases = _read_purchases(reader, products)
    store_map = read_map(reader, languages, {p.aisle for p in products if p.aisle})
    collections = read_collections(reader, languages, named)
    if reader.problems:
        raise PackRejected(reader.problems)
    return ContentPack(reader.folder, str(manifest.get("id", "")), str(manifest.get("name", "")),
                       str(manifest.get("version", "")), languages, str(manifest.get("currency", "EUR")),
                       tuple(categories), tuple(products), tuple(reviews), tuple(playlist), tuple(members),
                       tuple(offers), baskets, member_purchases, store_map, tuple(collections), tuple(left_out))


TIERS = ("bronze", "silver", "gold")


def _read_purchases(reader: PackReader, products: list[ProductRow]
                    ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, str], ...]]:
    """`purchases.json`: [{"skus": [...], "member": "1234"}], from the till. A variant's SKU counts for its
    product; SKUs the pack does not sell (any more) are skipped, as a till's history holds them."""
    data = reader.load_json("purchases.json", required=False) or []
    if not isinstance(data, list):
        reader.problem("purchases.json", "", "must be a list of baskets")
        return (), ()
    product_of = {p.sku: p.sku for p in products} | {v.sku: p.sku for p in products for v in p.variants}
    baskets: list[tuple[str, ...]] = []
    history: set[tuple[str, str]] = set()
    for row, item in enumerate(data, start=1):
        skus = item.get("skus") if isinstance(item, dict) else None
        if not isinstance(skus, list) or not all(isinstance(sku, str) for sku in skus):
            reader.problem("purchases.json", f"[{row}].skus", "must be a list of SKUs")
            continue
        known = tuple(sorted({product_of[sku] for sku in skus if sku in product_of}))
        baskets.append(known)
        member = item.get("member")
        if isinstance(member, str) and member:
            history.update((member, sku) for sku in known)
    return tuple(baskets), tuple(sorted(history))


def _read_members(reader: PackReader, categories: set[str]) -> list[Member]:
    data = reader.load_json("members.json", required=False) or []
    members: list[Member] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        try:
            favourites = tuple(item.get("favourite_categories", ()))
            unknown = [c for c in favourites if c not in categories]
            if unknown or item["tier"] not in TIERS:
                reader.problem("members.json", key, f"has an unknown tier or categories ({item['tier']}, {unknown})")
                continue
            members.append(Member(str(item["loyalty_id"]), str(item["first_name"]), item["tier"],
                                  int(item["points"]), favourites))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            reader.problem("members.json", key, f"is not a valid member ({error!r})")
    return members


def _read_offers(reader: PackReader, languages: tuple[str, ...], categories: set[str]) -> list[Offer]:
    data = reader.load_json("offers.json", required=False) or []
    offers: list[Offer] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        try:
            tiers, wanted = tuple(item["tiers"]), tuple(item.get("categories", ()))
            if any(t not in TIERS for t in tiers) or any(c not in categories for c in wanted):
                reader.problem("offers.json", key, "has an unknown tier or category")
                continue
            title = reader.localized("offers.json", f"{key}.title", item["title"], languages, None)
            text = reader.localized("offers.json", f"{key}.text", item["text"], languages, None)
            offers.append(Offer(str(item["id"]), title, text, tiers, wanted))
        except (KeyError, TypeError) as error:
            reader.problem("offers.json", key, f"is not a valid offer ({error!r})")
    return offers


def _read_reviews(reader: PackReader, skus: set[str]) -> list[Review]:
    data = reader.load_json("reviews.json", required=False) or []
    reviews: list[Review] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        try:
            if item["sku"] not in skus:
                reader.problem("reviews.json", f"{key}.sku", f"{item['sku']!r} is not a product of the pack")
                continue
            stars = int(item["stars"])
            if not 1 <= stars <= 5:
                raise ValueError("stars must be 1 to 5")
            reviews.append(Review(str(item["id"]), item["sku"], stars, str(item.get("author", "")),
                                  str(item.get("language", "")), str(item["text"]),
                                  date.fromisoformat(item["date"]), int(item.get("helpful", 0)),
                                  item.get("in_store") is True))
        except (KeyError, TypeError, ValueError) as error:
            reader.problem("reviews.json", key, f"is not a valid review ({error})")
    return reviews
