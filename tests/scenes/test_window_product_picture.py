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


def test_every_shoe_keeps_a_large_picture_on_the_4k_window(tmp_path: Path) -> None:
    """Whatever a shoe's sizes say (a size to order has a longer note, so its sizes take three rows and nothing
    fits beside the picture), its picture keeps the page's height: the stock and the aisle go on the sizes'
    heading line and the ways on one line under the picture (the stock's own panel under it too made the
    picture 601 px wide, 15.7 % of the window; designer's review, issue 26)."""
    for language in ("fr", "de"):
        (tmp_path / language).mkdir()
        pilot = pilot_for(tmp_path / language, "window", (3840, 2160), language)
        try:
            pilot.tap(x=1920, y=700)
            ctx = pilot.app.display().ctx
            shoes = ctx.shop.catalog.browse("running")
            assert len(shoes) >= 10
            for shoe in shoes:
                product = ctx.shop.catalog.product(shoe.sku)
                assert product is not None
                ctx.show(ctx.routes.product(shoe.sku))
                pilot.advance(0.1)
                widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                name = product.title(language)
                picture = max((w for w in widgets if w["role"] == "image" and w["label"] == name),
                              key=lambda w: w["bounds"][2] * w["bounds"][3])
                assert picture["bounds"][2] >= 2160 * 2 // 5, f"{language} {name}: {picture['bounds'][2]} px wide"
                ways = next(w for w in widgets if w["role"] == "button" and w["label"] == ctx.t("Send to my phone"))
                assert not ways["clipped"] and ways["bounds"][1] >= picture["bounds"][1] + picture["bounds"][3], \
                    f"{language} {name}: the ways under the picture, in sight"
        finally:
            pilot.close()
