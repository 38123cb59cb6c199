"""Screens off and on: each method through its outermost boundary (a CEC adapter that cec-client talks
to, a sysfs backlight folder, a real X server without DPMS), and the kiosk's schedule, staff's and
head office's word, and a touch that wakes a window in quiet hours."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.messages import CommandReceived
from kiosk.services.screen_power import BacklightPower, CecPower, DpmsPower, PowerError
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config

# A CEC adapter as libcec's cec-client shows it: it reads commands on stdin and says what the TV did.
FAKE_CEC_CLIENT = """#!/bin/sh
if [ "$1" = "-l" ]; then
    if [ -f "{folder}/unplugged" ]; then echo "Found devices: NONE"; exit 0; fi
    printf 'Found devices: 1\\n\\ndevice:              1\\ncom port:            /dev/ttyACM0\\n'
    exit 0
fi
if [ -f "{folder}/unplugged" ]; then
    echo "opening a connection to the CEC adapter..."
    echo "ERROR:   [            2]	could not open a connection (try 2)"
    exit 1
fi
read command
echo "$command" >> "{folder}/tv.log"
echo "opening a connection to the CEC adapter..."
echo "TRAFFIC: [          120]	>> 10:36"
exit 0
"""


@pytest.fixture
def cec_adapter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose tv.log receives what cec-client sent to the TV; `unplugged` in it: no adapter."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    script = bin_folder / "cec-client"
    script.write_text(FAKE_CEC_CLIENT.format(folder=tmp_path))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}:{os.environ['PATH']}")
    return tmp_path


def test_cec_sends_standby_and_on_to_the_tv(cec_adapter: Path) -> None:
    cec = CecPower("0")
    assert cec.usable()
    cec.set(False)
    cec.set(True)
    assert (cec_adapter / "tv.log").read_text().split("\n")[:2] == ["standby 0", "on 0"]


def test_cec_without_an_adapter_says_so(cec_adapter: Path) -> None:
    (cec_adapter / "unplugged").touch()
    with pytest.raises(PowerError, match=r"code 1|no CEC adapter"):
        CecPower("0").set(False)


def test_auto_tries_cec_only_where_an_adapter_is_plugged_in(cec_adapter: Path) -> None:
    assert CecPower("0", needs_adapter=True).usable()
    (cec_adapter / "unplugged").touch()
    unplugged = CecPower("0", needs_adapter=True)
    assert not unplugged.usable(), "no adapter: auto goes on to the next method, with no warning at each switch"
    assert CecPower("0").usable(), "cec configured by name is tried, and its failure said"


def test_a_sysfs_backlight_is_darkened_and_lit(tmp_path: Path) -> None:
    panel = tmp_path / "backlight" / "rpi_backlight"
    panel.mkdir(parents=True)
    (panel / "bl_power").write_text("0\n")
    light = BacklightPower(root=tmp_path / "backlight")
    assert light.usable()
    light.set(False)
    assert (panel / "bl_power").read_text() == "4\n"
    light.set(True)
    assert (panel / "bl_power").read_text() == "0\n"
    assert not BacklightPower(root=tmp_path / "none").usable()


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xset")), reason="needs Xvfb and xset")
def test_dpms_is_not_tried_on_an_x_server_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    number = 190
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "640x480x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        monkeypatch.setenv("DISPLAY", f":{number}")
        assert not DpmsPower().usable(), "Xvfb has no DPMS: auto goes on to the next method"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _window_pilot(folder: Path, when: datetime) -> Pilot:
    """The demo's shop window (power = "lit": it takes orders at night), switched by CEC."""
    text = DEFAULT_CONFIG.read_text()
    assert 'power = "lit"' in text and 'method = "auto"' in text
    text = text.replace('method = "auto"', 'method = "cec"')
    return Pilot(load_config(write_config(folder, text)), "window", clock=ManualClock(when), power=True)


def _settle(pilot: Pilot) -> None:
    """Let the switch done off the loop come back as a message."""
    for _ in range(250):
        pilot.app.step(block=False)
        if not pilot.app.power.switching:
            return
        time.sleep(0.02)
    raise AssertionError("the switch did not come back")


def test_the_window_goes_dark_at_one_and_a_touch_wakes_it_for_an_order(tmp_path: Path, cec_adapter: Path) -> None:
    night = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # 00:30 in Paris: after hours, lit for night orders
    pilot = _window_pilot(tmp_path, night)
    try:
        _settle(pilot)
        assert pilot.app.power.states()["window"] | {"error": ""} == \
            {"on": True, "reason": "after hours", "asked": "schedule", "method": "cec", "error": "", "switching": False}
        pilot.clock.advance(31 * 60)  # 01:01: quiet hours
        pilot.app.step(block=False)
        pilot.app.power.check(pilot.clock.now(), pilot.clock.monotonic(), force=True)
        _settle(pilot)
        screen = pilot.app.power.states()["window"]
        assert (screen["on"], screen["reason"], screen["method"]) == (False, "quiet hours", "cec")
        assert (cec_adapter / "tv.log").read_text().splitlines()[-1] == "standby 0"
        telemetry = pilot.app.telemetry()["screens"]["window"]
        assert telemetry["on"] is False and telemetry["reason"] == "quiet hours" and not telemetry["error"], \
            "off on purpose is not a fault"
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=(1900, 1000), button=1, touch=False))
        pilot.app.step(block=False)
        _settle(pilot)
        assert pilot.app.power.states()["window"]["reason"] == "woken by a touch"
        assert (cec_adapter / "tv.log").read_text().splitlines()[-1] == "on 0"
        assert pilot.scene == "attract", "the waking touch pressed nothing"
    finally:
        pilot.close()


def test_staff_and_head_office_turn_a_screen_off_and_give_it_back(tmp_path: Path, cec_adapter: Path) -> None:
    noon = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    pilot = _window_pilot(tmp_path, noon)
    try:
        _settle(pilot)
        answer = pilot.app.fleet_commands(CommandReceived("screen_power", {"display": "window", "power": "off"},
                                                                 "", None))
        assert answer is not None and answer["ok"] and answer["on"] is False and answer["asked"] == "off"
        _settle(pilot)
        assert (cec_adapter / "tv.log").read_text().splitlines()[-1] == "standby 0"
        pilot.app.display().screen_switch.ask("schedule")  # the maintenance menu's "Follow the schedule"
        _settle(pilot)
        assert pilot.app.power.states()["window"]["on"] is True
        bad = pilot.app.fleet_commands(CommandReceived("screen_power", {"power": "dim"}, "", None))
        assert bad is not None and not bad["ok"]
    finally:
        pilot.close()


def test_with_no_method_that_works_the_screen_shows_black_and_says_why(tmp_path: Path, cec_adapter: Path) -> None:
    (cec_adapter / "unplugged").touch()
    pilot = _window_pilot(tmp_path, datetime(2026, 11, 23, 0, 30, tzinfo=UTC))  # 01:30 in Paris
    try:
        _settle(pilot)
        screen = pilot.app.power.states()["window"]
        assert (screen["on"], screen["method"]) == (False, "black")
        assert "cec" in screen["error"], "staff see that CEC failed and the picture is only black"
        pilot.app.frame()
        output = pilot.app.outputs[0]
        assert output.window_surface.get_at((100, 100))[:3] == (0, 0, 0)
    finally:
        pilot.close()
