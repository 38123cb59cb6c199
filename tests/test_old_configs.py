"""Upgrades never stop a store: the demo config of each earlier release (tests/data/old-configs, taken from
git history) starts this version where a store keeps it, /etc/kiosk/kiosk.toml, with nothing of the
checkout beside it (no content/locale, no content/web, no themes): what it says differently is a
warning, never a stop. A key a store must set is an error that says what to add."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.automation.server import request
from kiosk.config import ConfigError
from kiosk.config.settings import read_config
from kiosk.config.upgrade import retire_keys
from kiosk.shipped import shipped
from tests.conftest import REPO
from tests.kiosk_process import start_kiosk

OLD_CONFIGS = sorted((REPO / "tests" / "data" / "old-configs").glob("*.toml"))
THEMES = {"displays.0.theme", "displays.1.theme", "accessibility.theme"}  # "themes/..." beside the config
EXPECTED_WARNINGS = {  # the release's config -> the keys it is warned about
    "2026-11-22-9cb6900.toml": {"devices.scanners", "displays.0.theme"},  # scanners = ["sim:"]: the old form
    "2026-11-22-4597357.toml": {"displays.0.theme"},
    "2026-11-23-f7c3b1f.toml": {"displays.0.theme", "displays.1.theme"},
    "2026-11-23-29e475c.toml": THEMES,
    "2026-11-29-e08b2f2.toml": THEMES,
    "2026-11-29-a8ec43a.toml": {"content.locale", "share.web", *THEMES},  # "../content/locale", "../content/web"
    "2026-11-29-9d284c1.toml": {"content.locale", "share.web", *THEMES},
}


def in_etc(tmp_path: Path, old: Path) -> Path:
    """`old` as /etc/kiosk/kiosk.toml of a store PC: its pack where it says ("../content/demo"), nothing else."""
    etc = tmp_path / "etc"
    etc.mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "demo").symlink_to(REPO / "content" / "demo")
    config = etc / "kiosk.toml"
    config.write_text(old.read_text(encoding="utf-8"), encoding="utf-8")
    return config


def store_pc_env(tmp_path: Path) -> dict[str, str]:
    """The catalogue and the outbox in the test's folder, not the user's (the old configs name neither)."""
    return {**os.environ, "SDL_VIDEODRIVER": "dummy", "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_DATA_HOME": str(tmp_path / "data")}


def test_there_is_an_old_config_of_each_release() -> None:
    assert len(OLD_CONFIGS) >= 7


@pytest.mark.parametrize("old", OLD_CONFIGS, ids=[path.stem for path in OLD_CONFIGS])
def test_an_old_config_loads_with_warnings_only(tmp_path: Path, old: Path) -> None:
    config, warnings = read_config(in_etc(tmp_path, old))
    assert {warning.key for warning in warnings} == EXPECTED_WARNINGS[old.name]
    assert all(warning.line and str(warning.file).endswith("kiosk.toml") for warning in warnings)
    assert config.path(config.content.locale) == shipped("locale")
    assert all(Path(display.theme).is_file() for display in config.displays)
    if old.name == "2026-11-22-9cb6900.toml":
        assert [scanner.address for scanner in config.devices.scanners] == ["sim:"]


def test_a_shipped_file_not_where_the_config_says_is_said_with_what_to_write(tmp_path: Path) -> None:
    config = in_etc(tmp_path, REPO / "tests" / "data" / "old-configs" / "2026-11-29-a8ec43a.toml")
    loaded, warnings = read_config(config)
    said = {warning.key: str(warning) for warning in warnings}
    assert "folder not found" in said["content.locale"]
    assert "kiosk's own interface texts are used" in said["content.locale"]
    assert 'write theme = "window"' in said["displays.1.theme"]
    assert said["content.locale"].startswith(f"{config}:41: [content.locale]")
    assert loaded.path(loaded.share.web) == shipped("web")

    config.write_text(config.read_text().replace('theme = "themes/window.toml"', 'theme = "themes/brand.toml"'))
    with pytest.raises(ConfigError) as refused:  # a store's own theme has no copy that ships: an error
        read_config(config)
    assert "theme file not found" in str(refused.value) and "brand.toml" in str(refused.value)


def test_a_key_a_store_must_set_says_what_to_add(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[store]\nname = "Sentier"\n\n[content]\npack = "."\n\n[[displays]]\nrole = "window"\n')
    with pytest.raises(ConfigError) as refused:
        read_config(config)
    said = [str(problem) for problem in refused.value.problems]
    assert f'{config}:1: [store.id] is required: add id = "lyon-01" to [store]' in said
    assert f'{config}:7: [displays.0.name] is required: add name = "terminal" to this [[displays]] table' in said

    config.write_text('[store]\nid = "x"\nname = "y"\n')
    with pytest.raises(ConfigError) as refused:
        read_config(config)
    said = [str(problem) for problem in refused.value.problems]
    assert f"{config}: [content] is required: add a [content] table with pack" in said
    assert f"{config}: [displays] is required: add a [[displays]] table with name" in said


def test_a_key_that_is_gone_is_dropped_with_what_replaced_it() -> None:
    data = {"store": {"id": "x"}, "displays": [{"name": "a", "glow": 1}, {"name": "b"}, {"name": "c", "glow": 2}]}
    warnings = retire_keys(data, {("displays", "glow"): 'write theme = "window" instead'})
    assert data["displays"] == [{"name": "a"}, {"name": "b"}, {"name": "c"}]
    assert [(w.path, w.message) for w in warnings] == [
        (("displays", 0, "glow"), 'is no longer read: write theme = "window" instead'),
        (("displays", 2, "glow"), 'is no longer read: write theme = "window" instead')]


@pytest.mark.slow
@pytest.mark.e2e
@pytest.mark.parametrize("old", OLD_CONFIGS, ids=[path.stem for path in OLD_CONFIGS])
def test_an_old_config_is_checked_and_starts_to_its_first_frame(tmp_path: Path, old: Path) -> None:
    config = in_etc(tmp_path, old)
    checked = subprocess.run([sys.executable, str(REPO / "run_kiosk.py"), "--check", "--config", str(config)],
                             cwd=tmp_path, env=store_pc_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.rstrip().splitlines()[-1].startswith(f"{config}: OK")
    assert checked.stdout.count("warning: ") == len(EXPECTED_WARNINGS[old.name])

    log = tmp_path / "kiosk.log"
    sock = tmp_path / "kiosk.sock"
    process = start_kiosk(config, sock, "--display", "terminal", "--log-file", str(log), output=subprocess.DEVNULL,
                          env=store_pc_env(tmp_path))
    try:
        shown = request(sock, {"cmd": "tree"})["displays"]["terminal"]
        assert shown["scene"] == "attract", "the first frame is drawn"
        assert "Touchez l'écran pour commencer" in [w["label"] for w in shown["widgets"]], "the shipped French texts"
        assert request(sock, {"cmd": "screenshot", "path": str(tmp_path / "first.png")})["ok"]
        assert (tmp_path / "first.png").stat().st_size > 10_000
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
    written = log.read_text()
    assert "ERROR" not in written and "Traceback" not in written
    for key in EXPECTED_WARNINGS[old.name]:
        assert f"[{key}]" in written, f"the warning about {key} is in the log"


def test_a_theme_of_an_earlier_version_takes_what_it_lacks_from_the_default(tmp_path: Path) -> None:
    old_theme = (REPO / "kiosk" / "shipped" / "themes" / "default.toml").read_text()
    lacking = "\n".join(line for line in old_theme.splitlines() if not line.startswith("focus ="))
    assert lacking != old_theme, "the default theme sets focus (9cb6900's copy did not)"
    config = in_etc(tmp_path, OLD_CONFIGS[0])
    (config.parent / "themes").mkdir()
    (config.parent / "themes" / "default.toml").write_text(lacking)  # the store's copy, beside its config
    checked = subprocess.run([sys.executable, str(REPO / "run_kiosk.py"), "--check", "--config", str(config)],
                             cwd=tmp_path, env=store_pc_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout
    said = [line for line in checked.stdout.splitlines() if "[colors.focus]" in line]
    assert len(said) == 1 and said[0].startswith(f"warning: {config.parent / 'themes' / 'default.toml'}:")
    assert "the default theme's is used (add focus = " in said[0]
