"""A real, non-editable `pip install` of the kiosk into a virtualenv of its own, far from the checkout,
has the files that ship with it (interface texts, phone page, themes): a config in /etc/kiosk with
nothing beside it, an earlier release's included, is checked and starts to its first frame.

The kiosk's dependencies are not downloaded again: the virtualenv sees this interpreter's through a
.pth file (after its own site-packages, so the installed kiosk is the one imported, not the checkout)."""

from __future__ import annotations

import os
import shutil
import site
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from kiosk.automation.server import request
from tests.conftest import REPO
from tests.kiosk_process import wait_until_listening
from tests.test_old_configs import in_etc, store_pc_env

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_a_non_editable_install_has_the_files_that_ship_with_the_kiosk(tmp_path: Path) -> None:
    source = tmp_path / "source"  # only what a release archive has: no content/, no config/
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for name in ("kiosk", "displays", "drivers"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    where = "import site; print(site.getsitepackages()[0])"
    packages = Path(subprocess.run([str(venv / "bin" / "python"), "-c", where], check=True, capture_output=True,
                                   text=True).stdout.strip())
    (packages / "zz-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "--disable-pip-version-check",
                    str(source)], check=True, cwd=tmp_path, timeout=600)
    shutil.rmtree(source)  # the installed kiosk needs nothing of what it was installed from

    found = subprocess.run([str(venv / "bin" / "python"), "-c", "import kiosk.shipped as s; print(s.shipped(''))"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout.strip()
    assert Path(found).is_relative_to(venv), f"the installed package is used, not the checkout: {found}"
    for name in ("fr", "de", "es", "it"):
        assert (Path(found) / "locale" / name / "LC_MESSAGES" / "kiosk.mo").stat().st_size > 1000
    assert (Path(found) / "web" / "index.html").is_file()
    assert {p.stem for p in (Path(found) / "themes").glob("*.toml")} == {"default", "window", "high-contrast"}

    store = tmp_path / "store"
    store.mkdir()
    config = in_etc(store, REPO / "tests" / "data" / "old-configs" / "2026-11-29-a8ec43a.toml")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config.write_text(config.read_text().replace('# serve = "0.0.0.0:8765"', f'serve = "127.0.0.1:{port}"'))
    env = store_pc_env(store)
    checked = subprocess.run([str(venv / "bin" / "kiosk"), "--check", "--config", str(config)], cwd=store,
                             env=env, capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "content.locale" in checked.stdout and checked.stdout.rstrip().endswith("warning(s)")

    sock = store / "kiosk.sock"
    process = subprocess.Popen([str(venv / "bin" / "kiosk"), "--config", str(config), "--headless", "--display",
                                "terminal", "--automation", str(sock)], cwd=store, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        shown = request(sock, {"cmd": "tree"})["displays"]["terminal"]
        assert shown["scene"] == "attract"
        assert "Touchez l'écran pour commencer" in [w["label"] for w in shown["widgets"]], "French, from its own texts"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as page:  # its own phone page
            assert b"<html" in page.read().lower()
        assert request(sock, {"cmd": "screenshot", "path": str(store / "first.png")})["ok"]
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0].decode(errors="replace")
    assert process.returncode == 0 and "Traceback" not in output, output
    assert os.path.getsize(store / "first.png") > 10_000
