"""Write a content pack whose products come from Merchant Center feeds of our own making: for tests and
benchmarks of the feed import, as a retailer's export would be.

Usage: python content/tools/make_merchant_feed.py COUNT FOLDER [tsv|xml]

COUNT rows in a French feed and an English one (tab-separated or XML), every fifth product a group of
four sizes (item_group_id), a sale price on every seventh row (half of them over already), product
details mapped to the demo's specs, a local inventory feed for stores lyon-01 and paris-02, and
`bad_rows` deliberately bad rows (a bad GTIN, a price that is no amount, an unknown product type).
Same arguments, same pack.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from stdnum import ean

DEMO = Path(__file__).resolve().parents[1] / "demo"
TYPES = {"bikes": ("Sport > Vélos", "Sport > Bikes"),
         "running": ("Sport > Running > Chaussures", "Sport > Running > Shoes"),
         "tents": ("Camping > Tentes", "Camping > Tents"),
         "backpacks": ("Camping > Sacs à dos", "Camping > Backpacks"),
         "watches": ("Sport > Montres GPS", "Sport > GPS watches"),
         "headlamps": ("Camping > Frontales", "Camping > Headlamps")}
WORDS = ("Alto", "Strada", "Crête", "Fjell", "Havn", "Nuage", "Tempo", "Éclair", "Refuge", "Summit", "Pulse", "Nord")
BRANDS = ("Alpenrad", "Velocita", "Rivemont", "Nordweg", "Foulée", "Kinetik", "Bivouac", "Camp Azur", "Cimes")
COLUMNS = ("id", "title", "description", "link", "image_link", "price", "sale_price", "sale_price_effective_date",
           "availability", "gtin", "brand", "product_type", "google_product_category", "item_group_id", "size",
           "color", "product_detail")
SIZES = ("40", "41", "42", "43")


def _rows(count: int, rng: random.Random, categories: list[dict[str, object]], bad_rows: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    product = 0
    while len(rows) < count:
        product += 1
        category = categories[product % len(categories)]
        key = str(category["id"])
        name = f"{rng.choice(WORDS)} {product}"
        specs = [s for s in category["specs"] if s["kind"] == "number"][:2]  # type: ignore[index]
        details = ",".join(f"Caractéristiques:{s['label']['fr']}:{rng.randint(1, 90)}.{rng.randint(0, 9)} {s['unit']}"
                           for s in specs)
        price = rng.randint(900, 99_900)
        group = product % 5 == 0
        for size in SIZES if group else ("",):
            if len(rows) >= count:
                break
            number = len(rows) + 1
            gtin = f"300{number:09d}"
            gtin += ean.calc_check_digit(gtin)
            row = {"id": f"F{number:07d}", "title": f"{TYPES[key][0].split(' > ')[-1]} {name}",
                   "description": f"Description de {name}.", "link": f"https://shop.example/p/{product}",
                   "image_link": f"https://shop.example/img/{product}.jpg", "price": f"{price / 100:.2f} EUR",
                   "sale_price": "", "sale_price_effective_date": "", "availability": rng.choice(
                       ("in_stock", "in_stock", "in_stock", "out_of_stock")), "gtin": gtin,
                   "brand": rng.choice(BRANDS), "product_type": TYPES[key][0], "google_product_category": "990",
                   "item_group_id": f"G{product:07d}" if group else "", "size": size, "color": "",
                   "product_detail": details}
            if number % 7 == 0:
                row["sale_price"] = f"{price * 0.8 / 100:.2f} EUR"
                row["sale_price_effective_date"] = ("2026-01-01T00:00+01:00/2030-12-31T23:59+01:00" if number % 14
                                                    else "2020-01-01T00:00+01:00/2020-01-31T23:59+01:00")
            rows.append(row)
    step = max(1, count // max(1, bad_rows))
    for index in range(bad_rows):
        at = (index * step + 3) % len(rows)
        while rows[at]["item_group_id"]:  # a product of one row: its fault is the product's
            at = (at + 1) % len(rows)
        row = rows[at]
        kind = index % 3
        if kind == 0:
            row["gtin"] = row["gtin"][:-1] + str((int(row["gtin"][-1]) + 1) % 10)  # a wrong check digit
        elif kind == 1:
            row["price"] = "call us"
        else:
            row["product_type"] = "Jardin > Tondeuses"
    return rows


def _english(row: dict[str, str]) -> dict[str, str]:
    english = dict(row)
    english["title"] = row["title"].replace("Vélos", "Bike").replace("Tentes", "Tent") + " (en)"
    english["description"] = row["description"].replace("Description de", "About")
    english["product_detail"] = row["product_detail"]
    return english


def _write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row[column] for column in COLUMNS) + "\n")


def _write_xml(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">'
                  "\n<channel>\n<title>Sentier &amp; Cie</title>\n")
        for row in rows:
            out.write("<item>\n")
            for column in COLUMNS:
                if column == "product_detail":
                    for detail in filter(None, row[column].split(",")):
                        section, attribute, value = detail.split(":", 2)
                        out.write(f"<g:product_detail><g:section_name>{escape(section)}</g:section_name>"
                                  f"<g:attribute_name>{escape(attribute)}</g:attribute_name>"
                                  f"<g:attribute_value>{escape(value)}</g:attribute_value></g:product_detail>\n")
                elif row[column]:
                    out.write(f"<g:{column}>{escape(row[column])}</g:{column}>\n")
            out.write("</item>\n")
        out.write("</channel>\n</rss>\n")


def write_feed_pack(count: int, folder: Path, form: str = "tsv", bad_rows: int = 0, seed: int = 11) -> Path:
    """A pack in `folder` whose products are `count` feed rows; returns the folder."""
    rng = random.Random(seed + count)
    folder.mkdir(parents=True, exist_ok=True)
    categories = json.loads((DEMO / "categories.json").read_text(encoding="utf-8"))
    rows = _rows(count, rng, categories, bad_rows)
    write = _write_xml if form == "xml" else _write_tsv
    write(folder / f"feed-fr.{form}", rows)
    write(folder / f"feed-en.{form}", [_english(row) for row in rows])
    with (folder / "local-inventory.tsv").open("w", encoding="utf-8") as out:
        out.write("store_code\tid\tquantity\tavailability\tprice\tpickup_method\n")
        for index, row in enumerate(rows):
            if index % 3 == 0:
                out.write(f"lyon-01\t{row['id']}\t{index % 9}\tin_stock\t\tbuy\n")
            out.write(f"paris-02\t{row['id']}\t5\tin_stock\t\tbuy\n")
    departments = {types[0]: key for key, types in TYPES.items()}
    specs = {spec["label"]["fr"]: spec["key"] for category in categories for spec in category["specs"]}
    mapping = {"feeds": {"fr": f"feed-fr.{form}", "en": f"feed-en.{form}"}, "local_inventory": "local-inventory.tsv",
               "departments": departments, "specs": specs, "bad_rows_allowed_percent": 1}
    (folder / "feed_mapping.json").write_text(json.dumps(mapping, ensure_ascii=False, indent=1), encoding="utf-8")
    categories_two = [{**c, "name": {k: v for k, v in c["name"].items() if k in ("fr", "en")},
                       "specs": [{**s, "label": {k: v for k, v in s["label"].items() if k in ("fr", "en")}}
                                 for s in c["specs"]]} for c in categories]
    (folder / "categories.json").write_text(json.dumps(categories_two, ensure_ascii=False), encoding="utf-8")
    (folder / "pack.json").write_text(json.dumps({"id": "feed", "name": "Sentier & Cie (feed)", "version":
                                                  f"feed-{count}", "languages": ["fr", "en"], "currency": "EUR"}),
                                      encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_feed_pack(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "tsv",
                    bad_rows=int(sys.argv[1]) // 20_000 or 3)
