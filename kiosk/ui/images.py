"""Pictures decoded and scaled off the main thread, so a frame never waits for a PNG.

A widget asks for a picture at a size; if it is not ready yet it gets None (and draws a
placeholder), the picture is made by a worker thread, and `deliver()` on the main thread hands the
finished pictures over and says which widgets to draw again.

The cache holds the widgets that wait by weak reference, and a picture whose widgets have all gone
(their scene was left before it was made) is not made at all: a shopper who taps through ten
product pages waits for the pictures of the page in front of them, not the nine before, and those
pages' scenes are freed at once (the soak run, tapping fast, had 260 pictures queued that held 25 MB
of scenes alive).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pygame

from kiosk.core.pack.image_header import ImageProblem, check_picture
from kiosk.ui.frame_gate import wait_for_no_frame
from kiosk.ui.picture_copies import PictureCopies

log = logging.getLogger(__name__)
_RGBA = pygame.Surface((1, 1), pygame.SRCALPHA, 32)  # the pixel formats pictures are scaled in
_RGB32 = pygame.Surface((1, 1), 0, 32)
Key = tuple[str, int, int]


def _in_32_bits(picture: pygame.Surface) -> pygame.Surface:
    """`picture` as 32-bit pixels: grey, palette and 16-bit ones as RGBA (smoothscale takes nothing under
    24 bits), 24-bit ones as RGB with a spare byte, the 24-bit picture let go once converted: smoothscale
    widens 24-bit pixels to 32 inside for source and result alike, 16.5 MB at its peak for a 1200x1200
    photo at 1000x1000 against 8.4 MB."""
    if picture.get_bitsize() != 32:
        picture = picture.convert(_RGB32 if picture.get_bitsize() == 24 else _RGBA)
    return picture


def _decoded(path: str, fitted_to: tuple[int, int] | None = None) -> pygame.Surface:
    """The picture file at `path` decoded, as 32-bit pixels, smooth-scaled to `fitted_to` if given.

    A picture made smaller in both directions is scaled the way smoothscale does it, across first and then
    down, but across a strip of rows at a time (see `_narrowed`): the very pixels smoothscale gives, in
    about half the memory at the worker's peak. smoothscale itself holds the 32-bit picture, its result,
    and the picture made narrow in between, all at once: 13.0 MB for a 1200x1200 photo shown at 936 px on
    the terminal's product page (the 24-bit picture decoded and its 32-bit copy before that: 9.6 MB),
    against 7.8 MB this way (`python -m bench.pictures`); the soak run's memory peaked 4-5 MB above its
    samples whenever such a picture was being made."""
    picture = pygame.image.load(path)
    if fitted_to is None or fitted_to == picture.get_size():
        return _in_32_bits(picture)
    if fitted_to[0] >= picture.get_width() or fitted_to[1] >= picture.get_height():
        return pygame.transform.smoothscale(_in_32_bits(picture), fitted_to)  # made larger: rare, and small
    narrow = _narrowed(picture, fitted_to[0])
    del picture  # the full picture let go before the rows are scaled down
    narrow = _in_32_bits(narrow)  # (and its 24-bit pixels let go)
    return pygame.transform.smoothscale(narrow, fitted_to)


STRIP_ROWS = 64  # rows made narrow at a time: 0.3 MB of 32-bit pixels for a 1200 px picture


def _narrowed(picture: pygame.Surface, width: int) -> pygame.Surface:
    """`picture` smooth-scaled across to `width`, keeping its height: smoothscale's first pass, which makes
    each row from that row alone, done a strip of rows at a time so only a strip is ever held at 32 bits. A
    24-bit picture's result is 24-bit too (a quarter smaller while the decoded picture is still held)."""
    height = picture.get_height()
    narrow: pygame.Surface | None = None
    paused = False
    for top in range(0, height, STRIP_ROWS):
        # a frame that starts meanwhile is let through once (the next shopper's page: it waited for the worker
        # each time it let go of Python's lock, 4-8 ms in all); not at every strip, which held the decoded
        # pixels (4.3 MB for a 1200 px photo) while frame after frame went on: the soak's memory rose by as much
        paused = paused or wait_for_no_frame()
        rows = min(STRIP_ROWS, height - top)
        strip = _in_32_bits(picture.subsurface((0, top, picture.get_width(), rows)))
        if picture.get_bitsize() == 24:  # scaled apart, copied into the 24-bit result (a copy: no alpha)
            if narrow is None:
                narrow = pygame.Surface((width, height), 0, picture)
            narrow.blit(pygame.transform.smoothscale(strip, (width, rows)), (0, top))
        else:  # 32-bit, with transparency perhaps: scaled straight into its rows of the result
            if narrow is None:
                narrow = pygame.Surface((width, height), strip.get_flags() & pygame.SRCALPHA, 32, strip.get_masks())
            pygame.transform.smoothscale(strip, (width, rows), narrow.subsurface((0, top, width, rows)))
    assert narrow is not None  # (a picture has at least one row)
    return narrow


