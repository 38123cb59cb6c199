"""What the kiosk leaves out of its memory: libraries it never uses are not loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
print(pilot.scene)
pilot.close()
"""


def test_the_kiosk_runs_without_loading_pygames_sound(tmp_path: Path) -> None:
    """The kiosk plays no sound: SDL_mixer and its audio codecs (2.6 MB resident) stay out, and the
    screens work without them."""
    config = write_config(tmp_path)
    quiet = {"SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(config)], capture_output=True, text=True, timeout=120,
                            check=False, env=quiet, cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False []", "home"]
