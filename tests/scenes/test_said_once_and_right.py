"""Words read right at a glance (accessible-mode designer review, issue 22): the product page's stock line
said "Auf Lager: 38 · Gang B1", read as "size 38 in stock" on shoes sized 39 to 46, and could break "Gang"
from "B1"; the review screen said "Noch keine Sterne" twice, in the strip above and on the page."""

from __future__ import annotations

from kiosk.testing.pilot import Pilot


def said(pilot: Pilot) -> list[str]:
    """Everything the screen in front says: the strip above the reach zone, then the widgets in sight."""
    tree = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return [*pilot.details().get("banner", []), *(w["label"] for w in tree if not w.get("clipped"))]


def test_the_stock_line_never_reads_as_a_size(accessible: Pilot) -> None:
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.product("RUN-115"))  # Racer Carbon Pro: sizes 39 to 46, 38 pairs in all, aisle B1
    pilot.advance(0.1)
    words = said(pilot)
    assert not [line for line in words if "38" in line], f"no bare total that reads as a size: {words}"
    assert [line for line in words if line.split(" · ")[0] == "Auf Lager"], f"in stock, without a count: {words}"
    if pilot.details().get("banner"):  # (portrait: the strip above the reach zone says stock and aisle)
        assert "Auf Lager · Gang\xa0B1" in pilot.details()["banner"], "the aisle kept whole"
    pilot.tap("39")
    assert [line for line in said(pilot) if line.startswith("Größe 39: 4 auf Lager")], "its count with its size"
    ctx.show(ctx.routes.product("BIK-102"))  # Rennrad Alto 900 Carbon: no sizes, 15 in the store
    pilot.advance(0.1)
    assert [line for line in said(pilot) if line.startswith("Auf Lager: 15")], "without sizes a plain count"


def test_the_review_says_no_stars_yet_once(accessible: Pilot) -> None:
    pilot = accessible
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.review("RUN-115"))
    pilot.advance(0.1)
    assert [line for line in said(pilot) if "Noch keine Sterne" in line] != [], "it is said"
    assert len([line for line in said(pilot) if "Noch keine Sterne" in line]) == 1, said(pilot)
    pilot.tap("4 Sterne")
    assert len([line for line in said(pilot) if "4 von 5" in line]) == 1, said(pilot)
