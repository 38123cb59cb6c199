"""[content] keys of head office's signed packs: the download's limits and where it may be redirected."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from tests.conftest import DEFAULT_CONFIG, write_config


def _with_content(tmp_path: Path, lines: str) -> Path:
    return write_config(tmp_path, DEFAULT_CONFIG.read_text().replace("[content]\n", f"[content]\n{lines}", 1))


def test_the_download_limits_have_sane_defaults_and_can_be_set(tmp_path: Path) -> None:
    content = load_config(DEFAULT_CONFIG).content
    assert content.redirect_hosts == ()
    assert content.download_deadline_s == 3600 and content.min_rate_kb_s == 10 and content.stall_s == 60
    content = load_config(_with_content(tmp_path, 'redirect_hosts = ["cdn.example.com"]\ndownload_deadline_s = 5\n'
                                                  "min_rate_kb_s = 1.5\nstall_s = 2\n")).content
    assert content.redirect_hosts == ("cdn.example.com",)
    assert (content.download_deadline_s, content.min_rate_kb_s, content.stall_s) == (5, 1.5, 2)


def test_a_bad_redirect_host_or_limit_names_the_file_the_key_and_the_line(tmp_path: Path) -> None:
    cases = {"content.redirect_hosts.1": 'redirect_hosts = ["ok.example.com", "https://cdn.example.com/packs"]\n',
             "content.stall_s": "stall_s = 0\n", "content.download_deadline_s": "download_deadline_s = -1\n"}
    messages = {}
    for index, (key, line) in enumerate(cases.items()):
        (tmp_path / str(index)).mkdir()
        path = _with_content(tmp_path / str(index), line)
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        [problem] = caught.value.problems
        assert problem.key == key
        assert problem.line is not None and path.read_text().splitlines()[problem.line - 1] == line.strip(), key
        assert str(path) in str(problem)
        messages[key] = problem.message
    assert "host name alone" in messages["content.redirect_hosts.1"]
    assert "at least 0.5" in messages["content.stall_s"]
