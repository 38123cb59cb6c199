"""The Shop's side of kiosk-ready films (kiosk/core/pack/ready_films.py): which file a film plays from, and
the process that makes the copies the catalogue's films want.

Once a catalogue is in use (at start, and after each import), `refresh` looks at what its import probed of
each film and, when a wanted copy is missing, starts `python -m kiosk.core.pack.ready_films` in a process of
its own (at a low priority; PyAV and the encoder's memory stay there, never in the kiosk's process). A film
plays from its copy as soon as the copy is there, and from the pack until then.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.core.catalog.build import stored_films
from kiosk.core.pack.ready_films import ReadyFilm, ready_film

log = logging.getLogger(__name__)
MAKING_AT_MOST_S = 3600.0  # a pack of long films on a busy machine; a maker stuck longer is stopped


def copies_folder(database: Path) -> Path:
    """Where the kiosk-ready copies of the films of the catalogue at `database` are kept: beside it, its own."""
    return database.with_name(f"{database.stem}-films")


class FilmCopies:
    """Kiosk-ready copies, kept in `folder`, of the films of the catalogue in use, for displays of `screens`."""

    def __init__(self, folder: Path, screens: list[tuple[int, int]]) -> None:
        self.folder = Path(folder)
        self.screens = screens
        self._wanted: dict[str, ReadyFilm] = {}  # by the film's path in the pack
        self._maker: subprocess.Popen[bytes] | None = None  # the process making copies now
        self._makers: list[threading.Thread] = []  # the threads that start and watch them, one after the other
        self._lock = threading.Lock()
        self._one_at_a_time = threading.Lock()

    def refresh(self, pack: Path, database: Path) -> bool:
        """Read which copies the films of `database` (imported from `pack`) want, and start making those missing;
        whether a maker was started."""
        wanted: dict[str, ReadyFilm] = {}
        for name, checked in stored_films(database).items():
            film = ready_film(self.folder, pack / name, checked.info, self.screens) if checked.info else None
            if film is not None:
                wanted[name] = film
        self._wanted = wanted
        if all(film.made for film in wanted.values()):
            return False
        command = [sys.executable, "-m", "kiosk.core.pack.ready_films", str(pack), str(database), str(self.folder),
                   *(f"{width}x{height}" for width, height in self.screens)]
        thread = threading.Thread(target=self._make, args=(command,), name="ready films", daemon=True)
        self._makers = [*(alive for alive in self._makers if alive.is_alive()), thread]
        thread.start()
        return True

    def path(self, name: str, original: str) -> str:
        """The file the film `name` (its path in the pack, at `original`) plays from: its copy once made."""
        film = self._wanted.get(name)
        return str(film.copy) if film is not None and film.made else original

    @property
    def making(self) -> bool:
        """Whether copies are being made, or are about to be."""
        return any(thread.is_alive() for thread in self._makers)

    def wait(self, timeout: float) -> bool:
        """Wait until the copies asked for are made, or could not be (tests, the bench); whether it came to that."""
        for thread in list(self._makers):
            thread.join(timeout)
        return not self.making

    def _make(self, command: list[str]) -> None:
        with self._one_at_a_time:  # the next catalogue's copies are made once the last one's are
            maker = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            with self._lock:
                self._maker = maker
            try:
                _, errors = maker.communicate(timeout=MAKING_AT_MOST_S)
            except subprocess.TimeoutExpired:
                maker.kill()
                _, errors = maker.communicate()
            with self._lock:
                self._maker = None
        for line in errors.decode("utf-8", "replace").splitlines():
            if line.startswith(("WARNING", "ERROR", "Traceback")):
                log.warning("kiosk-ready films: %s", line)

    def close(self) -> None:
        """Stop a maker still at work (the copy it was making is left unfinished and made again next time)."""
        with self._lock:
            maker = self._maker
        if maker is not None and maker.poll() is None:
            maker.terminate()
