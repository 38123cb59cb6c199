"""The shopper's sound control on a display whose config enables sound: a product's film starts muted
(nothing heard through the audio output: SDL's `disk` driver writes what it plays to a file), the button
under it says "Activer le son" with its speaker, a tap turns the film's own tone on while it plays and
the button then says "Couper le son"; the choice is the session's, forgotten when it ends. A display
without sound shows no such button."""

from __future__ import annotations

import array
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from kiosk.ui.sound_button import SoundButton
from kiosk.ui.video_view import VideoView
from tests.conftest import REPO, write_config
from tests.scenes.test_accessible_mode import needs_espeak
from tests.videos import numbered_film

sys.path.insert(0, str(REPO / "content" / "tools"))
from film_kit import chord

TONE_HZ = 440.0
MOUNTAIN_BIKE = "2001000001026"  # BIK-102, whose film the demo pack has
# The terminal on BIK-102's page: the film played muted for a second of real time, the sound turned on
# by its button for two more, then the session ended; prints what the shopper saw and heard when.
SCRIPT = """
import json, sys, time
from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from kiosk.ui.sound_button import SoundButton
from kiosk.ui.video_view import VideoView
from kiosk.ui.sound_button import SoundButton
from kiosk.ui.video_view import VideoView
heard = sys.argv[2]
pilot = Pilot(load_config(sys.argv[1]), "terminal")
display = pilot.app.display("terminal")

def widgets(kind):
    return [w for w in display.screen.stack.top.root.walk() if isinstance(w, kind)]

def play(seconds):
    for _ in range(round(seconds * 30)):
        pilot.advance(1 / 30, step=1 / 30)
        time.sleep(1 / 30)

def written():
    try:
        return os.path.getsize(heard)
    except OSError:
        return 0

import os
pilot.tap(x=540, y=960)
pilot.scan(sys.argv[3])
film = widgets(VideoView)[0]
for _ in range(8):  # the film and its button in sight
    button = widgets(SoundButton)[0]
    if button.visible_rect() == button.screen_rect() and film.visible_rect() == film.screen_rect():
        break
    pilot.swipe((540, 1400), (540, 900))
    pilot.advance(1)
said = {"labels_before": [w.label for w in widgets(SoundButton)], "button": list(button.screen_rect())}
pilot.tap(film.label)
play(1.0)
said["muted_state"] = film.state()["sound"]
pilot.screenshot(sys.argv[4] + "/muted.png")
said["tapped_at"] = written()
pilot.tap(button.label)
play(2.0)
said["on_state"] = film.state()["sound"]
said["labels_after"] = [w.label for w in widgets(SoundButton)]
said["on_at"] = written()
pilot.screenshot(sys.argv[4] + "/on.png")
said["session_sound"] = display.session.film_sound
display.end_session()
said["after_session"] = display.session.film_sound
print(json.dumps(said))
pilot.close()
"""


@pytest.fixture(scope="module")
def tone_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo pack whose BIK-102 film is a 4-second VP9 film with a 440 Hz tone (Opus), and
    Léa's testimonial an H.264 one with the tone (AAC)."""
    pack = tmp_path_factory.mktemp("sound") / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    numbered_film(pack / "videos" / "BIK-102.webm", 120, codec="vp9", size=(320, 180),
                  sound=chord((TONE_HZ,), 4.0, volume=0.5))
    numbered_film(pack / "customers" / "t-run112-lea.mp4", 120, size=(320, 180),
                  sound=chord((TONE_HZ,), 4.0, volume=0.5))
    return pack


def config_for(folder: Path, pack: Path, sound: bool) -> Path:
    config = write_config(folder)
    text = config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"')
    text = text.replace('location = "Entrance"', f'location = "Entrance"\nsound = {str(sound).lower()}\nvolume = 100')
    config.write_text(text)
    return config


def loud_seconds(samples: array.array[int]) -> float:
    """How long the left channel of 48 kHz stereo `samples` is audible."""
    return sum(1 for index in range(0, len(samples), 2) if abs(samples[index]) > 1000) / 48_000


