"""Config files: typed values, and errors that name the file, the key and the line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from tests.conftest import DEFAULT_CONFIG, REPO, write_config


def test_the_demo_config_loads_with_its_values() -> None:
    config = load_config(DEFAULT_CONFIG)
    assert config.store.default_language == "fr"
    assert config.displays[0].size == (1080, 1920)
    assert config.session.idle_timeout_s == 90
    assert config.path(config.content.pack).is_dir()


def test_an_unknown_key_is_reported_with_file_key_and_line(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text().replace("idle_timeout_s = 90", "idle_timeout_s = 90\nidle_timout = 30")
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [problem] = caught.value.problems
    written = path.read_text().splitlines()
    assert problem.key == "session.idle_timout"
    assert problem.line is not None and written[problem.line - 1].startswith("idle_timout = 30")
    assert str(path) in str(problem) and "unknown key" in str(problem)


def test_a_value_out_of_bounds_names_its_key_and_line(tmp_path: Path) -> None:
    path = write_config(tmp_path, idle_timeout_s=1)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [problem] = caught.value.problems
    assert problem.key == "session.idle_timeout_s"
    assert "at least 10" in problem.message
    assert path.read_text().splitlines()[problem.line - 1].startswith("idle_timeout_s = 1")


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text().replace('currency = "EUR"', 'currency = "XYZ"').replace(
        "size = [1080, 1920]", 'size = "big"')
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, text))
    assert {p.key for p in caught.value.problems} == {"store.currency", "displays.0.size"}


def test_broken_toml_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[store]\nid = "x"\nname = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems[0].line == 3


def test_check_command_passes_on_the_demo_and_fails_with_the_line_on_a_broken_config(tmp_path: Path) -> None:
    good = subprocess.run([sys.executable, "run_kiosk.py", "--check"], cwd=REPO, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "OK" in good.stdout
    bad_path = write_config(tmp_path, DEFAULT_CONFIG.read_text().replace("default_language = \"fr\"",
                                                                         "default_language = \"nl\""))
    bad = subprocess.run([sys.executable, "run_kiosk.py", "--check", "--config", str(bad_path)], cwd=REPO,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert f"{bad_path}:" in bad.stdout and "store.default_language" in bad.stdout
