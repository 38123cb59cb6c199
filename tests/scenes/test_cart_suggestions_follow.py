"""On a portrait screen the cart's "Goes well with your cart" follows its lines (designer's review, issue 22: docked
over the total, it left a third of the screen empty between two lines and it). Where the lines and the suggestions
do not both fit above the total, the suggestions stay docked over it, in sight while the lines scroll."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.layout_check import layout_problems, widgets_without_ink
from tests.scenes.helpers import session

SHOES = ("RUN-115", "RUN-112", "RUN-113", "RUN-114", "RUN-116", "RUN-117")
SHAPES = [("terminal", (1080, 1920)), ("terminal", (800, 1280)), ("window", (2160, 3840))]


def shown(pilot: Pilot) -> list[dict[str, Any]]:
    """The widgets the display shows."""
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("display, size, language",
                         [(display, size, language) for display, size in SHAPES for language in ("fr", "de")],
                         ids=[f"{display}-{size[0]}x{size[1]}-{language}" for display, size in SHAPES
                              for language in ("fr", "de")])
@pytest.mark.quick_first(1)  # the portrait terminal in French; the rest in CI
def test_goes_well_with_follows_the_cart_s_lines(tmp_path: Path, display: str, size: tuple[int, int],
                                                 language: str) -> None:
    with session(tmp_path, display, size, language, cart=SHOES[:2], screen=lambda routes: routes.cart()) as pilot:
        ctx = pilot.app.display().ctx
        theme = ctx.theme
        heading = ctx.t("Goes well with your cart")
        widgets = shown(pilot)
        lines = [w for w in widgets if w["role"] == "button" and w["label"].startswith(ctx.t("One less {name}",
                                                                                            name=""))]
        said = next(w for w in widgets if w["label"] == heading)
        last = max(w["bounds"][1] + w["bounds"][3] for w in lines)
        # (the foot of the last line's card: its padding under the − and + buttons, a gap, the section's own)
        assert said["bounds"][1] - last <= 3 * theme.size("gap") + theme.size("margin"), \
            f"'{heading}' at y={said['bounds'][1]}, the last line's buttons end at {last}: empty room between"
        order = next(w for w in widgets if w["role"] == "button" and w["label"] == ctx.t("Order"))
        assert not said["clipped"] and not order["clipped"]
        assert layout_problems(widgets, theme.size("touch_target")) == []
        assert widgets_without_ink(widgets, pilot.picture()) == []

        for sku in SHOES[2:]:  # more lines than the screen holds with them: the suggestions docked, in sight
            put_in_cart(ctx, sku)
        pilot.app.display().screen.stack.top.rebuild()
        pilot.advance(0.1)
        widgets = shown(pilot)
        docked = [w for w in widgets if w["label"] == heading]
        assert docked and not docked[0]["clipped"], f"'{heading}' in sight under six lines"
