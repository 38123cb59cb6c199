"""Bought together: item-to-item co-occurrence in past baskets, weighted by lift.

lift(a, b) = P(a and b) / (P(a) P(b)): how much more often b is in a basket with a than in any basket.
Plain co-occurrence would put the best sellers next to everything; lift finds what goes *with* a
product. Pairs seen in fewer than MIN_TOGETHER baskets are noise and left out. Computed once, at
import, into the catalogue database.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable

MIN_TOGETHER = 3
PER_PRODUCT = 8


def bought_together(baskets: Iterable[Iterable[str]], per_product: int = PER_PRODUCT,
                    min_together: int = MIN_TOGETHER) -> dict[str, list[tuple[str, float]]]:
    """For each product, the others most bought with it: (sku, score), best first.

    The score is the lift damped by how often the pair was seen (log of the count), so a pair seen
    three times does not outrank one seen three hundred times on a slightly higher lift.
    """
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    count = 0
    for basket in baskets:
        items = sorted(set(basket))
        if not items:
            continue
        count += 1
        singles.update(items)
        pairs.update(itertools.combinations(items, 2))
    scored: dict[str, list[tuple[str, float]]] = {}
    for (a, b), together in pairs.items():
        if together < min_together:
            continue
        lift = together * count / (singles[a] * singles[b])
        if lift <= 1.0:
            continue  # no more often together than by chance
        score = round(lift * math.log1p(together), 4)
        scored.setdefault(a, []).append((b, score))
        scored.setdefault(b, []).append((a, score))
    return {sku: sorted(others, key=lambda o: (-o[1], o[0]))[:per_product] for sku, others in scored.items()}
