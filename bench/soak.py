"""Soak run: random taps, swipes, scans, cards, typing and commands, fast, for a long time.

    python -m bench.soak --minutes 60      # the full run
    python -m bench.soak --seconds 20      # what the tests run
    python -m bench.soak --seconds 90 --without-films   # the memory budget (DESIGN §7): no film plays
    python -m bench.soak --actions 3000 --without-films --seed 8   # a fixed number of actions instead: runs
                                                                   # compare on a loaded machine too
    python -m bench.soak --actions 2000 --screenshot-every 10      # head office asking for many screenshots

Reports actions per second, any exception (the run stops there), and resident memory after warm-up
and at the end: memory must stay flat. Its peak is the highest of the samples taken every 20 actions
(`rss_peak_mb`) and, on Linux, the high-water mark over the run (`rss_high_water_mb`), which also sees
what lasts less than 20 actions (a picture decoded, a screen-size copy for a fade).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.probes import rss_mb
from bench.setup import make_config

SAMPLES = 20  # resident memory read this many times over a run, evenly


def shopper_actions(pilot: Any, rng: random.Random, screenshot: Path | None,
                    screenshot_every: int = 100) -> list[tuple[float, Callable[[], Any]]]:
    """What a soak run does, with its weights: taps (on buttons and anywhere), swipes, scans, cards,
    typing, keys, time passing, state requests and, unless `screenshot` is None, one screenshot in about
    `screenshot_every` actions (head office's monitoring: a hundred by default)."""
    width, height = pilot.app.display().screen.size
    codes = [*pilot.app.shop.catalog.gtins(66), "4006381333931", "2001000001018", "LOYALTY-1234", "LOYALTY-9999",
             "\x00garbage", "]C10109506000134352" "17261231"]

    def tap_widget() -> None:
        widgets = [w for w in pilot.request("tree")["displays"]["terminal"]["widgets"]
                   if w["enabled"] and w["role"] == "button" and not w["label"].startswith(("Quitter", "Exit"))]
        if widgets:
            x, y, w, h = rng.choice(widgets)["bounds"]
            pilot.tap(x=x + w // 2, y=y + h // 2)

    actions: list[tuple[float, Callable[[], Any]]] = [
        (30, tap_widget),
        (10, lambda: pilot.tap(x=rng.randrange(width), y=rng.randrange(height))),
        (8, lambda: pilot.swipe((width // 2, rng.randrange(height)), (width // 2, rng.randrange(height)),
                                ms=rng.choice((80, 200, 500)))),
        (10, lambda: pilot.scan(rng.choice(codes))),
        (3, lambda: pilot.present_card(f"{rng.getrandbits(56):014x}", ("text:LOYALTY-1234",))),
        (5, lambda: pilot.request("type", text=rng.choice(("velo", "tente", "é", "@x.fr", "zz")))),
        (5, lambda: pilot.key(rng.choice(("back", "enter", "backspace")))),
        (6, lambda: pilot.advance(rng.choice((0.05, 0.5, 2.0, 30.0, 120.0)))),
        (3, lambda: pilot.request("state")),
    ]
    if screenshot is not None:
        def take_screenshot() -> Any:
            return pilot.request("screenshot", path=str(screenshot))

        others = sum(weight for weight, _ in actions)
        actions.append((others / max(1, screenshot_every - 1), take_screenshot))
    return actions


class HighWater:
    """The most resident memory the process held since this was made (Linux's high-water mark, reset when
    made): the peak between two samples too, such as a picture being decoded on the worker."""

    def __init__(self) -> None:
        try:
            Path("/proc/self/clear_refs").write_text("5")
            self.known = True
        except OSError:  # not Linux, or not allowed
            self.known = False

    def mb(self) -> float | None:
        """The high-water mark in MB, or None where it cannot be read."""
        if not self.known:
            return None
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        return None


def soak(seconds: float, seed: int = 7, work: Path | None = None, films: bool = True,
         actions_wanted: int = 0, screenshot_every: int = 100) -> dict[str, Any]:
    """Run random actions for `seconds`, or `actions_wanted` of them when given (the same actions for a seed
    however busy the machine), on the demo pack or without its films, one screenshot in about
    `screenshot_every` actions; returns counts, CPU time, memory (its peak too: a film adds its decoder and
    frames while it plays) and the first failure if any."""
    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot, PilotError

    folder = work or Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    pilot = Pilot(load_config(make_config(folder, None, films=films)), "terminal")
    rng = random.Random(seed)
    actions = shopper_actions(pilot, rng, folder / "soak.png", screenshot_every)
    weights = [w for w, _ in actions]
    counts = {"actions": 0, "refused": 0, "screenshots": 0}
    failure = ""
    started = time.monotonic()
    warm_rss = peak_rss = 0.0
    samples: list[float] = []
    high_water = HighWater()  # from here on: the start-up's import is not the run's
    cpu = time.process_time()

    def done() -> float:
        """How much of the run is done (0 to 1)."""
        if actions_wanted:
            return counts["actions"] / actions_wanted
        return (time.monotonic() - started) / seconds

    try:
        while done() < 1:
            action = rng.choices(actions, weights)[0][1]
            counts["screenshots"] += action.__name__ == "take_screenshot"
            try:
                action()
            except PilotError:
                counts["refused"] += 1  # a request the app refused (a label gone by now): fine
            counts["actions"] += 1
            if counts["actions"] % 20 == 0:
                peak_rss = max(peak_rss, rss_mb())
            if len(samples) < int(SAMPLES * done()):
                samples.append(round(rss_mb(), 1))  # every twentieth of the run: the trend, not one point
            if not warm_rss and (done() > 0.5 or (not actions_wanted and time.monotonic() - started > 300)):
                warm_rss = rss_mb()  # once every scene has been met and the caches have filled
    except Exception as error:  # the point of a soak run: report it, do not hide it
        failure = f"{type(error).__name__}: {error}"
    elapsed = time.monotonic() - started
    cpu = time.process_time() - cpu
    end_rss = rss_mb()
    pilot.close()
    return {"seconds": round(elapsed, 1), "actions": counts["actions"], "refused": counts["refused"],
            "screenshots": counts["screenshots"],
            "actions_per_s": round(counts["actions"] / elapsed, 1), "cpu_s": round(cpu, 1),
            "rss_warm_mb": round(warm_rss, 1),
            "rss_end_mb": round(end_rss, 1), "growth_mb": round(end_rss - warm_rss, 1),
            "rss_peak_mb": round(max(peak_rss, end_rss), 1), "rss_high_water_mb": high_water.mb(),
            "rss_samples_mb": samples, "failure": failure}


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=0)
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--actions", type=int, default=0, help="this many actions, however long they take")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--without-films", action="store_true", help="the demo pack without its films")
    parser.add_argument("--screenshot-every", type=int, default=100, help="one screenshot in about this many actions")
    args = parser.parse_args()
    result = soak(args.seconds or (args.minutes or 60) * 60, args.seed, films=not args.without_films,
                  actions_wanted=args.actions, screenshot_every=args.screenshot_every)
    print(json.dumps(result))
    return 1 if result["failure"] else 0


if __name__ == "__main__":
    sys.exit(main())
