"""The 4K window's home in accessible mode once products are ticked for the comparison (designer's review,
issue 22): the comparison's bar came in across the bottom, over the departments, and cut the only row of cards
in the reach zone. Now the comparison stands in a column beside the cards, and the first row stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_layout_matrix import pilot_for


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_4k_window_home_keeps_its_first_row_of_cards_whole_with_products_ticked(tmp_path: Path,
                                                                                    language: str) -> None:
    pilot = pilot_for(tmp_path, "window", (3840, 2160), language)
    try:
        pilot.tap(x=1920, y=700)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.screen.stack.replace(ctx.routes.home())
        pilot.advance(0.1)

        def shown() -> list[dict[str, object]]:
            pilot.advance(0.1)
            found: list[dict[str, object]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            return found

        ticks = [w["label"] for w in shown() if w["role"] == "checkbox"]
        assert ticks, "cards with their compare ticks"
        pilot.tap(str(ticks[0]))
        ctx.session.add_to_compare("RUN-115")
        ctx.screen.stack.replace(ctx.routes.home())
        widgets = shown()
        cards = [w for w in widgets if w["role"] == "checkbox"]
        assert cards and not any(w["clipped"] for w in cards[:1]), f"the first card's tick cut: {cards[:1]}"
        names = {p.title(ctx.lang) for p in ctx.shop.catalog.products(list(ctx.session.compare))}
        first = next(w for w in widgets if w["role"] == "button" and w["label"] in names)
        assert not first["clipped"], f"the first row of cards cut: {first}"
        compare = [w for w in widgets if w["label"] == t("Compare ({count})", count=2)]
        assert compare and compare[0]["enabled"] and not compare[0]["clipped"], "the comparison's button in sight"
    finally:
        pilot.close()
