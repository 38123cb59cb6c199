"""What a screenshot costs the kiosk: its memory for a moment and the CPU time to encode it.

    python -m bench.screenshots            # the terminal (1080x1920) and the shop window (3840x2160)

One line of JSON a screen size, each in a process of its own: the product page shown, a screenshot
asked for through the automation socket (encoded on the loop, no copy of the screen), then, to compare,
the screen copied and written by pygame's own PNG writer (what the kiosk did before): the high-water
mark of resident memory above what the kiosk held (MB), the CPU time (ms) and the PNG's size (KB).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.probes import rss_mb
from bench.setup import REPO, make_config


def _high_water_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _measured(action: Any, path: Path) -> dict[str, float]:
    """Peak memory above the resident memory before, CPU time and file size of `action()` writing `path`."""
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark from here on
    before = rss_mb()
    cpu = time.process_time()
    action()
    cpu = time.process_time() - cpu
    return {"peak_mb": round(_high_water_mb() - before, 1), "cpu_ms": round(cpu * 1000),
            "png_kb": path.stat().st_size // 1024}


def screenshot_costs(size: tuple[int, int]) -> dict[str, Any]:
    """The costs on a screen of `size` showing a product page (in this process)."""
    import pygame

    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot

    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    pilot = Pilot(load_config(make_config(folder, None, size, films=False)), "terminal")
    pilot.scan("2001000001019")
    pilot.app.display().screen.images.wait()
    shot = folder / "shot.png"
    pilot.screenshot(shot)  # once first: what the first one loads
    ours = _measured(lambda: pilot.screenshot(shot), shot)
    surface = pilot.app.outputs[0].picture()
    pygame.image.save(surface.copy(), str(folder / "warm.png"))
    theirs = _measured(lambda: pygame.image.save(surface.copy(), str(shot)), shot)
    pilot.close()
    return {"size": f"{size[0]}x{size[1]}", "socket_screenshot": ours, "copy_and_pygame_png": theirs}


def main() -> int:
    """Command line: each size measured in a fresh process."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", help="WIDTHxHEIGHT: measure this size here (what each process runs)")
    args = parser.parse_args()
    if args.size:
        width, height = (int(side) for side in args.size.split("x"))
        print(json.dumps(screenshot_costs((width, height))))
        return 0
    for size in ("1080x1920", "3840x2160"):
        subprocess.run([sys.executable, "-m", "bench.screenshots", "--size", size], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
