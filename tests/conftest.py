"""Shared fixtures: a config of the demo store whose catalogue is built in a temporary folder."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # films with sound play to nothing, as on CI (no sound card)

from kiosk.config import KioskConfig, load_config
from kiosk.testing.pilot import Pilot
from tests.mqtt import Broker

# In CI, Hypothesis draws the same examples every run, so CI never passes or fails by luck; on a
# developer's machine it keeps exploring (and remembers what failed in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = REPO / "config" / "default.toml"


def write_config(folder: Path, text: str | None = None, **session: float) -> Path:
    """A copy of the demo config in `folder`, with its catalogue there too; `session` overrides timeouts."""
    text = text if text is not None else DEFAULT_CONFIG.read_text(encoding="utf-8")
    text = text.replace('pack = "../content/demo"', f'pack = "{REPO / "content" / "demo"}"\n'
                                                     f'database = "{folder / "catalog.db"}"')
    text = text.replace('# path = "/var/lib/kiosk/outbox.db"', f'path = "{folder / "outbox.db"}"')  # not the user's
    for key, value in session.items():
        text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
    path = folder / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def config(tmp_path: Path) -> KioskConfig:
    """The demo store's config, with its catalogue in a temporary folder."""
    return load_config(write_config(tmp_path))


@pytest.fixture
def pilot(config: KioskConfig) -> Iterator[Pilot]:
    """The real app, headless, driven in-process on a manual clock."""
    driven = Pilot(config, "terminal")
    yield driven
    driven.close()


@pytest.fixture
def shopping(pilot: Pilot) -> Pilot:
    """The app with a session started (home in front)."""
    pilot.tap(x=540, y=960)
    assert pilot.scene == "home"
    return pilot


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[Broker]:
    """A real Mosquitto on a free loopback port (tests that use it skip where it is not installed)."""
    started = Broker(tmp_path)
    started.start()
    yield started
    started.stop()
