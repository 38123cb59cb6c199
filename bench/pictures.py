"""Pictures decoded and scaled, measured: what a product picture of the pack costs the picture worker
(kiosk/ui/images.py) in each format a pack may use, JPEG, PNG and WebP, at 1200 px.

    python -m bench.pictures                # 60 decodes of each format to each size
    python -m bench.pictures --runs 200 --json FILE

The same drawn product picture (a demo bike, 1200x1200) is written once in each format (JPEG and PNG
by pygame, WebP by Pillow at the quality content/tools/make_images.py uses), then decoded and scaled
by the kiosk's own `_load_scaled` (header checked, decoded, smooth-scaled) to the size the terminal's
product page shows it and to a card's size: wall time and CPU time (of the thread that does it, which
a machine others load does not inflate), p50 and p99, and how far above where it was the memory went
while one was made (Linux). It runs in this process, one picture at a time
(the kiosk's picture worker is one thread).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.setup import REPO

SOURCE = REPO / "content" / "demo" / "images" / "BIK-101.jpg"  # a drawn bike, 1200x1200
SIZES = {"the product page's picture (960 px)": (960, 960), "a card's picture (360 px)": (360, 360)}
Row = dict[str, Any]


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))] if ordered else float("nan")


def write_formats(folder: Path) -> dict[str, Path]:
    """The source picture as JPEG, PNG and WebP in `folder`."""
    import pygame

    picture = pygame.image.load(str(SOURCE))
    folder.mkdir(parents=True, exist_ok=True)
    made = {"JPEG": folder / "picture.jpg", "PNG": folder / "picture.png"}
    for path in made.values():
        pygame.image.save(picture, str(path))
    try:
        from PIL import Image  # Pillow: pygame-ce writes no WebP (it reads it)
    except ImportError:
        return made
    made["WebP"] = folder / "picture.webp"
    Image.frombytes("RGB", picture.get_size(), pygame.image.tobytes(picture, "RGB")).save(
        made["WebP"], "WEBP", quality=82, method=6)
    return made


def worker_peak_mb(make: Callable[[], object]) -> float | None:
    """How far above what it was before resident memory went while `make` ran (Linux: the high-water mark,
    reset first), or None where it cannot be read. Large blocks are given back at once, as in the kiosk
    (kiosk/app/memory.py), so this is what making one picture holds at once."""
    try:
        Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts again from here
        before = _status_kb("VmRSS")
        make()
        return round((_status_kb("VmHWM") - before) / 1024, 1)
    except OSError:
        return None


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def measure(work: Path, runs: int) -> list[Row]:
    """Decode-and-scale times of each format to each size, as rows of the bench's table."""
    import pygame

    from kiosk.app.memory import tune_malloc
    from kiosk.ui.images import _load_scaled  # (pygame needs no init to decode and scale: no audio, no screen)

    tune_malloc()  # large blocks in mappings of their own, as the kiosk has them

    rows: list[Row] = []
    for kind, path in write_formats(work).items():
        source = pygame.image.load(str(path))
        label = f"{source.get_width()}x{source.get_height()} {kind}, {path.stat().st_size // 1024} KB"
        for where, size in SIZES.items():
            walls: list[float] = []
            cpus: list[float] = []
            for _ in range(runs + 3):
                wall, cpu = time.perf_counter(), time.thread_time()
                picture = _load_scaled(str(path), size)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.thread_time() - cpu) * 1000)
                assert picture is not None and max(picture.get_size()) == size[0]
            walls, cpus = walls[3:], cpus[3:]  # the first ones warm the caches
            peak = worker_peak_mb(functools.partial(_load_scaled, str(path), size))
            if peak is not None:
                rows.append({"what": f"picture decoded and scaled to {where}, memory peak", "size": label,
                             "value": peak, "unit": "MB", "budget": None, "ok": None, "at_least": False})
            for what, value in ((f"picture decoded and scaled to {where}, p50", statistics.median(walls)),
                                (f"picture decoded and scaled to {where}, p99", percentile(walls, 0.99)),
                                (f"picture decoded and scaled to {where}, CPU p50", statistics.median(cpus)),
                                (f"picture decoded and scaled to {where}, CPU p99", percentile(cpus, 0.99))):
                rows.append({"what": what, "size": label, "value": value, "unit": "ms", "budget": None, "ok": None,
                             "at_least": False})
    return rows


def main() -> int:
    """Command line: measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=60, help="decodes of each format to each size")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kiosk-bench" / "pictures")
    args = parser.parse_args()
    rows = measure(args.work, args.runs)
    for row in rows:
        print(f"{row['what']:<64} {row['size']:<26} {row['value']:>8.2f} {row['unit']}")
    one, five, fifteen = os.getloadavg()
    print(f"\nload average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
