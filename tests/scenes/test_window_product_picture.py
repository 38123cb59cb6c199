"""On the 3840x2160 shop window the product's picture dominates its page: a passer-by sees the product before
its price (designer's review, issue 22: the picture was about 570 px beside a price 187 px tall)."""

from __future__ import annotations

from pathlib import Path

from tests.test_layout_matrix import pilot_for


def test_the_4k_window_product_picture_dominates_its_page(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "window", (3840, 2160), "fr")
    try:
        pilot.tap(x=1920, y=700)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        picture = max((w for w in widgets if w["role"] == "image" and w["label"] == "Racer Carbon Pro"),
                      key=lambda w: w["bounds"][2] * w["bounds"][3])
        price = next(w for w in widgets if w["role"] == "text" and w["label"] == ctx.fmt.price(22900))
        side = min(picture["bounds"][2:])
        assert side >= 4 * price["bounds"][3], f"a {side} px picture beside a {price['bounds'][3]} px price"
        assert side >= 2160 * 2 // 5, f"a {side} px picture on a 2160 px high window"
        assert not any(w["clipped"] for w in widgets if w["role"] == "button" and w["label"] in (
            "39", "46", ctx.t("Send to my phone"))), "the sizes and the ways to go on in the first view"
    finally:
        pilot.close()
