"""The cart uses its room (designer's review of normal mode, issue 22): on a portrait screen two lines and "goes
well with" under them left about a quarter of the screen empty over the total. Now the lines' pictures are as
large as the room holds while every name shows whole: less than an eighth of the screen is left empty."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.scenes.helpers import session

CASES = [(display, size, language) for display, size in (("terminal", (1080, 1920)), ("terminal", (800, 1280)),
                                                         ("window", (2160, 3840))) for language in ("fr", "de")]


@pytest.mark.parametrize("display, size, language", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h), lang in CASES])
def test_the_cart_leaves_little_of_the_screen_empty(tmp_path: Path, display: str, size: tuple[int, int],
                                                     language: str) -> None:
    with session(tmp_path, display, size, language, cart=("RUN-112", "RUN-115"),
                 screen=lambda routes: routes.cart()) as pilot:
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        view = next(pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "list")
        inside = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] != "list" and
                  view.contains(pygame.Rect(w["bounds"]))]
        empty = view.bottom - max(rect.bottom for rect in inside)
        assert empty < size[1] // 8, f"{empty} px empty over the total, of {size[1]}"
        cut = [w["label"] for w in widgets if w.get("cut") or w.get("clipped")]
        assert cut == [], f"cut: {cut}"
