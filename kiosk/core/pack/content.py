"""Read a content pack from its folder and check every row before anything is imported.

A pack is a folder with `pack.json`, `categories.json`, `products.json` or `products.csv` (or Merchant
Center feeds: feeds.py), and optionally `reviews.json` and `playlist.json` (see content/README.md).
Every problem is reported with its file, row and column; one bad row of products.json refuses the whole
pack (a feed's bad rows are left out within the mapping's allowance).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kiosk.core.codes.gtin import gtin14
from kiosk.core.models import Category, Member, Offer, ProductVideo, Review, Slide, SpecDef, Testimonial
from kiosk.core.pack.customer_media import read_media, read_testimonials
from kiosk.core.pack.events import StoreEvent, read_events
from kiosk.core.pack.feeds import LeftOutRow, feed_products
from kiosk.core.pack.map_and_collections import Collection, StoreMap, read_collections, read_map
from kiosk.core.pack.playlist import read_playlist
from kiosk.core.pack.product_rows import ProductRow, RowPlace, check_product, parse_price
from kiosk.core.pack.product_videos import read_product_videos
from kiosk.core.pack.reader import PackReader, PackRejected
from kiosk.core.pack.video_probe import FilmChecked


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
    left_out: tuple[LeftOutRow, ...] = ()  # a feed's bad rows, left out within the mapping's allowance
    videos: tuple[ProductVideo, ...] = ()  # films about products (videos.json)
    events: tuple[StoreEvent, ...] = ()  # workshops, group runs, signings (events.json)
    testimonials: tuple[Testimonial, ...] = ()  # approved customers' videos about a product or a collection
    films: tuple[FilmChecked, ...] = ()  # every film of the pack as probed: container, codec, size, length


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
        keywords = item.get("keywords", {})
        if not isinstance(keywords, dict) or not all(isinstance(v, str) for v in keywords.values()):
            reader.problem("categories.json", f"{key}.keywords",
                           "must be an object of words by language, like {\"fr\": \"basket, sneaker\"}")
            keywords = {}
        categories.append(Category(item["id"], name, str(item.get("color", "#555555")), str(item.get("icon", "")),
                                   tuple(specs), {language: str(words) for language, words in keywords.items()}))
    return categories


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


def _product_rows(reader: PackReader, file: str, rows: list[tuple[int, Any]], row_lines: dict[int, int],
                  categories: dict[str, Category], languages: tuple[str, ...]) -> list[ProductRow]:
    """The rows of products.json or products.csv, each checked; a SKU or a GTIN (a product's or a
    variant's: a variant may have its own product's) used twice is said with the row that has it."""
    products: list[ProductRow] = []
    seen_sku: dict[str, int] = {}
    seen_gtin: dict[str, tuple[int, str]] = {}
    for row, raw in rows:
        line = row_lines.get(row)
        if not isinstance(raw, dict):
            reader.problem(file, f"[{row}]", "must be an object", line)
            continue
        if "__extra__" in raw:
            reader.problem(file, f"[{row}]", "has more cells than the header has columns", line)
            continue
        label = f"[{row}]" + (f" {raw['sku']}" if isinstance(raw.get("sku"), str) else "")
        product = check_product(reader, RowPlace(file, label, line), raw, categories, languages)
        if product is None:
            continue
        if product.sku in seen_sku:
            reader.problem(file, f"[{row}].sku", f"{product.sku!r} is already used by row {seen_sku[product.sku]}",
                           line)
        seen_sku[product.sku] = row
        codes = [(product.gtin, f"[{row}].gtin")] + [
            (variant.gtin, f"[{row}].variants[{index}].gtin") for index, variant in enumerate(product.variants)
            if variant.gtin and gtin14(variant.gtin) != gtin14(product.gtin)]
        for code, key in codes:
            if gtin14(code) in seen_gtin:
                other_row, other_key = seen_gtin[gtin14(code)]
                reader.problem(file, key, f"{code!r} is already used by row {other_row} ({other_key})", line)
            seen_gtin[gtin14(code)] = (row, key)
        products.append(product)
    if not rows:
        reader.problem(file, "", "has no products")
    return products


def read_pack(folder: Path, store: str = "", now: datetime | None = None,
              known_films: Mapping[str, FilmChecked] | None = None) -> ContentPack:
    """Read and check the pack in `folder`; raise PackRejected with every problem found. `store` picks
    this store's rows of a local inventory feed; `now` decides which sale prices are on; `known_films`,
    what an earlier import probed, spares probing the films that have not changed since."""
    reader = PackReader(Path(folder), known_films)
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
    feed_mapping = reader.load_json("feed_mapping.json", required=False) if \
        (reader.folder / "feed_mapping.json").is_file() else None
    currency = str(manifest.get("currency", "EUR"))
    left_out: list[LeftOutRow] = []
    if feed_mapping is not None:
        feed = feed_products(reader, feed_mapping, categories, languages, currency, store, now or datetime.now(UTC))
        products, left_out, named = feed.products, feed.left_out, feed.named
    else:
        if products_json.is_file():
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
        products = _product_rows(reader, file, rows, row_lines, by_id, languages)
        # A row refused is still a product the pack names: what refers to it is not a problem of its own
        named = {p.sku for p in products} | {str(raw["sku"]) for _, raw in rows
                                             if isinstance(raw, dict) and raw.get("sku")}

    reviews = _read_reviews(reader, named)
    playlist = read_playlist(reader, languages, named)
    members = _read_members(reader, set(by_id))
    offers = _read_offers(reader, languages, set(by_id), named)
    baskets, member_purchases = _read_purchases(reader, products)
    store_map = read_map(reader, languages, {p.aisle for p in products if p.aisle})
    collections = read_collections(reader, languages, named)
    videos = read_product_videos(reader, languages, named)
    events = read_events(reader, languages)
    testimonials = read_testimonials(reader, named, {c.id for c in collections})
    films = tuple(sorted(reader.films.values(), key=lambda film: film.name))
    if reader.problems:
        raise PackRejected(reader.problems, films)
    return ContentPack(reader.folder, str(manifest.get("id", "")), str(manifest.get("name", "")),
                       str(manifest.get("version", "")), languages, currency,
                       tuple(categories), tuple(products), tuple(reviews), tuple(playlist), tuple(members),
                       tuple(offers), baskets, member_purchases, store_map, tuple(collections), tuple(left_out),
                       tuple(videos), tuple(events), tuple(testimonials), films)


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


def _read_offers(reader: PackReader, languages: tuple[str, ...], categories: set[str], skus: set[str]) -> list[Offer]:
    data = reader.load_json("offers.json", required=False) or []
    offers: list[Offer] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        try:
            tiers, wanted = tuple(item["tiers"]), tuple(item.get("categories", ()))
            if any(t not in TIERS for t in tiers) or any(c not in categories for c in wanted):
                reader.problem("offers.json", key, "has an unknown tier or category")
                continue
            products = tuple(str(sku) for sku in item.get("skus", ()))
            unknown = [sku for sku in products if sku not in skus]
            if unknown:
                reader.problem("offers.json", f"{key}.skus", f"names products the pack does not have: {unknown}")
                continue
            title = reader.localized("offers.json", f"{key}.title", item["title"], languages, None)
            text = reader.localized("offers.json", f"{key}.text", item["text"], languages, None)
            percent = int(item.get("discount_percent", 0))
            price = parse_price(item["member_price"]) if "member_price" in item else 0
            if price is None or not 0 <= percent < 100 or (percent and price):
                reader.problem("offers.json", key, "needs a discount_percent from 1 to 99 or a member_price, not both")
                continue
            starts, ends = (date.fromisoformat(item[name]) if item.get(name) else None for name in ("starts", "ends"))
            if starts and ends and ends < starts:
                reader.problem("offers.json", f"{key}.ends", f"is before its start ({starts})")
                continue
            offers.append(Offer(str(item["id"]), title, text, tiers, wanted, products, percent, price, starts, ends))
        except (KeyError, TypeError, ValueError) as error:
            reader.problem("offers.json", key, f"is not a valid offer ({error!r})")
    return offers


def _read_reviews(reader: PackReader, skus: set[str]) -> list[Review]:
    """`reviews.json`: the reviews the pack marks approved (all, when it does not say), with their approved
    photos and videos."""
    data = reader.load_json("reviews.json", required=False) or []
    lines = reader.row_lines("reviews.json") if any(isinstance(i, dict) and "media" in i for i in data) else {}
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
            media = read_media(reader, "reviews.json", f"{key}.media", item.get("media"), lines.get(row))
            if item.get("approved", True) is not True:
                continue  # not (yet) approved by the store's moderation: never shown
            reviews.append(Review(str(item["id"]), item["sku"], stars, str(item.get("author", "")),
                                  str(item.get("language", "")), str(item["text"]),
                                  date.fromisoformat(item["date"]), int(item.get("helpful", 0)),
                                  item.get("in_store") is True, media))
        except (KeyError, TypeError, ValueError) as error:
            reader.problem("reviews.json", key, f"is not a valid review ({error})")
    return reviews
