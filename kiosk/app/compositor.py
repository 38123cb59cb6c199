"""What a Wayland compositor is asked directly, where SDL cannot: under sway, the outputs' connector
names (SDL's Wayland display names are descriptions, not always in step with their positions) and
which output a window goes to (a Wayland client cannot place its own windows).

sway is asked through `swaymsg` (its IPC); without sway, nothing here does anything.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess

log = logging.getLogger(__name__)


def _swaymsg(*arguments: str) -> str | None:
    if not os.environ.get("SWAYSOCK") or shutil.which("swaymsg") is None:
        return None
    try:
        done = subprocess.run(["swaymsg", *arguments], capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("swaymsg %s: %s", " ".join(arguments), error)
        return None
    if done.returncode != 0:
        log.warning("swaymsg %s: %s", " ".join(arguments), (done.stdout + done.stderr).strip()[-300:])
        return None
    return done.stdout


def output_names() -> dict[tuple[int, int], str]:
    """Under sway: each output's connector name ("HDMI-A-1") by where it lies on the desktop."""
    answer = _swaymsg("-t", "get_outputs", "-r")
    if not answer:
        return {}
    try:
        return {(int(o["rect"]["x"]), int(o["rect"]["y"])): str(o["name"]) for o in json.loads(answer)}
    except (ValueError, KeyError, TypeError) as error:
        log.warning("sway's outputs could not be read: %s", error)
        return {}


def place(title: str, output: str) -> bool:
    """Under sway: put the window called `title` full screen on `output`; False when not under sway."""
    command = f'[title="^{title}$"] move container to output {output}, fullscreen enable'
    return _swaymsg(command) is not None
