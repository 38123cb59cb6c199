"""Write a content pack whose products come from Merchant Center feeds of our own making, as a retailer's
export would be: for tests and benchmarks of the feed import.

Usage: python content/tools/make_merchant_feed.py COUNT FOLDER [tsv|xml] [BAD_ROWS]

COUNT rows in a French feed and an English one (tab-separated or XML), and a local inventory feed for the
stores lyon-01 and paris-02. About two products in three are groups (`item_group_id`): running shoes in
sizes and colours, bikes in frame sizes, backpacks and watches in colours; their rows' titles name the
size and colour in the ways real feeds do ("... noir 42", "... – Noir – Taille 42", "..., noir, 42"), and
some groups have an `item_group_title`. Sale prices with their dates, product details mapped to the
demo's specs, store prices in the local inventory.

BAD_ROWS rows are made bad on purpose, one of each kind in turn (see BAD_KINDS), placed in turn as a
group's first row, a later row of a group, and a product of its own; `make_feed_pack` returns where they
are and what the import should make of the rest. Same arguments, same pack.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from stdnum import ean

DEMO = Path(__file__).resolve().parents[1] / "demo"
COLUMNS = ("id", "item_group_id", "item_group_title", "title", "description", "link", "image_link", "price",
           "sale_price", "sale_price_effective_date", "availability", "gtin", "brand", "product_type",
           "google_product_category", "size", "color", "product_detail")
BRANDS = ("Alpenrad", "Velocita", "Rivemont", "Nordweg", "Foulée", "Kinetik", "Bivouac", "Camp Azur", "Cimes")
MODELS = ("Alto", "Strada", "Crête", "Fjell", "Havn", "Nuage", "Tempo", "Éclair", "Refuge", "Summit", "Pulse", "Lumen")
COLOURS = (("noir", "black"), ("bleu", "blue"), ("rouge", "red"), ("vert", "green"), ("gris", "grey"),
           ("blanc", "white"), ("bleu nuit", "navy blue"), ("orange", "orange"), ("jaune", "yellow"))


@dataclass(frozen=True)
class Department:
    """How a department's products come in the feed: their type's words and what their variants differ by."""

    id: str
    product_type: str
    words: tuple[str, str]  # what the product is, in French and English, as a title starts
    sizes: tuple[str, ...] = ()  # the sizes a group picks a run from; none: no sizes
    colours: tuple[int, int] = (0, 0)  # how many colours a group has, at least and at most; 0: none
    grouped: bool = True


DEPARTMENTS = (
    Department("running", "Sport > Running > Chaussures", ("Chaussures de trail", "Trail shoes"),
               tuple(str(size) for size in range(38, 47)), (1, 2)),
    Department("bikes", "Sport > Vélos", ("Vélo de route", "Road bike"), ("S", "M", "L", "XL"), (1, 1)),
    Department("backpacks", "Camping > Sacs à dos", ("Sac à dos", "Backpack"), (), (2, 3)),
    Department("tents", "Camping > Tentes", ("Tente", "Tent"), grouped=False),
    Department("watches", "Sport > Montres GPS", ("Montre GPS", "GPS watch"), (), (2, 3)),
    Department("headlamps", "Camping > Frontales", ("Lampe frontale", "Headlamp"), grouped=False),
)


@dataclass
class Row:
    """One feed row as written, in both languages, and what the import should make of it."""

    values: dict[str, str]
    english: dict[str, str]
    product: str  # the SKU of the product it belongs to: its item_group_id, or its own id
    line: int = 0  # its line in the feeds (the same in both languages)
    place: str = "single"  # single | first | later: where it stands in its product


@dataclass(frozen=True)
class BadRow:
    """A row made bad on purpose: where the import must say it, and why."""

    file: str
    line: int
    id: str
    field: str  # the feed field the problem names
    kind: str
    place: str  # single | first | later
    row_line: int  # the line of the feed row it leaves out (for a local inventory row: not `line`)
    store: str = ""  # only this store's import sees it (a local inventory row); "": every import


@dataclass
class GeneratedFeed:
    """A generated pack and what its import should give."""

    folder: Path
    rows: int
    bad: list[BadRow] = field(default_factory=list)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # product SKU -> its name by language
    gtins: dict[str, tuple[str, str]] = field(default_factory=dict)  # a good row's GTIN -> (product, variant),
    # for an import of lyon-01 (whose local inventory has a bad row)
    group_skus: set[str] = field(default_factory=set)  # products with variants

    def bad_for(self, store: str) -> list[BadRow]:
        """The bad rows an import for `store` must leave out."""
        return [bad for bad in self.bad if bad.store in ("", store)]

    def products_for(self, store: str) -> set[str]:
        """The SKUs of the products an import for `store` keeps: those with a good row left."""
        bad = {bad.row_line for bad in self.bad_for(store)}
        return {row.product for row in self._rows if row.line not in bad}

    _rows: list[Row] = field(default_factory=list)


def _gtin(number: int) -> str:
    code = f"300{number:09d}"
    return code + str(ean.calc_check_digit(code))


def _title(style: int, words: tuple[str, str], brand: str, model: str, colour: tuple[str, str] | None,
           size: str) -> tuple[str, str]:
    """A row's title in French and English, naming its colour and size as feeds do."""
    titles = []
    for language in (0, 1):
        base = f"{words[language]} {brand} {model}"
        name = colour[language] if colour else ""
        if style == 1:  # "Kinetik Alto 512 – Noir – Taille 42"
            parts = [f"{brand} {model}", name.capitalize()] + ([("Taille ", "Size ")[language] + size] if size else [])
            titles.append(" – ".join(part for part in parts if part))
        elif style == 2:  # "Chaussures de trail Kinetik Alto 512, noir, 42"
            titles.append(", ".join(part for part in (base, name, size) if part))
        else:  # "Chaussures de trail Kinetik Alto 512 noir 42"
            titles.append(" ".join(part for part in (base, name, size) if part))
    return titles[0], titles[1]


