"""The shop window's message slides show products: under the words, the pictures and prices of the products
the window features (its playlist's first), as a retailer dresses a window (designer's review, issue 22: the
attract screens were text on green, nothing to buy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layout_check import layout_problems, widgets_without_ink
from tests.test_layout_matrix import pilot_for


@pytest.mark.parametrize("size", [(3840, 2160), (2160, 3840)], ids=["landscape", "portrait"])
def test_the_window_s_message_slides_show_its_products_with_their_prices(tmp_path: Path,
                                                                         size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, "window", size, "de")
    try:
        ctx = pilot.app.display().ctx
        scene = ctx.screen.stack.top
        assert scene.slides[0].kind == "message"  # type: ignore[attr-defined]
        pilot.advance(0.5)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        pictures = [w for w in widgets if w["role"] == "image"]
        featured = [slide.sku for slide in scene.slides if slide.kind == "product"]  # type: ignore[attr-defined]
        first = ctx.shop.catalog.product(featured[0])
        assert first is not None and first.title(ctx.lang) in [w["label"] for w in pictures], \
            f"the window's first featured product is not shown: {[w['label'] for w in pictures]}"
        assert len(pictures) >= 2 and all(min(w["bounds"][2:]) >= min(size) // 4 for w in pictures), \
            f"products large enough to see through the glass: {[w['bounds'] for w in pictures]}"
        assert ctx.fmt.price(first.price_cents) in [w["label"] for w in widgets], "with its price"
        shown = pilot.picture()
        assert widgets_without_ink(widgets, shown) == []
        assert layout_problems(widgets, ctx.theme.size("touch_target")) == []
    finally:
        pilot.close()
