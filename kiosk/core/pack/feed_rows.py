"""Each row of a Merchant Center feed checked as a row of its own, a group's variants included, and made
into the products.json row it would be: what only a feed can get wrong is said here (a price without its
currency or in another one, a sale price not below the price, unreadable sale dates, an unknown
availability, a control character, an id or a GTIN used twice, a bad row of this store's local
inventory); what any product row can get wrong is product_rows.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.core.codes.gtin import gtin14
from kiosk.core.pack.merchant_feed import FeedProblem, FeedRow, Money, money, read_feed

IN_STOCK_UNKNOWN = 20  # "in stock" with no quantity (no local inventory row): shown as in stock
AVAILABILITY = {"in_stock": True, "limited_availability": True, "preorder": True, "backorder": True,
                "out_of_stock": False}
AVAILABILITY_SAID = "in_stock, out_of_stock, preorder or backorder"
TEXTS = ("title", "description", "color", "product_detail", "item_group_title")  # what another language's feed gives
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tabs and line breaks are no control here
DATES_SAID = "two ISO 8601 times, start/end, like 2026-11-01T00:00+01:00/2026-12-31T23:59+01:00"


@dataclass(slots=True)
class FeedItem:
    """One row of the first feed as a product row of its own, with what is wrong with it.

    `problems` are (file, line, field, message): mostly the row's own, but a bad row of another
    language's feed or of the local inventory is said where it is."""

    file: str
    line: int
    id: str
    group: str  # item_group_id; "" for a product of its own
    raw: dict[str, Any]  # as a products.json row
    size: str = ""
    colour: dict[str, str] | None = None
    group_title: dict[str, str] = field(default_factory=dict)  # item_group_title by language, where given
    problems: list[tuple[str, int, str, str]] = field(default_factory=list)

    def bad(self, name: str, message: str) -> None:
        """A problem of this row's own, in its field `name`."""
        self.problems.append((self.file, self.line, name, message))


@dataclass(frozen=True)
class FeedSettings:
    """What a pack's feed_mapping.json and the store say about reading its feeds."""

    languages: tuple[str, ...]
    currency: str
    store: str
    now: datetime
    departments: dict[str, str]
    specs: dict[str, str]
    number_specs: frozenset[str]
    pictures: dict[str, str]  # an id or item_group_id -> the pack's own picture of it


@dataclass(frozen=True)
class StoreRow:
    """This store's row of the local inventory feed."""

    file: str
    line: int
    quantity: str
    availability: str
    price: str


def department(product_type: str, departments: dict[str, str]) -> str:
    """The department of a product_type: the longest mapped start of it ("Sport > Vélos > Route" is in
    "Sport > Vélos"); "" when none."""
    best = ""
    for start in departments:
        if (product_type == start or product_type.startswith(start + " >")) and len(start) > len(best):
            best = start
    return departments.get(best, "")


def sale_dates(text: str, now: datetime) -> tuple[datetime, datetime] | None:
    """A `sale_price_effective_date` ("start/end") as two times; one without a time zone is taken in
    `now`'s, a bare end date as the whole of its day. None when it cannot be read."""
    parts = text.split("/")
    if len(parts) != 2:
        return None
    try:
        start, end = (datetime.fromisoformat(part.strip()) for part in parts)
    except ValueError:
        return None
    if len(parts[1].strip()) == 10:  # "2026-12-31": until the end of that day
        end += timedelta(days=1, microseconds=-1)
    start, end = (time if time.tzinfo else time.replace(tzinfo=now.tzinfo) for time in (start, end))
    return start, end


def _number(text: str) -> str:
    """The number a product detail starts with ("9.9 kg" -> "9.9"), or the text as it is."""
    match = re.match(r"\s*(-?[0-9]+(?:[.,][0-9]+)?)", text)
    return match.group(1).replace(",", ".") if match else text


