"""Accessible mode's comparison takes a product out with one button, in one style and one place on every shape
(designer's review, issue 22): it was "✕ Entfernen", "Entfernen" or a bare ✕ beside "Ansehen" by shape, over the
table on a portrait screen and under it on a landscape one. Now "✕ Entfernen" whole (on two lines in a narrow
column), at the foot of each product's column under the table, in one row."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button
from tests.test_layout_matrix import SHAPES, pilot_for

SHOES = ("RUN-112", "RUN-113", "RUN-114", "RUN-115")


def compare_four(tmp_path: Path, display: str, size: tuple[int, int], language: str) -> Pilot:
    pilot = pilot_for(tmp_path, display, size, language)
    pilot.tap(x=size[0] // 2, y=size[1] // 3)
    pilot.app.display().set_accessible(True)
    ctx = pilot.app.display().ctx
    for sku in SHOES:
        ctx.session.add_to_compare(sku)
    ctx.show(ctx.routes.compare())
    pilot.advance(0.1)
    return pilot


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
def test_each_product_is_removed_by_one_button_of_one_style_under_the_table(tmp_path: Path, display: str,
                                                                            size: tuple[int, int]) -> None:
    pilot = compare_four(tmp_path, display, size, "de")
    try:
        ctx = pilot.app.display().ctx
        t, screen = ctx.t, ctx.screen
        drawn = list(screen.stack.top.tree(screen.size).accessible(pygame.Rect((0, 0), screen.size)))
        names = {ctx.shop.catalog.product(sku).title(ctx.lang) for sku in SHOES}  # type: ignore[union-attr]
        removes = [(widget, rect) for widget, rect in drawn if isinstance(widget, Button)
                   and widget.label in {t("Remove {name}", name=name) for name in names}]
        assert len(removes) == len(SHOES), f"one Remove a product: {[w.label for w, _ in removes]}"
        for widget, rect in removes:
            assert widget.shown == "✕ " + t("Remove"), f"{widget.label!r} says {widget.shown!r}"
            lines = widget.wrapped(screen.theme, screen.text, rect.inflate(-2 * widget.inset, -2 * widget.inset))
            width = screen.text.width(widget.shown, screen.theme.size("small"), True)
            assert (lines and not any(line.endswith("…") for line in lines)) or \
                (not lines and width <= rect.width - screen.theme.px(16)), f"{widget.label!r} cut: {lines}"
        table = next(rect for widget, rect in drawn if isinstance(widget, ScrollView) and
                     widget.label == t("Comparison"))
        assert {rect.top for _, rect in removes} == {removes[0][1].top}, "in one row"
        assert removes[0][1].top >= table.bottom, f"under the table ({table}), not over it: {removes[0][1]}"
        pilot.tap(removes[0][0].label)
        assert len(ctx.session.compare) == len(SHOES) - 1
    finally:
        pilot.close()
