"""systemd's notify protocol, spoken by hand (one datagram per state): READY, WATCHDOG, STOPPING.

The main loop sends WATCHDOG=1 itself, so a hung loop stops the pings and systemd (WatchdogSec=)
restarts the kiosk. Without $NOTIFY_SOCKET (not run by systemd) every call does nothing.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time


class SystemdNotifier:
    """Talks to systemd when it started us with Type=notify."""

    def __init__(self) -> None:
        address = os.environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = os.environ.get("WATCHDOG_USEC", "")
        self.interval = int(usec) / 2_000_000 if usec.isdigit() and int(usec) > 0 else None
        self._last = 0.0
        self._ready = False

    @property
    def enabled(self) -> bool:
        """Whether systemd listens."""
        return bool(self.address)

    def send(self, state: str) -> None:
        """Send one state line ("READY=1", "STOPPING=1", ...)."""
        if not self.address:
            return
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as channel, contextlib.suppress(OSError):
            channel.sendto(state.encode(), self.address)  # if systemd went away there is nothing to do

    def ready(self) -> None:
        """READY=1: the first frame is up; the watchdog pings start."""
        self._ready = True
        self.send("READY=1")

    def ping(self) -> None:
        """WATCHDOG=1, at most every half watchdog interval, once ready."""
        if self._ready and self.interval is not None and time.monotonic() - self._last >= self.interval:
            self._last = time.monotonic()
            self.send("WATCHDOG=1")

    def next_ping(self) -> float | None:
        """Seconds until the next ping is due (the loop must wake by then), or None without a watchdog."""
        if self.interval is None or not self._ready:
            return None
        return max(0.0, self._last + self.interval - time.monotonic())
