"""Bought together by lift: what goes with a product, not what sells everywhere; ranked for a member."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.catalog.recommend import bought_together
from kiosk.core.models import Member
from tests.conftest import REPO


def test_a_companion_beats_a_best_seller_that_is_in_every_basket() -> None:
    baskets = [["tent", "lamp", "water"]] * 5 + [["shoes", "water"]] * 40 + [["tent", "water"]] * 5
    together = dict(bought_together(baskets)["tent"])
    assert "lamp" in together and "water" not in together  # water is in every basket: lift 1, no signal


def test_pairs_seen_too_rarely_are_left_out() -> None:
    assert bought_together([["a", "b"], ["a", "b"], ["c"], ["d"]]) == {}


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=5), max_size=60))
def test_suggestions_are_symmetric_other_products_best_first(baskets: list[list[str]]) -> None:
    result = bought_together(baskets)
    for sku, others in result.items():
        assert all(other != sku for other, _ in others)
        assert [score for _, score in others] == sorted((score for _, score in others), reverse=True)
        for other, _ in others:
            assert sku in dict(bought_together(baskets, per_product=99)[other])


def test_the_demo_pack_suggests_companions_and_ranks_them_for_a_member(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "catalog.db"))
    try:
        tent = catalog.bought_together(["TEN-126"])
        assert tent and tent[0].category in ("backpacks", "headlamps", "watches")
        assert "TEN-126" not in [p.sku for p in tent]
        cart = catalog.bought_together(["TEN-126", "RUN-115"], limit=6)
        assert not {"TEN-126", "RUN-115"} & {p.sku for p in cart}
        runner = Member("1234", "Camille", "gold", 100, ("running", "watches"))
        for_her = catalog.bought_together(["TEN-126"], runner, limit=4)
        assert for_her[0].category in ("running", "watches"), "her departments first"
        history = {row[0] for row in catalog._db.execute("SELECT sku FROM member_purchases WHERE loyalty_id = '1234'")}
        assert history and not history & {p.sku for p in for_her}, "nothing she already bought"
    finally:
        catalog.close()
