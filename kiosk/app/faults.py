"""What the loop does with an exception nobody expected (DESIGN §3): the process never dies of one.

The loop catches it where one message, request, input event or frame was handled, and hands it here:
it is logged with its traceback (personal data masked), counted, and reported to head office by its
type and place only. The display it happened on goes back to a clean state (a "reset"). A process
that died anyway (a kill, a power cut) is seen at the next start, by the marker it left behind.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from pathlib import Path
from typing import Any

from kiosk.core.language.text import without_personal_data

log = logging.getLogger(__name__)
LOG_EVERY_S = 10.0  # the same fault again within this time is counted, not logged again


class Faults:
    """Counts and reports the exceptions the loop caught, and whether the previous run ended cleanly."""

    def __init__(self, marker: Path | None = None) -> None:
        self.errors = 0  # exceptions caught at the loop
        self.resets = 0  # displays brought back to attract after one
        self.last = ""  # "where: TypeName" of the latest
        self._logged: dict[str, float] = {}
        self.marker = marker
        self.unclean_start = False
        if marker is not None:
            self.unclean_start = marker.exists()
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(str(os.getpid()))
            if self.unclean_start:
                log.warning("the previous run of the kiosk did not stop cleanly (killed, crashed or power cut)")

    def caught(self, where: str, error: BaseException) -> None:
        """An exception was caught at the loop while handling `where`: log it (once in a while) and count it."""
        self.errors += 1
        kind = type(error).__name__
        self.last = f"{where}: {kind}"
        now = time.monotonic()
        if now - self._logged.get(self.last, -LOG_EVERY_S) >= LOG_EVERY_S:
            self._logged[self.last] = now
            frames = "".join(traceback.format_tb(error.__traceback__))
            log.error("caught while handling %s (the kiosk goes on): %s: %s\n%s", where, kind,
                      without_personal_data(str(error))[:500], frames.rstrip())

    def reset(self, display: str) -> None:
        """A display was brought back to a clean state after a fault."""
        self.resets += 1
        log.warning("display %s reset to a clean state after: %s", display, self.last)

    def telemetry(self) -> dict[str, Any]:
        """For head office: how many faults and resets, the last one, and whether this start followed a crash."""
        return {"errors": self.errors, "resets": self.resets, "last": self.last,
                "unclean_start": self.unclean_start}

    def stopped(self) -> None:
        """The process is stopping cleanly: the next start is not a crash."""
        if self.marker is not None:
            self.marker.unlink(missing_ok=True)
