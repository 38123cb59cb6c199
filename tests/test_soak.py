"""A soak run (the hour-long one is `python -m bench.soak --minutes 60`): random shopper actions with head
office's screenshots among them; no crash, and memory with no growth trend. What the memory amounts to is
measured in bench/ (DESIGN §7), not here."""

from __future__ import annotations

import itertools
import json
import statistics
import subprocess
import sys

import pytest

from tests.conftest import REPO

GROWTH_LIMIT_MB = 8.0  # along the second half of a run; a screenshot's PNG kept each time: +28 MB


def trend_mb(samples: list[float]) -> float:
    """How much `samples` (taken evenly) grow from first to last along their trend: the median of the steps
    from one to the next, times their number, so that a swing or one step up (a cache filling, a library
    loaded at its first use) is not read as growth, and a leak, which climbs at nearly every step, is."""
    return statistics.median(b - a for a, b in itertools.pairwise(samples)) * (len(samples) - 1)


def test_the_trend_reads_a_leak_and_not_a_cache_filling() -> None:
    # the second halves of the run below (bench.soak --actions 1600 --screenshot-every 4 --without-films) on the
    # kiosk as it is, and with every screenshot's PNG kept in memory (as pygame's own writer did)
    flat = [68.6, 71.2, 68.8, 68.6, 67.4, 68.5, 68.2, 68.1, 69.3, 67.9]
    leaking = [103.2, 107.9, 106.9, 109.7, 111.2, 114.6, 117.9, 118.6, 121.7, 125.3]
    assert abs(trend_mb(flat)) < 3 and trend_mb(leaking) > 2 * GROWTH_LIMIT_MB
    assert trend_mb([70.0] * 5 + [90.0] * 5) == 0, "one step up (FFmpeg's libraries at the first film) is no leak"


@pytest.mark.slow
@pytest.mark.timeout(600)  # 1,600 actions and about 400 screenshots: 1.5 minutes, 3 on a loaded machine
def test_random_use_with_screenshots_neither_crashes_nor_grows() -> None:
    """A fixed number of actions (the same ones whatever the machine's load), one in four a screenshot as
    head office's monitoring asks for them: 400 screenshots, which grew the kiosk by 24 MB when each one's
    PNG stayed in memory. The demo pack without its films: a film's decoder comes and goes with what plays."""
    result = subprocess.run([sys.executable, "-m", "bench.soak", "--actions", "1600", "--screenshot-every", "4",
                             "--without-films"], cwd=REPO, capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failure"] == "", report
    assert report["actions"] == 1600 and report["screenshots"] > 300, report
    samples = report["rss_samples_mb"]
    # the first half meets every scene and fills the caches up to their bounds; flat, the second half
    # has no trend (a leak of a screenshot's PNG each time read +25 MB or more over it)
    growth = trend_mb(samples[len(samples) // 2:])
    assert growth < GROWTH_LIMIT_MB, f"memory grew by {growth:.1f} MB along the second half of the run: {samples}"
