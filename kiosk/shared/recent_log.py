"""The last log lines, kept in memory for the maintenance menu (logs never hold personal data)."""

from __future__ import annotations

import logging
from collections import deque

KEEP = 200


class RecentLog(logging.Handler):
    """A logging handler that remembers the last KEEP formatted lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.lines: deque[str] = deque(maxlen=KEEP)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one formatted line."""
        try:
            self.lines.append(self.format(record))
        except Exception:  # a broken log call must not break the kiosk
            self.handleError(record)


RECENT = RecentLog()


def install() -> RecentLog:
    """Attach the handler to the root logger once; returns it."""
    root = logging.getLogger()
    if RECENT not in root.handlers:
        root.addHandler(RECENT)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
    return RECENT
