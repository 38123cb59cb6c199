"""Pictures as shown small, kept on disk, so a picture shown small (a card, a cart row, a thumbnail) is
read from a small file instead of being decoded in full and scaled again.

Decoding is what the picture worker's memory is made of: a 1200x1200 photo is 4.1 MB decoded and 5.5 MB
more as the 32-bit pixels it is scaled in, 9.6 MB at once for a card that shows 0.8 MB of it (a 4096 px
picture, the most a pack may hold: 112 MB). Most pictures a shopper meets are shown at a card's size or
smaller, so the first time a picture is shown at such a size (at most `LARGEST` px) the picture made is
written and from then on read instead: the pixels shown and no more, no scaling, and the very pixels the
full picture gave. (A copy per picture at 640 px scaled again softened it as much as a 1 px blur; a JPEG
copy at the size shown smeared the colours of thin lines.) A copy is the pixels compressed by zlib at its
fastest level, with their size in front: 3.6 ms of the worker's CPU to write a card's picture (PNG, by
pygame: 14 ms, and a copy of a product page's 936 px picture 220 ms, more than decoding the picture
itself), 1.8 ms to read; 20-30% larger than a PNG.

A copy is named after its picture's path, size in bytes, modification time and the size shown, so a
changed picture gets new copies; copies unused for `KEPT_DAYS` are removed when the kiosk starts (a new
pack's pictures are new files), and past `MAX_BYTES` the least recently used go (checked at start and
every `CLEAN_EVERY` copies written). Where the folder cannot be written the pictures are decoded in full,
as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
import threading
import time
import zlib
from pathlib import Path

import pygame

log = logging.getLogger(__name__)
LARGEST = 640  # a card's picture is at most 600 px on a 1080x1920 terminal; larger ones are few
KEPT_DAYS = 30
MAX_BYTES = 256 << 20  # a pack of thousands of photos shown at several sizes would otherwise fill the disk
CLEAN_EVERY = 200  # copies written between two clean-ups (a kiosk runs for months without a restart)
_DAY = 24 * 3600
_HEADER = struct.Struct(">4sHHB")  # a copy's first bytes: its kind, width, height, and 1 with transparency
_KIND = b"KPC1"
SUFFIX = ".pixels"


class PictureCopies:
    """The copies in `folder` (made on first use) of pictures shown at most `largest` px."""

    def __init__(self, folder: Path, largest: int = LARGEST, max_bytes: int = MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.largest = largest
        self.max_bytes = max_bytes
        self._written = 0
        self._broken = False  # the folder cannot be written: no more attempts (and one log line)
        self._lock = threading.Lock()

    def serves(self, picture: tuple[int, int], shown: tuple[int, int]) -> bool:
        """Whether a picture of size `picture` shown at `shown` (fitted) is kept as a copy: shown small,
        and smaller than the picture itself (else there is nothing to gain)."""
        return max(shown) <= self.largest and shown[0] < picture[0]

    def _name(self, path: Path, shown: tuple[int, int]) -> str:
        stat = path.stat()
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{shown[0]}x{shown[1]}"
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def find(self, path: Path, shown: tuple[int, int]) -> Path | None:
        """The copy of the picture at `path` as shown at `shown`, made earlier, or None."""
        try:
            name = self._name(path, shown)
        except OSError:
            return None
        copy = self.folder / f"{name}{SUFFIX}"
        try:
            stat = copy.stat()
        except OSError:
            return None
        if time.time() - stat.st_mtime > _DAY:  # in use: kept past the next clean-up
            with contextlib.suppress(OSError):
                os.utime(copy)
        return copy

    def keep(self, path: Path, shown: pygame.Surface) -> None:
        """Write `shown`, the picture at `path` as shown, as its copy for that size."""
        if self._broken:
            return
        transparent = bool(shown.get_flags() & pygame.SRCALPHA)
        pixels = pygame.image.tobytes(shown, "RGBA" if transparent else "RGB")
        data = _HEADER.pack(_KIND, shown.get_width(), shown.get_height(), transparent) + zlib.compress(pixels, 1)
        del pixels
        try:
            name = self._name(path, shown.get_size()) + SUFFIX
            self.folder.mkdir(parents=True, exist_ok=True)
            writing = self.folder / f"{name}.{os.getpid()}-{threading.get_ident()}.part"
            writing.write_bytes(data)
            os.replace(writing, self.folder / name)  # whole or not at all, for other kiosks sharing the folder
            self._written += 1
            if self._written % CLEAN_EVERY == 0:
                self.clean()
        except OSError as error:
            with self._lock:
                if not self._broken:
                    log.warning("pictures are decoded in full: their copies as shown cannot be kept in %s (%s)",
                                self.folder, error)
                self._broken = True

    @staticmethod
    def read(copy: Path) -> pygame.Surface:
        """The picture a copy holds (24-bit, or 32-bit with transparency); ValueError if it is damaged."""
        data = copy.read_bytes()
        try:
            kind, width, height, transparent = _HEADER.unpack_from(data)
            if kind != _KIND:
                raise ValueError("not a copy of a picture")
            pixels = zlib.decompress(memoryview(data)[_HEADER.size:])
            del data
            return pygame.image.frombytes(pixels, (width, height), "RGBA" if transparent else "RGB")
        except (struct.error, zlib.error, pygame.error) as error:  # (frombytes: the length does not match)
            raise ValueError(f"damaged copy: {error}") from error

    def forget(self, copy: Path) -> None:
        """Remove a copy that could not be read (it is made again)."""
        copy.unlink(missing_ok=True)

    def clean(self, now: float | None = None) -> int:
        """Remove the copies unused for `KEPT_DAYS`, writes left unfinished an hour ago, and past `max_bytes`
        the least recently used down to three quarters of it; returns how many were removed."""
        now = now or time.time()
        kept: list[tuple[float, int, str]] = []  # last used, bytes, path
        gone: list[str] = []
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return 0
        for entry in entries:
            try:
                stat = entry.stat()
            except OSError:
                continue
            age = now - stat.st_mtime
            if not entry.is_file():
                continue
            if age > KEPT_DAYS * _DAY or (".part" in entry.name and age > 3600):
                gone.append(entry.path)
            elif ".part" not in entry.name:
                kept.append((stat.st_mtime, stat.st_size, entry.path))
        total = sum(size for _, size, _ in kept)
        if total > self.max_bytes:
            for _, size, path in sorted(kept):
                if total <= self.max_bytes * 3 // 4:
                    break
                gone.append(path)
                total -= size
        removed = 0
        for path in gone:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
        return removed