def _products(count: int, rng: random.Random, categories: dict[str, dict[str, object]], feed: GeneratedFeed
              ) -> list[Row]:
    rows: list[Row] = []
    product = 0
    while len(rows) < count:
        product += 1
        department = DEPARTMENTS[product % len(DEPARTMENTS)]
        brand, model = rng.choice(BRANDS), f"{rng.choice(MODELS)} {100 + product}"
        specs = [s for s in categories[department.id]["specs"] if s["kind"] == "number"][:2]  # type: ignore[index]
        details = ",".join(f"Caractéristiques:{s['label']['fr']}:{rng.randint(1, 90)}.{rng.randint(0, 9)} {s['unit']}"
                           for s in specs)
        price = rng.randint(900, 99_900)
        variants: list[tuple[tuple[str, str] | None, str]] = [(None, "")]
        if department.grouped:
            first = rng.randrange(max(1, len(department.sizes) - 3)) if department.sizes else 0
            sizes = department.sizes[first:first + rng.randint(2, 4)] if department.sizes else ("",)
            colours = rng.sample(COLOURS, rng.randint(*department.colours)) if department.colours[1] else [None]
            variants = [(colour, size) for colour in colours for size in sizes][:8]
        group = f"G{product:07d}" if department.grouped else ""
        style = product % 3
        group_title = group and product % 4 == 0
        words = department.words
        names = ((f"{brand} {model}",) * 2 if style == 1 and group else
                 (f"{words[0]} {brand} {model}", f"{words[1]} {brand} {model}"))
        on_sale = product % 7 == 0
        for index, (colour, size) in enumerate(variants):
            if len(rows) >= count:
                break
            number = len(rows) + 1
            title = _title(style if group else 0, words, brand, model, colour, size)
            values = {
                "id": f"F{number:07d}", "item_group_id": group,
                "item_group_title": f"{words[0]} {brand} {model}" if group_title else "",
                "title": title[0], "description": f"{words[0]} {brand} {model} : léger et solide.",
                "link": f"https://shop.example/p/{product}", "image_link": f"https://shop.example/img/{product}.jpg",
                "price": f"{price * (115 if size == 'XL' else 100) / 10_000:.2f} EUR",  # an XL frame costs more
                "sale_price": "", "sale_price_effective_date": "",
                "availability": rng.choice(("in_stock", "in_stock", "in stock", "out_of_stock", "preorder")),
                "gtin": _gtin(number), "brand": brand, "product_type": department.product_type,
                "google_product_category": "990", "size": size, "color": colour[0] if colour else "",
                "product_detail": details}
            if on_sale:
                values["sale_price"] = f"{price * 0.8 / 100:.2f} EUR"
                values["sale_price_effective_date"] = ("2026-01-01T00:00+01:00/2030-12-31T23:59+01:00" if product % 14
                                                       else "2020-01-01T00:00+01:00/2020-01-31T23:59+01:00")
            english = {**values, "title": title[1], "color": colour[1] if colour else "",
                       "item_group_title": f"{words[1]} {brand} {model}" if group_title else "",
                       "description": f"{words[1]} {brand} {model}: light and strong."}
            sku = group or values["id"]
            place = "single" if len(variants) == 1 else ("first" if index == 0 else "later")
            rows.append(Row(values, english, sku, number + 1, place))
        sku = group or rows[-1].values["id"]
        feed.names[sku] = {"fr": f"{words[0]} {brand} {model}" if group_title else names[0],
                           "en": f"{words[1]} {brand} {model}" if group_title else names[1]}
        if group:
            feed.group_skus.add(sku)
    return rows


