"""A short soak run (the hour-long one is `python -m bench.soak`): no crash, memory flat."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_half_a_minute_of_random_use_neither_crashes_nor_leaks() -> None:
    result = subprocess.run([sys.executable, "-m", "bench.soak", "--seconds", "30"], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failure"] == "", report
    assert report["actions"] > 1000
    samples = report["rss_samples_mb"]
    # Memory swings with what is on screen; a leak climbs. When the caches were unbounded in bytes it
    # climbed ~7 MB a second; flat, the end stays within the first half's peaks.
    assert report["rss_end_mb"] <= max(samples[: len(samples) // 2]) + 20, report
