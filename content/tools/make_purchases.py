"""Write the demo pack's purchases.json: past baskets from the till, for "bought together".

Usage: python content/tools/make_purchases.py [FOLDER]   (default: content/demo)
Shoppers who camp buy a tent with a headlamp and a backpack, runners a pair of shoes with a watch,
cyclists a bike with a light; each product has a favourite companion, and some baskets are loyalty
members' (their history ranks suggestions for them). Same pack, same file.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

BASKETS = 2400
MISSIONS = {  # what a visit is about: the departments that go together
    "camping": ("tents", "headlamps", "backpacks"),
    "running": ("running", "watches", "headlamps"),
    "cycling": ("bikes", "headlamps", "watches"),
    "hiking": ("backpacks", "headlamps", "watches"),
}


def make(folder: Path) -> list[dict[str, object]]:
    """The baskets, from the pack's products and members."""
    rng = random.Random(2026)
    products = json.loads((folder / "products.json").read_text(encoding="utf-8"))
    members = [m["loyalty_id"] for m in json.loads((folder / "members.json").read_text(encoding="utf-8"))]
    by_category: dict[str, list[str]] = {}
    for product in products:
        by_category.setdefault(product["category"], []).append(product["sku"])
    companion = {}  # each product's favourite companion in the mission's other departments
    for departments in MISSIONS.values():
        for first, second in zip(departments, departments[1:] + departments[:1], strict=True):
            for sku in by_category[first]:
                companion.setdefault(sku, rng.choice(by_category[second]))
    baskets: list[dict[str, object]] = []
    for number in range(BASKETS):
        departments = rng.choice(list(MISSIONS.values()))
        main = rng.choice(by_category[departments[0]])
        skus = {main}
        if rng.random() < 0.7:
            skus.add(companion[main])
        for department in departments[1:]:
            if rng.random() < 0.35:
                skus.add(rng.choice(by_category[department]))
        if rng.random() < 0.2:  # and something else entirely
            skus.add(rng.choice(products)["sku"])
        basket: dict[str, object] = {"basket": f"T{number + 1:05d}", "skus": sorted(skus)}
        if rng.random() < 0.03:
            basket["member"] = rng.choice(members)
        baskets.append(basket)
    return baskets


def main() -> None:
    """Write purchases.json into the pack folder."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "demo"
    baskets = make(folder)
    text = "[\n" + ",\n".join(json.dumps(b, ensure_ascii=False) for b in baskets) + "\n]\n"
    (folder / "purchases.json").write_text(text, encoding="utf-8")
    print(f"{len(baskets)} baskets written to {folder / 'purchases.json'}")


if __name__ == "__main__":
    main()
