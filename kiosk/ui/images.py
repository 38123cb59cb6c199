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

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pygame

from kiosk.core.pack.image_header import ImageProblem, check_picture

log = logging.getLogger(__name__)
_RGBA = pygame.Surface((1, 1), pygame.SRCALPHA, 32)  # the pixel formats pictures are scaled in
_RGB32 = pygame.Surface((1, 1), 0, 32)
Key = tuple[str, int, int]


def _load_scaled(path: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The picture at `path` fitted into `size`, or None (a placeholder shows) if it cannot be shown.

    The header is read first, so an oversized picture is never decoded. Every picture is scaled as 32-bit
    pixels: grey, palette and 16-bit ones as RGBA (smoothscale takes nothing under 24 bits), 24-bit ones
    as RGB with a spare byte, the decoded picture let go first: smoothscale widens 24-bit pixels to 32
    inside for source and result alike, 16.5 MB at its peak for a 1200x1200 photo at 1000x1000 against
    8.4 MB, the memory the picture worker's peaks in the soak run were made of."""
    try:
        check_picture(Path(path))
        source = pygame.image.load(path)
        if source.get_bitsize() != 32:
            source = source.convert(_RGB32 if source.get_bitsize() == 24 else _RGBA)
    except (pygame.error, OSError, ImageProblem) as error:
        log.warning("picture %s not shown: %s", Path(path).name, error)
        return None
    scale = min(size[0] / source.get_width(), size[1] / source.get_height())
    target = (max(1, round(source.get_width() * scale)), max(1, round(source.get_height() * scale)))
    return pygame.transform.smoothscale(source, target) if target != source.get_size() else source


MAX_PICTURE_BYTES = 24 << 20


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
    """Bytes of scaled pictures to keep for a screen of `size`: a screenful (all a scene can show), at
    most 24 MB (a 4K shop window). Measured in the soak run on the terminal: a fixed 24 MB held 24 MB of
    pictures (63 of them) at 1080x1920, and a screenful and a quarter 2 MB more than a screenful, for no
    gain a shopper sees: a picture made again, going back, is ready before the next frame or two."""
    return min(MAX_PICTURE_BYTES, size[0] * size[1] * 4)


def surface_bytes(surface: pygame.Surface | None) -> int:
    """Memory a surface's pixels take."""
    return 0 if surface is None else surface.get_width() * surface.get_height() * surface.get_bytesize()


class ImageCache:
    """Scaled pictures by (path, width, height); the least recently used go past `max_bytes` of pixels."""

    def __init__(self, max_bytes: int = MAX_PICTURE_BYTES, wake: Callable[[], None] | None = None) -> None:
        self._images: OrderedDict[Key, pygame.Surface | None] = OrderedDict()
        self._max_bytes = max_bytes
        self._bytes = 0
        self._pending: dict[Key, Future[pygame.Surface | None]] = {}
        self._waiting: dict[Key, list[Callable[[], object]]] = {}  # weak references to the requesters
        self._lock = threading.Lock()
        self._workers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="images")
        self.wake = wake or (lambda: None)

    def get(self, path: str, size: tuple[int, int], requester: object = None) -> pygame.Surface | None:
        """The picture fitted into `size`, or None while it is being made (or if it cannot be read)."""
        return self.make(path, size, lambda: _load_scaled(path, size), requester)

    def make(self, name: str, size: tuple[int, int], maker: Callable[[], pygame.Surface | None],
             requester: object = None) -> pygame.Surface | None:
        """A picture that `maker` draws (on the worker thread), cached under `name` and `size`."""
        key = (name, size[0], size[1])
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        if requester is not None:
            waiting = self._waiting.setdefault(key, [])
            if not any(wanted() is requester for wanted in waiting):
                waiting.append(_weakly(requester))
        if key not in self._pending:
            future = self._workers.submit(maker)
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
            self._bytes += surface_bytes(image)
            requesters.extend(alive for wanted in self._waiting.pop(key, []) if (alive := wanted()) is not None)
        while self._bytes > self._max_bytes and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self._bytes -= surface_bytes(dropped)
        return requesters

    def _forget_unwanted(self) -> None:
        """Cancel the pictures not started yet whose requesters have all gone (a scene left meanwhile)."""
        for key, waiting in list(self._waiting.items()):
            if key in self._pending and all(wanted() is None for wanted in waiting) and self._pending[key].cancel():
                del self._pending[key], self._waiting[key]

    @property
    def held_bytes(self) -> int:
        """Pixels of the pictures kept now (for the memory benchmarks)."""
        return self._bytes

    def clear(self) -> None:
        """Forget every picture kept (they are made again when asked for)."""
        self._images.clear()
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
