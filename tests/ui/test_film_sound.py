"""A film's sound, on a display whose config enables it: heard through the audio output (SDL's `disk`
driver writes what the output plays to a file), in time with the picture on the pilot's clock; muted
by default (the mixer is never even loaded); and a machine without an audio output plays its films
muted, with a line for staff."""

from __future__ import annotations

import array
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.hours.clock import ManualClock
from kiosk.ui.film_sound import LATE_S, LEAD_S
from kiosk.ui.video_player import VideoPlayer
from tests.conftest import REPO, write_config
from tests.videos import number_of, numbered_film

sys.path.insert(0, str(REPO / "content" / "tools"))
from film_kit import chord

TONE_HZ = 440.0
FRAME = 1 / 30
# The kiosk on a pack whose attract loop is one film, played for a few seconds of the pilot's clock,
# each turn also a turn of real time (the audio output plays in real time); prints what it says.
SCRIPT = """
import json, logging, sys, time
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
pilot = Pilot(load_config(sys.argv[1]), "terminal")
scene = pilot.app.display("terminal").screen.stack.top
states = []
for turn in range(int(float(sys.argv[2]) * 30)):
    pilot.advance(1 / 30, step=1 / 30)
    time.sleep(1 / 30)
    states.append(scene.film.state())
mixer = sys.modules.get("pygame.mixer")
from kiosk.scenes.device_words import device_name, state_words
display = pilot.app.display("terminal")
sound = display.devices.get("sound")  # what staff read in the maintenance menu's devices
staff = [device_name(display.ctx.t, "sound"), state_words(display.ctx.t, "sound", *sound)] if sound else None
print(json.dumps({"state": max(states, key=lambda state: state.get("shown", 0)),
                  "mixer": bool(mixer) and bool(mixer.get_init()), "staff": staff}))
pilot.close()
"""


