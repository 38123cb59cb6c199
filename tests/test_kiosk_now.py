"""`--now`: the kiosk lives from the moment it is given, so a desk can show the closed store on a Sunday and a
test's kiosk never follows the hour or the date the test happens to run at."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.automation import request
from tests.conftest import REPO, write_config
from tests.kiosk_process import KIOSK, start_kiosk


def _window(sock: Path) -> dict[str, object]:
    reply = request(sock, {"cmd": "state"})
    assert reply["ok"], reply
    return dict(reply["displays"]["window"])


@pytest.mark.e2e
@pytest.mark.slow  # two kiosk processes: CI runs it (every test's kiosk starts with --now in the quick tier)
def test_the_window_says_closed_on_the_sunday_it_is_given_and_open_on_a_friday_morning(tmp_path: Path) -> None:
    sunday, friday = tmp_path / "sunday", tmp_path / "friday"
    sunday.mkdir(), friday.mkdir()
    shown = {}
    for folder, moment in ((sunday, "2026-11-22T15:00+01:00"), (friday, "2026-11-20T11:00+01:00")):
        sock = folder / "kiosk.sock"
        process = start_kiosk(write_config(folder), sock, "--display", "window", "--now", moment,
                              output=subprocess.DEVNULL)
        try:
            shown[folder.name] = _window(sock)
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert (shown["sunday"]["open"], shown["sunday"]["status"]) == (False, "Fermé · Nous ouvrons demain à 10:00")
    assert shown["friday"]["open"] is True


def test_a_moment_without_its_offset_is_refused_with_an_example(tmp_path: Path) -> None:
    ran = subprocess.run([*KIOSK[:2], "--headless", "--now", "2026-11-22 15:00", "--config",
                          str(write_config(tmp_path))], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert "needs its offset from UTC, like 2026-12-24T22:30+01:00" in ran.stderr
