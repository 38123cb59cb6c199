"""Two displays on a real Wayland compositor with two outputs (sway's headless backend, as in a store PC
with two screens): each display opens full screen on the output its config names, is laid out for it,
and what the output shows (grim) is the display's picture, turned as configured. sway refuses to run
as root: it runs as `nobody`, and the kiosk (root here) talks to it through its sockets.

Presses are tested under X11 (tests/test_screens_on_x11.py): sway's headless backend has no pointer
device, so no client receives pointer events, and Debian 12 packages no virtual-pointer tool."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.automation.server import request
from kiosk.services.screen_power import PowerError, WaylandPower
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import KIOSK, kiosk_output, wait_until_listening

ON_CI = bool(os.environ.get("CI"))
CAN_RUN = os.geteuid() == 0 and shutil.which("sway") and shutil.which("grim")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CAN_RUN and not ON_CI, reason="needs sway, grim and root (sway runs as nobody)")]

Outputs = dict[str, tuple[tuple[int, int], tuple[int, int]]]  # output: its size and place
TWO_SCREENS: Outputs = {"HEADLESS-1": ((1280, 720), (0, 0)), "HEADLESS-2": ((720, 1280), (1280, 0))}


def _sway_config(outputs: Outputs) -> str:
    return "xwayland disable\ndefault_border none\n" + "".join(
        f"output {name} resolution {w}x{h} position {x} {y}\n" for name, ((w, h), (x, y)) in outputs.items())


@pytest.fixture
def sway(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """sway with two headless outputs (TWO_SCREENS, or the test's own through `indirect`), run by nobody;
    yields the environment its clients need."""
    assert CAN_RUN, "CI runs as root with sway and grim installed (.ci/run)"
    outputs: Outputs = getattr(request, "param", TWO_SCREENS)
    runtime = Path(f"/tmp/kiosk-sway-{os.getpid()}")
    runtime.mkdir(mode=0o700)
    shutil.chown(runtime, "nobody")
    config = runtime / "sway.conf"
    config.write_text(_sway_config(outputs))
    shutil.chown(config, "nobody")
    environment = {"XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime), "WLR_BACKENDS": "headless",
                   "WLR_HEADLESS_OUTPUTS": "2", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
    said = runtime / "sway.log"  # a file, not a pipe: sway would wait on a full pipe that no one reads
    # setpriv becomes sway (runuser would stay its parent, and pass a SIGTERM on only to wait 2 s before a SIGKILL)
    with said.open("wb") as log:
        server = subprocess.Popen(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "env",
                                   *(f"{k}={v}" for k, v in environment.items()), "sway", "--config", str(config)],
                                  stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 15
        while not (list(runtime.glob("sway-ipc.*.sock")) and list(runtime.glob("wayland-*[0-9]"))):
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("sway did not start: " + said.read_text(errors="replace")[-2000:])
            time.sleep(0.05)
        wayland = next(p.name for p in runtime.glob("wayland-*[0-9]"))
        clients = {"XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": wayland,
                   "SWAYSOCK": str(next(runtime.glob("sway-ipc.*.sock")))}
        while True:  # the sockets come before the outputs are laid out: a client then saw both at (0,0)
            placed = {name: (o["rect"]["x"], o["rect"]["y"]) for name, o in _sway_outputs(clients).items()}
            if placed == {name: place for name, (_, place) in outputs.items()}:
                break
            assert time.monotonic() < deadline, f"sway did not lay its outputs out as configured: {placed}"
            time.sleep(0.05)
        yield clients
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(runtime, ignore_errors=True)


def _request(sock: Path, **fields: Any) -> dict[str, Any]:
    """One automation request (kiosk/automation/server.py's client), which must succeed."""
    answer = request(sock, fields)
    assert answer.get("ok"), answer
    return answer


def _difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean difference per channel (0-255) of two pictures, compared at a small size."""
    small_a = pygame.transform.smoothscale(a, (90, 90))
    small_b = pygame.transform.smoothscale(b, (90, 90))
    total = sum(abs(small_a.get_at((x, y))[c] - small_b.get_at((x, y))[c]) for x in range(90) for y in range(90)
                for c in range(3))
    return total / (90 * 90 * 3)


# Each display on the output it names, turned: the terminal (a portrait display) on a portrait panel turned a
# quarter beside the window; and swapped against the outputs' order, on a 1280x1024 panel mounted upside down
# beside a 1080p one
PLACINGS = {
    "terminal turned 90": (TWO_SCREENS, {"window": ("HEADLESS-1", 0), "terminal": ("HEADLESS-2", 90)}),
    "swapped, 1280x1024 at 180": ({"HEADLESS-1": ((1280, 1024), (0, 0)), "HEADLESS-2": ((1920, 1080), (1280, 0))},
                                  {"terminal": ("HEADLESS-1", 180), "window": ("HEADLESS-2", 0)}),
}


@pytest.mark.parametrize(("sway", "displays"), PLACINGS.values(), ids=PLACINGS.keys(), indirect=["sway"])
def test_two_displays_on_their_own_outputs_turned_as_configured(tmp_path: Path, sway: dict[str, str],
                                                                displays: dict[str, tuple[str, int]]) -> None:
    outputs = {name: (o["rect"]["width"], o["rect"]["height"], o["rect"]["x"], o["rect"]["y"])
               for name, o in _sway_outputs(sway).items()}
    text = DEFAULT_CONFIG.read_text().replace('method = "auto"', 'method = "none"')
    for display, (output, turn) in displays.items():
        text = re.sub(rf'^(role = "{display}")$', f'\\1\noutput = "{output}"\nrotation = {turn}', text, count=1,
                      flags=re.M)
    config = write_config(tmp_path, text)
    sock = tmp_path / "kiosk.sock"
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--automation", str(sock), "--config", str(config)],
                                   cwd=REPO, env={**os.environ, **sway, "SDL_VIDEODRIVER": "wayland"},
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        placed = {display: list(outputs[output][2:]) for display, (output, _) in displays.items()}
        deadline = time.monotonic() + 5
        while True:  # SDL learns which output a window went to from the compositor's events, a moment later
            screens = _request(sock, cmd="state")["screens"]
            if {d: s["position"] for d, s in screens.items()} == placed or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        for display, (output, turn) in displays.items():
            width, height = outputs[output][:2]
            assert screens[display]["position"] == placed[display], f"the {display} is on {output}: {screens}"
            assert screens[display]["window"] == [width, height], f"the {display} fills {output}: {screens}"
            laid_out = [height, width] if turn % 180 else [width, height]
            assert screens[display]["size"] == laid_out, f"the {display} turned {turn}° is laid out {laid_out}"
            upright = tmp_path / f"{display}.png"
            _request(sock, cmd="screenshot", display=display, path=str(upright))
            expected = pygame.transform.rotate(pygame.image.load(str(upright)), -turn)
            shown = tmp_path / f"{output}.png"
            deadline = time.monotonic() + 10
            while True:  # the compositor shows a new frame on its next refresh
                subprocess.run(["grim", "-o", output, str(shown)], env={**os.environ, **sway}, check=True,
                               timeout=20)
                on_glass = pygame.image.load(str(shown))
                difference = _difference(on_glass, expected) if on_glass.get_size() == expected.get_size() else 255
                if difference < 4.0 or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            assert on_glass.get_size() == expected.get_size()
            assert difference < 4.0, f"{output} shows {display}, turned {turn}°"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_installed_sway_config_has_no_error() -> None:
    """config/install/sway.conf as install.sh writes it, read by this machine's sway (1.7 on Debian 12, as a
    store PC's): an error in it (`output * power on`, which 1.7 does not know) puts swaynag's bar on screen."""
    assert CAN_RUN, "CI runs as root with sway installed (.ci/run)"
    runtime = Path(f"/tmp/kiosk-sway-config-{os.getpid()}")  # nobody's: pytest's folders are root's alone
    runtime.mkdir(mode=0o700)
    try:
        config = runtime / "sway.conf"
        config.write_text((REPO / "config/install/sway.conf").read_text().replace("@PREFIX@", "/opt/kiosk"))
        shutil.chown(config, "nobody")
        shutil.chown(runtime, "nobody")
        checked = subprocess.run(["runuser", "-u", "nobody", "--", "env", f"XDG_RUNTIME_DIR={runtime}",
                                  "WLR_BACKENDS=headless", "WLR_RENDERER=pixman", "WLR_LIBINPUT_NO_DEVICES=1", "sway",
                                  "--validate", "--config", str(config)],
                                 capture_output=True, text=True, timeout=30, check=False)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    errors = [line for line in checked.stderr.splitlines() if "[sway/config.c" in line]
    assert checked.returncode == 0 and not errors, checked.stderr[-2000:]


def _sway_outputs(sway: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each output as sway itself reports it: powered or not, place, turn."""
    shown = subprocess.run(["swaymsg", "-r", "-t", "get_outputs"], env={**os.environ, **sway}, check=True,
                           capture_output=True, text=True, timeout=10).stdout
    return {o["name"]: {"power": o.get("power", o.get("dpms")), "rect": o["rect"], "transform": o["transform"]}
            for o in json.loads(shown)}


def test_the_wayland_method_says_what_the_output_really_is(sway: dict[str, str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """sway 1.7 (Debian 12) has `output NAME dpms`, 1.8 and later `power`: the method speaks the one that
    is there, then reads the output back. The headless backend answers yes to `dpms off` and leaves the
    output on: the method says so (staff see it, and auto goes on to a black picture) instead of
    claiming the screen is off. Nothing moves."""
    subprocess.run(["swaymsg", "output", "HEADLESS-2", "transform", "90"], env={**os.environ, **sway}, check=True,
                   capture_output=True, timeout=10)
    for name, value in sway.items():
        monkeypatch.setenv(name, value)
    before = _sway_outputs(sway)
    power = WaylandPower("HEADLESS-2")
    assert power.usable()
    for on in (False, True):
        try:
            power.set(on)
            said = on
        except PowerError as error:
            assert "still" in str(error), error
            said = not on
        shown = _sway_outputs(sway)
        assert shown["HEADLESS-2"]["power"] is said, f"the method said {said}, sway shows {shown['HEADLESS-2']}"
        assert {n: (o["rect"], o["transform"]) for n, o in shown.items()} == \
            {n: (o["rect"], o["transform"]) for n, o in before.items()}, "a switch moved or turned an output"


def _wlr_randr_power(sway: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> WaylandPower:
    """The wayland method for HEADLESS-2 as a kiosk without $SWAYSOCK has it: wlr-randr only (a developer's
    machine without wlr-randr skips the test; CI installs it)."""
    if not shutil.which("wlr-randr"):
        pytest.skip("wlr-randr is not installed") if not ON_CI else pytest.fail("CI installs wlr-randr")
    for name in ("XDG_RUNTIME_DIR", "WAYLAND_DISPLAY"):
        monkeypatch.setenv(name, sway[name])
    monkeypatch.delenv("SWAYSOCK", raising=False)
    power = WaylandPower("HEADLESS-2")
    assert power.usable()
    return power


def test_turning_a_screen_on_at_start_up_moves_no_output(sway: dict[str, str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """wlr-randr talks to sway too (without $SWAYSOCK the method uses it), but sway 1.7 tells it neither
    mode nor place: a bare `wlr-randr --on` at start-up moved both outputs to (0,0). The method turns an
    output on only with the mode and place it read, and otherwise says why it did not."""
    subprocess.run(["swaymsg", "output", "HEADLESS-2", "transform", "90"], env={**os.environ, **sway}, check=True,
                   capture_output=True, timeout=10)
    before = _sway_outputs(sway)
    power = _wlr_randr_power(sway, monkeypatch)
    with pytest.raises(PowerError):  # sway 1.7 reports it off with no mode: it cannot be put back as it was
        power.set(False)
        power.set(True)
    shown = _sway_outputs(sway)
    assert {n: (o["rect"], o["transform"]) for n, o in shown.items()} == \
        {n: (o["rect"], o["transform"]) for n, o in before.items()}, "the switch moved an output"
    assert all(o["power"] for o in shown.values())


def test_without_swaysock_a_lit_output_is_never_said_off(sway: dict[str, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A kiosk under sway without $SWAYSOCK (a service that did not get it) has only wlr-randr, and sway 1.7
    reports every output to it off, with no mode: the method took the lit output for one already off and said
    the screen was off while it showed its picture (seen at closing: the terminal lit, the kiosk saying
    "off by wayland"). It says it cannot tell instead, so the loop shows black; nothing moves."""
    before = _sway_outputs(sway)
    power = _wlr_randr_power(sway, monkeypatch)
    with pytest.raises(PowerError, match="cannot be told"):
        power.set(False)
    assert _sway_outputs(sway) == before, "HEADLESS-2 is still lit, and in its place"


def _grim(sway: dict[str, str], output: str, path: Path) -> pygame.Surface:
    subprocess.run(["grim", "-o", output, str(path)], env={**os.environ, **sway}, check=True, timeout=20)
    return pygame.image.load(str(path))


def _switched(sock: Path, display: str, power: str) -> dict[str, Any]:
    """Ask for a switch and wait until the kiosk says how it went (the switch is made off the loop)."""
    _request(sock, cmd="power", display=display, power=power)
    deadline = time.monotonic() + 15
    while True:
        screen = _request(sock, cmd="state")["screens"][display]["power"]
        if screen["on"] == (power == "on") and not screen["switching"]:
            return dict(screen)
        assert time.monotonic() < deadline, f"{display} was not switched {power}: {screen}"
        time.sleep(0.1)


def _output_shows(sway: dict[str, str], output: str, expected: pygame.Surface, folder: Path) -> float:
    """How far what the output shows (grim) is from what the kiosk says, within a refresh or two."""
    deadline = time.monotonic() + 1.0
    while True:
        on_glass = _grim(sway, output, folder / f"{output}.png")
        difference = _difference(on_glass, expected) if on_glass.get_size() == expected.get_size() else 255.0
        if difference < 4.0 or time.monotonic() > deadline:
            return difference
        time.sleep(0.1)


def _brightest(picture: pygame.Surface) -> tuple[int, ...]:
    """The brightest of a grid of points over the picture: (0, 0, 0) for a black one."""
    return max(tuple(picture.get_at((x, y))[:3]) for x in range(0, picture.get_width(), 97)
               for y in range(0, picture.get_height(), 89))


def _glass_turns(sway: dict[str, str], output: str, dark: bool, folder: Path, within_s: float = 3.0) -> float:
    """Seconds until the output (grim) shows black (`dark`) or a picture, with nothing asked of the kiosk
    meanwhile: a request wakes its loop, which would hide a frame that is drawn but not shown while idle."""
    started = time.monotonic()
    while True:
        shown = _grim(sway, output, folder / f"{output}-glass.png")
        if (_brightest(shown) == (0, 0, 0)) == dark:
            return time.monotonic() - started
        assert time.monotonic() - started < within_s, \
            f"{output} still shows {'its picture' if dark else 'black'} {within_s} s after the kiosk was asked"
        time.sleep(0.05)


@pytest.mark.parametrize("method", ["black", "wayland"])
def test_what_each_output_shows_after_a_switch_is_what_the_kiosk_says(tmp_path: Path, sway: dict[str, str],
                                                                      method: str) -> None:
    """Off, on, off, on, each screen in turn: after each switch the output shows black when the kiosk says
    it is dark, and the display's picture, turned, at its place, when on. With `wayland`, sway 1.7's
    headless backend answers yes to `dpms off` and leaves the output on: the kiosk says the method
    failed and shows black instead, and the output shows black."""
    text = DEFAULT_CONFIG.read_text().replace('method = "auto"', f'method = "{method}"')
    text = text.replace('quiet_hours = ["default"]', 'quiet_hours = []')
    text = re.sub(r'^(role = "terminal")$', '\\1\noutput = "HEADLESS-2"\nrotation = 90', text, count=1, flags=re.M)
    text = re.sub(r'^(role = "window")$', '\\1\noutput = "HEADLESS-1"', text, count=1, flags=re.M)
    sock = tmp_path / "kiosk.sock"
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--automation", str(sock), "--config",
                                    str(write_config(tmp_path, text))],
                                   cwd=REPO, env={**os.environ, **sway, "SDL_VIDEODRIVER": "wayland"},
                                   stdout=out, stderr=subprocess.STDOUT)
    outputs = {"window": ("HEADLESS-1", 0), "terminal": ("HEADLESS-2", 90)}
    try:
        wait_until_listening(sock, process)
        for display, power in (("terminal", "off"), ("window", "off"), ("terminal", "on"), ("window", "on"),
                               ("terminal", "off"), ("terminal", "on")):
            output, turn = outputs[display]
            _request(sock, cmd="power", display=display, power=power)
            _glass_turns(sway, output, power == "off", tmp_path)
            screen = _switched(sock, display, power)
            if method == "black":
                assert screen["method"] == "black" and not screen["error"], screen
            elif power == "off":
                assert screen["method"] == "black" and "wayland" in screen["error"] and "still on" in screen["error"], \
                    screen
            else:
                assert screen["method"] == "wayland" and not screen["error"], screen
            upright = tmp_path / f"{display}.png"
            _request(sock, cmd="screenshot", display=display, path=str(upright))
            kiosk_says = pygame.image.load(str(upright))
            if power == "off":
                assert _brightest(kiosk_says) == (0, 0, 0), f"the kiosk's screenshot of a dark {display} is black"
            expected = pygame.transform.rotate(kiosk_says, -turn)
            difference = _output_shows(sway, output, expected, tmp_path)
            assert difference < 4.0, f"{output} after {display} {power}: {difference:.1f} from what the kiosk says"
            placed = _request(sock, cmd="state")["screens"]
            assert [placed[name]["position"] for name in ("window", "terminal")] == [[0, 0], [1280, 0]], \
                f"switching {display} {power} moved a screen: {placed}"
    finally:
        process.terminate()
        process.wait(timeout=10)
