"""The retailer's Google Merchant Center product feed as a content pack's products, and its local
inventory feed as this store's stock and prices.

A pack with `feed_mapping.json` takes its products from feeds instead of products.json:

    {"feeds": {"fr": "feed-fr.tsv", "de": "feed-de.xml"},   one feed per language; the first one gives
                                                            prices, stock and codes, the others texts
     "local_inventory": "local-inventory.tsv",              optional: quantity and price by store_code
     "departments": {"Sport > Vélos": "bikes"},             product_type (or its start) -> department
     "specs": {"Poids": "weight"},                          product_detail attribute_name -> spec key
     "bad_rows_allowed_percent": 1}                         bad rows left out, up to this share

Feeds are tab-separated (a header row of attribute names) or XML (RSS 2.0, attributes in the `g:`
namespace). Rows sharing an `item_group_id` are one product whose rows are its sizes and colours.
Each row becomes the dictionary a products.json row would be, so that the pack's own checks apply to
it, with the feed's file and line in every problem.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

G = "{http://base.google.com/ns/1.0}"
IN_STOCK_UNKNOWN = 20  # "in stock" with no quantity (no local inventory feed): shown as in stock
TEXTS = ("id", "title", "description", "color", "product_detail")  # what a feed in another language gives
AVAILABLE = {"in_stock", "in stock", "limited_availability", "preorder", "backorder"}


@dataclass
class FeedRow:
    """One row of a feed: its attributes (repeated ones as lists) and where it was read."""

    file: str
    line: int
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> str:
        """An attribute's (first) value, stripped; "" when absent."""
        value = self.values.get(name, "")
        if isinstance(value, list):
            value = value[0] if value else ""
        return str(value).strip()


@dataclass(frozen=True)
class FeedProduct:
    """A product made from feed rows, as a products.json row, with the feed line it starts on."""

    file: str
    line: int
    raw: dict[str, Any]


class FeedProblem(Exception):
    """A feed file cannot be read at all."""


def read_feed(path: Path) -> list[FeedRow]:
    """The rows of a tab-separated or XML (RSS 2.0, `g:` namespace) Merchant Center feed."""
    if path.suffix.lower() == ".xml":
        return _read_xml(path)
    return _read_tsv(path)


def _read_tsv(path: Path) -> list[FeedRow]:
    csv.field_size_limit(min(sys.maxsize, 1 << 24))
    rows = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = [name.strip().lower() for name in next(reader, [])]
            for record in reader:
                if not any(cell.strip() for cell in record):
                    continue
                values: dict[str, Any] = {}
                for name, cell in zip(header, record, strict=False):
                    if name in ("additional_image_link", "product_detail"):
                        values[name] = [part for part in (p.strip() for p in cell.split(",")) if part]
                    else:
                        values[name] = cell
                if len(record) > len(header):
                    values["__extra__"] = record[len(header):]
                rows.append(FeedRow(path.name, reader.line_num, values))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise FeedProblem(f"cannot be read: {error}") from error
    return rows


def _read_xml(path: Path) -> list[FeedRow]:
    rows = []
    try:
        # iterparse keeps memory flat on a 200,000-item feed; line numbers come from the item's start
        text_lines = _item_lines(path)
        for number, (_, element) in enumerate(_items(path)):
            values: dict[str, Any] = {}
            for child in element:
                name = child.tag.replace(G, "")
                if name == "product_detail":
                    detail = {sub.tag.replace(G, ""): (sub.text or "").strip() for sub in child}
                    values.setdefault(name, []).append(
                        f"{detail.get('section_name', '')}:{detail.get('attribute_name', '')}:"
                        f"{detail.get('attribute_value', '')}")
                elif name == "additional_image_link":
                    values.setdefault(name, []).append((child.text or "").strip())
                else:
                    values[name] = (child.text or "").strip()
            rows.append(FeedRow(path.name, text_lines[number] if number < len(text_lines) else 0, values))
            element.clear()
    except (OSError, ElementTree.ParseError) as error:
        raise FeedProblem(f"is not a readable XML feed: {error}") from error
    return rows


