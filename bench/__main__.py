"""Run the benchmarks and print one table against the budgets of DESIGN §7.

    python -m bench                 # the full run (about 15 minutes on 2 cores)
    python -m bench --quick         # tiny sizes, a few frames: the smoke run the tests use

Each figure is the median of several runs, each in a fresh process. The table is also written as
JSON (bench/results/latest.json, or --json PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.setup import REPO, make_config, pack_folder
from kiosk.testing.broker import MOSQUITTO
from kiosk.testing.xvfb import xvfb

Row = tuple[str, str, float | None, str, float | None]  # what, size, value, unit, budget


def _probe(name: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", "bench.probes", name, *args], cwd=REPO, capture_output=True,
                            text=True, timeout=timeout, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    if result.returncode != 0:
        raise RuntimeError(f"probe {name} failed:\n{result.stderr[-2000:]}")
    parsed: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def _first_frame_s(config: Path, screenshot: str = "") -> tuple[float, dict[str, Any]]:
    """Wall time from starting the process to its first frame, measured from outside."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bench.probes", "first_frame", str(config), screenshot],
                               cwd=REPO, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert process.stdout is not None
    first = None
    lines = []
    for line in process.stdout:
        if line.startswith("FIRST-FRAME") and first is None:
            first = time.perf_counter() - started
        lines.append(line)
    process.wait()
    return float(first or 0.0), json.loads(lines[-1])


def _pictures(work: Path, runs: int) -> list[dict[str, Any]]:
    """Pictures decoded and scaled by the kiosk's picture worker, JPEG, PNG and WebP at 1200 px (bench/pictures.py,
    in a process of its own)."""
    figures = work / "pictures.json"
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "bench.pictures", "--runs", str(runs), "--work", str(work), "--json",
                    str(figures)], cwd=REPO, capture_output=True, text=True, timeout=900, check=True,
                   env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    rows: list[dict[str, Any]] = json.loads(figures.read_text(encoding="utf-8"))["rows"]
    return rows


