"""The share code in accessible mode on the 800x1280 tablet (issue 22): as large as the reach zone lets it
be, and read by a phone from arm's length, where the camera sees the whole screen small."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
import zxingcpp

from tests.layout_check import layout_problems, reach_problems, widgets_without_ink
from tests.test_layout_matrix import pilot_for

ARMS_LENGTH = 0.4  # the screen as a phone's camera frames it from arm's length: 320x512 of the tablet's pixels


def qr_codes(picture: pygame.Surface) -> list[str]:
    """The QR codes zxing-cpp reads in a picture."""
    width, height = picture.get_size()
    pixels = memoryview(pygame.image.tobytes(picture, "RGB")).cast("B", (height, width, 3))
    return [str(code.text) for code in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_accessible_tablet_shows_a_code_a_phone_reads_from_arms_length(tmp_path: Path, language: str) -> None:
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), language, mail=True)
    try:
        pilot.tap(x=400, y=400)
        display = pilot.app.display()
        display.set_accessible(True)
        display.ctx.show(display.ctx.routes.share(["RUN-115"]))
        pilot.advance(0.2)
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        code = next(w for w in shown if w["role"] == "image" and "QR" in w["label"])
        assert code["bounds"][2] >= 300, f"the code is {code['bounds'][2]} px wide: as large as the zone allows"
        assert reach_problems(shown, (800, 1280), display.shop.config.accessibility.reach) == []
        assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
        picture = pilot.picture()
        assert widgets_without_ink(shown, picture) == []
        far = pygame.transform.smoothscale(picture, (round(800 * ARMS_LENGTH), round(1280 * ARMS_LENGTH)))
        assert qr_codes(far) == [display.ctx.screen.stack.top.shown_url]  # type: ignore[attr-defined]
    finally:
        pilot.close()