def _load_scaled(path: str, size: tuple[int, int], copies: PictureCopies | None = None) -> pygame.Surface | None:
    """The picture at `path` fitted into `size`, or None (a placeholder shows) if it cannot be shown.

    The header is read first, so an oversized picture is never decoded. A picture shown small is read
    from its copy at that size (`copies`), made the first time (see picture_copies.py)."""
    try:
        header = check_picture(Path(path))
        scale = min(size[0] / header.width, size[1] / header.height)
        target = (max(1, round(header.width * scale)), max(1, round(header.height * scale)))
        kept = copies is not None and copies.serves((header.width, header.height), target)
        copy = copies.find(Path(path), target) if copies is not None and kept else None
        if copy is not None and copies is not None:
            try:
                shown = _in_32_bits(copies.read(copy))
                if shown.get_size() == target:
                    return shown
            except (ValueError, OSError):
                pass
            copies.forget(copy)  # damaged: made again
        shown = _decoded(path, target)
        if kept and copies is not None:
            copies.keep(Path(path), shown)
        return shown
    except (pygame.error, OSError, ImageProblem) as error:
        log.warning("picture %s not shown: %s", Path(path).name, error)
        return None


def _load_at_most(path: str, largest: tuple[int, int]) -> pygame.Surface | None:
    """The picture at `path` at its own size, or fitted into `largest` if it is larger (a zoomed picture's
    parts are scaled from it: it never holds more pixels than the file, nor than the most it is shown at)."""
    try:
        header = check_picture(Path(path))
        scale = min(1.0, largest[0] / header.width, largest[1] / header.height)
        if scale < 1.0:
            return _decoded(path, (max(1, round(header.width * scale)), max(1, round(header.height * scale))))
        return _decoded(path)
    except (pygame.error, OSError, ImageProblem) as error:
        log.warning("picture %s not shown: %s", Path(path).name, error)
        return None


MAX_PICTURE_BYTES = 12 << 20
AFTER_BURST_EVERY_S = 2.0


def _in_format_of(image: pygame.Surface, display: pygame.Surface) -> bool:
    """Whether `image` has the display's pixel format already (the worker scales in 32-bit RGB, which is
    most screens'): converting it then would only copy it, 4 MB more for a moment for a large picture."""
    return image.get_bitsize() == display.get_bitsize() == 32 and image.get_masks()[:3] == display.get_masks()[:3]


def _weakly(requester: object) -> Callable[[], object]:
    """A weak reference to `requester` (a strong one for what takes none)."""
    try:
        return weakref.ref(requester)
    except TypeError:
        return lambda: requester


def picture_budget(size: tuple[int, int]) -> int:
    """Bytes of scaled pictures to keep for a screen of `size` beyond those the last frames drew (which
    are always kept: a scene is never short of its own pictures): half a screenful, at most 12 MB (a 4K
    shop window). Measured in the soak run on the terminal (seeds 7, 6000 actions, without films): a
    screenful held 7.4 MB of pictures on average, half a screenful 3.5 MB, and RSS went down as much; a
    card's picture made again, going back, is read from its copy as shown within a frame or two."""
    return min(MAX_PICTURE_BYTES, size[0] * size[1] * 2)


def surface_bytes(surface: pygame.Surface | None) -> int:
    """Memory a surface's pixels take."""
    return 0 if surface is None else surface.get_width() * surface.get_height() * surface.get_bytesize()


