"""Video slides in the attract loop, with films made at test time: the film plays by its timestamps
on the pilot's clock, the slide after it comes when it ends, a looping slide starts its film again,
a damaged file shows its poster and leaves a line for staff, and the picture moves where the film does."""

from __future__ import annotations

import gc
import json
import logging
import shutil
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import av
import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.hours.slide_schedule import active_slides
from kiosk.scenes.attract import FADE_SECONDS, AttractScene
from kiosk.testing.pilot import Pilot
from tests.conftest import REPO, write_config
from tests.snapshot_check import check_snapshot
from tests.videos import number_of, numbered_film

FRAME = 1 / 30
POSTER_COLOR = (200, 40, 160)
MESSAGE = {"kind": "message", "seconds": 5, "title": {language: "After the film" for language in
                                                      ("fr", "en", "de", "es", "it")}}


def pack_with_playlist(folder: Path, slides: list[dict[str, Any]]) -> Path:
    """A copy of the demo pack whose playlist is `slides`, and a config that runs it."""
    pack = folder / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    (pack / "playlist.json").write_text(json.dumps(slides), encoding="utf-8")
    poster = pygame.Surface((320, 180))
    poster.fill(POSTER_COLOR)
    pygame.image.save(poster, str(pack / "images" / "poster.png"))
    config = write_config(folder)
    config.write_text(config.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    return config


@pytest.fixture
def films(tmp_path: Path) -> Path:
    """The pack's videos folder, with a numbered film of 2 s (60 frames) in H.264 and in VP9."""
    folder = tmp_path / "films"
    folder.mkdir()
    numbered_film(folder / "count.mp4", 60)
    numbered_film(folder / "count.webm", 60, codec="vp9")
    return folder


def start(tmp_path: Path, slides: list[dict[str, Any]]) -> Pilot:
    """The terminal on the attract loop of a pack with `slides` (the films are in place already)."""
    config = pack_with_playlist(tmp_path, slides)
    if (tmp_path / "films").exists():
        shutil.copytree(tmp_path / "films", tmp_path / "pack" / "videos", dirs_exist_ok=True)
    pilot = Pilot(load_config(config), "terminal")
    assert pilot.scene == "attract"
    return pilot


def attract(pilot: Pilot) -> AttractScene:
    scene = pilot.app.display("terminal").screen.stack.top
    assert isinstance(scene, AttractScene)
    return scene


def turn(pilot: Pilot, seconds: float = FRAME) -> None:
    """Let `seconds` pass and run the loop once, the decoder having done its part (it runs in real time)."""
    film = attract(pilot).film
    if film is not None and film.player is not None:
        film.player.settle()
    pilot.clock.advance(seconds)
    pilot.app.step(block=False)


def shown(pilot: Pilot, tmp_path: Path, screenshot: bool = False) -> tuple[int, int, int]:
    """The colour at the middle of the film on the screen: as drawn (the frame presented), or from a
    screenshot taken through the automation interface."""
    film = attract(pilot).film
    assert film is not None
    if screenshot:
        picture = pygame.image.load(str(pilot.screenshot(tmp_path / "shot.png")))
    else:
        picture = pilot.app.display("terminal").screen.full
    color = picture.get_at(film.screen_rect().center)
    return color[0], color[1], color[2]


def start_film(pilot: Pilot) -> None:
    """Run the loop until the first frame is on the screen (the worker decodes it in real time)."""
    for _ in range(400):
        film = attract(pilot).film
        if film is not None and film.player is not None and film.player.current is not None:
            return
        if film is not None and film.player is not None:
            film.player.settle(0.05)
        pilot.app.step(block=False)
    raise AssertionError("the film did not start")


@pytest.mark.parametrize("name", ["count.mp4", "count.webm", "count-vp9.mp4"])
@pytest.mark.quick_first(1)  # the VP9 films (WebM and MP4) too in CI
def test_a_video_slide_shows_each_frame_at_its_time_then_the_next_slide(
        tmp_path: Path, films: Path, name: str) -> None:
    if name == "count-vp9.mp4":  # VP9 in MP4 too
        numbered_film(films / name, 60, codec="vp9")
    pilot = start(tmp_path, [{"kind": "video", "file": f"videos/{name}"}, MESSAGE])
    try:
        start_film(pilot)
        seen = [number_of(shown(pilot, tmp_path, screenshot=True))]
        for _ in range(59):
            turn(pilot, FRAME / 2)  # half a frame: the same frame is still shown
            assert number_of(shown(pilot, tmp_path)) == seen[-1]
            turn(pilot, FRAME / 2)
            seen.append(number_of(shown(pilot, tmp_path)))
        assert seen == list(range(60))
        assert number_of(shown(pilot, tmp_path, screenshot=True)) == 59
        assert pilot.details()["video"]["dropped"] == 0
        for _ in range(3):
            turn(pilot)
        pilot.advance(1)  # the film ended: the message fades in
        assert pilot.details()["slide"] == 1
        assert "After the film" in pilot.labels()
    finally:
        pilot.close()


def test_video_slides_are_scheduled_like_the_other_slides(tmp_path: Path) -> None:
    """A video slide plays on the display roles, days, hours and dates its schedule gives, and as a fallback
    only when nothing else plays, as every slide does (the demo's films: none of them plays here)."""
    slides = [{"kind": "video", "file": "videos/trail.mp4", "roles": ["window"]},
              {"kind": "video", "file": "videos/RUN-115.webm", "last_date": "2020-12-31"},
              {**MESSAGE, "last_date": "2026-11-20"},
              {"kind": "video", "file": "videos/RUN-115.webm", "days": ["fri"], "start": "09:00", "end": "12:00"},
              {"kind": "video", "file": "videos/trail.mp4", "fallback": True}]
    pilot = start(tmp_path, slides)
    try:
        ctx = pilot.app.display("terminal").ctx
        now = ctx.local_now()
        assert (now.date().isoformat(), now.strftime("%a %H:%M")) == ("2026-11-20", "Fri 11:00"), "the pilot's clock"
        assert [(s.kind, s.file) for s in attract(pilot).slides] == [("message", ""), ("video", "videos/RUN-115.webm")]
        playlist = ctx.shop.catalog.playlist()
        assert [s.file for s in active_slides(playlist, now, "window")] == [
            "videos/trail.mp4", "", "videos/RUN-115.webm"], "the window's own film plays there"
        assert [s.file for s in active_slides(playlist, now + timedelta(days=1), "terminal")] == [
            "videos/trail.mp4"], "the next day, nothing else is scheduled: the fallback film plays"
    finally:
        pilot.close()


def test_late_frames_are_dropped_and_the_film_keeps_its_time(tmp_path: Path, films: Path) -> None:
    pilot = start(tmp_path, [{"kind": "video", "file": "videos/count.mp4"}, MESSAGE])
    try:
        start_film(pilot)
        turn(pilot, 0.9)  # the loop was held up for most of a second (a busy machine)
        turn(pilot)
        turn(pilot)
        number = number_of(shown(pilot, tmp_path, screenshot=True))
        assert 29 <= number <= 31, "the film is where the clock says, not where it stopped"
        video = pilot.details()["video"]
        assert video["dropped"] >= 25
        assert video["shown"] <= 6
    finally:
        pilot.close()


def test_a_playing_film_wakes_the_loop_when_its_next_frame_is_due_not_at_frame_rate(
        tmp_path: Path, films: Path) -> None:
    """The loop sleeps until the film's next frame is due (then shows it) instead of turning 60 times a second at
    times unrelated to the film's: a turn that came 15 ms late then dropped a frame on a busy terminal."""
    pilot = start(tmp_path, [{"kind": "video", "file": "videos/count.mp4"}, MESSAGE])
    try:
        start_film(pilot)
        app, display = pilot.app, pilot.app.display("terminal")
        for _ in range(10):
            film = attract(pilot).film
            assert film is not None and film.player is not None
            film.player.settle()
            pilot.clock.advance(FRAME / 3)
            assert not app.step(block=False), "nothing animates at frame rate while the film waits for its frame"
            now = pilot.clock.monotonic()
            due = film.player.next_due()
            assert due is not None and now < due <= now + FRAME
            wake = display.next_deadline(now)
            assert wake is not None and due - 0.004 <= wake <= due, "the loop wakes as the next frame is due"
            before = film.state()["shown"]
            pilot.clock.advance(wake - now)
            app.step(block=False)
            assert film.state()["shown"] == before + 1, "and shows it then"
        assert film.state()["dropped"] == 0
    finally:
        pilot.close()


def test_a_closed_kiosk_stops_its_film_and_lets_go_of_its_frames(tmp_path: Path, films: Path) -> None:
    """Closing the kiosk stops the film it plays at once: the decoder's worker ends and no frame of the film stays
    in memory. Its worker held the frame shown and the one waiting for 30 s, waiting for a loop that no longer
    turned (12 MB on the 4K window; later tests of the same process found them beside their own)."""
    gc.collect()
    earlier = [thing for thing in gc.get_objects() if isinstance(thing, av.VideoFrame)]
    threads = threading.enumerate()
    pilot = start(tmp_path, [{"kind": "video", "file": "videos/count.mp4", "loop": True, "seconds": 60}])
    try:
        start_film(pilot)
        turn(pilot)
        assert pilot.details()["video"]["shown"] >= 1
        workers = [thread for thread in threading.enumerate()
                   if thread.name == "video count.mp4" and not any(thread is old for old in threads)]
        assert len(workers) == 1
    finally:
        pilot.close()
    workers[0].join(timeout=5)
    assert not workers[0].is_alive(), "the film's worker ended with the kiosk"
    gc.collect()
    held = [(thing.width, thing.height) for thing in gc.get_objects()
            if isinstance(thing, av.VideoFrame) and not any(thing is old for old in earlier)]
    assert held == [], "no frame of the film is held once the kiosk is closed"


@pytest.mark.slow  # plays the film twice over: CI runs it
def test_a_looping_slide_starts_its_film_again(tmp_path: Path, films: Path) -> None:
    pilot = start(tmp_path, [{"kind": "video", "file": "videos/count.webm", "loop": True, "seconds": 6}, MESSAGE])
    try:
        start_film(pilot)
        numbers = []
        for _ in range(75):
            turn(pilot)
            numbers.append(number_of(shown(pilot, tmp_path)))
        assert numbers[58] == 59 and numbers[59] == 0 and numbers[74] == 15
        assert pilot.details()["video"]["loops"] >= 1
        assert pilot.details()["slide"] == 0
        pilot.advance(4.5)  # six seconds in all: the next slide
        assert pilot.details()["slide"] == 1
    finally:
        pilot.close()


@pytest.mark.parametrize("damage", ["truncated", "corrupt", "unknown codec"])
@pytest.mark.quick_first(1)  # the corrupt film and the unknown codec too in CI
def test_a_damaged_film_shows_its_poster_and_a_line_for_staff(
        tmp_path: Path, films: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    slides = [{"kind": "video", "file": "videos/count.mp4", "poster": "images/poster.png", "seconds": 4}, MESSAGE]
    pilot = start(tmp_path, slides)
    try:
        film = tmp_path / "pack" / "videos" / "count.mp4"  # damaged on disk after the pack was imported
        data = film.read_bytes()
        film.write_bytes({"truncated": data[: len(data) // 2], "corrupt": data[:48] + bytes(len(data) - 48),
                          "unknown codec": data.replace(b"avc1", b"zzz9")}[damage])  # a codec no decoder knows
        attract(pilot).rebuild()  # as when the slide comes round again
        with caplog.at_level(logging.WARNING):
            for _ in range(40):
                turn(pilot, 0.02)
                attract(pilot).film.player and attract(pilot).film.player.settle(0.05)  # type: ignore[union-attr]
        assert shown(pilot, tmp_path, screenshot=True) == POSTER_COLOR
        assert any("count.mp4 cannot be played" in record.getMessage() for record in caplog.records)
        assert pilot.details()["video"]["failed"]
        pilot.advance(4)  # the poster stays the slide's seconds
        assert pilot.details()["slide"] == 1
    finally:
        pilot.close()


@pytest.mark.slow  # the film played in real time: CI runs it
def test_the_screen_moves_where_the_film_moves(tmp_path: Path) -> None:
    pilot = start(tmp_path, [{"kind": "video", "file": "videos/trail.mp4", "loop": True, "seconds": 30}])
    try:
        start_film(pilot)
        for _ in range(15):
            turn(pilot)
        early = pilot.picture()
        for _ in range(45):
            turn(pilot)
        late = pilot.picture()
        film = attract(pilot).film
        assert film is not None and film.player is not None and film.player.size is not None
        picture = pygame.Rect((0, 0), film.player.size)
        picture.center = film.screen_rect().center
        moved = [(x, y) for x in range(picture.left, picture.right, 8) for y in range(picture.top, picture.bottom, 8)
                 if early.get_at((x, y)) != late.get_at((x, y))]
        assert len(moved) > 200, "the rider and the hills moved"
        outside = [(x, y) for x in range(0, 1080, 8) for y in range(picture.bottom + 8, 1920, 8)
                   if early.get_at((x, y)) != late.get_at((x, y))]
        assert not outside, "nothing moved below the film (the call to action)"
    finally:
        pilot.close()


@pytest.mark.slow  # plays the demo's film for seconds: CI runs it
def test_the_demo_s_video_slide_at_two_moments_matches_its_snapshots(pilot: Pilot, tmp_path: Path) -> None:
    # the welcome slide's seven seconds, then the dip into the film's slide to its middle: the film comes second
    pilot.advance(7 + FADE_SECONDS / 2, step=0.5)
    assert pilot.details()["slide"] == 1 and pilot.details()["video"]["playing"]
    pilot.advance(1, step=FRAME)
    first = pilot.screenshot(tmp_path / "film-1s.png")
    check_snapshot("video-slide-1s", first)
    pilot.advance(3, step=FRAME)
    second = pilot.screenshot(tmp_path / "film-4s.png")
    check_snapshot("video-slide-4s", second)
    early, late = pygame.image.load(str(first)), pygame.image.load(str(second))
    film = attract(pilot).film
    assert film is not None
    box = film.screen_rect()
    inside = sum(early.get_at((x, y)) != late.get_at((x, y))
                 for x in range(box.left, box.right, 10) for y in range(box.top, box.bottom, 10))
    outside = sum(early.get_at((x, y)) != late.get_at((x, y))
                  for x in range(0, 1080, 10) for y in range(box.bottom + 10, 1920, 10))
    assert inside > 100 and outside == 0


@pytest.mark.slow  # the demo's film played for seconds: CI runs it
def test_the_film_s_call_to_action_is_the_brand_s_accent_like_the_welcome_s(pilot: Pilot, tmp_path: Path) -> None:
    theme = pilot.app.display().screen.theme
    accent = pygame.Color(theme.color("accent"))[:3]

    def pill_colour() -> tuple[int, int, int]:
        picture = pilot.picture()
        widgets = pilot.request("tree")["displays"][pilot.app.display().name]["widgets"]
        words = pygame.Rect(next(w["bounds"] for w in widgets
                                 if w["label"] == "Touchez l'écran pour commencer" and w["role"] == "text"))
        return tuple(picture.get_at((words.left + 2, words.centery)))[:3]  # type: ignore[return-value]

    assert pilot.details()["slide"] == 0
    assert pill_colour() == accent, "the welcome slide's call to action"
    pilot.advance(7, step=0.5)  # the welcome slide's seven seconds: the film comes second
    pilot.advance(1, step=FRAME)
    assert pilot.details()["slide"] == 1 and pilot.details()["video"]["playing"]
    assert pill_colour() == accent, "the film's call to action, in the same accent"


@pytest.mark.parametrize(("size", "language"), [((1080, 1920), "fr"), ((1920, 1080), "fr"), ((800, 1280), "fr"),
                                                ((3840, 2160), "fr"), ((2160, 3840), "fr"), ((1080, 1920), "de"),
                                                ((1920, 1080), "de")])
@pytest.mark.quick_first(1)  # the other shapes and German in CI
def test_the_film_s_captions_stand_under_its_picture_never_over_it_and_above_the_call_to_action(
        tmp_path: Path, size: tuple[int, int], language: str) -> None:
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace("size = [1080, 1920]", f"size = [{size[0]}, {size[1]}]", 1))
    pilot = Pilot(load_config(config), "terminal")
    try:
        display = pilot.app.display("terminal")
        display.session.language = language
        display.screen.rebuild_all()
        pilot.advance(7, step=0.5)  # the welcome slide's seven seconds: the film comes second
        pilot.advance(4, step=FRAME)  # the film's second caption
        film = attract(pilot).film
        assert film is not None and film.player is not None and film.player.current is not None
        frame = film.player.current.image()
        picture = film.picture_rect(film.screen_rect(), frame.get_size())
        shot = pilot.picture()
        step = max(4, picture.width // 60)
        assert all(shot.get_at((picture.x + x, picture.y + y))[:3] == frame.get_at((x, y))[:3]
                   for x in range(0, picture.width, step) for y in range(0, picture.height, step)), \
            "nothing is drawn over the film's picture"
        caption = "Räder, Schuhe, Zelte: im Laden ausprobieren" if language == "de" else \
            "Vélos, chaussures, tentes : essayez en magasin"
        assert film.state()["caption"] == caption
        band = pygame.Rect(0, picture.bottom, size[0], film.caption_band)
        light = sum(1 for x in range(band.left, band.right, 3) for y in range(band.top, band.bottom, 3)
                    if min(shot.get_at((x, y))[:3]) > 200)
        assert light > 40, "the caption's words, in their band under the picture"
        widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
        action = min(w["bounds"][1] for w in widgets if w["label"] in ("Accessibilité", "Barrierefreiheit"))
        assert band.bottom <= action, "the captions end above the call to action"
    finally:
        pilot.close()
