"""Video on the kiosk, measured (DESIGN §7): a 1080p30 H.264 attract film on the 1080x1920 terminal and
on the 3840x2160 window, and the frame time of another screen while a film decodes in the background.

    python -m bench.video                   # the full run: 60 s of film on each screen (about 4 minutes)
    python -m bench.video --seconds 10      # shorter
    python -m bench.video --json FILE       # the figures as JSON too

Each measurement runs in a process of its own (`python -m bench.video probe ...`), on the real loop and
the real clock, headless (SDL's dummy driver: software drawing, no GPU). The film is made once by
content/tools/make_videos.py (the rider film at 1920x1080, 10 s, grain over it so that it weighs what
a camera's film does: about 6 Mbit/s, and a sound track), kept in the work folder, and looped as attract
films are. Its sound is muted, as by default, except on the line that says so (SDL's dummy audio
output: the sound is decoded, resampled and mixed in time, and heard by nobody). It
reports frames shown and dropped, frame time (update and draw of the display, as the loop counts it),
CPU (every thread of the process, the decoder's included, as a share of one core) and resident memory
while the film plays, against the same screen showing a still slide, and what that memory is made of
(FFmpeg's libraries, the H.264 decoder's own pictures: `probe parts`, a process of its own). On a
machine others load, a film on the real clock gets what they leave it: the CPU each frame costs is
measured apart too, on the pilot's clock (every frame decoded, scaled and drawn), and said as a share
of one core at 30 frames a second. The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.setup import REPO, make_config

FILM_BITRATE = 6_000_000  # a camera's 1080p30 film for signage: 5-8 Mbit/s
FILM_SECONDS = 10  # the film is made once (minutes on a busy machine) and loops, as attract films do


def rss_mb(kind: str = "VmRSS") -> float:
    """Resident memory of this process in MB: all of it (VmRSS), or its own heap and buffers alone
    (RssAnon: without the libraries' mapped files, such as FFmpeg's 21 MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{kind}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))] if ordered else float("nan")


