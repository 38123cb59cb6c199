"""The content pack's files as JSON Schema, published in docs/pack/ so that a retailer's IT can check a
pack before they ship it, and used by the kiosk to check each file's shape before it reads it.

    python -m kiosk.core.pack.schema docs/pack      # writes one FILE.schema.json per pack file

A schema says the shape of one file (fields, types, bounds). What spans rows (a SKU used twice, a review
of a product the pack does not sell, a GTIN's check digit, a picture's format) stays in Python
(kiosk/core/pack/content.py), with its file, key and line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

BASE = "https://github.com/store-kiosk/store-kiosk/docs/pack/"
TEXTS = {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1,
         "description": "A text by language: {\"fr\": \"...\", \"en\": \"...\"}"}
ID = {"type": "string", "minLength": 1, "maxLength": 100}
SKU = {"type": "string", "minLength": 1, "maxLength": 64}
DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
RECT = {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 4, "maxItems": 4}
SPEC_VALUE = {"anyOf": [{"type": "number"}, {"type": "boolean"}, {"type": "string"}, TEXTS]}


def _object(properties: dict[str, Any], required: tuple[str, ...] = (), description: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"type": "object", "properties": properties, "required": list(required),
                             "additionalProperties": False}
    if description:
        found["description"] = description
    return found


def _list_of(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": item, "description": description}


APPROVED = {"type": "boolean", "description": "the store's moderation approved it: shown only when true"}
MEDIA = {"type": "array", "maxItems": 6, "description": "the review's photos and short videos",
         "items": _object({"kind": {"enum": ["photo", "video"]},
                           "file": {"type": "string", "description": "a picture (photo) or an MP4/WebM (video)"},
                           "poster": {"type": "string", "description": "a video's picture before it plays"},
                           "approved": APPROVED}, ("kind", "file"))}
VARIANT = _object({"sku": SKU, "size": {"type": "string", "maxLength": 40}, "colour": TEXTS,
                   "stock": {"type": "integer", "minimum": 0},
                   "gtin": {"type": ["string", "integer"],
                            "description": "the code on this size's or colour's box: scanned, it opens the product "
                                           "with this variant chosen"},
                   "images": {"type": "array", "items": {"type": "string"}, "maxItems": 12,
                              "description": "this colour's own pictures (PNG, JPEG or WebP in the pack), its main "
                                             "one first: shown when the shopper chooses it"}}, ("sku",))
PRODUCT = _object({
    "sku": SKU, "gtin": {"type": ["string", "integer"]}, "brand": {"type": "string", "minLength": 1},
    "category": ID, "name": TEXTS, "description": TEXTS,
    "price": {"type": ["string", "number"], "description": "\"899.00\": at most two decimals"},
    "stock": {"type": ["integer", "string"]}, "aisle": {"type": "string", "maxLength": 20},
    "rating": {"type": ["number", "string"]}, "popularity": {"type": ["integer", "string"]},
    "specs": {"type": "object", "additionalProperties": SPEC_VALUE},
    "image": {"type": "string", "description": "a picture inside the pack (PNG, JPEG or WebP), such as "
                                               "images/BIK-101.jpg"},
    "images": {"type": "array", "items": {"type": "string"}, "maxItems": 12,
               "description": "more pictures for the product's gallery, after `image` (other sides, details)"},
    "variants": _list_of(VARIANT, "sizes and colours, each with its SKU, stock and (optional) GTIN"),
}, ("sku", "gtin", "brand", "category", "name", "price"))
SPEC = _object({"key": ID, "label": TEXTS, "unit": {"type": "string", "maxLength": 20},
                "kind": {"enum": ["number", "text", "bool"]}, "better": {"enum": ["higher", "lower", ""]}},
               ("key", "label"))

SCHEMAS: dict[str, dict[str, Any]] = {
    "pack.json": _object({"id": ID, "name": {"type": "string"}, "version": {"type": "string", "minLength": 1},
                          "languages": {"type": "array", "items": {"enum": ["fr", "en", "de", "es", "it"]},
                                        "minItems": 1, "uniqueItems": True},
                          "currency": {"enum": ["EUR", "CHF", "GBP", "USD"]}},
                         ("id", "version", "languages"), "The pack's manifest."),
    "categories.json": _list_of(_object({"id": ID, "name": TEXTS, "color": {"type": "string"},
                                         "icon": {"type": "string"}, "specs": _list_of(SPEC, "what compares"),
                                         "keywords": {**TEXTS, "description": "other words shoppers search it "
                                                      "by, by language: {\"fr\": \"basket, sneaker\"}"}},
                                        ("id", "name")), "The departments, and the specs their products have."),
    "products.json": _list_of(PRODUCT, "The products (or products.csv, or a Merchant Center feed)."),
    "reviews.json": _list_of(_object({"id": ID, "sku": SKU, "stars": {"type": "integer", "minimum": 1, "maximum": 5},
                                      "author": {"type": "string"}, "language": {"type": "string"},
                                      "text": {"type": "string"}, "date": DATE,
                                      "helpful": {"type": "integer", "minimum": 0},
                                      "in_store": {"type": "boolean"},
                                      "approved": {"type": "boolean", "description": "false: not approved by the "
                                                   "store's moderation (yet), never shown"},
                                      "media": MEDIA},
                                     ("id", "sku", "stars", "text", "date")),
                             "Customers' reviews (those the store's moderation approved), with their photos and "
                             "videos."),
    "testimonials.json": _list_of(_object({
        "id": ID, "sku": SKU, "collection": ID,
        "author": {"type": "string", "minLength": 1, "maxLength": 80,
                   "description": "the name the customer agreed to be shown by (\"Léa, Lyon\")"},
        "date": DATE, "video": {"type": "string", "description": "an MP4 or WebM file in the pack"},
        "poster": {"type": "string", "description": "a picture shown before it plays"},
        "quote": {**TEXTS, "description": "what they say, in words, by language"},
        "language": {"type": "string"}, "approved": APPROVED}, ("id", "author", "date", "video")),
        "Customers' short videos about a product (sku) or a collection; shown when approved."),
    "playlist.json": _list_of(_object({
        "kind": {"enum": ["message", "product", "video"]}, "seconds": {"type": "number", "minimum": 1}, "sku": SKU,
        "file": {"type": "string", "minLength": 1, "description": "a video slide's film in the pack (MP4 or WebM, "
                 "H.264 or VP9): videos/trail.mp4; captions beside it: videos/trail.fr.vtt"},
        "loop": {"type": "boolean", "description": "a video slide: plays again until its seconds are up"},
        "poster": {"type": "string", "description": "a video slide: the picture before the film (default: its "
                   "first frame)"},
        "title": TEXTS, "subtitle": TEXTS, "color": {"type": "string"}, "roles": {"type": "array"},
        "days": {"type": "array"}, "start": {"type": "string"}, "end": {"type": "string"}, "first_date": DATE,
        "last_date": DATE, "fallback": {"type": "boolean"}}, ("kind",)), "The attract loop's slides."),
    "videos.json": _list_of(_object({
        "sku": SKU, "file": {"type": "string", "minLength": 1, "description": "the film in the pack (MP4 or WebM, "
                                                                            "H.264 or VP9): videos/BIK-102.webm"},
        "title": TEXTS, "poster": {"type": "string", "description": "the picture before it plays (default: its "
                                                                    "first frame)"}}, ("sku", "file")),
        "Films about products, on their pages (a tap plays them in place)."),
    "members.json": _list_of(_object({"loyalty_id": ID, "first_name": {"type": "string"},
                                      "tier": {"enum": ["bronze", "silver", "gold"]},
                                      "points": {"type": "integer", "minimum": 0},
                                      "favourite_categories": {"type": "array", "items": ID}},
                                     ("loyalty_id", "first_name")), "Loyalty members (their card's number)."),
    "offers.json": _list_of(_object({"id": ID, "title": TEXTS, "text": TEXTS,
                                     "tiers": {"type": "array", "items": {"enum": ["bronze", "silver", "gold"]}},
                                     "categories": {"type": "array", "items": ID},
                                     "skus": {"type": "array", "items": SKU},
                                     "discount_percent": {"type": "integer", "minimum": 1, "maximum": 99},
                                     "member_price": {"type": ["string", "number"],
                                                      "description": "\"19.00\": the price members pay"},
                                     "starts": DATE, "ends": DATE}, ("id", "title", "text")),
                            "Members' offers: on the products of `categories` and `skus` (neither: every product), "
                            "a `discount_percent` or a `member_price`, from `starts` to `ends` (both included)."),
    "events.json": _list_of(_object({
        "id": ID, "kind": {"enum": ["workshop", "group_run", "signing", "other"]}, "title": TEXTS, "text": TEXTS,
        "place": TEXTS, "capacity": {"type": "integer", "minimum": 1, "maximum": 10000},
        "taken": {"type": "integer", "minimum": 0}, "starts": {"type": "string", "description": "2026-12-05T14:00"},
        "every": {"enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]},
        "time": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"},
        "duration_min": {"type": "integer", "minimum": 1}}, ("id", "title", "capacity")),
        "Store events shoppers sign up to at the kiosk: one-off (`starts`, local time) or weekly (`every` and "
        "`time`); `capacity` places, `taken` already given elsewhere."),
    "collections.json": _list_of(_object({"id": ID, "title": TEXTS, "text": TEXTS,
                                          "skus": {"type": "array", "items": SKU, "minItems": 1}},
                                         ("id", "title", "skus")), "Curated lists (\"A first marathon\")."),
    "purchases.json": _list_of(_object({"basket": ID, "skus": {"type": "array", "items": SKU},
                                        "member": {"type": "string"}}, ("skus",)),
                               "Past baskets from the till, for \"bought together\"."),
    "map.json": _object({"width": {"type": "number", "exclusiveMinimum": 0},
                         "depth": {"type": "number", "exclusiveMinimum": 0},
                         "zones": _list_of(_object({"letter": {"type": "string"}, "name": TEXTS}, ("letter", "name")),
                                           "aisle letters and their names"),
                         "areas": _list_of(_object({"id": ID, "rect": RECT}, ("id", "rect")), "aisles"),
                         "places": _list_of(_object({"name": TEXTS, "rect": RECT}, ("name", "rect")),
                                            "tills, entrance...")},
                        ("width", "depth"), "The store's floor plan."),
    "feed_mapping.json": _object({
        "feeds": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1,
                  "description": "a Merchant Center feed (.tsv or .xml) by language; the first gives prices"},
        "local_inventory": {"type": "string", "description": "the local inventory feed (store_code, id, quantity)"},
        "departments": {"type": "object", "additionalProperties": ID,
                        "description": "product_type (or its start) -> the department's id in categories.json"},
        "specs": {"type": "object", "additionalProperties": ID,
                  "description": "product_detail attribute_name (in each language) -> spec key"},
        "bad_rows_allowed_percent": {"type": "number", "minimum": 0, "maximum": 100}},
        ("feeds",), "Products from the retailer's Merchant Center feeds instead of products.json."),
}

_VALIDATORS: dict[str, Callable[[object], object]] = {}
ROW_CHECKED = {"products.json"}  # checked row by row in Python: each bad row said, a feed's left out


def shape_problem(name: str, data: object) -> tuple[str, str] | None:
    """What is wrong with the shape of a pack file's data, as (key, message), or None. A key names a
    row as the other problems do: "[3].price" for the third row."""
    schema = SCHEMAS.get(name)
    if schema is None or name in ROW_CHECKED:
        return None
    if name not in _VALIDATORS:
        _VALIDATORS[name] = fastjsonschema.compile(schema)
    try:
        _VALIDATORS[name](data)
    except fastjsonschema.JsonSchemaValueException as error:
        parts = [str(part) for part in error.path[1:]]
        if parts and parts[0].isdigit() and isinstance(data, list):
            parts[0] = f"[{int(parts[0]) + 1}]"
        return ".".join(parts), error.message.replace("data", name, 1)
    return None


def published(name: str) -> dict[str, Any]:
    """The schema of a pack file as published: with its id and draft."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE + name.replace(".json", ".schema.json"), "title": f"Content pack: {name}", **SCHEMAS[name]}


def write_all(folder: Path) -> list[Path]:
    """Write every pack file's schema in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / name.replace(".json", ".schema.json")
        path.write_text(json.dumps(published(name), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/pack")):
        print(path)
