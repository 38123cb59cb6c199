"""The kiosk speaks systemd's notify protocol: READY once its first frame is up, then watchdog pings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.conftest import REPO, write_config
from tests.kiosk_process import KIOSK

# a start on a loaded 2-core machine (CI beside other work) took over 10 s: the limits say "it never came"
STARTED_WITHIN_S = 60


def test_ready_then_watchdog_pings_then_stopping(tmp_path: Path) -> None:
    address = tmp_path / "notify.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(address))
    listener.settimeout(STARTED_WITHIN_S)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "NOTIFY_SOCKET": str(address), "WATCHDOG_USEC": "600000"}
    process = subprocess.Popen([*KIOSK, "--headless", "--config",
                                str(write_config(tmp_path))], cwd=REPO, env=env)
    try:
        states = []
        deadline = time.monotonic() + STARTED_WITHIN_S + 5
        while states.count("WATCHDOG=1") < 3:
            assert time.monotonic() < deadline, states
            states.append(listener.recv(256).decode())
        assert states[0] == "READY=1"  # first, once the first frame was drawn
        process.send_signal(signal.SIGTERM)
        while "STOPPING=1" not in states:
            states.append(listener.recv(256).decode())
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        listener.close()
