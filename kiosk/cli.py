"""The command line (`kiosk`, or `python run_kiosk.py` in a checkout): see `--help` and the README.

Without `--config`, the demo store's config: `config/default.toml` of the checkout run_kiosk.py
stands in, or of the current folder; an installed kiosk in a store is always given its config.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before anything imports pygame: --check prints problems only

from kiosk.app.logs import setup_logging
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.config.settings import read_config
from kiosk.core.hours.clock import ShiftedClock
from kiosk.core.pack.content import read_pack
from kiosk.core.pack.feeds import LeftOutRow, left_out_lines
from kiosk.core.pack.reader import PackRejected
from kiosk.core.problems import Problem

DEMO_CONFIG = Path("config") / "default.toml"
log = logging.getLogger("kiosk")


def _automation_from_environment() -> Path | None:
    """$KIOSK_AUTOMATION: the automation socket of a kiosk started by its compositor (sway.conf, cage)."""
    socket = os.environ.get("KIOSK_AUTOMATION", "")
    return Path(socket) if socket else None


def version() -> str:
    """The installed kiosk's version ("unknown" in a checkout that was never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("store-kiosk")
    except PackageNotFoundError:
        return "unknown"


def _moment(text: str) -> datetime:
    """`--now`'s date and time, with its offset from UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date and time like 2026-12-24T22:30+01:00") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs its offset from UTC, like 2026-12-24T22:30+01:00")
    return moment


def parse_args(argv: list[str], default_config: Path = DEMO_CONFIG) -> argparse.Namespace:
    """The command line of DESIGN §4."""
    parser = argparse.ArgumentParser(prog="kiosk", description="In-store kiosk and smart window.")
    parser.add_argument("--config", type=Path, default=default_config, help="config file (default: the demo store)")
    parser.add_argument("--display", action="append", default=[], metavar="NAME",
                        help="run only this display of the config (repeatable; default: all)")
    parser.add_argument("--windowed", action="store_true", help="in a window (scaled to fit) instead of full screen")
    parser.add_argument("--headless", action="store_true", help="no screen (SDL's dummy video driver)")
    parser.add_argument("--automation", type=Path, metavar="SOCKET", default=_automation_from_environment(),
                        help="listen for automation requests on this UNIX socket (off by default; "
                             "or $KIOSK_AUTOMATION, for a service whose command line is the compositor's)")
    parser.add_argument("--now", type=_moment, metavar="WHEN",
                        help="run from this moment on, like 2026-12-24T22:30+01:00 (the night, a holiday; "
                             "the store's hours, screens and orders follow it; default: the real time)")
    parser.add_argument("--check", action="store_true",
                        help="validate the config and the content, print every problem, exit non-zero on error")
    parser.add_argument("--hash-pin", action="store_true",
                        help="read a staff PIN on standard input and print its hash for [staff] pin_hash")
    parser.add_argument("--verbose", "-v", action="store_true", help="log more")
    parser.add_argument("--log-file", type=Path, metavar="FILE",
                        help="also log to this file, rotated at 5 MB, 5 kept (default: console, or the journal)")
    return parser.parse_args(argv)


def check(config_path: Path) -> tuple[list[Problem], list[LeftOutRow], list[Problem], list[str]]:
    """Every problem in the config, its themes and its content pack; the feed rows this store's import
    would leave out (within the pack's allowance); the warnings about what a config written for an
    earlier version says differently (they never stop the kiosk); and a line for each of the pack's
    films, good or refused (container, codec, size, length, sound)."""
    from kiosk.ui.theme import read_theme

    try:
        config, warnings = read_config(config_path)
    except ConfigError as error:
        return error.problems, [], [], []
    problems: list[Problem] = []
    for theme in dict.fromkeys([*(display.theme for display in config.displays), config.accessibility.theme]):
        _, wrong, gaps = read_theme(config.path(theme))
        problems += wrong
        warnings += gaps
    left_out: list[LeftOutRow] = []
    folder = config.path(config.content.pack)
    try:
        pack = read_pack(folder, config.store.id)
        left_out, films = list(pack.left_out), pack.films
    except PackRejected as error:
        problems += error.problems
        films = error.films
    return problems, left_out, warnings, [film.line(folder) for film in films]


def run(config: KioskConfig, args: argparse.Namespace) -> int:
    """Run the app until it is closed or stopped by a signal."""
    from kiosk.app.loop import NoScreen
    from kiosk.app.stop_signals import StopSignals
    from kiosk.automation.server import AutomationServer
    from kiosk.wiring import build_app, start_devices

    try:
        app = build_app(config, display_names=tuple(args.display), headless=args.headless, windowed=args.windowed,
                        clock=ShiftedClock(args.now) if args.now else None)
    except NoScreen as error:
        print(error, file=sys.stderr)
        return 2
    # Before anything else starts: a stop asked for from now on is a clean one (see StopSignals)
    stop_signals = StopSignals(app.post, asked=app.faults.stopped)
    start_devices(app)
    log.info("kiosk %s, device %s of store %s, started: %s; content %s (%d products)", version(),
             config.fleet.device or "(unnamed)", config.store.id,
             ", ".join(f"{d.name} ({d.role})" for d in app.displays), app.shop.catalog.version,
             app.shop.catalog.product_count())
    phone_page = None
    if config.share.serve:
        from kiosk.services.share_server import ShareServer

        phone_page = ShareServer(config.share.serve, config.path(config.share.web), app.shop.catalog.folder)
        phone_page.start()
    server = None
    if args.automation:
        server = AutomationServer(args.automation, app.post)
        server.start()
    try:
        app.run()
    finally:
        stop_signals.close()
        if server is not None:
            server.close()
        if phone_page is not None:
            phone_page.close()
    log.info("kiosk stopped cleanly")  # its screens, devices and catalogue closed, its outbox kept
    return 0


def main(argv: list[str] | None = None, default_config: Path = DEMO_CONFIG) -> int:
    """Entry point; returns the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv, default_config)
    if args.config == default_config and not default_config.is_file():
        print(f"no --config given, and no demo config at {default_config}: pass --config FILE", file=sys.stderr)
        return 2
    setup_logging(args.verbose, args.log_file)
    if args.hash_pin:
        from kiosk.core.staff.pin import hash_pin

        pin = sys.stdin.readline().strip()
        if not (pin.isdigit() and len(pin) == 4):
            print("a PIN is 4 digits", file=sys.stderr)
            return 2
        print(hash_pin(pin))
        return 0
    if args.check:
        problems, left_out, warnings, films = check(args.config)
        for problem in problems:
            print(problem)
        for line in left_out_lines(left_out):
            print(line)
        for line in films:
            print(line)
        for warning in warnings:
            print(f"warning: {warning}")
        said = f"OK, {len(left_out):,} feed rows left out (within the pack's allowance)" if left_out else "OK"
        print(f"{args.config}: {said if not problems else f'{len(problems)} problem(s)'}"
              + (f", {len(warnings)} warning(s)" if warnings else ""))
        return 1 if problems else 0
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    names = [display.name for display in config.displays]
    unknown = [name for name in args.display if name not in names]
    if unknown:
        print(f"{args.config}: no display named {', '.join(map(repr, unknown))}; "
              f"this config has {', '.join(map(repr, names))}", file=sys.stderr)
        return 2
    try:
        return run(config, args)
    except PackRejected as error:
        print(error, file=sys.stderr)
        return 2