Spoil = Callable[[Row, list[Row]], None]


def _set(name: str, value: str) -> Spoil:
    def spoil(row: Row, rows: list[Row]) -> None:
        row.values[name] = value
    return spoil


def _wrong_check_digit(row: Row, rows: list[Row]) -> None:
    gtin = row.values["gtin"]
    row.values["gtin"] = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)


def _sale_at_price(row: Row, rows: list[Row]) -> None:
    row.values["sale_price"] = row.values["price"]
    row.values["sale_price_effective_date"] = ""


def _unreadable_dates(row: Row, rows: list[Row]) -> None:
    row.values["sale_price"] = f"{float(row.values['price'].split()[0]) * 0.8:.2f} EUR"
    row.values["sale_price_effective_date"] = "demain/bientôt"


def _same_as(name: str) -> Spoil:
    def spoil(row: Row, rows: list[Row]) -> None:
        row.values[name] = rows[0].values[name]  # the feed's first row stays good: it keeps its own
    return spoil


def _same_variant(row: Row, rows: list[Row]) -> None:
    sibling = next(other for other in rows if other.product == row.product and other.place == "first")
    row.values["size"], row.values["color"] = sibling.values["size"], sibling.values["color"]
    row.english["color"] = sibling.english["color"]


def _control(row: Row, rows: list[Row]) -> None:
    row.values["title"] = row.values["title"].replace(" ", " \x00", 1)  # the XML writer writes it as DEL


