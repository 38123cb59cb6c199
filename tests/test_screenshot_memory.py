"""Head office's monitoring asks for screenshots all day: 500 of them leave the kiosk's memory where it was."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.mark.slow  # 500 PNGs of 1080x1920: about half a minute
def test_five_hundred_screenshots_keep_memory_flat(pilot: Pilot, tmp_path: Path) -> None:
    pilot.scan("2001000001019")  # a product page: pictures and text, a PNG of a real size
    shot = tmp_path / "shot.png"
    for _ in range(100):  # warm-up: the encoder's and the allocator's own buffers
        pilot.screenshot(shot)
    before = rss_mb()
    for _ in range(400):
        pilot.screenshot(shot)
    grown = rss_mb() - before
    assert pygame.image.load(str(shot)).get_size() == (1080, 1920)
    # each screenshot's PNG (~60 KB here) stayed in memory: 400 of them grew it by more than 20 MB
    assert grown < 3, f"400 screenshots grew the memory by {grown:.1f} MB ({shot.stat().st_size // 1024} KB each)"


def high_water_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc/self/status")


def test_a_screenshot_takes_no_screenful_of_memory(pilot: Pilot, tmp_path: Path) -> None:
    pilot.scan("2001000001019")
    shot = tmp_path / "shot.png"
    pilot.screenshot(shot)  # the first: the encoder's own start-up
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark from here on (Linux)
    before = rss_mb()
    pilot.screenshot(shot)
    peak = high_water_mb() - before
    assert pygame.image.load(str(shot)).get_size() == (1080, 1920)
    # a copy of the screen (8.3 MB) and pygame's PNG writer, which makes every row first (6.2 MB more),
    # raised the kiosk's memory by 14 MB for a moment at each screenshot (55 MB on a 4K window)
    assert peak < 4, f"a screenshot of the 1080x1920 screen took {peak:.1f} MB more for a moment"