def _feed_import(work: Path, rows: int | None, form: str) -> dict[str, Any]:
    """Importing a feed pack of `rows` rows with size and colour groups and bad rows of every kind (in a
    process of its own, as the kiosk's import worker is), then its variants' codes scanned and its
    products' titles searched (bench/feed_import.py)."""
    from make_merchant_feed import BAD_KINDS, make_feed_pack

    folder = work / f"feed-{rows}-{form}"
    if not (folder / "feed_mapping.json").is_file():
        count = rows or 1000  # bad rows of every kind, within the mapping's 1 % allowance
        make_feed_pack(count, folder, form, bad_rows=min(count // 100, len(BAD_KINDS) * max(1, count // 20_000)))
    database = work / f"feed-{rows}-{form}.db"
    database.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", "bench.feed_import", str(folder), str(database), "lyon-01"],
                          cwd=REPO, capture_output=True, text=True, timeout=900, check=True)
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _cpu_static_percent(config: Path, seconds: float, x_display: str = "") -> float:
    """CPU use of the kiosk process while the home screen is shown and nothing happens
    (headless, or in a real window on the X display `x_display`)."""
    from kiosk.automation.server import request

    with tempfile.TemporaryDirectory() as work:
        sock = Path(work) / "k.sock"
        if x_display:
            mode, env = "--windowed", {**os.environ, "DISPLAY": x_display, "SDL_VIDEODRIVER": "x11"}
        else:
            mode, env = "--headless", {**os.environ, "SDL_VIDEODRIVER": "dummy"}
        process = subprocess.Popen([sys.executable, "run_kiosk.py", mode, "--display", "terminal", "--automation",
                                    str(sock), "--config", str(config)], cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env)
        try:
            deadline = time.monotonic() + 30
            while not sock.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            request(sock, {"cmd": "tap", "x": 540, "y": 960})
            time.sleep(5.0)  # past the busy input period and the pictures' loading
            ticks = os.sysconf("SC_CLK_TCK")

            def cpu() -> float:
                fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / ticks

            before = cpu()
            time.sleep(seconds)
            return (cpu() - before) / seconds * 100
        finally:
            process.terminate()
            process.wait(timeout=10)


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine_speed_ms() -> float:
    """A fixed pure-Python loop (a million additions), timed (median of 5). A shared VM's speed drifts,
    by half at times; the table says how fast the machine was before and after the run."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(quick: bool, runs: int, work: Path) -> dict[str, Any]:
    """Every measurement; returns the rows and the machine."""
    speed_before = machine_speed_ms()
    sizes: list[int | None] = [None, 300, 1000] if quick else [None, 10_000, 100_000]
    big = sizes[-1]
    rounds = "1" if quick else "6"
    rows: list[dict[str, Any]] = []

    def add(what: str, size: str, value: float | None, unit: str, budget: float | None) -> None:
        rows.append({"what": what, "size": size, "value": value, "unit": unit, "budget": budget,
                     "ok": None if value is None or budget is None else value <= budget})

    # scrolling, and a navigation frame (the scene built by the layout system, and drawn)
    for screen, budget, navigation_budget in (((1080, 1920), 5.0, 16.7), ((3840, 2160), 12.0, 33.0)):
        config = make_config(work, None, screen)
        results = [_probe("frames", str(config), rounds) for _ in range(runs)]
        label = f"{screen[0]}x{screen[1]}"
        for kind in ("browse_scroll", "compare_scroll", "navigation"):
            for clock, what in (("", ""), ("cpu_", " CPU")):  # wall clock, and the loop thread's CPU time
                p50 = _median([r[kind][f"{clock}p50_ms"] for r in results if kind in r])
                p99 = _median([r[kind][f"{clock}p99_ms"] for r in results if kind in r])
                add(f"frame time, {kind.replace('_', ' ')}{what}, p50", label, p50, "ms", None)
                add(f"frame time, {kind.replace('_', ' ')}{what}, p99", label, p99, "ms",
                    None if clock else budget if kind != "navigation" else navigation_budget)

    for screen in ((3840, 2160), (2160, 3840)):
        config = make_config(work, None, screen)
        results = [_probe("window_frames", str(config), rounds) for _ in range(runs)]
        label = f"{screen[0]}x{screen[1]}"
        for kind, budget in (("window_scroll", 12.0), ("window_navigation", None)):
            p99 = _median([r[kind]["p99_ms"] for r in results if kind in r])
            add(f"shop window frame time, {kind.removeprefix('window_')}, p99", label, p99, "ms", budget)
            cpu_p99 = _median([r[kind]["cpu_p99_ms"] for r in results if kind in r])
            add(f"shop window frame time, {kind.removeprefix('window_')} CPU, p99", label, cpu_p99, "ms", None)

    demo = make_config(work, None)
    add("CPU, static screen (home), headless", "demo", _cpu_static_percent(demo, 2 if quick else 10), "% core", 1.0)
    if shutil.which("Xvfb"):
        with xvfb(3840, 2160) as x_display:
            add("CPU, static screen (home), X11 window (Xvfb)", "demo",
                _cpu_static_percent(demo, 2 if quick else 10, x_display), "% core", 1.0)
            # the window's surface (what the kiosk does) against SDL's renderer (a texture upload): without a
            # GPU the renderer is OpenGL in software (llvmpipe), which the kiosk therefore does not use
            for screen in ((1080, 1920), (3840, 2160)):
                done = subprocess.run([sys.executable, "-m", "bench.present_paths", *map(str, screen)], cwd=REPO,
                                      capture_output=True, text=True, timeout=300, check=True,
                                      env={**os.environ, "DISPLAY": x_display, "SDL_VIDEODRIVER": "x11"})
                paths = json.loads(done.stdout.strip().splitlines()[-1])
                for path, what in (("window_surface", "window surface"), ("renderer", "SDL renderer")):
                    add(f"present a full frame, {what}, p99", f"{screen[0]}x{screen[1]}", paths[path]["p99_ms"], "ms",
                        None)

    if MOSQUITTO:  # a fleet on one broker
        kiosks = 50 if quick else 1000
        done = subprocess.run([sys.executable, "-m", "bench.fleet_sim", str(kiosks), "2" if quick else "30"],
                              cwd=REPO, capture_output=True, text=True, timeout=900, check=True)
        fleet = json.loads(done.stdout.strip().splitlines()[-1])
        label = f"{kiosks} kiosks"
        add("fleet: all online after start", label, fleet["all_online_s"], "s", None)
        add("fleet: command round trip to one kiosk, p50", label, fleet["round_trip_one_ms"]["p50"], "ms", None)
        add("fleet: command round trip to one kiosk, p99", label, fleet["round_trip_one_ms"]["p99"], "ms", None)
        add(f"fleet: a command to every kiosk, all {fleet['round_trip_all']['answered']} answered", label,
            fleet["round_trip_all"]["median_s"], "s", None)
        add("fleet: a content version reaches every kiosk", label, fleet["content_to_all_s"], "s", None)
        add("fleet: broker CPU, telemetry every 30 s", label, fleet["broker_cpu_percent"], "% core", None)
        add("fleet: broker memory (RSS)", label, fleet["broker_rss_mb"], "MB", None)
        add("fleet: every kiosk online again after a broker restart", label, fleet["back_online_after_restart_s"],
            "s", None)

    for form in ("tsv", "xml"):  # the retailer's Merchant Center feed: size and colour groups, bad rows left out
        feed = _feed_import(work, big, form)
        label = f"{big} rows, {feed['products']} products"
        what = f"Merchant Center feed with variants ({form.upper()})"
        add(f"{what}: import, time", label, feed["import_s"], "s", None)
        add(f"{what}: import, peak memory (RSS)", label, feed["peak_mb"], "MB", None)
        add(f"{what}: a variant's code scanned, p99 ({feed['variant_codes_opened']} of {feed['variant_codes']} "
            "opened their variant)", label, feed["scan_p99_ms"], "ms", None)
        add(f"{what}: a full title searched, p99 ({feed['titles_found_first']} of {feed['titles']} found first)",
            label, feed["search_p99_ms"], "ms", None)

    for size in sizes:
        config = make_config(work, size)
        label = "demo" if size is None else f"{size} products"
        starts = [_first_frame_s(config) for _ in range(runs)]
        add("start to first frame", label, _median([s for s, _ in starts]), "s", 0.6 if size == sizes[1] else None)
        memories = [_probe("memory", str(config)) for _ in range(runs)]
        memory_budget = 80.0 if size is None else (150.0 if size == big else None)
        add("memory after start-up (RSS)", label, _median([m["after_start_mb"] for m in memories]), "MB", None)
        add("memory after browsing and searching (RSS)", label, _median([m["after_use_mb"] for m in memories]), "MB",
            memory_budget)

    for typos in ("", "typos"):
        searches = [_probe("search", str(make_config(work, big)), typos) for _ in range(runs)]
        kind = (f"with typos ({searches[0]['found']} of {searches[0]['phrases']} phrases found), " if typos
                else "")
        for part in ("query", "keystroke", "keystroke CPU", "keystroke CPU, loop thread"):
            add(f"search as you type, {kind}{part}, p50", f"{big} products",
                _median([s[part]["p50_ms"] for s in searches]), "ms", None)
            add(f"search as you type, {kind}{part}, p99", f"{big} products",
                _median([s[part]["p99_ms"] for s in searches]), "ms", 5.0 if part == "keystroke" else None)

    _import_frames(add, work, big)
    _scan_latency(add, work, 50 if quick else 1000)
    _compare_with_chromium(add, work, runs)
    from bench.video import measure as measure_video  # films: its own processes (bench/video.py)

    rows.extend(measure_video(work / "video", 3 if quick else 60, 2 if quick else 10))
    rows.extend(_pictures(work / "pictures", 3 if quick else 60))
    speed = (round(speed_before, 1), round(machine_speed_ms(), 1))
    return {"rows": rows, "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                      "python": platform.python_version(), "loop_ms": speed},
            "quick": quick, "runs": runs}


def _import_frames(add: Any, work: Path, big: int | None) -> None:
    """Head office reloads a pack of `big` products while a shopper scrolls a department (1080x1920)."""
    small = pack_folder(None, work)
    reload = work / "pack-reload"
    shutil.rmtree(reload, ignore_errors=True)
    shutil.copytree(small, reload)
    database = work / "catalog-reload.db"
    database.unlink(missing_ok=True)
    text = make_config(work, None).read_text(encoding="utf-8")
    text = text.replace(f'pack = "{small}"', f'pack = "{reload}"').replace(
        f'database = "{work / "catalog-demo.db"}"', f'database = "{database}"')
    config = work / "kiosk-reload.toml"
    config.write_text(text, encoding="utf-8")
    result = _probe("import_frames", str(config), str(pack_folder(big, work)))
    label = f"{result['products'][1]} products"
    add("frame time while a catalogue imports, p50", label, result["p50_ms"], "ms", None)
    add("frame time while a catalogue imports, p99", label, result["p99_ms"], "ms", 16.7)
    add("  import time (in the worker)", label, result["import_s"], "s", None)
    add("  longest gap between loop turns (watchdog fed each turn)", label, result["longest_turn_gap_ms"], "ms",
        15_000.0)


def _scan_latency(add: Any, work: Path, count: int) -> None:
    """Barcode bytes into a socat pseudo-terminal until the product page is presented."""
    socat = shutil.which("socat")
    if socat is None:
        add("barcode in to product page: socat not installed, skipped", "", None, "", None)
        return
    device, wire = work / "scanner-pty", work / "wire-pty"
    line = subprocess.Popen([socat, f"pty,link={device},raw,echo=0", f"pty,link={wire},raw,echo=0"])
    try:
        deadline = time.monotonic() + 5
        while not (device.exists() and wire.exists()) and time.monotonic() < deadline:
            time.sleep(0.02)
        config = make_config(work, None)
        text = config.read_text(encoding="utf-8").replace('address = "sim:"', f'address = "{device}"')
        scanner_config = work / "kiosk-scanner.toml"
        scanner_config.write_text(text, encoding="utf-8")
        result = _probe("scan_latency", str(scanner_config), str(device), str(wire), str(count), "settled")
        rushed = _probe("scan_latency", str(scanner_config), str(device), str(wire), str(count), "back-to-back")
    finally:
        line.terminate()
        line.wait(timeout=5)
    add("barcode bytes in to product page, p50", f"{result['scans']} scans", result["p50_ms"], "ms", None)
    add("barcode bytes in to product page, p99", f"{result['scans']} scans", result["p99_ms"], "ms", 20.0)
    # scanning again while the last page's pictures still arrive: their drawing comes first
    add("  the same, scans back to back, p99", f"{rushed['scans']} scans", rushed["p99_ms"], "ms", None)


def _compare_with_chromium(add: Any, work: Path, runs: int) -> None:
    from bench.chromium import measure
    from kiosk.core.catalog.database import Catalog

    config = make_config(work, None)
    catalog = Catalog(work / "catalog-demo.db")
    category = catalog.categories[0].id
    chromium = [m for m in (measure(catalog, category, (1080, 1920)) for _ in range(runs)) if m]
    catalog.close()
    if not chromium:
        add("Chromium: not installed, comparison skipped", "", None, "", None)
        return
    ours = []
    for index in range(runs):
        shot = work / f"ours-{index}.png"
        started = time.perf_counter()
        _, result = _first_frame_s(config, str(shot))
        ours.append((time.perf_counter() - started, result["rss_mb"]))
    chromium_s = _median([c["first_screenshot_s"] for c in chromium])
    chromium_mb = _median([c["memory_mb"] for c in chromium])
    ours_s, ours_mb = _median([o[0] for o in ours]), _median([o[1] for o in ours])
    add("product grid, start to screenshot: ours", "1080x1920", ours_s, "s", None)
    add("product grid, start to screenshot: Chromium", "1080x1920", chromium_s, "s", None)
    add("  ours / Chromium", "", ours_s / chromium_s, "x", None)
    add("product grid, memory: ours (RSS)", "1080x1920", ours_mb, "MB", None)
    add("product grid, memory: Chromium (all processes)", "1080x1920", chromium_mb, "MB", None)
    add("  ours / Chromium", "", ours_mb / chromium_mb, "x", None)


def table(report: dict[str, Any]) -> str:
    """The report as a text table."""
    lines = [f"{'what':<52} {'size':<16} {'value':>10} {'unit':<7} {'budget':>8}  ok"]
    for row in report["rows"]:
        value = "" if row["value"] is None else f"{row['value']:.3g}" if row["value"] < 100 else f"{row['value']:.0f}"
        budget = "" if row["budget"] is None else f"{'≥' if row.get('at_least') else '≤'} {row['budget']:g}"
        ok = {True: "yes", False: "NO", None: ""}[row["ok"]]
        lines.append(f"{row['what']:<52} {row['size']:<16} {value:>10} {row['unit']:<7} {budget:>8}  {ok}")
    machine = report["machine"]
    lines.append(f"\n{machine['cpus']} cores, {machine['platform']}, Python {machine['python']}; "
                 f"median of {report['runs']} runs{' (quick)' if report['quick'] else ''}; "
                 f"machine speed: a million additions in {machine['loop_ms'][0]:g} ms before, "
                 f"{machine['loop_ms'][1]:g} ms after")
    return "\n".join(lines)


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and a few frames (smoke run)")
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default: 3, quick: 1)")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "latest.json")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kiosk-bench",
                        help="where packs and catalogues are made (kept between runs)")
    args = parser.parse_args()
    report = run(args.quick, args.runs or (1 if args.quick else 3), args.work / ("quick" if args.quick else "full"))
    print(table(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
