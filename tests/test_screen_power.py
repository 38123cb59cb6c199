"""Screens off and on: each method through its outermost boundary (a CEC adapter that cec-client talks
to, a sysfs backlight folder, a real X server without DPMS), and the kiosk's schedule, staff's and
head office's word, and a touch that wakes a window in quiet hours."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pygame
import pytest

from kiosk.automation.client import request
from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.messages import CommandReceived, Redraw
from kiosk.services.screen_power import BacklightPower, CecPower, DpmsPower, PowerError, WaylandPower
from kiosk.testing.pilot import Pilot
from kiosk.testing.xvfb import xvfb
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import KIOSK, kiosk_output, wait_until_listening

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


# wlr-randr (0.2) against a wlroots compositor with two outputs, the second turned: its report, and what --off
# and --on do to the layout. A bare --on puts an output back at (0,0) in its preferred mode, unturned, as
# sway 1.7 did to the store's window.
FAKE_WLR_RANDR = """#!{python} -IS
import json, sys
state = json.load(open("{state}"))
args = sys.argv[1:]
if not args:
    for name, o in state.items():
        print(f'{{name}} "Monitor {{name}}"')
        print("  Enabled: " + ("yes" if o["on"] else "no"))
        print("  Modes:")
        for mode in ("1920x1080", "1280x720"):
            print(f"    {{mode}} px, 60.000000 Hz" + (" (preferred, current)" if o["on"] and mode == o["mode"] else ""))
        if o["on"]:
            print(f'  Position: {{o["pos"]}}\\n  Transform: {{o["transform"]}}\\n  Scale: {{o["scale"]}}')
    sys.exit(0)
output = state[args[args.index("--output") + 1]]
given = {{key: args[i + 1] for i, key in enumerate(args) if key in ("--mode", "--pos", "--transform", "--scale")}}
if "--off" in args:
    output["on"] = False
if "--on" in args:
    output.update(on=True, mode=given.get("--mode", "1920x1080@60").split("@")[0], pos=given.get("--pos", "0,0"),
                  transform=given.get("--transform", "normal"), scale=given.get("--scale", "1.000000"))
json.dump(state, open("{state}", "w"))
"""


def test_a_wayland_output_comes_back_in_its_mode_place_and_turn(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Off and on again through wlr-randr (a wlroots compositor other than sway): the output comes back as it
    was, and the other one never moves."""
    state = tmp_path / "outputs.json"
    layout = {"HDMI-A-1": {"on": True, "mode": "1920x1080", "pos": "0,0", "transform": "normal", "scale": "1.000000"},
              "HDMI-A-2": {"on": True, "mode": "1280x720", "pos": "1920,0", "transform": "90", "scale": "1.000000"}}
    state.write_text(json.dumps(layout))
    script = tmp_path / "bin" / "wlr-randr"
    script.parent.mkdir()
    script.write_text(FAKE_WLR_RANDR.format(python=sys.executable, state=state))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{script.parent}:{os.environ['PATH']}")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-1")
    monkeypatch.delenv("SWAYSOCK", raising=False)
    power = WaylandPower("HDMI-A-2")
    assert power.usable()
    power.set(False)
    assert json.loads(state.read_text())["HDMI-A-2"]["on"] is False
    power.set(False)  # already off, its modes listed (a kiosk restarted at night): left alone, no error
    power.set(True)
    assert json.loads(state.read_text()) == layout, "the window's screen came back in its mode, at its place, turned"
    power.set(True)  # already on (the schedule's start): left alone
    assert json.loads(state.read_text()) == layout


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xset")), reason="needs Xvfb and xset")
def test_dpms_is_not_tried_on_an_x_server_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with xvfb(640, 480) as display:
        monkeypatch.setenv("DISPLAY", display)
        assert not DpmsPower().usable(), "Xvfb has no DPMS: auto goes on to the next method"


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


@pytest.mark.slow  # a night of the window's schedule: CI runs it
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


