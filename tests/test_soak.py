"""A short soak run (the hour-long one is `python -m bench.soak`): no crash, memory flat."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_twenty_seconds_of_random_use_neither_crash_nor_leak() -> None:
    result = subprocess.run([sys.executable, "-m", "bench.soak", "--seconds", "20"], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failure"] == "", report
    assert report["actions"] > 200
    assert report["growth_mb"] < 15, report
