"""Attract slides change by a dip through the theme's background colour: the slide shown fades into the
colour, the next one comes out of it, never two slides at once, and never a copy of the screen held to do it
(8.3 MB at 1080x1920, 33 MB at 4K for each change). The window's band, the same on every slide, stays put."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pygame
import pytest

from kiosk.config import load_config
from kiosk.scenes.attract import FADE_SECONDS
from kiosk.testing.pilot import Pilot
from tests.scenes.test_video_slides import MESSAGE, pack_with_playlist
from tests.test_layout_matrix import pilot_for
from tests.test_screenshot_memory import high_water_mb, rss_mb

STEP = FADE_SECONDS / 30  # a frame at 50 Hz
T = TypeVar("T")


def frames_of_the_change(pilot: Pilot, look: Callable[[pygame.Surface], T]) -> list[T]:
    """What `look` sees of the screen at each frame from the last frame of the first slide to the first
    frame after the change of slide is over."""
    screen = pilot.app.display().screen
    start = pilot.details()["slide"]
    while True:
        pilot.advance(STEP, step=STEP)
        if screen.stack.top.next_deadline(0.0) == 0.0:  # changing: every frame drawn
            break
    seen = []
    for _ in range(40):
        screen.images.wait()
        pilot.advance(0.0001, step=0.0001)  # the pictures asked for drawn
        seen.append(look(pilot.app.outputs[0].picture()))
        pilot.advance(STEP, step=STEP)
    assert pilot.details()["slide"] != start
    return seen


def covered_by(frame: pygame.Surface, area: pygame.Rect, color: tuple[int, int, int]) -> float:
    """The part of `area` of `frame` that is `color` (give or take 3 a channel)."""
    mask = pygame.mask.from_threshold(frame.subsurface(area), color, (4, 4, 4, 255))
    return mask.count() / (area.width * area.height)


@pytest.mark.parametrize(("display", "size"), [("terminal", (1080, 1920)), ("window", (2160, 3840))])
@pytest.mark.quick_first(1)  # the portrait 4K window too in CI
def test_a_slide_dips_into_the_background_colour_and_the_next_comes_out_of_it(
        tmp_path: Path, display: str, size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, display, size, "fr")
    try:
        ctx = pilot.app.display().ctx
        background = ctx.theme.color("background")[:3]
        steady = ctx.screen.stack.top.steady_height  # type: ignore[attr-defined]
        band = pygame.Rect(0, size[1] - steady, size[0], steady)
        slide = pygame.Rect(0, 0, size[0], size[1] - steady)

        def look(frame: pygame.Surface) -> tuple[float, tuple[int, ...], bytes]:
            return (covered_by(frame, slide, background), tuple(pygame.transform.average_color(frame, slide)),
                    pygame.image.tobytes(frame.subsurface(band), "RGB") if steady else b"")

        frames = frames_of_the_change(pilot, look)
        cover = [covered for covered, _, _ in frames]
        middle = cover.index(max(cover))
        assert cover[middle] > 0.99, f"the slides pass through the background colour: at most {max(cover):.0%} of it"
        # the colour comes and goes by degrees over the change's time, not in a cut
        assert 0.3 * FADE_SECONDS < middle * STEP < 0.7 * FADE_SECONDS
        first, last = frames[0][1], frames[-1][1]
        for at in (middle // 2, (middle + len(frames)) // 2):
            between = frames[at][1]
            ends = first if at < middle else last
            assert all(min(end, colour) - 2 <= mid <= max(end, colour) + 2
                       for end, mid, colour in zip(ends, between, background)), \
                f"frame {at} is not part of the way between its slide {ends} and the colour {background}: {between}"
            assert between[:3] != ends[:3]
        if display == "window":  # the band, the same on every slide, stays as it is through the change
            assert steady > 0
            assert all(band_pixels == frames[0][2] for _, _, band_pixels in frames)
    finally:
        pilot.close()


@pytest.mark.slow  # 80 frames at 3840x2160
def test_a_change_of_slide_on_a_4k_screen_holds_no_copy_of_it(tmp_path: Path) -> None:
    second = {**MESSAGE, "title": {language: "Second slide" for language in ("fr", "en", "de", "es", "it")}}
    config = pack_with_playlist(tmp_path, [MESSAGE, second])
    config.write_text(re.sub(r"^size = \[1080, 1920\]", "size = [3840, 2160]", config.read_text(), count=1,
                             flags=re.M))
    pilot = Pilot(load_config(config), "terminal")
    try:
        frames_of_the_change(pilot, lambda frame: None)  # the first change: the second slide's text rendered
        Path("/proc/self/clear_refs").write_text("5")  # the high-water mark from here on (Linux)
        before = rss_mb()
        frames_of_the_change(pilot, lambda frame: None)
        peak = high_water_mb() - before
        # the cross-fade drew the slide before into a copy of the screen: 33 MB for each change
        assert peak < 8, f"a change of slide at 3840x2160 took {peak:.1f} MB more for a moment"
    finally:
        pilot.close()
