"""The kiosk as its own process (`run_kiosk.py --headless --automation SOCK`), for end-to-end tests.

A test may talk to the kiosk only once it accepts connections: the socket file appears at bind(),
before listen(), so its existence proves nothing. `start_kiosk` waits for a connection that succeeds.

What the kiosk prints goes to a file beside its socket (`kiosk_output`), not to a pipe: a pipe that no one
reads holds 64 KiB, and then the kiosk's next log line waits, and with it the whole kiosk.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Literal

from tests.conftest import REPO

START_TIMEOUT_S = 30.0
# Every kiosk process a test starts lives from this moment on, the pilots' own (a Friday morning, the store open):
# its hours, screens and orders never follow the hour or the date the test happens to run at.
STORE_OPEN = "2026-11-20T11:00+01:00"
KIOSK = (sys.executable, "run_kiosk.py", "--now", STORE_OPEN)


def output_path(sock: Path) -> Path:
    """The file beside `sock` that a test's kiosk prints to (stdout and stderr)."""
    return sock.with_name(f"{sock.stem}-output.txt")


def kiosk_output(sock: Path) -> IO[bytes]:
    """A fresh output file for the kiosk behind `sock`, to hand to Popen (stdout, with stderr=STDOUT) and close
    once it has started: the kiosk keeps its own copy of the file."""
    return output_path(sock).open("wb")


def printed(sock: Path, process: subprocess.Popen[bytes]) -> str:
    """What the kiosk printed: its output file, or its pipe (a kiosk that has ended)."""
    if process.stdout is not None:
        return process.stdout.read().decode(errors="replace")
    path = output_path(sock)
    return path.read_text(errors="replace") if path.exists() else ""


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
            raise AssertionError(f"the kiosk ended (code {process.returncode}) before it listened:\n"
                                 f"{printed(sock, process)[-4000:]}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the kiosk did not listen on {sock} within {timeout:.0f} s")
        time.sleep(0.02)


def start_kiosk(config: Path, sock: Path, *extra: str, output: int | IO[bytes] | Literal["file"] | None = "file",
                env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start the kiosk headless with its automation socket; return once it accepts requests. What it prints
    goes to its output file (`output_path`) unless `output` says where else."""
    sock.unlink(missing_ok=True)
    command = [*KIOSK, "--headless", "--automation", str(sock), "--config", str(config), *extra]
    environment = {**os.environ, "SDL_VIDEODRIVER": "dummy", **(env or {})}
    if isinstance(output, str):
        with kiosk_output(sock) as file:
            process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=file, stderr=subprocess.STDOUT)
    else:
        process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=output,
                                   stderr=subprocess.STDOUT if output == subprocess.PIPE else output)
    wait_until_listening(sock, process)
    return process
