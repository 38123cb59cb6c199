"""Product films on the product page, with films made at test time: a poster with a play button, a tap
plays the film in place at its timestamps on the pilot's clock, another tap stops it; a damaged film
leaves a line for staff and the page carries on; videos.json is checked row by row."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from kiosk.testing.pilot import Pilot
from kiosk.ui.video_view import VideoView
from tests.conftest import REPO, write_config
from tests.videos import number_of, numbered_film

MOUNTAIN_BIKE = "2001000001026"  # BIK-102, whose film the demo pack has
FRAME = 1 / 30


def pilot_with_film(tmp_path: Path, film: bytes | None = None, captions: dict[str, str] | None = None) -> Pilot:
    """The terminal on BIK-102's page, its film a numbered one (or `film`'s bytes) with `captions` (WebVTT by
    language) beside it, a session started."""
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    numbered_film(pack / "videos" / "BIK-102.webm", 90, codec="vp9", size=(320, 320))
    for language, text in (captions or {}).items():
        (pack / "videos" / f"BIK-102.{language}.vtt").write_text(text, encoding="utf-8")
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    pilot = Pilot(load_config(config), "terminal")
    if film is not None:  # damaged on disk after the import
        (pack / "videos" / "BIK-102.webm").write_bytes(film)
    pilot.tap(x=540, y=960)
    pilot.scan(MOUNTAIN_BIKE)
    return pilot


def the_film(pilot: Pilot) -> VideoView:
    root = pilot.app.display("terminal").screen.stack.top.root
    assert root is not None
    return next(w for w in root.walk() if isinstance(w, VideoView))


def scroll_to_the_film(pilot: Pilot) -> None:
    """Swipe the page up until the whole film shows above the action bar."""
    for _ in range(16):  # short swipes: a long one's glide could carry the film past the view's top
        film = the_film(pilot)
        if film.visible_rect() == film.screen_rect():
            return
        pilot.swipe((540, 1400), (540, 1250))
        pilot.advance(1)
    raise AssertionError("the film never showed whole")


def middle(pilot: Pilot, film: VideoView) -> pygame.Color:
    return pilot.app.display("terminal").screen.full.get_at(film.screen_rect().center)


def white_pixels(shot: pygame.Surface, picture: pygame.Rect, top: int, bottom: int) -> int:
    """How many pure white pixels (a caption's words) `shot` has across `picture` from `top` to `bottom`
    (one in three each way)."""
    return sum(shot.get_at((x, y))[:3] == (255, 255, 255)
               for x in range(picture.left, picture.right, 3) for y in range(top, bottom, 3))


def test_a_tap_plays_the_film_in_place_with_its_captions_a_dialog_over_it_leaves_it_whole_and_another_tap_stops_it(
        tmp_path: Path) -> None:
    """The film plays in place with its captions (the pack's WebVTT file in the shopper's language: light words
    on a dark band over the picture's lower edge, while their cue lasts). The language dialog over the playing
    film dims it; once the dialog closes, the film's picture is drawn again at once from the frame it shows
    (kept in YUV, turned into the screen's pixels as it is drawn: the clock has not moved, so no new frame comes
    to draw over the dimmed one), and the film plays on."""
    cue = "WEBVTT\n\n00:00.000 --> 00:01.000\n{}\n"
    pilot = pilot_with_film(tmp_path, captions={"fr": cue.format("La roue tourne"), "en": cue.format("It turns")})
    try:
        play = "Lire la vidéo : La roue avant et son frein à disque, en mouvement"
        assert play in pilot.labels()
        scroll_to_the_film(pilot)
        film = the_film(pilot)
        place = film.screen_rect()
        poster = pilot.picture()
        pilot.tap(play)
        numbers, captions = [], []
        for index in range(45):
            numbers.append(number_of(middle(pilot, film)))
            captions.append(film.state()["caption"])
            if index == 15:
                captioned = pilot.picture()
            pilot.advance(FRAME, step=FRAME)
        assert numbers[:45] == list(range(45)), "each frame at its time, in place"
        assert captions == ["La roue tourne"] * 30 + [""] * 15, "the caption for its cue's second"
        assert the_film(pilot).screen_rect() == place, "the page did not move"
        playing = pilot.picture()
        player = film.player
        assert player is not None and player.current is not None
        picture = film.picture_rect(place, player.current.size)
        lower = picture.top + picture.height * 3 // 4
        assert white_pixels(captioned, picture, lower, picture.bottom) > 20, "the words at the lower edge"
        assert white_pixels(captioned, picture, picture.top, lower) == 0, "the rest of the picture is the film's"
        assert white_pixels(playing, picture, lower, picture.bottom) == 0, "the cue's time is over"
        assert number_of(playing.get_at(place.center)) == 45
        pilot.tap("Langue")
        pilot.advance(5 * FRAME, step=FRAME)
        dimmed = pilot.picture()
        pilot.tap("Annuler")
        shot = pilot.picture()
        player = the_film(pilot).player
        assert player is not None and player.current is not None
        frame = player.current.image()
        picture = film.picture_rect(place, frame.get_size())
        points = [(x, y) for x in range(0, picture.width, 7) for y in range(0, picture.height, 7)]
        assert any(dimmed.get_at((picture.x + x, picture.y + y)) != frame.get_at((x, y)) for x, y in points), \
            "the dialog dims the film"
        assert all(shot.get_at((picture.x + x, picture.y + y))[:3] == frame.get_at((x, y))[:3] for x, y in points), \
            "the film's whole picture drawn again, nothing of the dialog left"
        shown = number_of(shot.get_at(place.center))
        assert shown >= 45
        pilot.advance(FRAME, step=FRAME)
        assert number_of(middle(pilot, film)) == shown + 1, "the film plays on"
        assert (poster.get_at((place.centerx, place.top + 10)) !=
                playing.get_at((place.centerx, place.top + 10))), "the poster's play button is gone"
        stop = "Arrêter la vidéo : La roue avant et son frein à disque, en mouvement"
        assert stop in pilot.labels()
        pilot.tap(stop)
        pilot.advance(0.2)
        assert play in pilot.labels() and not the_film(pilot).playing
        stopped = pilot.picture()
        assert stopped.get_at(place.center) == poster.get_at(place.center), "the poster again"
    finally:
        pilot.close()


@pytest.mark.slow  # plays the whole film: CI runs it
def test_a_film_played_to_its_end_shows_its_poster_again(tmp_path: Path) -> None:
    pilot = pilot_with_film(tmp_path)
    try:
        scroll_to_the_film(pilot)
        pilot.tap(next(label for label in pilot.labels() if label.startswith("Lire la vidéo")))
        pilot.advance(3.5, step=FRAME)
        assert not the_film(pilot).playing
        assert any(label.startswith("Lire la vidéo") for label in pilot.labels())
    finally:
        pilot.close()


@pytest.mark.slow  # a copied pack imported with a damaged film: CI runs it
def test_a_damaged_film_leaves_a_line_for_staff_and_the_page_carries_on(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    good = numbered_film(tmp_path / "good.webm", 90, codec="vp9").read_bytes()
    with caplog.at_level(logging.WARNING):
        pilot = pilot_with_film(tmp_path, film=good[:200] + bytes(len(good) - 200))
        try:
            scroll_to_the_film(pilot)
            pilot.tap(next(label for label in pilot.labels() if label.startswith("Lire la vidéo")))
            pilot.advance(0.5, step=FRAME)
            assert not the_film(pilot).playing and the_film(pilot).failed
            pilot.tap("Ajouter au panier")
            assert pilot.state()["session"]["cart"], "the page still works"
            pilot.screenshot(tmp_path / "after.png")  # the pictures asked for are made (the poster's try too)
        finally:
            pilot.close()
    said = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert any("BIK-102.webm cannot be played" in line for line in said)
    assert any("BIK-102.webm has no poster" in line for line in said)


def test_videos_json_is_checked_row_by_row(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    (pack / "videos" / "short.webm").write_bytes((pack / "videos" / "RUN-115.webm").read_bytes()[:30000])
    (pack / "videos.json").write_text(json.dumps([
        {"sku": "BIK-102", "file": "videos/BIK-102.webm"},
        {"sku": "NOPE-1", "file": "videos/RUN-115.webm"},
        {"sku": "RUN-115", "file": "videos/short.webm"},
        {"sku": "RUN-115", "file": "videos/RUN-115.webm", "title": {"fr": "Seulement en français"}},
    ], indent=1), encoding="utf-8")
    with pytest.raises(PackRejected) as refused:
        read_pack(pack)
    said = sorted((p.key, p.line, p.message) for p in refused.value.problems)
    assert said[0] == ("[2].sku", 6, "'NOPE-1' is not a product of the pack")
    assert said[1][:2] == ("[3].file", 10) and "videos/short.webm is cut short" in said[1][2]
    assert said[2] == ("[4].title", 14, "has no text in 'de'")