def _items(path: Path) -> Any:
    for event, element in ElementTree.iterparse(path, events=("end",)):
        if element.tag == "item":
            yield event, element


def _item_lines(path: Path) -> list[int]:
    lines = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            lines += [number] * line.count("<item>") + [number] * line.count("<item ")
    return lines


def money(text: str) -> str | None:
    """"899.00 EUR" or "899,00 EUR" as "899.00"; None when it is no amount."""
    match = re.fullmatch(r"\s*([0-9]+(?:[.,][0-9]{1,2})?)\s*(?:[A-Z]{3})?\s*", text or "")
    if match is None:
        return None
    try:
        return str(Decimal(match.group(1).replace(",", ".")).quantize(Decimal("0.01")))
    except InvalidOperation:
        return None


def sale_is_on(effective: str, now: datetime) -> bool:
    """Whether a sale price's `sale_price_effective_date` ("start/end", ISO 8601) includes `now`; an
    absent date means the sale is on."""
    if not effective.strip():
        return True
    try:
        start, end = (datetime.fromisoformat(part.strip()) for part in effective.split("/"))
    except ValueError:
        return False
    return start <= now <= end


def _number(text: str) -> str:
    """The number a product detail starts with ("9.9 kg" -> "9.9"), or the text as it is."""
    match = re.match(r"\s*(-?[0-9]+(?:[.,][0-9]+)?)", text)
    return match.group(1).replace(",", ".") if match else text


def _details(row: FeedRow, specs: dict[str, str]) -> dict[str, str]:
    found = {}
    details = row.values.get("product_detail", [])
    for detail in details if isinstance(details, list) else [details]:
        parts = str(detail).split(":", 2)
        if len(parts) == 3 and parts[1].strip() in specs:
            found[specs[parts[1].strip()]] = parts[2].strip()
    return found


def department(product_type: str, departments: dict[str, str]) -> str:
    """The department of a product_type: the longest mapped start of it ("Sport > Vélos > Route" is in
    "Sport > Vélos"); "" when none."""
    best = ""
    for start in departments:
        if (product_type == start or product_type.startswith(start + " >")) and len(start) > len(best):
            best = start
    return departments.get(best, "")


def products_from_feeds(folder: Path, mapping: dict[str, Any], languages: tuple[str, ...], store: str,
                        now: datetime, number_specs: set[str]) -> tuple[list[FeedProduct], list[str]]:
    """Products as products.json rows from the mapping's feeds, with this store's inventory; and the
    problems that stop whole files (a feed that cannot be read)."""
    feeds: dict[str, str] = mapping.get("feeds") or {}
    failures: list[str] = []
    by_language: dict[str, dict[str, FeedRow]] = {}
    primary_rows: list[FeedRow] = []
    for index, (language, name) in enumerate(feeds.items()):
        try:
            rows = read_feed(folder / name)
        except FeedProblem as problem:
            failures.append(f"{name}: {problem}")
            continue
        if index == 0:
            primary_rows = rows
        else:  # another language's feed gives texts only: keep those (a 200,000-row feed is large)
            rows = [FeedRow(row.file, row.line, {name: row.values[name] for name in TEXTS if name in row.values})
                    for row in rows]
        by_language[language] = {row.get("id"): row for row in rows if row.get("id")}
    inventory = _inventory(folder, mapping.get("local_inventory"), store, failures)
    departments: dict[str, str] = mapping.get("departments") or {}
    specs: dict[str, str] = mapping.get("specs") or {}
    groups: dict[str, list[FeedRow]] = {}
    order: list[str] = []
    for row in primary_rows:
        key = row.get("item_group_id") or row.get("id") or f"line {row.line}"
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(row)
    pictures = _pictures(folder)
    products = []
    for key in order:
        rows = groups[key]
        raw = _product(key, rows, by_language, languages, inventory, departments, specs, now, number_specs)
        picture = pictures.get(rows[0].get("id")) or pictures.get(key)
        if picture:
            raw["image"] = picture
        products.append(FeedProduct(rows[0].file, rows[0].line, raw))
    return products, failures