def cpu_seconds() -> float:
    """CPU time of every thread of this process so far."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


# --- the film and the configs -----------------------------------------------------------------------------
def bench_film(work: Path, seconds: int) -> Path:
    """The 1080p30 H.264 film of `seconds` with an AAC sound track (as a camera's has), made once: the trail,
    with grain that moves every frame, and a chord."""
    path = work / f"film-1080p30-{seconds}s-aac.mp4"
    if path.is_file():
        return path
    import pygame

    sys.path.insert(0, str(REPO / "content" / "tools"))
    from film_kit import chord, drawn, encode
    from make_videos import trail

    grain = [pygame.transform.scale(pygame.image.frombuffer(os.urandom(480 * 270 * 3), (480, 270), "RGB"),
                                    (1920, 1080)) for _ in range(8)]
    for layer in grain:
        layer.set_alpha(18)

    def draw(surface: pygame.Surface, number: int) -> None:
        trail(surface, number)
        surface.blit(grain[number % len(grain)], (number % 4 - 2, number % 3 - 1))

    work.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part.mp4")
    encode(partial, drawn(draw, (1920, 1080), seconds * 30), size=(1920, 1080), codec="h264",
           sound=chord((110.0, 164.8, 220.0, 277.2), float(seconds), pulse=0.5),
           options={"preset": "veryfast", "crf": "18", "maxrate": str(FILM_BITRATE), "bufsize": str(FILM_BITRATE),
                    "x264-params": "ref=1:bframes=3"})  # as a camera's film: B-frames (the kiosk's own have none)
    partial.rename(path)
    return path


def config_with(work: Path, film: Path | None, screen: tuple[int, int], role: str, sound: bool = False) -> Path:
    """A config of the demo pack whose playlist is the film alone (or, with no film, a still message
    slide), the display `role` at `screen`, with its films' sound on or off (muted, the default)."""
    name = f"{role}-{screen[0]}x{screen[1]}-{'film' if film else 'still'}{'-sound' if sound else ''}"
    pack = work / f"pack-{name}"
    if not pack.is_dir():
        shutil.copytree(REPO / "content" / "demo", pack)
    slide: dict[str, Any] = {"kind": "video", "file": f"videos/{film.name}", "loop": True, "seconds": 3600} if film \
        else \
        {"kind": "message", "seconds": 600, "title": {lang: "Sentier & Cie" for lang in ("fr", "en", "de", "es", "it")}}
    copied = pack / "videos" / film.name if film else None
    if film and copied and (not copied.is_file() or copied.stat().st_size != film.stat().st_size):
        shutil.copyfile(film, copied)  # once: a film copied again is a changed film, made kiosk-ready again
    playlist = pack / "playlist.json"
    if not playlist.is_file() or playlist.read_text(encoding="utf-8") != json.dumps([slide]):
        # written once: a pack whose files changed is imported again, by the kiosk being measured
        playlist.write_text(json.dumps([slide]), encoding="utf-8")
    base = make_config(work, None, screen)  # every display of the config at `screen`; `role` alone runs
    text = base.read_text(encoding="utf-8").replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"')
    text = text.replace(f'database = "{work / "catalog-demo.db"}"', f'database = "{work / f"catalog-{name}.db"}"')
    if sound:
        text = text.replace(f'name = "{role}"\n', f'name = "{role}"\nsound = true\n', 1)
    path = work / f"kiosk-{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the probes (each in its own process) ------------------------------------------------------------------
def probe_play(config: str, display: str, seconds: float) -> dict[str, Any]:
    """Run the kiosk's loop on `display` for `seconds` of real time, the attract slide on screen: frames
    shown and dropped by the film, frame times, CPU and memory (sampled each half second after 3 s)."""
    from kiosk.config import load_config
    from kiosk.scenes.attract import AttractScene
    from kiosk.wiring import build_app

    app = build_app(load_config(Path(config)), display_names=(display,), headless=True)
    scene = app.display(display).screen.stack.top
    assert isinstance(scene, AttractScene)
    frame_ms: list[float] = []
    memory: list[float] = []
    heap: list[float] = []
    started = time.monotonic()
    next_sample = started + 3.0
    cpu_start = cpu_at = 0.0
    animating = app.step(block=False)
    while time.monotonic() - started < seconds + 3.0:
        animating = app.step(animating=animating)
        now = time.monotonic()
        if now >= next_sample:
            if not memory:
                cpu_start, cpu_at = cpu_seconds(), now
                app.frame_times.clear()  # from here on: the film is playing, the pictures are made
            memory.append(rss_mb())
            heap.append(rss_mb("RssAnon"))
            next_sample += 0.5
        if memory:
            frame_ms.extend(app.frame_times)
            app.frame_times.clear()
    wall = time.monotonic() - cpu_at
    cpu = (cpu_seconds() - cpu_start) / wall * 100
    film = scene.film
    state = film.state() if film is not None else {}
    player = film.player if film is not None else None
    result = {"seconds": wall, "cpu_percent": cpu, "rss_mb": statistics.median(memory), "rss_max_mb": max(memory),
              "anon_mb": statistics.median(heap),
              "frames_drawn": len(frame_ms), "p50_ms": statistics.median(frame_ms) if frame_ms else float("nan"),
              "p99_ms": percentile(frame_ms, 0.99), "shown": state.get("shown", 0), "dropped": state.get("dropped", 0),
              "dropped_by_worker": state.get("dropped_by_worker", 0),
              "failed": state.get("failed", ""), "size": list(player.size or ()) if player else []}
    app.close()
    return result


def probe_cost(config: str, display: str, frames: int) -> dict[str, Any]:
    """The CPU that showing `frames` frames of the film takes (decoding, scaling, drawing; every thread),
    on the pilot's clock: every frame is decoded and shown, however busy the machine is, so this is what
    the film costs, not what others leave it."""
    from kiosk.config import load_config
    from kiosk.scenes.attract import AttractScene
    from kiosk.testing.pilot import Pilot

    pilot = Pilot(load_config(Path(config)), display)
    scene = pilot.app.display(display).screen.stack.top
    assert isinstance(scene, AttractScene)
    pilot.advance(0.5, step=1 / 30)  # the film's first frames (and the worker's start)
    film = scene.film
    assert film is not None and film.player is not None
    shown, dropped = film.player.shown, film.player.dropped
    cpu, wall = cpu_seconds(), time.monotonic()
    pilot.advance(frames / 30, step=1 / 30)
    cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
    result = {"frames": film.player.shown - shown, "dropped": film.player.dropped - dropped,
              "cpu_ms_per_frame": cpu * 1000 / frames, "wall_s": wall, "sound": film.player.sound}
    pilot.close()
    return result


def probe_background(config: str, film: str, seconds: float) -> dict[str, Any]:
    """A shopper scrolls a department on the terminal, paced at 60 turns a second, for `seconds`, first
    alone and then while a 1080p film decodes for another screen (a player on the real clock, its
    frames taken every turn as the loop does for the window): the terminal's frame times both ways."""
    from kiosk.config import load_config
    from kiosk.core.hours.clock import SystemClock
    from kiosk.testing.pilot import Pilot
    from kiosk.ui.video_player import VideoPlayer

    pilot = Pilot(load_config(Path(config)), "terminal")
    app = pilot.app
    width, height = app.display().screen.size
    pilot.tap(x=width // 2, y=height // 2)
    pilot.tap(app.display().ctx.shop.catalog.categories[0].name["fr"])

    def scroll(player: VideoPlayer | None) -> list[float]:
        times: list[float] = []
        clock = SystemClock()
        ends = time.monotonic() + seconds
        direction = 1
        while time.monotonic() < ends:
            top, bottom = height * 3 // 4, height // 4
            start, end = (top, bottom) if direction == 1 else (bottom, top)
            direction = -direction
            app.frame_times.clear()
            pilot.swipe((width // 2, start), (width // 2, end), ms=150)
            for _ in range(72):
                turn = time.monotonic()
                pilot.advance(1 / 60, step=1 / 60)
                if player is not None:
                    player.frame(clock.monotonic())
                time.sleep(max(0.0, 1 / 60 - (time.monotonic() - turn)))
            times.extend(app.frame_times)
        return times

    alone = scroll(None)
    player = VideoPlayer(film, (3840, 2160), SystemClock(), loop=True)
    with_film = scroll(player)
    shown, dropped = player.shown, player.dropped
    player.stop()
    pilot.close()
    return {"alone": {"p50_ms": statistics.median(alone), "p99_ms": percentile(alone, 0.99), "frames": len(alone)},
            "with_film": {"p50_ms": statistics.median(with_film), "p99_ms": percentile(with_film, 0.99),
                          "frames": len(with_film)},
            "film_shown": shown, "film_dropped": dropped}


def probe_parts(film: str, frames: int) -> dict[str, Any]:
    """What a film's memory is made of, in a process that loads nothing else: FFmpeg's libraries (`import av`,
    which a screen without films never does) and the decoder (one thread, as the player's) once it has
    decoded `frames` pictures and let each go, with the pictures it keeps for reference and reordering."""
    import pygame  # the kiosk has it loaded before any film

    pygame.init()
    before = rss_mb(), rss_mb("RssAnon")
    import av

    from kiosk.ui.video_player import pictures

    loaded = rss_mb(), rss_mb("RssAnon")
    held: set[int] = set()
    with av.open(film) as container:
        stream = container.streams.video[0]
        stream.thread_count = 1
        for picture in itertools.islice(pictures(container, stream), frames):  # let go as the player does (not
            held.add(picture.planes[0].buffer_ptr)  # enumerate: its tuple would hold the last picture)
            del picture
        decoded = rss_mb(), rss_mb("RssAnon")
    return {"libraries_mb": loaded[0] - before[0], "libraries_anon_mb": loaded[1] - before[1],
            "decoder_mb": decoded[0] - loaded[0], "decoder_anon_mb": decoded[1] - loaded[1], "pictures": len(held)}


def probe_ready(config: str) -> dict[str, Any]:
    """Import the config's pack and make its films kiosk-ready, as a kiosk does once after an import (in a
    process of its own, here this one): the copies made, the time and CPU it took, and the process's peak
    memory (the encoder's: it is never the kiosk's)."""
    from kiosk.config import load_config
    from kiosk.core.catalog.build import ensure_catalog
    from kiosk.core.pack.ready_films import make_ready_films, wanted_films
    from kiosk.shared.film_copies import copies_folder
    from kiosk.shared.shop import catalog_path, pack_folder

    loaded = load_config(Path(config))
    database = ensure_catalog(pack_folder(loaded), catalog_path(loaded), loaded.store.id)
    folder = copies_folder(database)
    films = wanted_films(pack_folder(loaded), database, folder, [display.size for display in loaded.displays])
    cpu, wall = cpu_seconds(), time.monotonic()
    made = make_ready_films(films, folder)
    return {"made": len(made), "wanted": len(films), "seconds": time.monotonic() - wall, "cpu_s": cpu_seconds() - cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "copies": {film.source.name: [str(film.copy), *film.size] for film in films}}


def _probe(*args: str, timeout: float = 900) -> dict[str, Any]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}  # sound: to no device, in time
    done = subprocess.run([sys.executable, "-m", "bench.video", "probe", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"video probe {args[0]} failed:\n{done.stderr[-2000:]}")
    parsed: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


# --- the run ---------------------------------------------------------------------------------------------
Row = dict[str, Any]


def measure(work: Path, seconds: int, still_seconds: int = 10) -> list[Row]:
    """Every video figure, as rows of the bench's table (what, size, value, unit, budget)."""
    rows: list[Row] = []

    def add(what: str, size: str, value: float | None, unit: str, budget: float | None, lower: bool = True) -> None:
        ok = None if value is None or budget is None else (value <= budget if lower else value >= budget)
        rows.append({"what": what, "size": size, "value": value, "unit": unit, "budget": budget, "ok": ok,
                     "at_least": not lower})

    film_s = min(seconds, FILM_SECONDS)
    film = bench_film(work, film_s)
    megabits = film.stat().st_size * 8 / film_s / 1e6
    label = f"1080p30 H.264 {megabits:.1f} Mb/s"
    for role, screen in (("terminal", (1080, 1920)), ("window", (3840, 2160))):
        size = f"{screen[0]}x{screen[1]}"
        ready = _probe("ready", str(config_with(work, film, screen, role)))
        copy = ready["copies"].get(film.name)
        if ready["made"]:  # once a pack is imported (the copy is kept for the next runs)
            add(f"film made kiosk-ready at {copy[1]}x{copy[2]}, once, in a process of its own: time", size,
                ready["seconds"], "s", None)
            add("  its CPU (one film of 10 s)", size, ready["cpu_s"], "s", None)
            add("  that process's peak memory (never the kiosk's)", size, ready["peak_mb"], "MB", None)
        played = _probe("play", str(config_with(work, film, screen, role)), role, str(seconds))
        still_config = str(config_with(work, None, screen, role))
        _probe("ready", still_config)  # its catalogue imported first, in a process of its own: the importer loads
        # PyAV to probe the pack's films, which the still screen being measured must not count
        still = _probe("play", still_config, role, str(still_seconds))
        if played["failed"]:
            raise RuntimeError(played["failed"])
        fps = played["shown"] / played["seconds"]
        what = f"video on the {role}, {label}"
        add(f"{what}: dropped frames in {played['seconds']:.0f} s", size, played["dropped"], "frames",
            0 if role == "terminal" else None)
        add("  of them dropped by the decoder's worker, behind the clock (the rest: the loop came late)", size,
            played["dropped_by_worker"], "frames", None)
        add(f"{what}: frames shown a second", size, fps, "fps", 29.0 if role == "window" else None, lower=False)
        add(f"{what}: frame time, p50", size, played["p50_ms"], "ms", None)
        add(f"{what}: frame time, p99", size, played["p99_ms"], "ms", 33.0 if role == "terminal" else None)
        add(f"{what}: CPU (all threads)", size, played["cpu_percent"], "% core", 60.0 if role == "terminal" else None)
        cost = _probe("cost", str(config_with(work, film, screen, role)), role, str(min(seconds, 20) * 30))
        add(f"{what}: CPU a frame costs (all threads; {cost['frames']} frames, pilot's clock)", size,
            cost["cpu_ms_per_frame"], "ms", None)
        add("  the same at 30 frames a second, share of one core", size, cost["cpu_ms_per_frame"] * 3, "% core",
            60.0 if role == "terminal" else None)
        if role == "terminal":  # a display whose config enables sound: the sound track decoded and played too
            heard = _probe("cost", str(config_with(work, film, screen, role, sound=True)), role,
                           str(min(seconds, 20) * 30))
            if heard["sound"] != "on":
                raise RuntimeError(f"the film's sound did not play: {heard['sound']}")
            add("  the same with its sound (display with sound = true), share of one core", size,
                heard["cpu_ms_per_frame"] * 3, "% core", 60.0)
        add(f"{what}: memory (RSS) while playing", size, played["rss_mb"], "MB", None)
        add("  the same screen with a still slide (RSS)", size, still["rss_mb"], "MB", None)
        add("  memory while playing, above the still screen", size, played["rss_mb"] - still["rss_mb"], "MB", 40.0)
        add("  the same without the libraries' files (RssAnon)", size, played["anon_mb"] - still["anon_mb"], "MB",
            None)
        if role == "terminal":
            parts = _probe("parts", str(film), "60")
            add("    of which FFmpeg's libraries, loaded with the first film (import av)", "", parts["libraries_mb"],
                "MB", None)
            add(f"    the camera's film's H.264 decoder: {parts['pictures']} pictures kept for reference and order",
                "", parts["decoder_mb"], "MB", None)
        if copy is not None:
            parts = _probe("parts", copy[0], "60")
            add(f"    of which the kiosk-ready copy's decoder: {parts['pictures']} pictures at {copy[1]}x{copy[2]}",
                "", parts["decoder_mb"], "MB", None)
    background = _probe("background", str(make_config(work, None)), str(film), str(min(seconds, 20)))
    for case, what in (("alone", "alone"), ("with_film", "while a 1080p film decodes for the window")):
        for part in ("p50_ms", "p99_ms"):
            add(f"terminal scrolling a department, {what}, {part[:3]}", "1080x1920", background[case][part], "ms",
                None)
    add("  p99 with the film, above p99 alone", "1080x1920",
        background["with_film"]["p99_ms"] - background["alone"]["p99_ms"], "ms", None)
    return rows


def load_average() -> str:
    """The machine's load average (1, 5, 15 minutes) and its cores: others share this machine."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> int:
    """Command line: the run, or one probe (in the process the run starts for it)."""
    if len(sys.argv) > 2 and sys.argv[1] == "probe":
        name, args = sys.argv[2], sys.argv[3:]
        if name == "play":
            result = probe_play(args[0], args[1], float(args[2]))
        elif name == "cost":
            result = probe_cost(args[0], args[1], int(args[2]))
        elif name == "ready":
            result = probe_ready(args[0])
        elif name == "parts":
            result = probe_parts(args[0], int(args[1]))
        else:
            result = probe_background(args[0], args[1], float(args[2]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="how long the film plays on each screen")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kiosk-bench" / "video")
    args = parser.parse_args()
    before = load_average()
    rows = measure(args.work, args.seconds)
    for row in rows:
        number = row["value"]
        value = "" if number is None else f"{number:.3g}" if abs(number) < 100 else f"{number:.0f}"
        budget = "" if row["budget"] is None else f"{'≥' if row['at_least'] else '≤'} {row['budget']:g}"
        ok = {True: "yes", False: "NO", None: ""}[row["ok"]]
        print(f"{row['what']:<78} {row['size']:<10} {value:>8} {row['unit']:<7} {budget:>7}  {ok}")
    print(f"\n{before} before, {load_average()} after")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "load": [before, load_average()]}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
