"""The header looks the same on every screen of a display: the language button and the title do not
change when the cart appears."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config


def header(pilot: Pilot) -> dict[str, Any]:
    widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
    height = pilot.app.display().screen.theme.size("header")
    offset = pilot.app.display().screen.offset
    top = [w for w in widgets if w["bounds"][1] < offset + height]
    title = next(w for w in top if w["role"] == "heading")
    language = next(w for w in top if w["label"] in ("Langue", "Sprache"))
    return {"title_box": title["bounds"][3], "language_box": language["bounds"][2:]}


@pytest.mark.parametrize("size, language, accessible", [((1080, 1920), "fr", False), ((1080, 1920), "de", True),
                                                        ((800, 1280), "de", False), ((1920, 1080), "de", True)])
def test_the_title_and_the_language_stay_put_when_the_cart_appears(tmp_path: Path, size: tuple[int, int],
                                                                   language: str, accessible: bool) -> None:
    text = DEFAULT_CONFIG.read_text().replace('default_language = "fr"', f'default_language = "{language}"')
    text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", text, count=1, flags=re.M)
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 2)
        if accessible:
            pilot.app.display().set_accessible(True)
        pilot.scan("2001000001026")  # the carbon road bike: a long name
        before = header(pilot)
        pilot.tap("Ajouter au panier" if language == "fr" else "In den Warenkorb")
        assert any(label.startswith(("Panier (", "Warenkorb (")) for label in pilot.labels())
        assert header(pilot) == before
    finally:
        pilot.close()
