"""A real X server (Xvfb) for the tests and benches that need one, on a display number it picks itself.

Tests run side by side (pytest-xdist): choosing a free number by looking at /tmp/.X11-unix and then
starting Xvfb there races with the process next door. `-displayfd` lets Xvfb take the first free
number and tell it once it accepts clients.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 30.0  # a loaded 2-core machine can take seconds


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """Run an Xvfb of one `width` x `height` screen (24-bit) while the block runs; yields its DISPLAY (":N")."""
    readable, writable = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(writable), "-screen", "0", f"{width}x{height}x24",
                               "-nolisten", "tcp"], pass_fds=(writable,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(writable)
    try:
        yield f":{_display_number(readable, server)}"
    finally:
        os.close(readable)
        server.terminate()
        server.wait(timeout=10)


def _display_number(readable: int, server: subprocess.Popen[bytes]) -> int:
    """The number Xvfb writes once it is ready; a clear error if it ends or stays silent."""
    answer = b""
    deadline = time.monotonic() + START_TIMEOUT_S
    while not answer.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([readable], [], [], left)[0]:
            raise RuntimeError(f"Xvfb did not say its display within {START_TIMEOUT_S:.0f} s")
        chunk = os.read(readable, 16)
        if not chunk:
            raise RuntimeError(f"Xvfb ended before it was ready (exit code {server.wait(timeout=10)})")
        answer += chunk
    return int(answer)