# kind: (the field said, how the row is spoilt)
BAD_KINDS: dict[str, tuple[str, Spoil]] = {
    "wrong check digit": ("gtin", _wrong_check_digit),
    "no price": ("price", _set("price", "")),
    "unknown availability": ("availability", _set("availability", "bientôt")),
    "no title": ("title", _set("title", "")),
    "sale price above the price": ("sale_price", _set("sale_price", "9999999.00 EUR")),
    "price without currency": ("price", _set("price", "12,99")),
    "price in another currency": ("price", _set("price", "12.00 USD")),
    "duplicate id": ("id", _same_as("id")),
    "control character": ("title", _control),
    "unknown product type": ("product_type", _set("product_type", "Jardin > Tondeuses")),
    "sale price at the price": ("sale_price", _sale_at_price),
    "duplicate gtin": ("gtin", _same_as("gtin")),
    "unreadable sale dates": ("sale_price_effective_date", _unreadable_dates),
    "same size and colour as a sibling": ("size", _same_variant),
    "price that is no amount": ("price", _set("price", "call us")),
    "another brand than its group's": ("brand", _set("brand", "Autre Marque")),
    "this store's quantity is no number": ("quantity", lambda row, rows: None),
}
PLACES = ("first", "later", "single")
LATER_ONLY = ("same size and colour as a sibling", "another brand than its group's")  # said against the first


def _spoil(rows: list[Row], bad_rows: int, rng: random.Random) -> list[tuple[Row, str]]:
    """Make `bad_rows` rows bad, each in a product of its own, never the feed's first product."""
    spoilt: list[tuple[Row, str]] = []
    used: set[str] = {rows[0].product}
    kinds = list(BAD_KINDS)
    step = max(1, len(rows) // max(1, bad_rows))
    for index in range(bad_rows):
        kind = kinds[index % len(kinds)]
        place = "later" if kind in LATER_ONLY else PLACES[index % len(PLACES)]
        start = (index * step + rng.randrange(step)) % len(rows)
        for offset in range(len(rows)):
            row = rows[(start + offset) % len(rows)]
            fits = row.place == place and row.product not in used
            if kind == "same size and colour as a sibling":
                fits = fits and bool(row.values["size"])
            if fits:
                break
        else:
            continue
        used.add(row.product)
        BAD_KINDS[kind][1](row, rows)
        spoilt.append((row, kind))
    return spoilt


def _write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row[column] for column in COLUMNS) + "\n")


def _write_xml(path: Path, rows: list[dict[str, str]]) -> None:
    """RSS 2.0 with the g: namespace, one item a line after a first line of header: a row is on the same
    line as in the tab-separated form."""
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">'
                  "<channel><title>Sentier &amp; Cie</title>\n")
        for row in rows:
            out.write("<item>")
            for column in COLUMNS:
                value = row[column].replace("\x00", "\x7f")  # XML cannot hold a NUL: a DEL is as bad in a title
                if column == "product_detail":
                    for detail in filter(None, value.split(",")):
                        section, attribute, amount = detail.split(":", 2)
                        out.write(f"<g:product_detail><g:section_name>{escape(section)}</g:section_name>"
                                  f"<g:attribute_name>{escape(attribute)}</g:attribute_name>"
                                  f"<g:attribute_value>{escape(amount)}</g:attribute_value></g:product_detail>")
                elif value:
                    out.write(f"<g:{column}>{escape(value)}</g:{column}>")
            out.write("</item>\n")
        out.write("</channel></rss>\n")


def _write_inventory(path: Path, rows: list[Row], spoilt: dict[str, str], feed: GeneratedFeed) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("store_code\tid\tquantity\tavailability\tprice\tpickup_method\n")
        line = 1
        for index, row in enumerate(rows):
            row_id = row.values["id"]
            if index % 3 == 0 or spoilt.get(row_id) == "this store's quantity is no number":
                line += 1
                quantity = str(index % 9)
                if spoilt.get(row_id) == "this store's quantity is no number":
                    quantity = "beaucoup"
                    feed.bad.append(BadRow(path.name, line, row_id, "quantity", spoilt[row_id], row.place, row.line,
                                           "lyon-01"))
                price = row.values["price"]
                own = f"{float(price.split()[0]) * 0.9:.2f} EUR" if index % 11 == 0 and price.endswith(" EUR") else ""
                out.write(f"lyon-01\t{row_id}\t{quantity}\tin_stock\t{own}\tbuy\n")
            line += 1
            out.write(f"paris-02\t{row_id}\t5\tin_stock\t\tbuy\n")