@pytest.fixture(scope="module")
def tone_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo pack whose attract loop is a 3-second film with a 440 Hz tone, looping."""
    folder = tmp_path_factory.mktemp("sound")
    pack = folder / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    numbered_film(pack / "videos" / "tone.mp4", 90, sound=chord((TONE_HZ,), 3.0, volume=0.5))
    (pack / "playlist.json").write_text(json.dumps([{"kind": "video", "file": "videos/tone.mp4", "loop": True}]),
                                        encoding="utf-8")
    return pack


def run_kiosk(folder: Path, pack: Path, sound: bool, audio_driver: str, seconds: float = 2.0) -> tuple[dict[str, Any],
                                                                                                         str, Path]:
    """The kiosk's terminal playing the pack's film with `sound` on or off, SDL's audio through
    `audio_driver`: what it said (the film's state, whether the mixer was opened), its log, and the
    file the disk driver writes."""
    config = write_config(folder)
    text = config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"')
    text = text.replace('location = "Entrance"', f'location = "Entrance"\nsound = {str(sound).lower()}\nvolume = 100')
    config.write_text(text)
    heard = folder / "heard.raw"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": audio_driver,
           "SDL_DISKAUDIOFILE": str(heard), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(config), str(seconds)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr, heard


def level_at(samples: array.array[int], hz: float, rate: int = 48_000) -> float:
    """How strong the tone of `hz` is in the left channel of interleaved stereo `samples` (Goertzel)."""
    left = samples[0::2]
    coefficient = 2 * math.cos(2 * math.pi * hz / rate)
    before = earlier = 0.0
    for value in left:
        before, earlier = value + coefficient * before - earlier, before
    return math.sqrt(max(0.0, before * before + earlier * earlier - coefficient * before * earlier)) / max(1, len(left))


def test_a_display_with_sound_plays_the_film_s_sound_through_the_audio_output(tmp_path: Path,
                                                                              tone_pack: Path) -> None:
    said, log, heard = run_kiosk(tmp_path, tone_pack, sound=True, audio_driver="disk")
    assert said["mixer"] and said["state"]["sound"] == "on"
    assert said["state"]["shown"] > 30, "the picture plays as ever"
    samples = array.array("h", heard.read_bytes())  # what the output played: 48 kHz, 16 bits, stereo
    loud = [index for index in range(0, len(samples), 2) if abs(samples[index]) > 1000]
    assert len(loud) / 48_000 > 1.0, "more than a second of the film's sound was played"
    played = samples[loud[0]:loud[-1] + 1]
    assert level_at(played, TONE_HZ) > 10 * level_at(played, TONE_HZ * 1.5), "the film's own tone"
    assert "audio output opened" in log
    assert said["staff"] == ["Son des films", ""], "staff see the sound among the devices, working"


@pytest.mark.slow  # a kiosk process playing its film in real time: CI runs it
def test_a_display_without_sound_keeps_the_film_muted_and_never_opens_the_mixer(tmp_path: Path,
                                                                               tone_pack: Path) -> None:
    said, _, heard = run_kiosk(tmp_path, tone_pack, sound=False, audio_driver="disk")
    assert said["state"]["shown"] > 30 and said["state"]["sound"] == "muted"
    assert not said["mixer"], "the mixer (SDL_mixer and its codecs) is loaded only for a film with sound"
    assert not heard.exists() or not any(heard.read_bytes()), "nothing was heard"
    assert said["staff"] is None, "no sound device for staff to worry about"


@pytest.mark.slow  # a kiosk process playing its film in real time: CI runs it
def test_without_an_audio_output_the_film_plays_muted_and_staff_are_told(tmp_path: Path, tone_pack: Path) -> None:
    said, log, _ = run_kiosk(tmp_path, tone_pack, sound=True, audio_driver="no-such-driver")
    assert said["state"]["shown"] > 30 and not said["state"]["failed"], "the film plays, muted"
    assert said["state"]["sound"] == "unavailable"
    assert "WARNING kiosk.ui.film_sound no sound: the audio output cannot be opened" in log
    assert log.count("no sound:") == 1, "said once, not every film"
    assert said["staff"] == ["Son des films", "Pas de sortie audio sur ce PC : les films passent sans le son "
                                              "(le journal dit pourquoi)"], "and in the maintenance menu"


# --- in time with the picture, on the pilot's clock (the dummy audio driver, as on CI) ---------------------
@pytest.fixture(scope="module")
def tone_film(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-second numbered film with a tone."""
    return numbered_film(tmp_path_factory.mktemp("tone") / "tone.mp4", 60, sound=chord((TONE_HZ,), 2.0))


def play(player: VideoPlayer, clock: ManualClock, seconds: float) -> list[float]:
    """Turns of the loop for `seconds`, the clock and real time moving together; the picture's film
    time at each turn."""
    times = []
    for _ in range(round(seconds / FRAME)):
        player.settle()
        clock.advance(FRAME)
        player.frame(clock.monotonic())
        times.append(player.film_time(clock.monotonic()))
        time.sleep(FRAME)
    return times


def test_the_sound_starts_with_the_picture_and_never_runs_ahead_or_behind_it(tone_film: Path) -> None:
    clock = ManualClock()
    player = VideoPlayer(tone_film, (320, 180), clock, volume=1.0)
    try:
        if player.sound == "unavailable":
            pytest.fail("SDL's dummy audio driver should open (tests/conftest.py sets it)")
        assert player.sound == "on"
        player.settle()
        player.frame(clock.monotonic())
        assert player.heard and player.heard[0][:2] == (0.0, 0.0), "the film's first sound with its first frame"
        play(player, clock, 1.0)
        assert len(player.heard) >= 5, "the sound went on"
        for picture, start, _ in player.heard:  # however fast the output plays, against the clock
            assert picture - LATE_S - 1e-6 <= start <= picture + LEAD_S + 1e-6, "each piece where the picture is"
        handed = len(player.heard)
        clock.advance(0.6)  # the loop was held up: the picture jumps ahead, late frames are dropped
        jumped = player.film_time(clock.monotonic())
        player.frame(clock.monotonic())
        play(player, clock, 0.2)
        after = player.heard[handed:]
        assert after and after[0][0] >= jumped and after[0][1] >= after[0][0] - 1e-6, \
            "the sound went on where the picture is, what was missed is not played late"
    finally:
        player.stop()


# The loop running far faster than the audio output plays (the pilot's clock, a bench): the sound is cut to
# the picture's time again and again, sometimes to nothing left of a piece; an empty sound handed to the
# mixer crashes SDL_mixer, so none may be.
FAST_CLOCK = """
import sys
from kiosk.core.hours.clock import ManualClock
from kiosk.ui.video_player import VideoPlayer
clock = ManualClock()
player = VideoPlayer(sys.argv[1], (320, 180), clock, loop=True, volume=1.0)
assert player.sound == "on", player.sound
for turn in range(int(sys.argv[2])):
    clock.advance(float(sys.argv[3]))
    player.frame(clock.monotonic())
spans = player.heard
player.stop()
print(len(spans), min(end - start for _, start, end in spans))
"""


@pytest.mark.parametrize("step", [1 / 30, 0.0999999, 0.1000001])
@pytest.mark.quick_first(1)  # the steps at the edge in CI
def test_a_clock_far_faster_than_the_audio_output_never_crashes_the_mixer(tone_film: Path, step: float) -> None:
    done = subprocess.run([sys.executable, "-c", FAST_CLOCK, str(tone_film), "400", str(step)], cwd=REPO,
                          capture_output=True, text=True, timeout=180, check=False,
                          env={**os.environ, "SDL_AUDIODRIVER": "dummy"})
    assert done.returncode == 0, done.stderr[-2000:]
    count, shortest = done.stdout.split()
    assert int(count) > 0 and float(shortest) > 0, "sound was handed over, never an empty piece"


@pytest.mark.slow  # plays the film past its end in real time: CI runs it
def test_a_looping_webm_film_s_sound_goes_on_without_a_gap_when_the_film_starts_again(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """WebM says no length for its pictures and its whole length counts the sound's padding (8 ms here), and
    FFmpeg's Opus decoder gives nothing for the first packet after a seek to the start: the sound's passes
    were 8 then 21 ms apart at each loop. Each piece now follows the one before."""
    film = numbered_film(tmp_path_factory.mktemp("loop") / "tone.webm", 60, codec="vp9",
                         sound=chord((TONE_HZ,), 2.0))
    clock = ManualClock()
    player = VideoPlayer(film, (320, 180), clock, loop=True, volume=1.0)
    try:
        assert player.sound == "on"
        player.settle()
        first = player.frame(clock.monotonic())
        assert first is not None and number_of(first.image().get_at((10, 10))) == 0, \
            "its pictures start at the first, after a look at the file's end for their length"
        play(player, clock, 4.6)
        assert player.loops == 2
        spans = [(start, end) for _, start, end in player.heard]
        assert spans[0][0] == 0.0 and spans[-1][1] > 4.4, "two passes and a bit of the third were heard"
        gaps = [round((start - end) * 1000, 1) for (_, end), (start, _) in itertools.pairwise(spans)
                if abs(start - end) > 0.002]
        assert gaps == [], "no gap and no jump where the film starts again (ms)"
    finally:
        player.stop()
