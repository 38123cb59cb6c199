"""Share payloads: round trips, the size bound, and refusal of anything else."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.language.locale_format import Formatter
from kiosk.core.shopper.compare import build_comparison
from kiosk.core.shopper.share import (
    MAX_BYTES,
    Choice,
    ShareError,
    decode,
    encode,
    payload,
    products_of,
    share_url,
)
from tests.conftest import REPO


def test_a_comparison_round_trips_through_the_link(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "c.db"))
    products = catalog.products(["BIK-101", "BIK-102", "BIK-103", "RUN-112"])
    fmt = Formatter("fr")
    table = build_comparison(products, catalog.categories, "fr", lambda s: s, fmt.price, fmt.number)
    content = payload(products, table, store="Sentier & Cie", language="fr", currency="EUR", day=date(2026, 11, 22))
    url = share_url("https://shop.example/share/", content)
    fragment = url.split("#", 1)[1]
    assert len(fragment) <= MAX_BYTES
    back = decode(fragment)
    assert [p.name for p in products_of(back)] == [p.title("fr") for p in products]
    assert [p.price_cents for p in products_of(back)] == [p.price_cents for p in products]
    assert back["s"] == "Sentier & Cie" and back["d"] == "2026-11-22" and back["l"] == "fr"
    assert back["r"] and back["r"][0][1]  # rows with values
    catalog.close()


def test_a_large_payload_drops_rows_to_stay_small() -> None:
    content = {"v": 1, "l": "fr", "s": "S", "d": "2026-11-22", "c": "EUR",
               "p": [["S1", "Produit", "Marque", 100, "A1"]],
               "r": [[f"ligne {i} " + "x" * 40, [str(i * 7919 % 1000) * 8], []] for i in range(300)]}
    fragment = encode(content)
    assert len(fragment) <= MAX_BYTES
    assert 0 < len(decode(fragment)["r"]) < 300


@pytest.mark.parametrize("bad", ["", "2.abc", "1.", "1.!!!!", "1.eJwrSS0u0c0vLdEFAB1gBEQ"])
def test_anything_else_is_refused(bad: str) -> None:
    with pytest.raises(ShareError):
        decode(bad)


@given(st.text(max_size=200))
def test_decoding_never_raises_anything_but_share_error(text: str) -> None:
    with contextlib.suppress(ShareError):
        decode(text)


@given(st.lists(st.tuples(st.text(max_size=30), st.integers(0, 10**7)), min_size=1, max_size=4))
def test_any_products_round_trip(items: list[tuple[str, int]]) -> None:
    content = {"v": 1, "l": "en", "s": "S", "d": "2026-01-01", "c": "EUR",
               "p": [[f"S{i}", name, "B", price, ""] for i, (name, price) in enumerate(items)], "r": []}
    assert decode(encode(content))["p"] == content["p"]


def test_a_size_or_colour_chosen_travels_with_its_price_and_picture(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "c.db"))
    products = catalog.products(["RUN-115", "BIK-101"])
    fmt = Formatter("fr")
    chosen = {"RUN-115": Choice("Taille 42", 21900, "images/RUN-115-42.png")}
    table = build_comparison(products, catalog.categories, "fr", lambda s: s, fmt.price, fmt.number,
                             ["Taille 42", ""])
    assert table.rows[0].key == "choice" and table.rows[0].values == ("Taille 42", "—")
    content = payload(products, table, store="S", language="fr", currency="EUR", day=date(2026, 11, 22),
                      specs=table, choices=chosen)
    shoe, bike = products_of(decode(encode(content)))
    assert (shoe.choice, shoe.price_cents, shoe.picture) == ("Taille 42", 21900, "images/RUN-115-42.png")
    assert bike.choice == "" and bike.price_cents == products[1].price_cents
    assert content["r"][0][:2] == ["Your choice", ["Taille 42", "—"]], "the choices first among the differences"
    assert all(label != "Your choice" for label, _ in shoe.specs), "not a spec of the product"
    catalog.close()


def test_a_link_from_before_choices_still_reads() -> None:
    content = {"v": 1, "l": "fr", "s": "S", "d": "2026-11-22", "c": "EUR",
               "p": [["S1", "Produit", "Marque", 100, "A1", "images/S1.png", [["Poids", "1 kg"]]]], "r": []}
    (product,) = products_of(decode(encode(content)))
    assert product.choice == "" and product.specs == (("Poids", "1 kg"),)
