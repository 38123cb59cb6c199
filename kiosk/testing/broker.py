"""A real Mosquitto broker on a free loopback port, for the fleet tests and the fleet simulation."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import time
from pathlib import Path

MOSQUITTO = shutil.which("mosquitto") or ("/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)


def raise_file_limit() -> None:
    """Allow this process as many open files as the system lets it (a broker of 1,000 clients needs it)."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class Broker:
    """mosquitto on a free loopback port; can be stopped and started again on the same port. `settings`
    are more lines of its config; `many_clients` lets it open as many files as the system allows."""

    def __init__(self, folder: Path, settings: str = "", many_clients: bool = False) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.config = folder / "mosquitto.conf"
        user = "user root\n" if os.geteuid() == 0 else ""  # as root it would drop to a user that cannot write here
        self.config.write_text(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence true\n"
                               f"persistence_location {folder}/\n{settings}{user}")
        self.many_clients = many_clients
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start it and return once it accepts connections."""
        self.process = subprocess.Popen([str(MOSQUITTO), "-c", str(self.config)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL,
                                        preexec_fn=raise_file_limit if self.many_clients else None)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("mosquitto did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop it (its persisted state stays in its folder)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def usage(self, seconds: float) -> tuple[float, float]:
        """Its CPU (% of a core) over `seconds`, and its memory (RSS, MB) at the end."""
        assert self.process is not None
        stat = Path(f"/proc/{self.process.pid}/stat")
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu() -> float:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks

        before, started = cpu(), time.monotonic()
        time.sleep(seconds)
        used = (cpu() - before) / (time.monotonic() - started) * 100
        rss = next(int(line.split()[1]) for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines()
                   if line.startswith("VmRSS:")) / 1024
        return used, rss
