"""A real X server (Xvfb) for the tests and benches that need one, on a free display number from :10 up.

Tests run side by side (pytest-xdist): choosing a free number by looking at /tmp/.X11-unix and then
starting Xvfb there races with the process next door. So Xvfb is started on a number and tried on the
next when it stops (its lock file and abstract socket are taken atomically: one of two racing servers
wins); `-displayfd` tells once it accepts clients.

Not below :10: the install tests boot a store PC that shares this machine's network, where its Xorg
takes :0. An X client reaches a display through its abstract socket first (@/tmp/.X11-unix/XN, one
name per network), so a test's Xvfb on :0 would receive the store PC kiosk's connection.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 30.0  # a loaded 2-core machine can take seconds
FIRST_DISPLAY = 10
DISPLAYS_TRIED = 100


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """Run an Xvfb of one `width` x `height` screen (24-bit) while the block runs; yields its DISPLAY (":N")."""
    for number in range(FIRST_DISPLAY, FIRST_DISPLAY + DISPLAYS_TRIED):
        readable, writable = os.pipe()
        server = subprocess.Popen(["Xvfb", f":{number}", "-displayfd", str(writable), "-screen", "0",
                                   f"{width}x{height}x24", "-nolisten", "tcp"], pass_fds=(writable,),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(writable)
        try:
            if _ready(readable, server):
                yield f":{number}"
                return
        finally:
            os.close(readable)
            if server.poll() is None:
                server.terminate()
            server.wait(timeout=10)
    raise RuntimeError(f"no free X display from :{FIRST_DISPLAY} to :{FIRST_DISPLAY + DISPLAYS_TRIED - 1}")


def _ready(readable: int, server: subprocess.Popen[bytes]) -> bool:
    """True once Xvfb says it accepts clients; False if it ended first (its number was taken); a clear error
    if it stays silent."""
    answer = b""
    deadline = time.monotonic() + START_TIMEOUT_S
    while not answer.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([readable], [], [], left)[0]:
            raise RuntimeError(f"Xvfb did not say it was ready within {START_TIMEOUT_S:.0f} s")
        chunk = os.read(readable, 16)
        if not chunk:
            return False
        answer += chunk
    return True
