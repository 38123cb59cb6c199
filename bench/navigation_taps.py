"""Which tap sets the navigation frame time: `python -m bench.navigation_taps [WIDTHxHEIGHT] [RUNS]`.

Runs the `frames` probe as `python -m bench` does (the demo catalogue, 6 rounds of Home, a department,
a product page and Back) and prints, for each tap, its slowest frame in each round, then the
navigation p99 of each run. Navigation has about 25 frames a run, so its p99 is nearly its slowest
frame: this says which page to make cheaper.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.__main__ import _probe
from bench.setup import make_config


def main(screen: tuple[int, int], runs: int) -> None:
    """Print each tap's slowest frames and each run's p99, for `runs` runs at `screen`."""
    with tempfile.TemporaryDirectory() as folder:
        config = make_config(Path(folder), None, screen)
        for run in range(runs):
            result = _probe("frames", str(config), "6")
            print(f"run {run + 1}: navigation p99 {result['navigation']['p99_ms']:.2f} ms "
                  f"(CPU {result['navigation']['cpu_p99_ms']:.2f} ms)")
            for label, times in result["navigation_taps"].items():
                print(f"  {label}: " + ", ".join(f"{ms:.1f}" for ms in times))


if __name__ == "__main__":
    size = tuple(int(n) for n in sys.argv[1].split("x")) if len(sys.argv) > 1 else (1080, 1920)
    main((size[0], size[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
