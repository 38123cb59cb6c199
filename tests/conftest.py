"""Shared fixtures: a config of the demo store whose catalogue is built in a temporary folder."""

from __future__ import annotations

import gc
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # films with sound play to nothing, as on CI (no sound card)

from kiosk.config import KioskConfig, load_config
from kiosk.core.catalog.build import ensure_catalog
from kiosk.testing.pilot import Pilot
from tests.mqtt import Broker

# In CI, Hypothesis draws the same examples every run, so CI never passes or fails by luck; on a
# developer's machine it keeps exploring (and remembers what failed in .hypothesis/). Nor by the machine's
# load: no time limit per example there (speed is measured in bench/, not in tests).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = REPO / "config" / "default.toml"
DEMO_PACK = REPO / "content" / "demo"


def write_config(folder: Path, text: str | None = None, **session: float) -> Path:
    """A copy of the demo config in `folder`, with its catalogue there too; `session` overrides timeouts."""
    text = text if text is not None else DEFAULT_CONFIG.read_text(encoding="utf-8")
    catalog = folder / "catalog.db"
    text = text.replace('pack = "../content/demo"', f'pack = "{DEMO_PACK}"\ndatabase = "{catalog}"')
    text = text.replace('# path = "/var/lib/kiosk/outbox.db"', f'path = "{folder / "outbox.db"}"')  # not the user's
    for key, value in session.items():
        text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
    path = folder / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    if f'pack = "{DEMO_PACK}"' in text and f'database = "{catalog}"' in text and not catalog.exists():
        # The demo catalogue, imported once for the whole run by the real importer: the kiosk finds it built from
        # these very files and does not import them again. A test that then points the config at another pack
        # has that one imported at start, the demo's kept as the previous catalogue (a store changing packs).
        shutil.copyfile(demo_catalog(), catalog)
    return path


@cache
def demo_catalog() -> Path:
    """The demo pack imported once for this test run, in a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-demo-catalog-"))
    return ensure_catalog(DEMO_PACK, folder / "catalog.db")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What lives once the tests are collected (modules, the tests, Hypothesis' strategies) lives until the
    end: frozen, the cycle collector run as each pilot closes walks only what the tests made since."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the number of processes
def pytest_cmdline_main(config: pytest.Config) -> None:
    """A run of the whole suite or of a tier (`pytest`, CI's run, or `pytest -m "not slow"`) runs in one process
    per core this process may use, with pytest-xdist, a file's tests together in one process: CI's run took
    34 minutes in one process on its machine. A file or test named, --pdb, `-n` given, or a virtualenv made
    before pytest-xdist joined the dev tools run in this one process as before."""
    if (config.option.file_or_dir or not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput")
            or config.option.numprocesses is not None or config.getoption("usepdb")):
        return
    config.option.numprocesses = len(os.sched_getaffinity(0))
    if config.option.dist == "no":
        config.option.dist = "loadfile"


# The files that take longest in CI's run (minutes each), started first: spread over the cores a file at a time in
# the order collected, the store-PC install test (a Debian root made and booted three times) came last and
# ran alone for five minutes after the other process had finished. Its three cases (sway, cage, a bare X
# server: 4-5 minutes each) are a file each, so that they run side by side.
LONGEST_FIRST = ("test_install.py", "test_install_cage.py", "test_install_x11.py", "test_layout_matrix.py",
                 "test_bench_smoke.py", "test_merchant_feed.py", "test_forgiving_search.py")


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`@pytest.mark.quick_first(n)`: the first n cases of a parametrized test (of those not marked slow
    already) stay in the quick tier, the others are marked slow (CI runs them all). And the longest files
    first (LONGEST_FIRST), each file's tests in their order."""
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
    seen: Counter[tuple[str, str]] = Counter()
    for item in items:
        first = item.get_closest_marker("quick_first")
        if first is None or not isinstance(item, pytest.Function) or item.get_closest_marker("slow"):
            continue
        seen[str(item.path), item.originalname] += 1
        if seen[str(item.path), item.originalname] > first.args[0]:
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Remove the demo catalogue imported for this run."""
    if demo_catalog.cache_info().currsize:
        shutil.rmtree(demo_catalog().parent, ignore_errors=True)


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
