"""The README tells a newcomer the truth: the packages CI installs, every command-line option, and the
Python client it names."""

from __future__ import annotations

import re

import pytest

from kiosk.cli import parse_args
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_names_every_debian_package_ci_installs() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    installed = {word for line in re.findall(r"apt-get install ([^\n>]*)", script)
                 for word in line.split() if not word.startswith("-")}
    assert installed, "found the apt-get install line of .ci/run"
    missing = sorted(package for package in installed if not re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])",
                                                                       README))
    assert not missing, f"the README does not say CI installs {missing}"


def test_the_options_table_has_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    parser_options = set(re.findall(r"--[a-z-]+", capsys.readouterr().out))
    assert "--verbose" in parser_options
    table = "\n".join(line for line in README.splitlines() if line.startswith("| `--"))
    missing = sorted({option for option in parser_options if f"`{option}" not in table} - {"--help"})
    assert not missing, f"the README's options table misses {missing}"


def test_the_python_client_the_readme_names_exists() -> None:
    assert "from kiosk.automation import request" in README
    from kiosk.automation import request

    assert callable(request)
