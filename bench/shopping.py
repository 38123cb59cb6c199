"""Shopping lines: member prices over a catalogue of 100k products and in the cart, and the store map's way.

    python -m bench.shopping             # 100k products (the synthetic pack, made once in /tmp/kiosk-bench)
    python -m bench.shopping --quick     # the demo pack and a few runs (a smoke run)

Each line says which budget of DESIGN §7 it counts against, or that none applies: DESIGN gives member
prices and the map's way no budget of their own; they are work done while a scene is built, so they count
against navigation's (a scene built and drawn, p99 <= 16.7 ms at 1080x1920), and the line says how much of
it they take. Times are wall and CPU of this process (a shared machine's wall time overstates).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.setup import REPO, pack_folder
from kiosk.config import load_config
from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.models import Offer
from kiosk.core.shopper.cart import MAX_LINES, Cart
from kiosk.core.shopper.member_offers import member_price
from kiosk.core.wayfinding import route

NAVIGATION_MS = 16.7  # DESIGN §7: navigation, a scene built and drawn, p99 at 1080x1920
PAGE = 60  # a department's page of cards (kiosk/scenes/browse.py)


def _timed(action: Callable[[], object], runs: int) -> dict[str, float]:
    """p50 and p99 of wall and CPU milliseconds over `runs` calls (after one to warm up)."""
    action()
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)

    def p99(values: list[float]) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[98] if len(values) > 1 else values[0]

    return {"p50_ms": statistics.median(wall), "p99_ms": p99(wall), "cpu_p50_ms": statistics.median(cpu),
            "cpu_p99_ms": p99(cpu)}


def gold_offers(catalog: Catalog) -> list[Offer]:
    """A gold member's offers as a store runs them: the pack's own when it has some, else 15 % off three
    departments, a fixed price on 200 products and words only on everything (what a price must get past)."""
    own = [offer for offer in catalog.offers() if "gold" in offer.tiers]
    if own:
        return own
    departments = tuple(category.id for category in catalog.categories[:3])
    fixed = tuple(product.sku for product in catalog.browse(None, "popular", limit=200))
    words = {"en": "offer"}
    return [Offer("DEPTS-15", words, words, ("gold",), categories=departments, discount_percent=15),
            Offer("FIXED", words, words, ("gold",), skus=fixed, price_cents=999),
            Offer("WORDS", words, words, ("gold",))]


def member_price_lines(catalog: Catalog, runs: int) -> list[dict[str, Any]]:
    """A department's page priced for a gold member (the query and the prices, and the prices alone), the
    whole catalogue priced once through, and the cart's total with the offers applied."""
    offers = gold_offers(catalog)
    count = catalog.count(None)
    pages = max(1, count // PAGE)
    turn = iter(range(10**9))

    def page() -> list[Any]:
        products = catalog.browse(None, "popular", limit=PAGE, offset=(next(turn) % pages) * PAGE)
        return [member_price(offers, p.sku, p.category, p.price_cents) for p in products]

    shown = catalog.browse(None, "popular", limit=PAGE)

    def prices_only() -> list[Any]:
        return [member_price(offers, p.sku, p.category, p.price_cents) for p in shown]

    everything = catalog.browse(None, "popular", limit=count)

    def whole_catalogue() -> int:
        return sum(1 for p in everything if member_price(offers, p.sku, p.category, p.price_cents) is not None)

    cart = Cart()
    for product in catalog.browse(None, "price_desc", limit=MAX_LINES):
        sizes = catalog.variants(product.sku)
        cart.add(product, sizes[0] if sizes else None, variants=sizes)

    def cart_total() -> int:
        cart.apply_offers(())  # the member's card comes: every line priced again, then the total
        cart.apply_offers(tuple(offers))
        return cart.total_cents

    budget = f"navigation <= {NAVIGATION_MS} ms (part of it)"
    return [
        {"what": f"browse page ({PAGE}) with gold prices", "size": f"{count} products", **_timed(page, runs),
         "budget": budget},
        {"what": f"gold prices of a page ({PAGE})", "size": f"{count} products", **_timed(prices_only, runs),
         "budget": budget},
        {"what": "gold prices of every product", "size": f"{count} products",
         **_timed(whole_catalogue, max(3, runs // 20)), "budget": "none (no scene prices more than a page)"},
        {"what": f"cart total with gold offers ({MAX_LINES} lines)", "size": f"{len(offers)} offers",
         **_timed(cart_total, runs), "budget": budget},
    ]


def route_lines(catalog: Catalog, here: tuple[float, float], runs: int) -> list[dict[str, Any]]:
    """The way from "you are here" (A* on the floor's grid, then straightened) to one aisle, and through a
    collection's four, as the map scene makes it once when it opens."""
    plan = catalog.store_map()
    assert plan is not None, "the demo pack has a map"
    aisles = sorted(plan.areas)
    farthest = max(aisles, key=lambda aisle: abs(plan.areas[aisle][0] - here[0]) + abs(plan.areas[aisle][1] - here[1]))
    collection = next((c for c in catalog.collections() if len(c.skus) >= 4), None)
    four = list(dict.fromkeys(p.aisle for p in catalog.products(list(collection.skus)) if p.aisle))[:4] \
        if collection else aisles[:: max(1, len(aisles) // 4)][:4]
    budget = f"navigation <= {NAVIGATION_MS} ms (part of it)"
    one = route(plan, here, [farthest])
    through = route(plan, here, four)
    assert one is not None and through is not None
    return [{"what": f"map way to one aisle ({farthest})", "size": f"{len(one.points)} corners",
             **_timed(lambda: route(plan, here, [farthest]), runs), "budget": budget},
            {"what": f"map way through four aisles ({', '.join(four)})", "size": f"{len(through.points)} corners",
             **_timed(lambda: route(plan, here, four), runs), "budget": budget}]


def main() -> None:
    """Command line: run the lines and print them (and write them as JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the demo pack, a few runs")
    parser.add_argument("--runs", type=int, default=0, help="runs a line (default 400, --quick 20)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kiosk-bench"))
    parser.add_argument("--json", type=Path, default=None)
    options = parser.parse_args()
    runs = options.runs or (20 if options.quick else 400)
    options.work.mkdir(parents=True, exist_ok=True)
    size = None if options.quick else 100_000
    big = Catalog(ensure_catalog(pack_folder(size, options.work), options.work / f"shopping-{size or 'demo'}.db"))
    demo = Catalog(ensure_catalog(REPO / "content" / "demo", options.work / "shopping-demo.db"))
    config = load_config(REPO / "config" / "default.toml")
    here = tuple(config.displays[0].map_position)
    rows = [*member_price_lines(big, runs), *route_lines(demo, (here[0], here[1]), runs)]
    print(f"{'what':52} {'size':>16} {'p50 ms':>8} {'p99 ms':>8} {'CPU p99':>8}  budget (DESIGN §7)")
    for line in rows:
        print(f"{line['what']:52} {line['size']:>16} {line['p50_ms']:8.3f} {line['p99_ms']:8.3f} "
              f"{line['cpu_p99_ms']:8.3f}  {line['budget']}")
    if options.json:
        options.json.write_text(json.dumps({"runs": runs, "rows": rows}, indent=1), encoding="utf-8")
    big.close()
    demo.close()


if __name__ == "__main__":
    main()
