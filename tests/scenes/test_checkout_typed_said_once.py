"""The accessible tablet's checkout with the keys up (designer's review, issue 22): the order's summary showed
twice (in the strip above the reach zone and again over the field), and the field stood unlabelled over the keys.
Now the order is said once, and the field is labelled with what it is for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import pilot_for


@pytest.mark.parametrize("phone", [False, True], ids=["email", "phone"])
def test_the_tablets_checkout_says_the_order_once_and_labels_its_field(tmp_path: Path, phone: bool) -> None:
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "de", mail=True)
    try:
        pilot.tap(x=400, y=400)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        t = ctx.t
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        way = t("By phone") if phone else t("By email")
        pilot.tap(way)
        pilot.type("0612345678" if phone else "ada@example.org")
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        total = t("Total {total}", total=ctx.fmt.price(ctx.session.cart.total_cents))
        assert [w["label"] for w in widgets].count(total) + ctx.screen.banner_lines.count(total) == 1, \
            "the order's total said once"
        field = next(w for w in widgets if w["role"] == "textbox")
        labels = [w for w in widgets if w["role"] == "text" and w["label"] == way and
                  w["bounds"][1] + w["bounds"][3] <= field["bounds"][1]]
        assert labels, f"no label {way!r} over the field"
        assert field["bounds"][1] - (labels[-1]["bounds"][1] + labels[-1]["bounds"][3]) <= ctx.theme.size("gap") * 2, \
            "the label right over its field"
    finally:
        pilot.close()