class ImageCache:
    """Scaled pictures by (path, width, height); the least recently used go past `max_bytes` of pixels,
    except those drawn in the last two frames (`frame_drawn`)."""

    def __init__(self, max_bytes: int = MAX_PICTURE_BYTES, wake: Callable[[], None] | None = None,
                 copies: PictureCopies | None = None) -> None:
        self._images: OrderedDict[Key, pygame.Surface | None] = OrderedDict()
        self._max_bytes = max_bytes
        self._bytes = 0
        self._frame = 0  # frames drawn so far
        self._drawn_in: dict[Key, int] = {}  # the frame each picture kept was last asked for in
        self._pending: dict[Key, Future[pygame.Surface | None]] = {}
        self._waiting: dict[Key, list[Callable[[], object]]] = {}  # weak references to the requesters
        self._lock = threading.Lock()
        self._workers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="images")
        self.wake = wake or (lambda: None)
        # called on the worker when it has made every picture asked for (at most every AFTER_BURST_EVERY_S):
        # the kiosk gives the heap freed meanwhile back to the system there, off the loop
        self.after_burst: Callable[[], object] = lambda: None
        self._queued = 0  # pictures given to the worker and not made (nor cancelled) yet
        self._last_burst_end = 0.0
        self.copies = copies  # pictures as shown small, kept on disk
        if copies is not None:
            self._workers.submit(copies.clean)

    def get(self, path: str, size: tuple[int, int], requester: object = None) -> pygame.Surface | None:
        """The picture fitted into `size`, or None while it is being made (or if it cannot be read)."""
        return self.make(path, size, lambda: _load_scaled(path, size, self.copies), requester)

    def source(self, path: str, largest: tuple[int, int], requester: object = None) -> pygame.Surface | None:
        """The picture at its own size (at most `largest`), or None while it is being made: a zoomed
        picture scales the part it shows from it (see gallery.py)."""
        return self.make(f"{path}#source", largest, lambda: _load_at_most(path, largest), requester)

    def make(self, name: str, size: tuple[int, int], maker: Callable[[], pygame.Surface | None],
             requester: object = None) -> pygame.Surface | None:
        """A picture that `maker` draws (on the worker thread), cached under `name` and `size`."""
        key = (name, size[0], size[1])
        if key in self._images:
            self._images.move_to_end(key)
            self._drawn_in[key] = self._frame
            return self._images[key]
        if requester is not None:
            waiting = self._waiting.setdefault(key, [])
            if not any(wanted() is requester for wanted in waiting):
                waiting.append(_weakly(requester))
        if key not in self._pending:
            with self._lock:
                self._queued += 1
            future = self._workers.submit(self._run, maker)
            future.add_done_callback(lambda _: self.wake())
            self._pending[key] = future
        return None

    def deliver(self) -> list[object]:
        """Take in the pictures finished since the last call; returns the requesters to draw again."""
        self._forget_unwanted()
        ready = [key for key, future in self._pending.items() if future.done()]
        requesters: list[object] = []
        for key in ready:
            image = self._pending.pop(key).result()
            display = pygame.display.get_surface()
            if image is not None and display is not None and not _in_format_of(image, display):
                image = image.convert_alpha() if image.get_alpha() else image.convert()
            self._images[key] = image
            self._drawn_in[key] = self._frame  # kept at least until its widgets have drawn it
            self._bytes += surface_bytes(image)
            requesters.extend(alive for wanted in self._waiting.pop(key, []) if (alive := wanted()) is not None)
        while self._bytes > self._max_bytes and self._images:
            oldest = next(iter(self._images))
            if self._drawn_in[oldest] >= self._frame - 1:
                break  # this one and all newer are on the screen now: a scene keeps its own pictures
            self._bytes -= surface_bytes(self._images.pop(oldest))
            del self._drawn_in[oldest]
        return requesters

    def frame_drawn(self) -> None:
        """A frame was drawn: the pictures asked for before the last two frames may go."""
        self._frame += 1

    def _run(self, maker: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
        """On the worker: make one picture, once no frame is being drawn (see frame_gate.py; in the middle of
        one, see `_narrowed`)."""
        try:
            wait_for_no_frame()
            return maker()
        finally:
            self._made_or_cancelled()

    def _made_or_cancelled(self) -> None:
        with self._lock:
            self._queued -= 1
            burst_over = self._queued == 0 and time.monotonic() - self._last_burst_end >= AFTER_BURST_EVERY_S
            if burst_over:
                self._last_burst_end = time.monotonic()
        if burst_over:
            with contextlib.suppress(RuntimeError):  # (the worker stopping)
                self._workers.submit(self.after_burst)  # on the worker, once the picture is handed over

    def _forget_unwanted(self) -> None:
        """Cancel the pictures not started yet whose requesters have all gone (a scene left meanwhile)."""
        for key, waiting in list(self._waiting.items()):
            if key in self._pending and all(wanted() is None for wanted in waiting) and self._pending[key].cancel():
                del self._pending[key], self._waiting[key]
                self._made_or_cancelled()

    @property
    def held_bytes(self) -> int:
        """Pixels of the pictures kept now (for the memory benchmarks)."""
        return self._bytes

    def clear(self) -> None:
        """Forget every picture kept (they are made again when asked for)."""
        self._images.clear()
        self._drawn_in.clear()
        self._bytes = 0

    @property
    def busy(self) -> bool:
        """Whether pictures are still being made."""
        return bool(self._pending)

    def wait(self, timeout: float = 10.0) -> None:
        """Block until every picture asked for is made (screenshots show pictures, not placeholders)."""
        for future in list(self._pending.values()):
            future.result(timeout=timeout)

    def close(self) -> None:
        """Stop the worker."""
        self._workers.shutdown(wait=True, cancel_futures=True)
