"""The kiosk as its own process (`run_kiosk.py --headless --automation SOCK`), for end-to-end tests.

A test may talk to the kiosk only once it accepts connections: the socket file appears at bind(),
before listen(), so its existence proves nothing. `start_kiosk` waits for a connection that succeeds.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

from tests.conftest import REPO

START_TIMEOUT_S = 30.0
# Every kiosk process a test starts lives from this moment on, the pilots' own (a Friday morning, the store open):
# its hours, screens and orders never follow the hour or the date the test happens to run at.
STORE_OPEN = "2026-11-20T11:00+01:00"
KIOSK = (sys.executable, "run_kiosk.py", "--now", STORE_OPEN)


def wait_until_listening(sock: Path, process: subprocess.Popen[bytes], timeout: float = START_TIMEOUT_S) -> None:
    """Return once a connection to `sock` succeeds; fail if the process ends or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(sock))
            return
        except (FileNotFoundError, ConnectionRefusedError):
            pass
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise AssertionError(f"the kiosk ended (code {process.returncode}) before it listened:\n{output}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the kiosk did not listen on {sock} within {timeout:.0f} s")
        time.sleep(0.02)


def start_kiosk(config: Path, sock: Path, *extra: str, output: int | IO[bytes] | None = subprocess.PIPE,
                env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start the kiosk headless with its automation socket; return once it accepts requests."""
    sock.unlink(missing_ok=True)
    process = subprocess.Popen([*KIOSK, "--headless", "--automation", str(sock),
                                "--config", str(config), *extra], cwd=REPO,
                               env={**os.environ, "SDL_VIDEODRIVER": "dummy", **(env or {})},
                               stdout=output, stderr=subprocess.STDOUT if output == subprocess.PIPE else output)
    wait_until_listening(sock, process)
    return process
