"""Speech output for accessible mode: espeak-ng reads what has the focus, in the shopper's language.

Each utterance cuts the one before (a shopper moving the focus wants to hear where they are now, not
the end of the last label). With `render_to`, utterances are written as WAV files instead of played
(tests, and a machine without a sound card). What is said is never logged: a label can be anything.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.core.messages import DeviceStatusChanged, Message

log = logging.getLogger(__name__)
VOICES = {"fr": "fr", "en": "en-gb", "de": "de", "es": "es", "it": "it"}


class Speaker:
    """One espeak-ng at a time, fed from a queue by its own thread."""

    available = True

    def __init__(self, command: str, rate: int, post: Callable[[Message], None], render_to: Path | None = None) -> None:
        self.command = command
        self.rate = rate
        self.post = post
        self.render_to = render_to
        self.spoken: list[tuple[str, str]] = []  # (language, text) of the last utterances, for tests
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._process: subprocess.Popen[bytes] | None = None
        self._count = 0
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)

    def start(self) -> None:
        """Check the engine is there (staff see it if not) and start."""
        found = shutil.which(self.command) is not None
        self.post(DeviceStatusChanged("speech", found, "" if found else f"{self.command} not found"))
        self._thread.start()

    def stop(self) -> None:
        """Stop speaking and the thread."""
        self._queue.put(None)
        self._cut()
        self._thread.join(timeout=5)

    def say(self, text: str, language: str) -> None:
        """Say `text` now, cutting what is being said."""
        if text:
            self._cut()
            self._queue.put((language, text))

    def _cut(self) -> None:
        process = self._process
        if process is not None and process.poll() is None and self.render_to is None:
            process.terminate()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            while not self._queue.empty():  # only the newest still matters
                newer = self._queue.get()
                if newer is None:
                    return
                item = newer
            language, text = item
            command = [self.command, "-v", VOICES.get(language, language), "-s", str(self.rate)]
            if self.render_to is not None:
                self._count += 1
                command += ["-w", str(self.render_to / f"speech-{self._count:04d}.wav")]
            try:
                self._process = subprocess.Popen([*command, "--", text], stdout=subprocess.DEVNULL,
                                                 stderr=subprocess.DEVNULL)
                self._process.wait()
            except OSError as error:
                log.warning("speech engine %s failed: %s", self.command, error)
                continue
            self.spoken.append((language, text))
            del self.spoken[:-50]