def make_feed_pack(count: int, folder: Path, form: str = "tsv", bad_rows: int = 0, seed: int = 11) -> GeneratedFeed:
    """A pack in `folder` whose products are `count` feed rows, `bad_rows` of them bad; and what its
    import should give."""
    rng = random.Random(seed + count)
    folder.mkdir(parents=True, exist_ok=True)
    categories = json.loads((DEMO / "categories.json").read_text(encoding="utf-8"))
    feed = GeneratedFeed(folder, count)
    rows = _products(count, rng, {c["id"]: c for c in categories}, feed)
    spoilt = _spoil(rows, bad_rows, rng)
    kinds = {row.values["id"]: kind for row, kind in spoilt if kind == "this store's quantity is no number"}
    feed_file = f"feed-fr.{form}"
    for row, kind in spoilt:
        if kind != "this store's quantity is no number":
            feed.bad.append(BadRow(feed_file, row.line, row.values["id"], BAD_KINDS[kind][0], kind, row.place,
                                   row.line))
    bad_lines = {bad.line for bad in feed.bad}
    for row in rows:
        if row.line not in bad_lines:
            variant = row.values["id"] if row.values["item_group_id"] else ""
            feed.gtins.setdefault(row.values["gtin"], (row.product, variant))
    feed._rows = rows
    write = _write_xml if form == "xml" else _write_tsv
    write(folder / feed_file, [row.values for row in rows])
    write(folder / f"feed-en.{form}", [row.english for row in rows])
    _write_inventory(folder / "local-inventory.tsv", rows, kinds, feed)
    for row in rows:  # a store's bad inventory row leaves out its row for that store only
        if row.values["id"] in kinds:
            feed.gtins.pop(row.values["gtin"], None)
    # a department maps a product_type or its start ("Sport > Running" holds "Sport > Running > Chaussures")
    departments = {department.product_type.removesuffix(" > Chaussures"): department.id for department in DEPARTMENTS}
    specs = {spec["label"]["fr"]: spec["key"] for category in categories for spec in category["specs"]}
    mapping = {"feeds": {"fr": feed_file, "en": f"feed-en.{form}"}, "local_inventory": "local-inventory.tsv",
               "departments": departments, "specs": specs, "bad_rows_allowed_percent": 1}
    (folder / "feed_mapping.json").write_text(json.dumps(mapping, ensure_ascii=False, indent=1), encoding="utf-8")
    categories_two = [{**c, "name": {k: v for k, v in c["name"].items() if k in ("fr", "en")},
                       "specs": [{**s, "label": {k: v for k, v in s["label"].items() if k in ("fr", "en")}}
                                 for s in c["specs"]]} for c in categories]
    (folder / "categories.json").write_text(json.dumps(categories_two, ensure_ascii=False), encoding="utf-8")
    (folder / "pack.json").write_text(json.dumps({"id": "feed", "name": "Sentier & Cie (feed)", "version":
                                                  f"feed-{count}", "languages": ["fr", "en"], "currency": "EUR"}),
                                      encoding="utf-8")
    return feed


def write_feed_pack(count: int, folder: Path, form: str = "tsv", bad_rows: int = 0, seed: int = 11) -> Path:
    """A pack in `folder` whose products are `count` feed rows, `bad_rows` of them bad; returns the folder."""
    return make_feed_pack(count, folder, form, bad_rows, seed).folder


if __name__ == "__main__":
    made = make_feed_pack(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "tsv",
                          bad_rows=int(sys.argv[4]) if len(sys.argv) > 4 else int(sys.argv[1]) // 20_000 or 3)
    print(f"{made.folder}: {made.rows} rows, {len(made.names)} products, {len(made.bad)} bad rows")
    for bad in made.bad:
        print(f"  {bad.file}:{bad.line} {bad.id} {bad.field}: {bad.kind} ({bad.place})")
