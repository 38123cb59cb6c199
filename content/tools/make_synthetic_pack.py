"""Write a synthetic content pack of any size (CSV products) for benchmarks and large-catalogue tests.

Usage: python content/tools/make_synthetic_pack.py COUNT FOLDER
It reuses the demo pack's categories, specs and pictures, and makes COUNT products with valid,
unique EAN-13 codes, names in French and English, prices, stock and specs. Same COUNT, same pack.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import sys
from pathlib import Path

from stdnum import ean

DEMO = Path(__file__).resolve().parents[1] / "demo"
WORDS = ("Alto", "Strada", "Crête", "Fjell", "Havn", "Nuage", "Tempo", "Éclair", "Refuge", "Summit", "Pulse", "Nord",
         "Lumen", "Sentier", "Piste", "Horizon", "Abysse", "Luciole", "Cabane", "Porteur", "Élan", "Vallée", "Brise")
BRANDS = ("Alpenrad", "Velocita", "Rivemont", "Nordweg", "Foulée", "Kinetik", "Bivouac", "Camp Azur", "Cimes",
          "Urbana", "Chrono", "Tempo", "Boussole", "Lumen", "Phare")


def write_pack(count: int, folder: Path, seed: int = 7) -> Path:
    """Make a pack of `count` products in `folder`; returns the folder."""
    rng = random.Random(seed + count)
    folder.mkdir(parents=True, exist_ok=True)
    categories = json.loads((DEMO / "categories.json").read_text(encoding="utf-8"))
    shutil.copy(DEMO / "categories.json", folder / "categories.json")
    images = folder / "images"
    images.mkdir(exist_ok=True)
    for category in categories:
        source = DEMO / "images" / f"category-{category['id']}.png"
        shutil.copy(source, images / source.name)
    manifest = {"id": f"synthetic-{count}", "name": f"Synthetic {count}", "version": "1", "languages": ["fr", "en"],
                "currency": "EUR"}
    (folder / "pack.json").write_text(json.dumps(manifest), encoding="utf-8")
    spec_columns = sorted({f"spec.{s['key']}" for c in categories for s in c["specs"]})
    columns = ["sku", "gtin", "brand", "category", "name.fr", "name.en", "description.fr", "description.en", "price",
               "stock", "aisle", "rating", "popularity", "image", *spec_columns]
    with (folder / "products.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for index in range(count):
            category = categories[index % len(categories)]
            body = f"29{index:010d}"
            model = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.randint(1, 999)}"
            name_fr, name_en = f"{category['name']['fr']} {model}", f"{category['name']['en']} {model}"
            specs = {f"spec.{s['key']}": _spec(rng, s) for s in category["specs"]}
            row = {"sku": f"S{index:07d}", "gtin": body + ean.calc_check_digit(body), "brand": rng.choice(BRANDS),
                   "category": category["id"], "name.fr": name_fr, "name.en": name_en,
                   "description.fr": f"{name_fr}, un modèle de test.", "description.en": f"{name_en}, a test model.",
                   "price": f"{rng.randint(5, 3000)}.{rng.choice(('00', '49', '99'))}", "stock": rng.randint(0, 40),
                   "aisle": f"{chr(65 + index % 6)}{rng.randint(1, 9)}", "rating": round(rng.uniform(2.5, 5), 1),
                   "popularity": rng.randint(0, 10000), "image": f"images/category-{category['id']}.png", **specs}
            writer.writerow([row.get(column, "") for column in columns])
    return folder


def _spec(rng: random.Random, spec: dict[str, str]) -> str:
    if spec["kind"] == "number":
        return str(rng.randint(1, 500))
    if spec["kind"] == "bool":
        return rng.choice(("yes", "no"))
    return rng.choice(("A", "B", "C"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(write_pack(int(sys.argv[1]), Path(sys.argv[2])))
