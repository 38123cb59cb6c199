"""Staff's PIN pad: Cancel and erase are keys of the pad as the digits are, outlined as they are, their words as dark
(issue 22, designer's reviews: "Abbrechen" and "⌫" were filled grey beside outlined digits, as if from another pad;
then, in grey words in an option's grey edge, "Annuler" looked as a disabled button does)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.layout_check import contrast
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{display}-{w}x{h}" for display, (w, h) in SHAPES])
@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "a11y"])
def test_cancel_and_erase_are_outlined_as_the_digits(tmp_path: Path, display: str, size: tuple[int, int],
                                                      accessible: bool) -> None:
    with session(tmp_path, display, size, "de", accessible=accessible) as pilot:
        pilot.app.display().staff.open_pin_pad()
        assert pilot.scene == "pin_pad"
        ctx = pilot.app.display().ctx
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        keys = {w["label"]: pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "button"}
        picture = pilot.picture()
        edge = max(2, ctx.theme.px(3))

        def looks(key: pygame.Rect) -> tuple[tuple[int, ...], tuple[int, ...]]:
            """The key's outline and its fill (at its left edge, half-way down, and just inside it)."""
            return (tuple(picture.get_at((key.left + 1, key.centery)))[:3],
                    tuple(picture.get_at((key.left + 3 * edge, key.centery)))[:3])

        def darkest(key: pygame.Rect) -> float:
            """How strongly the key's words stand on its fill: their strongest ink's contrast."""
            pixels = pygame.image.tobytes(picture.subsurface(key.inflate(-4 * edge, -4 * edge)), "RGB")
            fill = looks(key)[1]
            return max(contrast((pixels[i], pixels[i + 1], pixels[i + 2]), (fill[0], fill[1], fill[2]))
                       for i in range(0, len(pixels), 3))

        digit = looks(keys["5"])
        assert digit[0] != digit[1], "a digit is outlined"
        for label in (ctx.t("Cancel"), "⌫"):
            assert looks(keys[label]) == digit, f"{label!r} looks {looks(keys[label])}, a digit {digit}"
            # the word whole, not "Abbrech…" (the German tablet's): within the key, its outline aside
            word = ctx.screen.text.width(label, ctx.theme.size("title" if label == "⌫" else "text"), True)
            assert word <= keys[label].width - 2 * edge, f"{label!r} is {word} px wide on a {keys[label].width} px key"
            strongest = darkest(keys[label])
            assert strongest >= darkest(keys["5"]) - 0.5, \
                f"{label!r} reads at {strongest:.1f}:1 on its key, a digit at {darkest(keys['5']):.1f}:1: as if it " \
                "could not be tapped"
