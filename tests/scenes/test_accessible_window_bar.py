"""The 4K shop window's product page in accessible mode, as the designer's review of issue 22 found it: "In den
Warenkorb" squeezed to "In / den / War…" in the one-row bar, then a bare "✓" after a tap; and the comparison said
by a button whose label changed with its state ("Add to comparison", "✓ In the comparison", "Remove from
comparison"). Now every word of the bar on one line, "✓ Added" whole, and one tick box that says whether the
product is compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from tests.test_layout_matrix import pilot_for


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    pilot.advance(0.1)
    found: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return found


def labelled(pilot: Pilot, label: str) -> dict[str, Any]:
    return next(w for w in widgets(pilot) if w["label"] == label)


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_accessible_4k_window_bar_keeps_its_words_whole_and_one_compare_tick(tmp_path: Path,
                                                                                 language: str) -> None:
    pilot = pilot_for(tmp_path, "window", (3840, 2160), language)
    try:
        pilot.tap(x=1920, y=700)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.product("RUN-115"))
        for label in (t("Buy now"), t("Add to cart"), t("In the comparison")):
            shown = labelled(pilot, label)
            assert "lines" not in shown and not shown.get("cut"), f"{label!r} not on one line: {shown}"
        pilot.tap("39")
        pilot.tap(t("Add to cart"))
        assert labelled(pilot, t("Add to cart")).get("done") == "✓ " + t("Added"), "the cart's button said a bare ✓"
        said = {w["label"] for w in widgets(pilot)}
        assert t("Add to comparison") not in said and t("Remove from comparison") not in said
        pilot.tap(t("In the comparison"))
        tick = labelled(pilot, t("In the comparison"))
        assert tick["role"] == "checkbox" and tick["checked"], f"compared, not ticked: {tick}"
        assert "RUN-115" in ctx.session.compare
        pilot.advance(3)  # its "In the comparison" said on it has gone: the same words, ticked
        pilot.tap(t("In the comparison"))
        tick = labelled(pilot, t("In the comparison"))
        assert not tick["checked"] and "RUN-115" not in ctx.session.compare, f"taken out, still ticked: {tick}"
    finally:
        pilot.close()
