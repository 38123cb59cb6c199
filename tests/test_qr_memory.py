"""The QR code path leaves Pillow out (4 MB resident), and Pillow still works for whoever needs it after."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import os, sys
os.environ["SDL_VIDEODRIVER"] = "dummy"
from kiosk.ui.qr import qr_surface, qr_version
surface = qr_surface("https://shop.example/s/7f3a9b", 300)
assert qr_version("https://shop.example/s/7f3a9b") == 2
assert surface.get_size() == (297, 297), surface.get_size()  # 25 modules and 2 x 4 of quiet zone, 9 px each
print("PIL" in sys.modules)
import PIL.Image  # the printer's escpos imports it: hiding it was for qrcode's import only
print(PIL.Image.new("1", (8, 8)).size)
"""


def test_qr_codes_are_made_without_loading_pillow() -> None:
    pytest.importorskip("PIL")  # where Pillow is not installed there is nothing to keep out
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-3:-1] == ["False", "(8, 8)"]
