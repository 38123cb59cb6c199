"""The product page's action bar (designer's review, issue 22). The tick stays where it was ticked (under the finger:
its "✓ In the comparison" on it, not on "Compare (1)"), and the bar keeps its place and height whatever is compared
(ticking the second product made it shorter: the page moved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import layout_problems, widgets_without_ink
from tests.scenes.helpers import session

SHAPES = [("terminal", (1080, 1920)), ("terminal", (800, 1280)), ("window", (2160, 3840)), ("window", (3840, 2160))]


def found(pilot: Pilot, role: str, label: str) -> dict[str, Any] | None:
    """The widget of `role` labelled `label`, if shown."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return next((w for w in widgets if w["role"] == role and w["label"] == label), None)


@pytest.mark.parametrize("display, size, language",
                         [(display, size, language) for display, size in SHAPES for language in ("fr", "de")],
                         ids=[f"{display}-{size[0]}x{size[1]}-{language}" for display, size in SHAPES
                              for language in ("fr", "de")])
@pytest.mark.quick_first(1)  # the portrait terminal in French; the rest in CI
def test_the_comparison_s_row_keeps_its_place(tmp_path: Path, display: str, size: tuple[int, int],
                                              language: str) -> None:
    with session(tmp_path, display, size, language, screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        tick, cart = t("In the comparison"), t("Add to cart")
        alone = found(pilot, "checkbox", tick)
        added = found(pilot, "button", cart)
        assert alone is not None and added is not None
        assert widgets_without_ink(pilot.request("tree")["displays"][pilot.display_name]["widgets"],
                                   pilot.picture()) == []

        pilot.tap(tick)
        pilot.advance(4)  # (the confirmation gone)
        one = found(pilot, "button", t("Compare ({count})", count=1))
        more = found(pilot, "text", t.plural("Choose {count} more product", "Choose {count} more products", 1))
        assert one is not None and more is not None, "'Compare (1)' beside the tick, what it waits for under it"
        assert not more["clipped"]
        ticked = found(pilot, "checkbox", tick)
        assert ticked is not None and ticked["bounds"] == alone["bounds"], "the tick stays where it was ticked"
        assert found(pilot, "button", cart) == added, f"'{cart}' moved"

        ctx.session.add_to_compare("RUN-112")  # two compared: the bar as tall, nothing moves
        ctx.screen.stack.top.rebuild()
        pilot.advance(0.1)
        assert found(pilot, "button", cart) == added, f"'{cart}' moved with two products compared"
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        assert layout_problems(widgets, theme.size("touch_target")) == []


@pytest.mark.parametrize("display, size, language",
                         [(display, size, language) for display, size in SHAPES for language in ("fr", "de")],
                         ids=[f"{display}-{size[0]}x{size[1]}-{language}" for display, size in SHAPES
                              for language in ("fr", "de")])
@pytest.mark.quick_first(1)  # the portrait terminal in French; the rest in CI
def test_the_comparison_bar_says_what_it_waits_for_on_one_line(tmp_path: Path, display: str,
                                                               size: tuple[int, int], language: str) -> None:
    """"Encore 1 produit / à choisir" wrapped under a narrower "Comparer (1)" over a department (designer's
    review): the button as wide as its reason on one line."""
    with session(tmp_path, display, size, language) as pilot:
        ctx = pilot.app.display().ctx
        ctx.session.add_to_compare("RUN-112")
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        more = found(pilot, "text", ctx.t.plural("Choose {count} more product", "Choose {count} more products", 1))
        assert more is not None and not more["clipped"]
        line = ctx.screen.text.line_height(ctx.theme.size("small"), False)
        assert more["bounds"][3] < 2 * line, f"the reason on one line: {more['bounds']}"
