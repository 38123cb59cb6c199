"""One product row of a pack checked on its own: fields, GTIN, price, stock, texts, specs, picture and
variants. A products.json or products.csv row is one; so is each row of a Merchant Center feed, variants
included (feeds.py), with the feed's own field names in its problems."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.core.codes.gtin import gtin14, is_valid_gtin
from kiosk.core.models import Category, Localized, SpecDef, SpecValue, Variant
from kiosk.core.pack.image_header import ImageProblem, check_picture
from kiosk.core.pack.reader import PackReader

PRODUCT_FIELDS = {
    "sku", "gtin", "brand", "category", "name", "description", "price", "stock", "aisle",
    "rating", "popularity", "specs", "image", "images", "variants",
}  # fmt: skip
MAX_PICTURES = 12  # a product's gallery (or a colour's): more would be dots nobody taps through
NAME_MAX = 200  # characters of a product's name, in one language
DESCRIPTION_MAX = 5000  # ... of a description (a 5 MB one took the loop 6-7 s to lay out)


@dataclass(frozen=True, slots=True)  # a 100,000-row feed makes as many
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
    images: tuple[str, ...] = ()  # more pictures for its gallery, after `image`


@dataclass(frozen=True)
class RowPlace:
    """Where a product row was read, and how its file names the fields (a feed's `title` is a products.json
    row's `name`): its problems say file, line and the file's own field."""

    file: str
    label: str  # "[12] BIK-101" in products.json; the row's id in a feed
    line: int | None
    columns: Mapping[str, str] = field(default_factory=dict)  # products.json field -> the file's name of it
    unknown_category: str = "is not in categories.json"

    def key(self, column: str) -> str:
        """The problem key of a field: "[12] BIK-101.price"."""
        head, _, rest = column.partition(".")
        return f"{self.label}.{self.columns.get(head, head)}" + (f".{rest}" if rest else "")


def parse_price(text: Any) -> int | None:
    try:
        amount = Decimal(str(text))
    except InvalidOperation:
        return None
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return int(amount * 100)


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


def check_product(reader: PackReader, place: RowPlace, raw: dict[str, Any], categories: dict[str, Category],
                  languages: tuple[str, ...]) -> ProductRow | None:
    """The row as a product, or None with its problems said to `reader`."""
    before = len(reader.problems)
    file, line = place.file, place.line

    def bad(column: str, message: str) -> None:
        reader.problem(file, place.key(column), message, line)

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
        bad("category", f"{raw['category']!r} {place.unknown_category}")
    price = parse_price(raw["price"])
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
    name = reader.localized(file, place.key("name"), raw["name"], languages, line, NAME_MAX)
    description = reader.localized(file, place.key("description"), raw.get("description") or
                                   {lang: "" for lang in languages}, (), line, DESCRIPTION_MAX)
    brand = reader.text(file, place.key("brand"), raw["brand"], line)
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
            checked = _spec_value(reader, (file, place.key(f"specs.{key}"), line), defined[key], value, languages)
            if checked is not None:
                specs[key] = checked
    image = str(raw.get("image") or "")
    if image:
        _check_picture(reader, place, "image", image)
    images = _pictures(reader, place, "images", raw.get("images"))
    for index, variant in enumerate(variants):
        for number, path in enumerate(variant.images):
            _check_picture(reader, place, f"variants[{index}].images[{number}]", path)
    if reader.problems[before:] or price is None:
        return None
    return ProductRow(str(raw["sku"]), gtin, brand, str(raw["category"]), name, description, price,
                      stock, str(raw.get("aisle") or ""), rating, popularity, specs, image, variants, images)


def _check_picture(reader: PackReader, place: RowPlace, column: str, path: str) -> None:
    """A picture the row names: inside the pack, and one the kiosk can show (said with its file otherwise)."""
    picture = reader.path_in_pack(place.file, place.key(column), path, place.line)
    if picture is not None:
        try:
            check_picture(picture)
        except ImageProblem as problem:
            reader.problem(place.file, place.key(column), f"{path} {problem}", place.line)


def _pictures(reader: PackReader, place: RowPlace, column: str, raw: Any) -> tuple[str, ...]:
    """A list of pictures (`images`): in JSON a list, in CSV paths separated by "|"; each checked."""
    if raw in (None, ""):
        return ()
    paths = [part.strip() for part in raw.split("|")] if isinstance(raw, str) else raw
    if not isinstance(paths, list) or not all(isinstance(path, str) and path for path in paths):
        reader.problem(place.file, place.key(column), "must be a list of pictures in the pack", place.line)
        return ()
    if len(paths) > MAX_PICTURES:
        reader.problem(place.file, place.key(column), f"has {len(paths)} pictures; at most {MAX_PICTURES}",
                       place.line)
        return ()
    for number, path in enumerate(paths):
        _check_picture(reader, place, f"{column}[{number}]", path)
    return tuple(paths)


def _variants(raw: Any, languages: tuple[str, ...], bad: Callable[[str, str], None]) -> tuple[Variant, ...]:
    """A product's sizes and colours: [{"sku", "size", "colour": {"fr", "en"}, "stock", "gtin", "images"}]; a
    variant's own GTIN (on its box) opens its product with it chosen, its own pictures (a colour's) show
    when it is chosen."""
    if not isinstance(raw, list):
        bad("variants", "must be a list of variants")
        return ()
    variants: list[Variant] = []
    for index, item in enumerate(raw):
        where = f"variants[{index}]"
        if not isinstance(item, dict) or not item.get("sku") or not (item.get("size") or item.get("colour")):
            bad(where, "needs a sku and a size or a colour")
            continue
        unknown = sorted(set(item) - {"sku", "size", "colour", "stock", "gtin", "images"})
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
        gtin = str(item.get("gtin") or "").strip()
        if gtin and not is_valid_gtin(gtin):
            bad(f"{where}.gtin", f"{gtin!r} is not a valid GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14 with its check digit)")
            continue
        images = item.get("images") or []
        if not isinstance(images, list) or not all(isinstance(path, str) and path for path in images) \
                or len(images) > MAX_PICTURES:
            bad(f"{where}.images", f"must be a list of at most {MAX_PICTURES} pictures in the pack")
            continue
        variants.append(Variant(str(item["sku"]), str(item.get("size") or ""), colour, stock, gtin,
                                images=tuple(images)))
    skus = [v.sku for v in variants]
    if len(set(skus)) != len(skus):
        bad("variants", "two variants have the same sku")
    codes = [gtin14(v.gtin) for v in variants if v.gtin]
    if len(set(codes)) != len(codes):
        bad("variants", "two variants have the same gtin")
    return tuple(variants)