@pytest.mark.slow  # plays the film with sound in real time, seconds: CI runs it
def test_a_film_starts_muted_and_its_button_turns_the_sound_on_for_the_session(tmp_path: Path,
                                                                                tone_pack: Path) -> None:
    heard = tmp_path / "heard.raw"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(heard),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(config_for(tmp_path, tone_pack, True)), str(heard),
                           MOUNTAIN_BIKE, str(tmp_path)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    said: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["labels_before"] == ["Activer le son"], "one button, under the film, saying what a tap does"
    assert said["muted_state"] == "muted"
    played = heard.read_bytes()
    before = array.array("h", played[:said["tapped_at"] // 4 * 4])
    assert loud_seconds(before) == 0, "nothing heard while the film played muted"
    after = array.array("h", played[said["tapped_at"] // 4 * 4:said["on_at"] // 4 * 4])
    assert loud_seconds(after) > 1.0, "the film's tone, once the shopper turned the sound on"
    assert said["on_state"] == "on" and said["labels_after"] == ["Couper le son"]
    assert said["session_sound"] and not said["after_session"], "the next shopper starts muted"
    x, y, width, height = said["button"]
    for name in ("muted", "on"):
        shot = pygame.image.load(str(tmp_path / f"{name}.png"))
        inside = {tuple(shot.get_at((x + i, y + height // 2)))[:3] for i in range(width // 8, width * 7 // 8)}
        background = tuple(shot.get_at((x + width // 2, y + height + 2)))[:3]
        assert len(inside - {background}) >= 2, f"the button is drawn ({name}): its speaker and words"
    muted, on = (pygame.image.load(str(tmp_path / f"{name}.png")) for name in ("muted", "on"))
    icon = [(x + i, y + j) for i in range(width // 8, width // 3) for j in range(height // 4, height * 3 // 4)]
    assert any(muted.get_at(point) != on.get_at(point) for point in icon), "the speaker shows the sound's state"


@pytest.mark.slow  # a copied pack imported with its film: CI runs it
def test_a_display_without_sound_shows_no_sound_button(tmp_path: Path, tone_pack: Path) -> None:
    pilot = Pilot(load_config(config_for(tmp_path, tone_pack, False)), "terminal")
    try:
        pilot.tap(x=540, y=960)
        pilot.scan(MOUNTAIN_BIKE)
        for _ in range(8):  # down to the film, as a shopper scrolls (the page ends on a whole row above it)
            labels = pilot.labels()
            if any(label.startswith("Lire la vidéo") for label in labels):
                break
            pilot.swipe((540, 1400), (540, 900))
            pilot.advance(1)
        assert any(label.startswith("Lire la vidéo") for label in labels), "the film is there"
        assert "Activer le son" not in labels and "Couper le son" not in labels
    finally:
        pilot.close()


@pytest.mark.slow  # a customer's film played: CI runs it
def test_a_customer_s_video_has_the_button_too_and_plays_muted_until_it_is_tapped(
        tmp_path: Path, tone_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")  # an output that plays to nobody, in time
    pilot = Pilot(load_config(config_for(tmp_path, tone_pack, True)), "terminal")
    try:
        pilot.tap(x=540, y=960)
        pilot.scan("2001000001125")  # RUN-112, with Léa's testimonial
        play = "Lire la vidéo : Léa, Lyon"
        for _ in range(10):
            if play in pilot.labels() and "Activer le son" in pilot.labels():
                break
            pilot.swipe((540, 1400), (540, 800))
            pilot.advance(1)
        pilot.tap(play)
        pilot.advance(1.0, step=1 / 30)
        display = pilot.app.display("terminal")
        assert display.screen.stack.top.root is not None
        film = next(w for w in display.screen.stack.top.root.walk() if getattr(w, "label", "") ==
                    "Arrêter la vidéo : Léa, Lyon")
        assert film.state()["sound"] == "muted"  # type: ignore[attr-defined]
        pilot.tap("Activer le son")
        pilot.advance(0.5, step=1 / 30)
        assert film.state()["sound"] == "on", "the sound of the video playing, turned on"  # type: ignore[attr-defined]
        assert "Couper le son" in pilot.labels() and "Activer le son" not in pilot.labels()
    finally:
        pilot.close()


@needs_espeak
@pytest.mark.slow  # the film played and its words spoken by espeak-ng: CI runs it
def test_in_accessible_mode_the_button_s_new_words_are_said_when_it_is_tapped(tmp_path: Path, tone_pack: Path) -> None:
    (tmp_path / "speech").mkdir()
    config = config_for(tmp_path, tone_pack, True)
    text = config.read_text().replace("rate = 160 ", f'rate = 160\nrender_to = "{tmp_path / "speech"}"\n#')
    config.write_text(text)
    pilot = Pilot(load_config(config), "terminal")
    try:
        pilot.start_devices()
        pilot.tap("Accessibilité")
        pilot.scan(MOUNTAIN_BIKE)
        pilot.advance(1)
        for _ in range(60):  # the keypad's focus down the page to the button
            pilot.key("down")
            if pilot.details()["focus"] == "Activer le son":
                break
        assert pilot.details()["focus"] == "Activer le son"
        pilot.key("return")
        spoken = pilot.app.shop.speaker.spoken
        deadline = time.monotonic() + 15
        while ("fr", "Couper le son") not in spoken and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ("fr", "Couper le son") in spoken, spoken
    finally:
        pilot.close()


def test_a_film_without_a_sound_track_has_no_sound_button(tmp_path: Path) -> None:
    """The import's probe says which films have sound: on a display with sound, BIK-102's film (made with a
    tone) has the button and Léa's video (made silent) has none, which would promise a sound never heard."""
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    numbered_film(pack / "videos" / "BIK-102.webm", 60, codec="vp9", size=(320, 180),
                  sound=chord((TONE_HZ,), 2.0, volume=0.5))
    numbered_film(pack / "customers" / "t-run112-lea.mp4", 60, size=(320, 180))
    pilot = Pilot(load_config(config_for(tmp_path, pack, True)), "terminal")
    display = pilot.app.display("terminal")

    def page(code: str) -> tuple[list[str], int]:
        """The films' play labels on product `code`'s page, and how many sound buttons it has."""
        pilot.scan(code)
        pilot.advance(1)
        assert display.screen.stack.top.root is not None
        shown = list(display.screen.stack.top.root.walk())
        return ([w.label for w in shown if isinstance(w, VideoView)],
                sum(1 for w in shown if isinstance(w, SoundButton)))

    try:
        pilot.tap(x=540, y=960)
        films, buttons = page(MOUNTAIN_BIKE)
        assert len(films) == 1, films
        assert buttons == 1, "the film with a sound track has its button"
        films, buttons = page("2001000001125")  # RUN-112: Léa's video (silent, as the demo's others)
        assert "Lire la vidéo : Léa, Lyon" in films, films
        assert buttons == 0, "a silent video has no sound button"
    finally:
        pilot.close()
