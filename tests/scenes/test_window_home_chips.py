"""The 4K landscape window's departments in one row, each name on one line where the row has room for it
(designer's review, issue 22): "Sacs / à dos" and "Montres / GPS" took two lines with room to spare at the
row's end; then "Chaussures / de running" and "Lampes / frontales" did, the row having no room for them in
the text's size: all of them now say their names on one line a size under. And a closed store's band said
"Nous ouvrons lundi 23 novembre / à 10:00" on two lines with room to spare: one line now."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.models import pick
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import layout_problems, widgets_without_ink
from tests.scenes.helpers import session


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_window_homes_departments_stay_on_one_line(tmp_path: Path, language: str) -> None:
    with session(tmp_path, "window", (3840, 2160), language) as pilot:
        pilot.advance(0.1)
        ctx = pilot.app.display().ctx
        names = [ctx.t("All"), *(pick(c.name, language) for c in ctx.shop.catalog.categories)]
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        chips = [w for w in widgets if w["role"] == "button" and w["label"] in names]
        assert [w["label"] for w in chips] == names
        assert len({w["bounds"][1] for w in chips}) == 1, "the departments in one row"
        parted = {w["label"]: w["lines"] for w in chips if "lines" in w}
        assert parted == {}, f"names on two lines: {parted}"
        assert layout_problems(widgets, ctx.theme.size("touch_target")) == []
        assert widgets_without_ink(chips, pilot.picture()) == []


def test_a_closed_store_s_band_says_when_it_opens_on_one_line(tmp_path: Path) -> None:
    at = datetime(2026, 11, 21, 21, 0, tzinfo=UTC)  # a Saturday, 22:00 in Lyon: closed until Monday
    pilot = Pilot(load_config(write_config(tmp_path, DEFAULT_CONFIG.read_text())), "window", clock=ManualClock(at))
    try:
        pilot.tap(x=1920, y=720)
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        opens = [w for w in widgets if w["role"] == "text" and w["label"].startswith("Nous ouvrons")]
        assert opens and "lines" not in opens[0] and not opens[0]["clipped"], opens
        invite = [w for w in widgets if w["role"] == "text" and w["label"].startswith("Commandez ici")]
        assert invite and "lines" not in invite[0] and not invite[0]["clipped"], invite
        assert not pygame.Rect(opens[0]["bounds"]).colliderect(pygame.Rect(invite[0]["bounds"]))
        assert widgets_without_ink(opens + invite, pilot.picture()) == []
    finally:
        pilot.close()
