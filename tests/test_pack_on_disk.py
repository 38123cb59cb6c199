"""The kiosk (its own process) and the pack on its disk: odd pictures show, a broken pack at restart
leaves the kiosk running on its last good catalogue and says why, to staff and in `--check`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.automation.server import request
from tests.conftest import REPO, write_config
from tests.kiosk_process import KIOSK, start_kiosk
from tests.pictures import write_png

ROAD_BIKE = "2001000001019"


def ask(sock: Path, **message: Any) -> dict[str, Any]:
    reply = request(sock, message)
    assert reply["ok"], reply
    return reply


def config_with_pack(folder: Path) -> tuple[Path, Path]:
    """A copy of the demo pack in `folder`, and a config that uses it."""
    pack = folder / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    config = write_config(folder)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    return config, pack


def open_maintenance(sock: Path) -> None:
    for _ in range(5):
        ask(sock, cmd="tap", x=1075, y=5)
    for digit in "2580":
        ask(sock, cmd="tap", label=digit)


@pytest.mark.e2e
@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_a_grey_picture_shows_and_a_broken_pack_at_restart_keeps_the_last_good_one(tmp_path: Path) -> None:
    config, pack = config_with_pack(tmp_path)
    products = json.loads((pack / "products.json").read_text(encoding="utf-8"))
    write_png(pack / "images" / "grey.png", 300, 300, colour_type=0)  # plain 8-bit grey: it crashed the page
    products[0]["image"] = "images/grey.png"
    (pack / "products.json").write_text(json.dumps(products, ensure_ascii=False, indent=1), encoding="utf-8")
    sock = tmp_path / "kiosk.sock"
    log = (tmp_path / "kiosk.log").open("wb")

    process = start_kiosk(config, sock, "--display", "terminal", output=log)
    ask(sock, cmd="scan", data=ROAD_BIKE)
    ask(sock, cmd="screenshot", path=str(tmp_path / "grey.png"))
    assert ask(sock, cmd="state")["displays"]["terminal"]["scene"] == "product"
    process.terminate()
    assert process.wait(timeout=5) == 0

    lines = (pack / "products.json").read_text(encoding="utf-8").splitlines()
    lines[10] += ","
    (pack / "products.json").write_text("\n".join(lines), encoding="utf-8")
    process = start_kiosk(config, sock, "--display", "terminal", output=log)
    try:
        ask(sock, cmd="scan", data=ROAD_BIKE)
        assert ask(sock, cmd="state")["displays"]["terminal"]["scene"] == "product", "the last good catalogue serves"
        ask(sock, cmd="key", name="back")
        open_maintenance(sock)
        details = ask(sock, cmd="state")["displays"]["terminal"]
        assert details["scene"] == "maintenance" and details["content_refused"] == 1
        assert "refus" in details["message"] and "products.json:11" in details["message"]
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
    assert "content pack on disk was refused" in (tmp_path / "kiosk.log").read_text()

    checked = subprocess.run([sys.executable, "run_kiosk.py", "--check", "--config", str(config)], cwd=REPO,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0].startswith(f"{pack / 'products.json'}:11: "), "the cause first, no banner"
    assert checked.stdout.splitlines()[-1].endswith("1 problem(s)")


@pytest.mark.e2e
def test_an_unknown_display_name_says_which_exist(tmp_path: Path) -> None:
    ran = subprocess.run([*KIOSK, "--headless", "--display", "pavement", "--config",
                          str(write_config(tmp_path))], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert "no display named 'pavement'" in ran.stderr and "'terminal', 'window'" in ran.stderr
