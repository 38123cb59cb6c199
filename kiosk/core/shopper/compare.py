"""Side-by-side comparison: one row per property, rows that differ, and the best value in each row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.core.models import Category, Product, SpecDef, SpecValue, pick


@dataclass(frozen=True)
class CompareRow:
    """One property across the compared products."""

    key: str
    label: str
    values: tuple[str, ...]
    differs: bool
    best: frozenset[int]  # indexes of the products with the best value; empty when none is better


@dataclass(frozen=True)
class Comparison:
    """The whole table."""

    products: tuple[Product, ...]
    rows: tuple[CompareRow, ...]
    departments: tuple[str, ...] = ()  # the products' departments by name; more than one: only what they share


def _best(raw: Sequence[float | None], better: str) -> frozenset[int]:
    known = [(v, i) for i, v in enumerate(raw) if v is not None]
    if better not in ("higher", "lower") or len(known) < 2 or len({v for v, _ in known}) < 2:
        return frozenset()
    target = max(v for v, _ in known) if better == "higher" else min(v for v, _ in known)
    return frozenset(i for v, i in known if v == target)


def _numeric(value: SpecValue | None) -> float | None:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    return None


def build_comparison(
    products: Sequence[Product],
    categories: Sequence[Category],
    language: str,
    texts: Callable[[str], str],
    format_price: Callable[[int], str],
    format_number: Callable[[float], str],
    choices: Sequence[str] = (),
    *,
    rating_words: Callable[[float, int], str] | None = None,
    stock_words: Callable[[int], str] | None = None,
) -> Comparison:
    """Compare `products` (any categories; of several, the properties fewer than two of them have are left
    out); `texts` translates the fixed row labels. `choices` says, product by product, the size or colour the
    shopper chose ("Taille 42"; "": none): with one, it is the first row, "Your choice".

    With `rating_words` (a rating and its number of reviews in words: "3,6/5 · 2 avis") every rating is written
    the same way, and with `stock_words` (a stock in words: "In stock", "To order") the stock row says whether
    each is on the shelf under "Availability"; then every row differs exactly when its words do, the rule a
    table that shades the rows that differ states (the screen's table; the phone's keeps its own words)."""
    rows: list[CompareRow] = []

    def add(key: str, label: str, shown: list[str], raw: list[float | None], better: str,
            differs: bool | None = None) -> None:  # differs: whether the values tell the products apart
        rows.append(CompareRow(key, label, tuple(shown), len(set(shown)) > 1 if differs is None else differs,
                               _best(raw, better)))

    if any(choices):
        chosen = [choices[index] if index < len(choices) and choices[index] else "—" for index in range(len(products))]
        add("choice", texts("Your choice"), chosen, [None] * len(products), "")

    add("price", texts("Price"), [format_price(p.price_cents) for p in products],
        [float(p.price_cents) for p in products], "lower")
    if rating_words is not None:
        add("rating", texts("Rating"), [rating_words(p.rating, p.review_count) for p in products],
            [p.rating for p in products], "higher")
    else:
        add("rating", texts("Rating"),
            [f"{format_number(p.rating)} ★ ({p.review_count})" if p.review_count else f"{format_number(p.rating)} ★"
             for p in products], [p.rating for p in products], "higher",
            len({p.rating for p in products}) > 1)  # the same rating on fewer reviews is the same rating
    add("brand", texts("Brand"), [p.brand for p in products], [None] * len(products), "")

    by_id = {c.id: c for c in categories}
    departments = tuple(dict.fromkeys(pick(by_id[p.category].name, language) if p.category in by_id else p.category
                                      for p in products))
    specs: list[SpecDef] = []
    for product in products:
        category = by_id.get(product.category)
        for spec in category.specs if category else ():
            if all(s.key != spec.key or s.unit != spec.unit for s in specs):
                specs.append(spec)
    def defines(product: Product, spec: SpecDef) -> bool:  # its department's spec, in the same unit
        category = by_id.get(product.category)
        return category is None or any(s.key == spec.key and s.unit == spec.unit for s in category.specs)

    for spec in specs:
        values = [p.specs.get(spec.key) if defines(p, spec) else None for p in products]
        if len(departments) > 1 and sum(v is not None for v in values) < 2:
            continue  # products of different departments: a property only one of them has compares nothing
        shown = [format_spec_value(v, spec, language, texts, format_number) for v in values]
        add(f"spec.{spec.key}", pick(spec.label, language), shown, [_numeric(v) for v in values], spec.better)
    # how many are on the shelf and where: what the shopper needs, not what tells the products apart (38 and
    # 16 pairs in stock are both "in stock"; every product has its own place)
    if stock_words is not None:
        add("stock", texts("Availability"), [stock_words(p.stock) for p in products],
            [float(p.stock > 0) for p in products], "higher")
    else:
        add("stock", texts("In stock"), [str(p.stock) if p.stock else texts("No") for p in products],
            [float(p.stock > 0) for p in products], "higher", len({p.stock > 0 for p in products}) > 1)
    add("aisle", texts("Aisle"), [p.aisle for p in products], [None] * len(products), "", False)
    return Comparison(tuple(products), tuple(rows), departments)


def format_spec_value(value: SpecValue | None, spec: SpecDef, language: str, texts: Callable[[str], str],
          format_number: Callable[[float], str]) -> str:
    """A spec value as shown to the shopper: number with unit, Yes/No, or text in their language."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return texts("Yes") if value else texts("No")
    if isinstance(value, int | float):
        unit = spec.unit
        spacer = "" if unit in ("″", "") else "\u00a0"
        return f"{format_number(value)}{spacer}{unit}"
    if isinstance(value, str):
        return value
    return pick(value, language)
