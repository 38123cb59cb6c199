"""What the kiosk leaves out of its memory: libraries it never uses, or not yet, are not loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_config

SCRIPT = """
import sys
from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
pilot = Pilot(load_config(sys.argv[1]), "terminal")
pilot.tap(x=540, y=960)
libraries = open("/proc/self/maps").read()
loaded = sorted(name for name in ("pygame.mixer", "pygame.mixer_music") if sys.modules.get(name))
print("SDL2_mixer" in libraries, loaded)
print("multiprocessing" in sys.modules)
print("av" in sys.modules)
print(pilot.scene)
print(sorted({name.split(".")[0] for name in sys.modules if name.split(".")[0] in ("babel", "phonenumbers")}))
pilot.close()
"""


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What a kiosk started on the demo store and touched once says about itself, at its second start
    (the first imported the pack into its catalogue)."""
    config = write_config(tmp_path_factory.mktemp("start"))
    quiet = {"SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(config)], capture_output=True, text=True,
                                timeout=120, check=False, env=quiet, cwd=Path(__file__).resolve().parents[1])
        assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.slow  # a kiosk process, seconds: CI runs it
def test_the_kiosk_runs_without_loading_pygames_sound(started: list[str]) -> None:
    """The kiosk plays no sound: SDL_mixer and its audio codecs (2.6 MB resident) stay out, and the
    screens work without them."""
    assert started[0] == "False []"
    assert started[3] == "home"


def test_the_catalogue_import_machinery_waits_for_an_import(started: list[str]) -> None:
    """multiprocessing (0.6 MB) is loaded when head office's pack is imported again, not at start."""
    assert started[1] == "False"


def test_ffmpeg_waits_for_the_first_film(started: list[str]) -> None:
    """PyAV (FFmpeg's libraries, 21 MB resident) is loaded when a film is first shown or checked, not at
    start: the attract loop opens on a message, a store without films never loads it."""
    assert started[2] == "False"


def test_prices_and_dates_need_no_babel_data_and_phone_rules_wait_for_a_number(started: list[str]) -> None:
    """Prices and dates are written from the kiosk's small format tables, not Babel's data (7-8 MB and
    1.2 MB a language); phonenumbers' rules (1.4 MB) load with the first number a shopper types."""
    assert started[4] == "[]"
