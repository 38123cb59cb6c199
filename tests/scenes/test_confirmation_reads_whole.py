"""A confirmation in the header reads whole (designer's review, issue 22): "Zelt Refuge 4 Jahreszeiten zum
Vergleich hinzugefügt" was cut at the header's one line ("…zum Vergl…"). Where the whole sentence does not
fit on one line it takes two where the header is tall enough, else its short form, without the name (the
product is on the page, and the button says "✓ Hinzugefügt"); speech still reads the whole sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

# the tablet in accessible mode first: its header is the narrowest for the larger text, where the name was cut
CASES = sorted(((display, size, accessible) for display, size in SHAPES for accessible in (False, True)),
               key=lambda case: case != ("terminal", (800, 1280), True))


@pytest.mark.parametrize("display, size, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in CASES])
@pytest.mark.quick_first(2)  # the accessible tablet and the portrait terminal; every shape in CI
def test_a_long_name_added_to_the_comparison_reads_whole_in_the_header(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    with session(tmp_path, display, size, "de", accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.product("TEN-125"))  # the demo's longest German name
        pilot.advance(0.1)
        pilot.tap(t("In the comparison"))
        pilot.advance(0.1)
        whole = t("{name} added to the comparison", name="Zelt Refuge 4 Jahreszeiten")
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        status = next(w for w in widgets if w["role"] == "status")
        assert status["label"] == whole, "speech reads the whole sentence"
        assert status.get("cut") is False and status.get("shown") in (whole, t("Added to the comparison")), \
            f"the header shows {status.get('shown')!r}"
