"""A catalogue import runs in a worker: the screen keeps drawing and the old catalogue keeps serving
until the new one is swapped in between frames; a refused pack leaves the old one in place."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import REPO, write_config

sys.path.insert(0, str(REPO / "content" / "tools"))
from make_synthetic_pack import write_pack


@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_the_screen_draws_and_the_old_catalogue_serves_while_a_new_one_imports(tmp_path: Path) -> None:
    pack = write_pack(300, tmp_path / "pack")
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    pilot = Pilot(load_config(config), "terminal")
    try:
        assert pilot.app.shop.catalog.product_count() == 300
        shutil.rmtree(pack)
        write_pack(8000, pack)  # the new pack, a few seconds to import
        outcome: list[list[object]] = []
        assert pilot.app.shop.import_catalog(outcome.append)
        assert not pilot.app.shop.import_catalog(outcome.append), "one import at a time"
        frames_before = len(pilot.app.frame_times)
        served_old = 0
        screen = pilot.app.display().screen
        while not outcome:
            pilot.swipe((540, 1500), (540, 600), ms=100)  # someone keeps using the screen
            screen.redraw_all()  # and the whole screen is drawn again each turn
            pilot.app.step(block=False)
            served_old += pilot.app.shop.catalog.product_count() == 300
            time.sleep(0.01)
        assert outcome == [[]]
        assert served_old >= 3 and len(pilot.app.frame_times) > frames_before + 3, "drawn during the import"
        assert pilot.app.shop.catalog.product_count() == 8000

        (pack / "products.json").write_text("[{", encoding="utf-8")
        assert pilot.reload_content()[0].line == 1
        assert pilot.app.shop.catalog.product_count() == 8000 and len(pilot.app.shop.content_refused) == 1
    finally:
        pilot.close()