def _details(row: FeedRow | None, specs: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    details = row.values.get("product_detail", []) if row is not None else []
    for detail in details if isinstance(details, list) else [details]:
        parts = str(detail).split(":", 2)
        if len(parts) == 3 and parts[1].strip() in specs:
            found[specs[parts[1].strip()]] = parts[2].strip()
    return found


def _control_characters(row: FeedRow, bad: Any) -> None:
    for name, value in row.values.items():
        for text in value if isinstance(value, list) else [value]:
            found = CONTROL.search(str(text))
            if found:
                bad(name, f"has a control character (U+{ord(found.group()):04X}) at character {found.start() + 1}")
                break


def _amount(text: str, currency: str) -> tuple[Money | None, str]:
    """A price in the store's currency; or None and why not."""
    found = money(text)
    if found is None:
        return None, f"{text!r} is not an amount with its currency, like '99.00 {currency}'"
    if not found.currency:
        return None, f"{text!r} has no currency: write it as '{found.amount:.2f} {currency}'"
    if found.currency != currency:
        return None, f"{text!r} is in {found.currency}; this store's prices are in {currency}"
    return found, ""


def read_other_languages(folder: Path, feeds: dict[str, str], failures: list[str]) -> dict[str, dict[str, FeedRow]]:
    """The texts of the feeds after the first, by language and id (a 200,000-row feed is large: texts only)."""
    found: dict[str, dict[str, FeedRow]] = {}
    for language, name in list(feeds.items())[1:]:
        rows: dict[str, FeedRow] = {}
        try:
            for row in read_feed(folder / name):
                row_id = row.get("id")
                if row_id and row_id not in rows:
                    rows[row_id] = FeedRow(row.file, row.line, {key: row.values[key] for key in TEXTS
                                                                 if key in row.values}, row.unreadable)
        except FeedProblem as problem:
            failures.append(f"{name}: {problem}")
        found[language] = rows
    return found


def read_store_rows(folder: Path, name: str | None, store: str, failures: list[str]) -> dict[str, StoreRow]:
    """This store's rows of the local inventory feed, by id."""
    if not name:
        return {}
    found: dict[str, StoreRow] = {}
    try:
        for row in read_feed(folder / name):
            if row.get("store_code") == store and row.get("id") not in found:
                found[row.get("id")] = StoreRow(row.file, row.line, row.get("quantity"),
                                                row.get("availability").lower().replace(" ", "_"), row.get("price"))
    except FeedProblem as problem:
        failures.append(f"{name}: {problem}")
    return found


def _texts(row_id: str, attribute: str, others: dict[str, dict[str, FeedRow]], settings: FeedSettings,
           fallback: str) -> dict[str, str]:
    texts = {}
    for language in settings.languages:
        row = others.get(language, {}).get(row_id)
        texts[language] = (row.get(attribute) if row is not None else "") or fallback
    return texts


def _stock(item: FeedItem, store: str, store_row: StoreRow | None, availability: str) -> int:
    if store_row is not None and store_row.quantity:
        if store_row.quantity.isdigit():
            return int(store_row.quantity)
        item.problems.append((store_row.file, store_row.line, "quantity",
                              f"{store_row.quantity!r} is not a whole number (store {store})"))
        return 0
    if store_row is not None and store_row.availability in AVAILABILITY:
        availability = store_row.availability
    return IN_STOCK_UNKNOWN if AVAILABILITY.get(availability) else 0


def check_rows(rows: Iterable[FeedRow], others: dict[str, dict[str, FeedRow]], store_rows: dict[str, StoreRow],
               settings: FeedSettings) -> Iterable[FeedItem]:
    """Each row of the first feed as a FeedItem, with every problem only a feed row can have."""
    seen_ids: dict[str, int] = {}
    seen_gtins: dict[str, tuple[int, str]] = {}
    for row in rows:
        yield _item(row, others, store_rows, settings, seen_ids, seen_gtins)


def _item(row: FeedRow, others: dict[str, dict[str, FeedRow]], store_rows: dict[str, StoreRow],
          settings: FeedSettings, seen_ids: dict[str, int], seen_gtins: dict[str, tuple[int, str]]) -> FeedItem:
    row_id, group = row.get("id"), row.get("item_group_id")
    item = FeedItem(row.file, row.line, row_id, group, {})
    for name, message in row.unreadable:
        item.bad(name, message)
    if row.unreadable:
        return item
    _control_characters(row, item.bad)
    for rows in others.values():
        other = rows.get(row_id)
        if other is not None:
            _control_characters(other, lambda name, message, o=other: item.problems.append(
                (o.file, o.line, name, message)))
            for name, message in other.unreadable:
                item.problems.append((other.file, other.line, name, message))
    if row_id in seen_ids:
        item.bad("id", f"{row_id!r} is also the id of line {seen_ids[row_id]}")
    elif row_id:
        seen_ids[row_id] = row.line
    gtin = row.get("gtin")
    if gtin.isdigit() and gtin14(gtin) in seen_gtins:
        line, other_id = seen_gtins[gtin14(gtin)]
        item.bad("gtin", f"{gtin!r} is also the GTIN of line {line} ({other_id})")
    elif gtin.isdigit():
        seen_gtins[gtin14(gtin)] = (row.line, row_id)
    currency = settings.currency
    price, why = _amount(row.get("price"), currency)
    if why and money(row.get("price")) is not None:  # no amount at all: the product row's check says so
        item.bad("price", why)
    shown = price
    if row.get("sale_price"):
        sale, why = _amount(row.get("sale_price"), currency)
        if why:
            item.bad("sale_price", why)
        dates = sale_dates(row.get("sale_price_effective_date"), settings.now) \
            if row.get("sale_price_effective_date") else (settings.now, settings.now)
        if dates is None:
            item.bad("sale_price_effective_date", f"{row.get('sale_price_effective_date')!r} is not {DATES_SAID}")
        elif dates[1] < dates[0]:
            item.bad("sale_price_effective_date", "ends before it starts")
        if sale is not None and price is not None and sale.amount >= price.amount:
            item.bad("sale_price", f"{sale} is not below the price, {price}")
        elif sale is not None and dates is not None and dates[0] <= settings.now <= dates[1]:
            shown = sale
    availability = row.get("availability").lower().replace(" ", "_")
    if not availability:
        item.bad("availability", f"is required: {AVAILABILITY_SAID}")
    elif availability not in AVAILABILITY:
        item.bad("availability", f"{row.get('availability')!r} is not {AVAILABILITY_SAID}")
    store_row = store_rows.get(row_id)
    if store_row is not None and store_row.price:  # this store's own price
        local, why = _amount(store_row.price, currency)
        if why:
            item.problems.append((store_row.file, store_row.line, "price", why))
        shown = local or shown
    product_type = row.get("product_type")
    title = row.get("title")
    amount = shown or money(row.get("price"))  # said above (no currency...); no amount at all: product_rows says it
    item.raw = {
        "sku": row_id, "gtin": gtin, "brand": row.get("brand"),
        "category": department(product_type, settings.departments) or product_type,
        "name": _texts(row_id, "title", others, settings, title) if title else "",
        "description": _texts(row_id, "description", others, settings, row.get("description")),
        "price": str(amount.amount) if amount else row.get("price"),
        "stock": _stock(item, settings.store, store_row, availability),
        "specs": _specs(row, row_id, others, settings),
    }
    picture = settings.pictures.get(row_id) or settings.pictures.get(group)
    if picture:
        item.raw["image"] = picture
    item.size = row.get("size")
    if row.get("color"):
        item.colour = _texts(row_id, "color", others, settings, row.get("color"))
    if row.get("item_group_title"):
        item.group_title = _texts(row_id, "item_group_title", others, settings, row.get("item_group_title"))
    return item


def _specs(row: FeedRow, row_id: str, others: dict[str, dict[str, FeedRow]], settings: FeedSettings) -> dict[str, Any]:
    specs: dict[str, Any] = {}
    for spec, value in _details(row, settings.specs).items():
        if spec in settings.number_specs:
            specs[spec] = _number(value)
            continue
        specs[spec] = {language: _details(others.get(language, {}).get(row_id), settings.specs).get(spec) or value
                       for language in settings.languages}  # a text detail in each language's feed
    return specs
