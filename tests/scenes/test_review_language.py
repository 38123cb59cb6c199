"""A review written in another language than the session's says which (issue 22: "reviews shown without their
language"): on the road bike's page, Oliver's English review reads "· en anglais" in a French session and "· auf
Englisch" in a German one; Camille's French review says nothing in French and "· auf Französisch" in German.
Read from the tree and checked for ink in the picture on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import widgets_without_ink
from tests.scenes.helpers import session

ROAD_BIKE = "BIK-102"  # the demo's reviews of it: Oliver's in English, Camille's in French


def review_lines(pilot: Pilot) -> dict[str, str]:
    """The author lines of the reviews on screen, by author; the page swiped up until both show."""
    lines: dict[str, str] = {}
    for _ in range(30):
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        lines = {author: str(w["label"]) for w in widgets if not w.get("clipped")
                 for author in ("Oliver", "Camille") if str(w["label"]).startswith(f"{author} · ")}
        if len(lines) == 2:
            assert widgets_without_ink([w for w in widgets if str(w["label"]) in lines.values()],
                                       pilot.picture()) == []
            return lines
        pilot.swipe((540, 1400), (540, 1100))
        pilot.advance(1)
    raise AssertionError(f"the two reviews never showed whole: {lines}")


@pytest.mark.parametrize("language, olivers, camilles", [
    ("fr", " · en anglais", None),
    ("de", " · auf Englisch", " · auf Französisch"),
])
def test_a_review_in_another_language_says_which(tmp_path: Path, language: str, olivers: str,
                                                  camilles: str | None) -> None:
    with session(tmp_path, "terminal", (1080, 1920), language,
                 screen=lambda routes: routes.product(ROAD_BIKE)) as pilot:
        lines = review_lines(pilot)
    assert lines["Oliver"].endswith(olivers), lines
    if camilles is None:
        assert not any(word in lines["Camille"] for word in ("en français", "anglais")), lines
    else:
        assert lines["Camille"].endswith(camilles), lines