def _pictures(folder: Path) -> dict[str, str]:
    """The pack's own pictures of feed products, `images/{id}.png` or `.jpg` (by the row's id or its
    item_group_id): the kiosk works offline and never fetches a feed's image_link from the web."""
    images = folder / "images"
    if not images.is_dir():
        return {}
    return {path.stem: f"images/{path.name}" for path in images.iterdir()
            if path.suffix.lower() in (".png", ".jpg", ".jpeg")}


def _texts(row_id: str, attribute: str, by_language: dict[str, dict[str, FeedRow]],
           languages: tuple[str, ...], fallback: str) -> dict[str, str]:
    texts = {}
    for language in languages:
        row = by_language.get(language, {}).get(row_id)
        texts[language] = row.get(attribute) if row is not None and row.get(attribute) else fallback
    return texts


def _product(key: str, rows: list[FeedRow], by_language: dict[str, dict[str, FeedRow]], languages: tuple[str, ...],
             inventory: dict[str, tuple[int, str]], departments: dict[str, str], specs: dict[str, str],
             now: datetime, number_specs: set[str]) -> dict[str, Any]:
    first = rows[0]
    grouped = bool(first.get("item_group_id"))

    def stock_of(row: FeedRow) -> int:
        if row.get("id") in inventory:
            return inventory[row.get("id")][0]
        return IN_STOCK_UNKNOWN if row.get("availability").lower() in AVAILABLE else 0

    price = money(first.get("price"))
    if first.get("sale_price") and sale_is_on(first.get("sale_price_effective_date"), now):
        price = money(first.get("sale_price")) or price
    if first.get("id") in inventory and inventory[first.get("id")][1]:
        price = money(inventory[first.get("id")][1]) or price  # this store's own price
    details = _details(first, specs)
    raw: dict[str, Any] = {
        "sku": key if grouped else first.get("id"),
        "gtin": first.get("gtin"),
        "brand": first.get("brand"),
        "category": department(first.get("product_type"), departments) or first.get("product_type"),
        "name": _texts(first.get("id"), "title", by_language, languages, first.get("title")),
        "description": _texts(first.get("id"), "description", by_language, languages, first.get("description")),
        "price": price if price is not None else first.get("price"),
        "specs": {},
    }
    for spec, value in details.items():
        if spec in number_specs:
            raw["specs"][spec] = _number(value)
            continue
        texts = {}
        for language in languages:  # a text detail in each language's feed (its names mapped too)
            row = by_language.get(language, {}).get(first.get("id"))
            texts[language] = (_details(row, specs).get(spec) if row is not None else None) or value
        raw["specs"][spec] = texts
    if "__extra__" in first.values:
        raw["__extra__"] = first.values["__extra__"]
    if grouped and (len(rows) > 1 or first.get("size") or first.get("color")):
        variants = []
        for row in rows:
            variant: dict[str, Any] = {"sku": row.get("id"), "stock": stock_of(row)}
            if row.get("size"):
                variant["size"] = row.get("size")
            if row.get("color"):
                variant["colour"] = _texts(row.get("id"), "color", by_language, languages, row.get("color"))
            variants.append(variant)
        raw["variants"] = variants
    else:
        raw["stock"] = stock_of(first)
    return raw


def _inventory(folder: Path, name: str | None, store: str, failures: list[str]) -> dict[str, tuple[int, str]]:
    """This store's rows of the local inventory feed: id -> (quantity, price or "")."""
    if not name:
        return {}
    try:
        rows = read_feed(folder / name)
    except FeedProblem as problem:
        failures.append(f"{name}: {problem}")
        return {}
    found = {}
    for row in rows:
        if row.get("store_code") != store:
            continue
        quantity = row.get("quantity")
        if quantity.isdigit():
            amount = int(quantity)
        else:
            amount = IN_STOCK_UNKNOWN if row.get("availability").lower() in AVAILABLE else 0
        found[row.get("id")] = (amount, row.get("price"))
    return found
