"""The video player on its own, with films made at test time and a manual clock: frames in order at
their timestamps, late ones dropped (on the loop and in the worker), few frames held, a film that
loops, and files it cannot play (a line for staff, never an exception)."""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path

import av
import pygame
import pytest

from kiosk.core.hours.clock import ManualClock
from kiosk.core.pack.ready_films import fitted
from kiosk.ui.video_player import Frame, VideoPlayer
from tests.videos import number_of, numbered_film

FRAME = 1 / 30


@pytest.fixture(scope="module")
def film(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-second numbered film (60 frames at 30 fps), H.264 in MP4."""
    return numbered_film(tmp_path_factory.mktemp("films") / "count.mp4", 60)


def number_drawn(frame: Frame) -> int:
    """The number of the frame as it is drawn on a screen (its top left corner, drawn alone)."""
    corner = pygame.Surface((16, 16), 0, 32)
    frame.draw(corner, (0, 0))
    return number_of(corner.get_at((10, 10)))


@pytest.fixture(scope="module")
def full_hd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An 8-frame numbered film at 1920x1080, as the kiosk-ready copies the window plays."""
    return numbered_film(tmp_path_factory.mktemp("films") / "full-hd.mp4", 8, size=(1920, 1080))


def shown_number(player: VideoPlayer, clock: ManualClock) -> int | None:
    frame = player.frame(clock.monotonic())
    return None if frame is None else number_drawn(frame)


def test_frames_come_in_order_at_their_timestamps(film: Path) -> None:
    clock = ManualClock()
    player = VideoPlayer(film, (640, 640), clock)
    try:
        player.settle()
        assert player.size == (640, 360), "scaled once, to the box, keeping the film's shape"
        seen = []
        for _ in range(60):
            seen.append(shown_number(player, clock))
            clock.advance(FRAME * 0.6)  # not yet the next frame's time
            player.settle()
            assert shown_number(player, clock) == seen[-1]
            clock.advance(FRAME * 0.4)
            player.settle()
            assert not player.ended or len(seen) == 60
        assert seen == list(range(60))
        assert (player.shown, player.dropped) == (60, 0)
        assert player.frame(clock.monotonic()) is not None and player.ended, "the last frame stayed its time"
    finally:
        player.stop()


def test_late_frames_are_dropped_not_shown_late(film: Path) -> None:
    clock = ManualClock()
    player = VideoPlayer(film, (320, 180), clock)
    try:
        player.settle()
        assert shown_number(player, clock) == 0
        clock.advance(1.0)  # the loop was held up for a second
        numbers = []
        for _ in range(3):
            player.settle()
            numbers.append(shown_number(player, clock))
        assert numbers[-1] == 30, "the film is where the clock says"
        assert numbers == sorted(numbers), "never backwards"
        assert player.dropped >= 26 and player.shown <= 4
    finally:
        player.stop()


def test_the_worker_holds_only_a_few_frames(film: Path) -> None:
    clock = ManualClock()
    player = VideoPlayer(film, (320, 180), clock)
    try:
        player.settle()
        player.frame(clock.monotonic())
        player.settle()
        assert player.ahead == 3 and player.held <= player.ahead + 1, "small frames: three queued"
    finally:
        player.stop()


def test_a_film_waiting_to_be_shown_holds_the_shown_frame_and_those_waiting_in_yuv_no_rgb_and_no_decoded_one(
        tmp_path: Path) -> None:
    """What a playing film holds in memory, once its worker waits for the loop: the frame shown and those
    waiting to be shown (queued, and the next one taken), in YUV at the size shown (no RGB copy: a frame
    is turned into the screen's pixels as it is drawn); nothing in the worker's hands, and no picture at
    the film's own size (each one held keeps a 1080p picture, 3 MB, in FFmpeg's decoder)."""
    source = numbered_film(tmp_path / "odd.mp4", 20, size=(336, 192))
    clock = ManualClock()
    player = VideoPlayer(source, (168, 168), clock)
    try:
        player.settle()
        player.frame(clock.monotonic())
        player.settle()
        time.sleep(0.1)  # the worker has made its next frame and waits for room
        gc.collect()
        held = [(thing.width, thing.height, thing.format.name) for thing in gc.get_objects()
                if isinstance(thing, av.VideoFrame) and (thing.width, thing.height) in ((168, 96), (336, 192))]
        assert player.size == (168, 96)
        assert (336, 192) not in [frame[:2] for frame in held], "no decoded picture held while the worker waits"
        assert sorted(held) == [(168, 96, "yuv420p")] * (1 + player.ahead), held
        assert player.held == player.ahead == 3
    finally:
        player.stop()


def test_a_1080p_film_on_the_4k_window_waits_scaled_so_that_the_loop_never_scales(full_hd: Path) -> None:
    """On the 3840x2160 window a 1080p film is shown larger than it is made (2684x1510: 6 MB a frame in YUV, 12 MB
    in RGB, never made): the worker scales each frame before it waits to be shown, so that the loop only draws it
    (scaled on the loop, the turn cost 5 ms more and the worker fell behind: 25.8 frames a second). The window
    holds the frame waiting and the one shown, both at the size shown, no decoded picture; the worker decodes the
    next only once the one waiting is shown."""
    clock = ManualClock()
    gc.collect()
    # frames another test of this process still holds (its pilot's films) are not this player's
    earlier = [thing for thing in gc.get_objects() if isinstance(thing, av.VideoFrame)]
    player = VideoPlayer(full_hd, (2686, 1510), clock)  # the window's film box
    try:
        seen = []
        for _ in range(6):
            player.settle()
            time.sleep(0.05)  # the worker would make more now if it could
            frame = player.frame(clock.monotonic())
            assert frame is not None
            seen.append(number_drawn(frame))
            del frame
            time.sleep(0.05)
            gc.collect()
            held = [(thing.width, thing.height, thing.format.name) for thing in gc.get_objects()
                    if isinstance(thing, av.VideoFrame) and thing.width >= 1920
                    and not any(thing is old for old in earlier)]
            assert sorted(held) == [(2684, 1510, "yuv420p")] * 2, held
            assert player.held == player.ahead == 1
            clock.advance(FRAME)
        assert seen == list(range(6)) and player.dropped == 0
    finally:
        player.stop()


def test_a_looping_film_starts_again_after_its_last_frame(film: Path) -> None:
    clock = ManualClock()
    player = VideoPlayer(film, (320, 180), clock, loop=True)
    try:
        numbers = []
        player.settle()
        for _ in range(130):
            numbers.append(shown_number(player, clock))
            clock.advance(FRAME)
            player.settle()
        assert numbers == [*range(60), *range(60), *range(10)]
        assert player.loops >= 2 and not player.ended and player.dropped == 0
    finally:
        player.stop()


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "not a video", "unknown codec"])
def test_a_file_it_cannot_play_ends_with_a_line_for_staff(
        film: Path, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    data = film.read_bytes()
    broken = tmp_path / "broken.mp4"
    broken.write_bytes({"empty": b"", "truncated": data[: len(data) // 2], "garbage": bytes(range(256)) * 64,
                        "not a video": b"WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n",
                        "unknown codec": data.replace(b"avc1", b"zzz9")}[damage])  # a codec no decoder knows
    clock = ManualClock()
    with caplog.at_level(logging.WARNING):
        player = VideoPlayer(broken, (320, 180), clock)
        player.settle()
        for _ in range(20):
            player.frame(clock.monotonic())
            clock.advance(FRAME)
            player.settle(0.1)
    assert player.ended and player.failed.startswith("video broken.mp4 cannot be played")
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [player.failed]


def test_a_missing_file_is_a_line_for_staff_too(tmp_path: Path) -> None:
    player = VideoPlayer(tmp_path / "gone.webm", (320, 180), ManualClock())
    player.settle()
    assert player.frame(0.0) is None and player.ended and "gone.webm" in player.failed


@pytest.mark.parametrize(("source", "box", "size"), [
    ((1920, 1080), (1080, 1920), (1080, 608)), ((1920, 1080), (3840, 2160), (3840, 2160)),
    ((720, 720), (500, 300), (300, 300)), ((1280, 720), (1, 1), (2, 2)),
])
def test_frames_are_fitted_into_the_box(source: tuple[int, int], box: tuple[int, int], size: tuple[int, int]) -> None:
    assert fitted(source, box) == size


def test_frames_wait_as_many_as_fit_in_a_few_megabytes_three_on_the_terminal_one_on_the_4k_window(
        full_hd: Path) -> None:
    for box, size, ahead in (((1080, 1920), (1080, 608), 3), ((3840, 2160), (3840, 2160), 1)):
        player = VideoPlayer(full_hd, box, ManualClock())
        try:
            player.settle()
            assert (player.size, player.ahead) == (size, ahead)
            assert player.held <= ahead, "the worker waits with no more made"
        finally:
            player.stop()
