"""SIGTERM and SIGINT stop the kiosk, safely.

A Python signal handler runs between two bytecodes of the main thread, which may then be inside
`queue.Queue.get` holding the queue's lock: posting to the queue from the handler can deadlock
(about one stop in 86 hung until systemd killed the kiosk). So the handler only sets a flag, and
`signal.set_wakeup_fd` has the C-level handler write the signal's number to a pipe; a small thread
reads it and posts `Quit` like any other thread would, which wakes the loop at once.

The relay also says at once that a stop was asked for (`asked`): where the compositor is signalled
with the kiosk (a unit without the shipped one's ExecStop=, which ends the kiosk first), its going away
can end the kiosk before its loop has wound down. A stop that was asked for is not a crash, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

from kiosk.core.messages import Message, Quit

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals:
    """Installs the handlers (main thread only); `requested` tells the loop a stop was asked for, and
    `asked` (if given) is called from the relay thread as soon as one is."""

    def __init__(self, post: Callable[[Message], None], asked: Callable[[], None] | None = None) -> None:
        self.post = post
        self.asked = asked
        self.requested = False
        self._read, self._write = os.pipe()
        os.set_blocking(self._write, False)
        self._previous_fd = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        self._previous = {signum: signal.signal(signum, self._flag) for signum in STOP_SIGNALS}
        self._thread = threading.Thread(target=self._relay, name="stop signals", daemon=True)
        self._thread.start()

    def _flag(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True  # nothing that takes a lock: see the module's docstring

    def _relay(self) -> None:
        while True:
            try:
                data = os.read(self._read, 64)
            except OSError:
                return
            if not data:
                return
            if any(byte in STOP_SIGNALS for byte in data):
                self.requested = True
                if self.asked is not None:
                    self.asked()
                self.post(Quit("signal"))

    def close(self) -> None:
        """Put the previous handlers back and end the relay thread."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._write)  # the relay's read returns b"": it ends
        self._thread.join(timeout=1)
        with contextlib.suppress(OSError):
            os.close(self._read)
