"""The shop window's product page at its moments, as the designer's review of issue 22 asked: the action bar
gives the comparison's button the room its words need ("✓ Dans le comparateur" fell to the small size); picking
a size keeps the portrait window's picture its size (the stock line it adds shrank it); the red "choose a size
first" frame has room inside it (its words touched its edge)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.scenes.helpers import started


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    pilot.advance(0.1)
    found: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return found


def labelled(pilot: Pilot, label: str, role: str = "button") -> dict[str, Any]:
    return next(w for w in widgets(pilot) if w["role"] == role and w["label"] == label)


def product_page(tmp_path: Path, size: tuple[int, int], language: str) -> Pilot:
    pilot = started(tmp_path, "window", size, language)
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.product("RUN-115"))
    pilot.advance(0.1)
    return pilot


def ink_height(picture: pygame.Surface, rect: pygame.Rect, color: pygame.Color) -> int:
    """How tall the marks of `color` are inside `rect`."""
    area = picture.subsurface(rect)
    mask = pygame.mask.from_threshold(area, color[:3], (8, 8, 8, 255))
    found = mask.get_bounding_rects()
    return max(r.bottom for r in found) - min(r.top for r in found) if found else 0


@pytest.mark.parametrize("size, language", [((2160, 3840), "fr"), ((3840, 2160), "fr")], ids=["portrait",
                                                                                              "landscape"])
@pytest.mark.quick_first(1)  # the portrait window; the landscape one (its bar in one row) in CI
def test_the_window_product_keeps_its_picture_and_says_its_comparison_whole(tmp_path: Path, size: tuple[int, int],
                                                                             language: str) -> None:
    pilot = product_page(tmp_path, size, language)
    try:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        name = ctx.shop.catalog.product("RUN-115").title(language)  # type: ignore[union-attr]
        before = labelled(pilot, name, "image")["bounds"]
        pilot.tap(t("Add to cart"))  # no size yet: the frame
        labelled(pilot, t("Choose a size first"), "heading")
        assert labelled(pilot, name, "image")["bounds"] == before
        # from the first size leftwards to the frame's red edge: most of a gap (it was half of one); the message
        # stands over the frame, in the heading's place
        picture = pilot.picture()
        danger = theme.color("danger")
        first = labelled(pilot, "39", "radio")
        y = first["bounds"][1] + first["bounds"][3] // 2
        edge = next(x for x in range(first["bounds"][0], 0, -1) if pygame.Color(picture.get_at((x, y))) == danger)
        assert first["bounds"][0] - edge > theme.size("gap") * 3 // 4, "the sizes against the frame's edge"
        product = ctx.screen.stack.top
        pilot.tap(product.variants[0].label(ctx.lang))  # type: ignore[attr-defined]
        assert pilot.details()["variant"], "a size picked"
        assert labelled(pilot, name, "image")["bounds"] == before, "the picture changed size with a size picked"
        pilot.tap(t("Add to cart"))
        pilot.tap(t("In the comparison"))
        toggle = labelled(pilot, t("In the comparison"), "checkbox")
        assert toggle["checked"] and toggle.get("done") == t("In the comparison")
        # its "In the comparison" on one line in the tick's own size (the landscape window's bar says its comparison a
        # size under the ways to order): as tall as the words drawn so
        border = 2 * max(2, theme.px(6))
        inside = pygame.Rect(toggle["bounds"]).inflate(-2 * border, -2 * border)
        ink = theme.color("text")
        drawn = ctx.screen.text.render(t("In the comparison"), theme.size(product.comparison_size()),  # type: ignore[attr-defined]
                                       ink, bold=True)
        expected = drawn.get_bounding_rect().height
        assert abs(ink_height(pilot.picture(), inside, ink) - expected) <= 2, \
            f"'{t('In the comparison')}' not on one line in the tick's size ({expected} px tall)"
    finally:
        pilot.close()
