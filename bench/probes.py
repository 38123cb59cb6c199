"""Measurements that run in a process of their own: `python -m bench.probes NAME CONFIG [ARGS]`.

Each prints one JSON object on its last line of output.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def _pilot(config: str) -> Any:
    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot

    return Pilot(load_config(Path(config)), "terminal")


def first_frame(config: str, screenshot: str = "") -> dict[str, Any]:
    """Start the app and draw its first frame (the parent times it from process start)."""
    from kiosk.config import load_config
    from kiosk.wiring import build_app

    app = build_app(load_config(Path(config)), display_names=("terminal",), headless=True)
    app.frame()
    print("FIRST-FRAME", flush=True)
    result = {"in_process_s": time.perf_counter() - STARTED}
    if screenshot:
        app.automation({"cmd": "tap", "x": 540, "y": 960})
        app.automation({"cmd": "tap", "label": app.display().ctx.shop.catalog.categories[0].name["fr"]})
        app.frame()
        app.automation({"cmd": "screenshot", "path": screenshot})
        result["screenshot_s"] = time.perf_counter() - STARTED
    result["rss_mb"] = rss_mb()
    app.close()
    return result


def memory(config: str) -> dict[str, Any]:
    """Resident memory after start-up, then after browsing and searching."""
    pilot = _pilot(config)
    started = rss_mb()
    pilot.tap(x=540, y=960)
    pilot.tap(pilot.app.display().ctx.shop.catalog.categories[0].name["fr"])
    pilot.key("back")
    pilot.tap("Rechercher un produit")
    pilot.type("velo")
    return {"after_start_mb": started, "after_use_mb": rss_mb()}


def _summary(wall: list[float], cpu: list[float]) -> dict[str, Any]:
    """p50 and p99 of frame times, wall clock and this thread's CPU time (on a machine shared with others
    the wall clock counts the waits for a core; the CPU time is what an idle machine's wall time nears)."""
    return {"p50_ms": statistics.median(wall), "p99_ms": percentile(wall, 0.99),
            "cpu_p50_ms": statistics.median(cpu), "cpu_p99_ms": percentile(cpu, 0.99), "frames": len(wall)}


