"""A Merchant Center feed pack imported in a process of its own, as the kiosk's import worker does it;
then what its variants and names are for: every variant's code scanned, each product's full title
searched. Prints one JSON line.

    python -m bench.feed_import FOLDER DATABASE STORE
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog

SAMPLE = 2000  # products whose variants are scanned and whose titles are searched


def _p99_ms(times: list[float]) -> float:
    ordered = sorted(times)
    return 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def main(folder: str, database: str, store: str) -> dict[str, object]:
    """Import, then time scans of variants' codes and searches of full titles."""
    started = time.perf_counter()
    ensure_catalog(Path(folder), Path(database), store)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    catalog = Catalog(Path(database))
    products = catalog.browse(None, limit=SAMPLE)
    scans, opened, codes = [], 0, 0
    for product in products:
        for variant in catalog.variants(product.sku):
            codes += 1
            began = time.perf_counter()
            found = catalog.scanned(variant.gtin)
            scans.append(time.perf_counter() - began)
            opened += bool(found and found.product.sku == product.sku and found.variant == variant.sku)
    searches, first = [], 0
    for product in products:
        began = time.perf_counter()
        hits = catalog.search(product.title("fr"), 5)
        searches.append(time.perf_counter() - began)
        first += bool(hits and hits[0].sku == product.sku)
    return {"import_s": seconds, "peak_mb": peak_mb, "products": catalog.product_count(),
            "left_out": catalog.left_out, "variant_codes": codes, "variant_codes_opened": opened,
            "scan_p99_ms": _p99_ms(scans), "titles": len(products), "titles_found_first": first,
            "search_p99_ms": _p99_ms(searches)}


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