def test_a_screen_dark_by_a_black_picture_lets_the_loop_sleep(tmp_path: Path) -> None:
    """A terminal turned off by a black picture is not drawn, so its timers (the attract loop's next picture)
    are not served: they must not wake the loop either. They did, turn after turn: the kiosk spun a core (6.5
    to 7.8 s of CPU in 8 s under sway) for as long as a screen was off to save power."""
    text = DEFAULT_CONFIG.read_text().replace('method = "auto"', 'method = "black"')
    noon = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal", clock=ManualClock(noon), power=True)
    try:
        _settle(pilot)
        pilot.app.display().screen_switch.ask("off")
        _settle(pilot)
        assert pilot.app.power.states()["terminal"]["method"] == "black"
        pilot.clock.advance(60)  # the attract loop's next picture is due while the screen is dark
        pilot.app.step(block=False)
        assert pilot.app.display().next_deadline(pilot.clock.monotonic()) is not None, "a timer of the dark scene"
        waker = threading.Timer(0.5, lambda: pilot.app.post(Redraw()))
        waker.start()
        started = time.monotonic()
        pilot.app.step()  # sleeps until something happens: here the message half a second later
        slept = time.monotonic() - started
        waker.join()
        assert slept >= 0.4, f"the loop of a dark screen turned again after {slept * 1000:.0f} ms, with nothing to do"
        pilot.app.display().screen_switch.ask("on")
        _settle(pilot)
        assert pilot.app.power.states()["terminal"]["on"] is True
        assert pilot.app.outputs[0].picture().get_at((540, 960))[:3] != (0, 0, 0), "lit again, it shows its picture"
    finally:
        pilot.close()


def _x_picture(display: str, path: Path) -> pygame.Surface:
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True, timeout=30,
                   capture_output=True)
    return pygame.image.load(str(path)).convert(24)  # import writes a grey picture (black) in 8 bits


def _mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    small_a, small_b = (pygame.transform.smoothscale(p, (60, 60)) for p in (a, b))
    return sum(abs(small_a.get_at((x, y))[c] - small_b.get_at((x, y))[c]) for x in range(60) for y in range(60)
               for c in range(3)) / (60 * 60 * 3)


@pytest.mark.slow
@pytest.mark.skipif(not all(shutil.which(tool) for tool in ("Xvfb", "import")),
                    reason="needs Xvfb and imagemagick's import (CI installs them)")
def test_on_x11_the_screen_shows_what_the_kiosk_says_after_each_switch(tmp_path: Path) -> None:
    """A real X server without DPMS (Xvfb), the terminal turned a quarter, switched off and on by a black
    picture: after each switch the X server's picture is what the kiosk's screenshot says, at once."""
    text = re.sub(r'^(role = "terminal")$', "\\1\nrotation = 90", DEFAULT_CONFIG.read_text(), count=1, flags=re.M)
    config = write_config(tmp_path, text.replace('method = "auto"', 'method = "black"'))
    sock = tmp_path / "kiosk.sock"
    environment = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    with xvfb(1280, 720) as display:
        with kiosk_output(sock) as out:
            process = subprocess.Popen([*KIOSK, "--display", "terminal", "--automation",
                                        str(sock), "--config", str(config)], cwd=REPO,
                                       env={**environment, "DISPLAY": display, "SDL_VIDEODRIVER": "x11"},
                                       stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_until_listening(sock, process)
            for power in ("off", "on", "off", "on"):
                _switch_and_compare(sock, display, power, tmp_path)
        finally:
            process.terminate()
            process.wait(timeout=10)


def _switch_and_compare(sock: Path, display: str, power: str, folder: Path) -> None:
    """Switch the terminal `power` and check the X server's picture is what the kiosk says it shows."""
    assert request(sock, {"cmd": "power", "power": power}).get("ok")
    for _ in range(150):
        screen = request(sock, {"cmd": "state"})["screens"]["terminal"]["power"]
        if screen["on"] == (power == "on") and not screen["switching"]:
            break
        time.sleep(0.1)
    assert screen["method"] == "black" and screen["on"] == (power == "on"), screen
    assert request(sock, {"cmd": "screenshot", "path": str(folder / "kiosk.png")}).get("ok")
    kiosk_says = pygame.transform.rotate(pygame.image.load(str(folder / "kiosk.png")), -90)
    shown = _x_picture(display, folder / "x.png")
    assert shown.get_size() == kiosk_says.get_size() == (1280, 720)
    difference = _mean_difference(shown, kiosk_says)
    assert difference < 4.0, f"after {power}, the X server shows {difference:.1f} from what the kiosk says"
    dark = max(kiosk_says.get_at((x, y))[:3] for x in range(0, 1280, 91) for y in range(0, 720, 83))
    assert (dark == (0, 0, 0)) == (power == "off"), f"the kiosk says {power}, its picture's brightest {dark}"
