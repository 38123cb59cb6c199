"""The 4K window's departments each on one line (designer's review of normal mode, issue 22): in Spanish
"Zapatillas de running", "Tiendas de campaña" and "Linternas frontales" took two lines each in the row under the
store's hours, for want of 33 px; the row holds every name on one line in every language, each whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenes.helpers import session

LANGUAGES = ("es", "fr", "de", "it", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_department_on_one_line(tmp_path: Path, language: str) -> None:
    with session(tmp_path, "window", (3840, 2160), language, screen=lambda routes: routes.home()) as pilot:
        ctx = pilot.app.display().ctx
        names = {ctx.t("All"), *(category.name.get(language, "") for category in ctx.shop.catalog.categories)}
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        chips = [w for w in widgets if w["role"] == "button" and w["label"] in names]
        assert len(chips) == len(names), f"every department in the row: {[w['label'] for w in chips]}"
        wrapped = [w["label"] for w in chips if w.get("lines")]
        assert wrapped == [], f"departments on two lines: {wrapped}"
        tops = {w["bounds"][1] for w in chips}
        assert len(tops) == 1, "the departments in one row"
        text, size = ctx.screen.text, ctx.theme.size("small")
        cut = [w["label"] for w in chips if text.width(w["label"], size, True) > w["bounds"][2]]
        assert cut == [], f"names wider than their chip: {cut}"
