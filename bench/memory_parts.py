"""What the kiosk's memory is made of after a while of random use (the soak's actions), part by part.

    python -m bench.memory_parts --seconds 40            # the terminal of the demo store
    python -m bench.memory_parts --seconds 40 --screenshots
    python -m bench.memory_parts --seconds 40 --without-films   # the demo pack without its films

One line of JSON, in MB of resident memory (RSS) unless said: at start-up; after the run; the scaled
pictures and the rendered texts the caches hold (pixels); glibc's heap in use and free (its free part
is resident until given back); what giving the free heap back (malloc_trim) saves; what emptying both
caches saves on top, and what is left. Also the libraries' resident part (mapped files: Python, SDL,
OpenSSL...), FFmpeg's share of it (loaded with the first film: its libraries' relocated data, resident
for as long as the process lives), the languages formatted (small tables each: locale_format.py) and
the fonts loaded, one per size and weight (about 0.2 MB each with their glyphs). glibc only (mallinfo2,
malloc_trim).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.probes import rss_mb
from bench.setup import make_config
from bench.soak import shopper_actions

MB = 1 << 20


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                       "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc() -> Any:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    return libc


def mapped_files_mb() -> tuple[float, float]:
    """Resident MB of this process's mapped files (the libraries), and of FFmpeg's (PyAV's) among them."""
    total = ffmpeg = 0
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if not fields[0].endswith(":"):  # a mapping's first line: address range, ..., path
            name = fields[5] if len(fields) > 5 else ""
        elif fields[0] == "Rss:" and name.startswith("/"):
            total += int(fields[1])
            if "/av.libs/" in name or "/site-packages/av/" in name:
                ffmpeg += int(fields[1])
    return total / 1024, ffmpeg / 1024


def parts(seconds: float, screenshots: bool, seed: int = 7, films: bool = True) -> dict[str, Any]:
    """Run the soak's actions for `seconds` on the demo terminal and weigh what the memory holds."""
    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot, PilotError

    libc = _libc()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-parts-"))
    pilot = Pilot(load_config(make_config(folder, None, films=films)), "terminal")
    start = rss_mb()
    rng = random.Random(seed)
    actions = shopper_actions(pilot, rng, folder / "shot.png" if screenshots else None)
    weights = [weight for weight, _ in actions]
    started = time.monotonic()
    count = 0
    while time.monotonic() - started < seconds:
        with contextlib.suppress(PilotError):  # a label gone by now: refused, and fine
            rng.choices(actions, weights)[0][1]()
        count += 1
    screen = pilot.app.display().screen
    libraries, ffmpeg = mapped_files_mb()
    heap = libc.mallinfo2()
    report = {"actions": count, "rss_start_mb": round(start, 1), "rss_end_mb": round(rss_mb(), 1),
              "pictures_mb": round(screen.images.held_bytes / MB, 1), "texts_mb": round(screen.text.held_bytes / MB, 1),
              "heap_in_use_mb": round(heap.uordblks / MB, 1), "heap_free_mb": round(heap.fordblks / MB, 1),
              "libraries_mb": round(libraries, 1), "ffmpeg_libraries_mb": round(ffmpeg, 1),
              "languages_formatted": sorted(pilot.app.shop._formatters), "fonts_loaded": len(screen.text.theme._fonts)}
    before = rss_mb()
    libc.malloc_trim(0)
    report["free_heap_given_back_mb"] = round(before - rss_mb(), 1)
    before = rss_mb()
    screen.images.clear()
    screen.text.clear()
    gc.collect()
    libc.malloc_trim(0)
    report["caches_emptied_saves_mb"] = round(before - rss_mb(), 1)
    report["rss_without_caches_mb"] = round(rss_mb(), 1)
    pilot.close()
    return report


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--screenshots", action="store_true", help="one screenshot in about a hundred actions")
    parser.add_argument("--without-films", action="store_true", help="the demo pack without its films")
    args = parser.parse_args()
    print(json.dumps(parts(args.seconds, args.screenshots, films=not args.without_films)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