def frames(config: str, rounds: str = "6") -> dict[str, Any]:
    """Frame times while scripted scrolling and navigation run, on browse and on compare."""
    pilot = _pilot(config)
    app = pilot.app
    width, height = app.display().screen.size
    pilot.tap(x=width // 2, y=height // 2)
    category = app.display().ctx.shop.catalog.categories[0].name["fr"]
    kinds = ("browse_scroll", "compare_scroll", "navigation")
    wall: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}

    def measured(kind: str, action: Any, *args: Any) -> None:
        app.frame_times.clear()
        app.frame_cpu_times.clear()
        action(*args)
        wall[kind].extend(app.frame_times)
        cpu[kind].extend(app.frame_cpu_times)

    def swipe(start: int, end: int) -> None:
        pilot.swipe((width // 2, start), (width // 2, end), ms=150)
        pilot.advance(1.2, step=1 / 60)

    def scroll(kind: str) -> None:
        for direction in (1, -1) * int(rounds):
            top, bottom = height * 3 // 4, height // 4
            start, end = (top, bottom) if direction == 1 else (bottom, top)
            measured(kind, swipe, start, end)

    slowest: dict[str, list[float]] = {}  # each navigation tap's slowest frame, round by round

    def navigate(*labels: str) -> None:
        for label in labels:
            before = len(wall["navigation"])
            measured("navigation", pilot.tap, label)
            slowest.setdefault(label, []).append(max(wall["navigation"][before:], default=0.0))

    navigate(category)
    scroll("browse_scroll")
    # four of one department: products of different departments share too few rows for the table to scroll
    department = app.display().ctx.shop.catalog.categories[0].id
    skus = [p.sku for p in app.display().ctx.shop.catalog.browse(department, limit=4)]
    for sku in skus:
        app.display().session.add_to_compare(sku)
    app.display().ctx.show(app.display().ctx.routes.compare())
    pilot.advance(0.1)
    scroll("compare_scroll")
    first = app.display().ctx.shop.catalog.browse(app.display().ctx.shop.catalog.categories[0].id, limit=1)[0]
    for _ in range(int(rounds)):
        navigate("Accueil", category, first.title("fr"), "Retour")  # home, a department, a product page
    return {**{kind: _summary(wall[kind], cpu[kind]) for kind in kinds if wall[kind]}, "navigation_taps": slowest}


def import_frames(config: str, new_pack: str) -> dict[str, Any]:
    """Frame times while a shopper scrolls a department and head office's `reload_content` imports a
    new pack (the pack folder of `config` gets the files of `new_pack`), paced at 60 frames a second;
    and the longest gap between two turns of the loop (the systemd watchdog is fed once a turn)."""
    import shutil

    from kiosk.core.messages import CommandReceived

    pilot = _pilot(config)
    app = pilot.app
    pack = app.config.path(app.config.content.pack)
    for path in pack.iterdir():
        if path.is_file():
            path.unlink()
    for path in Path(new_pack).iterdir():
        if path.is_file():
            shutil.copy(path, pack / path.name)
    width, height = app.display().screen.size
    pilot.tap(x=width // 2, y=height // 2)
    pilot.tap(app.display().ctx.shop.catalog.categories[0].name["fr"])
    before = app.shop.catalog.product_count()
    app.frame_times.clear()
    started = time.perf_counter()
    app.fleet_commands(CommandReceived("reload_content", {}, "bench/reply", None))
    longest_gap, last_turn, direction = 0.0, time.perf_counter(), 1
    while app.shop.importing:
        top, bottom = height * 3 // 4, height // 4
        start, end = (top, bottom) if direction == 1 else (bottom, top)
        direction = -direction
        pilot.swipe((width // 2, start), (width // 2, end), ms=150)
        for _ in range(40):
            turn = time.perf_counter()
            longest_gap = max(longest_gap, turn - last_turn)
            last_turn = turn
            pilot.clock.advance(1 / 60)
            app.step(block=False)
            time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - turn)))
            if not app.shop.importing:
                break
    seconds = time.perf_counter() - started
    values = list(app.frame_times)
    return {"p50_ms": statistics.median(values), "p99_ms": percentile(values, 0.99), "frames": len(values),
            "import_s": seconds, "longest_turn_gap_ms": longest_gap * 1000,
            "products": [before, app.shop.catalog.product_count()]}


def window_frames(config: str, rounds: str = "6") -> dict[str, Any]:
    """The shop window's frame times: its product grid scrolled, and product pages opened and closed."""
    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot

    pilot = Pilot(load_config(Path(config)), "window")
    app = pilot.app
    width, height = app.display("window").screen.size
    pilot.tap(x=width // 2, y=height // 2)
    kinds = ("window_scroll", "window_navigation")
    wall: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}

    def measured(kind: str, action: Any, *args: Any) -> None:
        app.frame_times.clear()
        app.frame_cpu_times.clear()
        action(*args)
        wall[kind].extend(app.frame_times)
        cpu[kind].extend(app.frame_cpu_times)

    def swipe(start: int, end: int) -> None:
        pilot.swipe((width // 2, start), (width // 2, end), ms=150)
        pilot.advance(1.2, step=1 / 60)

    for direction in (1, -1) * int(rounds):
        top, bottom = height * 3 // 4, height // 3
        start, end = (top, bottom) if direction == 1 else (bottom, top)
        measured("window_scroll", swipe, start, end)
    product = app.display("window").screen.stack.top.details()
    # a card in sight where the scrolling left the grid (a fling carries it further than the swipe back)
    shown = set(pilot.labels())
    home = app.display("window").screen.stack.top
    cards = home._products(True)  # the grid's cards, in its order
    name = next(title for card in cards if (title := card.name.get("fr", "")) in shown)
    for _ in range(int(rounds)):
        for label in (name, "Retour"):
            measured("window_navigation", pilot.tap, label)
    out: dict[str, Any] = {"products": product.get("products")}
    out.update({kind: _summary(wall[kind], cpu[kind]) for kind in kinds if wall[kind]})
    return out


SEARCHED = ("velo route alto", "tente 4", "chaussures trail", "montre gps", "frontale 900", "sac a dos 30",
            "alpenrad", "lumen")
# typos in the five languages, corrected as they are typed (every keystroke from the first wrong letter on)
MISTYPED = ("runing", "chausures runing", "frontalle 900", "alpenrd", "headlmap", "Laufschue", "zapatilas",
            "ziani", "tentte 4", "basket")


def search(config: str, typos: str = "") -> dict[str, Any]:
    """Latency per keystroke in the search scene: the query alone, and the whole keystroke with redraw.
    With `typos` ("typos"), the phrases are mistyped ones that search corrects."""
    from kiosk.core.catalog.database import Catalog

    pilot = _pilot(config)
    # the query alone is timed on a connection of its own: on the kiosk's, it would warm the pages and the
    # typo corrections the keystrokes then look up
    catalog = Catalog(pilot.app.display().ctx.shop.catalog.path)
    pilot.tap(x=540, y=960)
    pilot.tap("Rechercher un produit")
    phrases = MISTYPED if typos else SEARCHED
    query_ms: list[float] = []
    keystroke_ms: list[float] = []
    keystroke_cpu_ms: list[float] = []  # CPU time: on a shared machine, what an idle one's wall time nears
    # the loop thread's alone: the process's also counts the picture worker decoding the results' pictures
    # meanwhile, on another core of an idle machine (the frame is drawn with placeholders before they come)
    keystroke_loop_ms: list[float] = []
    for phrase in phrases:
        for end in range(1, len(phrase) + 1):
            started = time.perf_counter()
            catalog.search(phrase[:end])
            query_ms.append((time.perf_counter() - started) * 1000)
        for char in phrase:
            started, cpu, loop = time.perf_counter(), time.process_time(), time.thread_time()
            pilot.type(char)
            keystroke_ms.append((time.perf_counter() - started) * 1000)
            keystroke_cpu_ms.append((time.process_time() - cpu) * 1000)
            keystroke_loop_ms.append((time.thread_time() - loop) * 1000)
        for _ in phrase:
            pilot.key("backspace")
    found = sum(bool(catalog.search(phrase)) for phrase in phrases)
    return {"query": {"p50_ms": statistics.median(query_ms), "p99_ms": percentile(query_ms, 0.99)},
            "keystroke": {"p50_ms": statistics.median(keystroke_ms), "p99_ms": percentile(keystroke_ms, 0.99)},
            "keystroke CPU": {"p50_ms": statistics.median(keystroke_cpu_ms),
                              "p99_ms": percentile(keystroke_cpu_ms, 0.99)},
            "keystroke CPU, loop thread": {"p50_ms": statistics.median(keystroke_loop_ms),
                                           "p99_ms": percentile(keystroke_loop_ms, 0.99)},
            "keystrokes": len(keystroke_ms), "products": catalog.product_count(), "found": found,
            "phrases": len(phrases)}


def scan_latency(config: str, device: str, wire: str, count: str = "1000", pace: str = "settled") -> dict[str, Any]:
    """Bytes written to a scanner's pseudo-terminal until the product page is drawn, per scan. With
    `pace` "settled", each scan waits until the page before has its pictures drawn, as when a shopper
    looks at it; "back-to-back" scans again as soon as the page is presented."""
    import random

    from kiosk.config import load_config
    from kiosk.wiring import build_app, start_devices

    loaded = load_config(Path(config))
    app = build_app(loaded, headless=True)
    start_devices(app)
    display = app.display()
    deadline = time.monotonic() + 10
    while not display.devices.get(f"scanner {device}", (False, ""))[0]:
        app.step(block=True)
        assert time.monotonic() < deadline, f"the scanner did not connect: {display.devices}"
    catalog = display.ctx.shop.catalog
    codes = [(p.sku, catalog.product(p.sku).gtin) for p in catalog.browse(None, limit=100)]
    rng = random.Random(1)
    latencies: list[float] = []
    with open(wire, "wb", buffering=0) as line:
        for _ in range(int(count)):
            sku, gtin = rng.choice(codes)
            if display.screen.stack.top.name == "product" and display.screen.stack.top.sku == sku:
                continue
            while pace == "settled" and (display.screen.images.busy or not app.messages.empty()):
                app.step(block=True, animating=True)
            started = time.perf_counter()
            line.write(gtin.encode() + b"\r")
            while True:
                app.step(block=True, animating=True)
                top = display.screen.stack.top
                if top.name == "product" and top.sku == sku and not display.screen.stack.changed:
                    break
            latencies.append((time.perf_counter() - started) * 1000)
    app.close()
    return {"p50_ms": statistics.median(latencies), "p99_ms": percentile(latencies, 0.99), "scans": len(latencies)}


PROBES = {"first_frame": first_frame, "memory": memory, "frames": frames, "search": search,
          "import_frames": import_frames,
          "scan_latency": scan_latency, "window_frames": window_frames}

if __name__ == "__main__":
    result = PROBES[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(result))
