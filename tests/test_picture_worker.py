"""The picture worker makes what is in front of the shopper: a picture asked for by a page the shopper has
left before it was made is not made at all, and the page is not kept alive waiting for it; and it does not
slow the frame the shopper waits for: a picture starts once that frame is drawn."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pygame

from kiosk.ui.frame_gate import LONGEST_WAIT_S, frame_being_drawn
from kiosk.ui.images import ImageCache


class Page:
    """Stands for a widget of a scene: what asks for a picture and is drawn again when it comes."""


def _drawn(name: str, made: list[str], gate: threading.Event | None = None) -> pygame.Surface:
    if gate is not None:
        assert gate.wait(10)
    made.append(name)
    return pygame.Surface((4, 4))


def test_pictures_of_pages_left_are_not_made_and_the_pages_are_freed() -> None:
    cache = ImageCache()
    made: list[str] = []
    gate = threading.Event()
    try:
        shown = Page()
        assert cache.make("busy", (4, 4), lambda: _drawn("busy", made, gate), shown) is None  # the worker is busy
        left = [Page() for _ in range(5)]
        for number, page in enumerate(left):
            cache.make(f"left-{number}", (4, 4), lambda n=number: _drawn(f"left-{n}", made), page)
        current = Page()
        cache.make("current", (4, 4), lambda: _drawn("current", made), current)
        gone = [weakref.ref(page) for page in left]
        del left, page
        gc.collect()
        assert all(ref() is None for ref in gone), "a page left is not kept alive by its pictures"
        cache.deliver()  # on the loop's next turn
        gate.set()
        cache.wait()
        assert set(cache.deliver()) == {shown, current}, "the pages still shown are drawn again"
        assert made == ["busy", "current"], "only the pictures of pages still shown are made"
        assert cache.make("current", (4, 4), lambda: _drawn("again", made), current) is not None
    finally:
        gate.set()
        cache.close()


def test_a_picture_asked_for_by_a_page_still_shown_is_made_once_for_all_its_asks() -> None:
    cache = ImageCache()
    made: list[str] = []
    try:
        page = Page()
        for _ in range(50):  # a widget asks at every frame until its picture comes
            cache.make("p", (4, 4), lambda: _drawn("p", made), page)
        cache.wait()
        assert cache.deliver() == [page]
        assert made == ["p"]
    finally:
        cache.close()



def test_once_every_picture_asked_for_is_made_the_freed_heap_is_given_back_off_the_loop() -> None:
    cache = ImageCache()
    made: list[str] = []
    gate = threading.Event()
    bursts: list[tuple[str, list[str]]] = []
    cache.after_burst = lambda: bursts.append((threading.current_thread().name, list(made)))
    page = Page()
    try:
        for name in ("a", "b", "c"):
            cache.make(name, (4, 4), lambda n=name: _drawn(n, made, gate), page)
        assert bursts == [], "not while pictures are still to be made"
        gate.set()
        cache.wait()
    finally:
        gate.set()
        cache.close()  # waits for what the worker was given
    assert len(bursts) == 1, bursts
    worker, seen = bursts[0]
    assert worker.startswith("images") and seen == ["a", "b", "c"], "on the worker, after the last picture"


def test_a_picture_asked_for_in_a_frame_is_made_once_the_frame_is_drawn() -> None:
    cache = ImageCache()
    made: list[str] = []
    page = Page()
    try:
        with frame_being_drawn():  # a page is built and drawn: its picture is asked for as it is drawn
            cache.make("photo", (4, 4), lambda: _drawn("photo", made), page)
            time.sleep(LONGEST_WAIT_S / 2)
            assert made == [], "the worker does not take turns with the frame the shopper waits for"
        cache.wait()
        assert made == ["photo"] and cache.deliver() == [page], "it comes as soon as the frame is drawn"
    finally:
        cache.close()


def test_a_frame_that_never_ends_still_gets_its_pictures() -> None:
    cache = ImageCache()
    made: list[str] = []
    try:
        with frame_being_drawn():  # (a frame that hangs, or a loop drawing without a pause)
            cache.make("photo", (4, 4), lambda: _drawn("photo", made), Page())
            deadline = time.monotonic() + 10 * LONGEST_WAIT_S
            while not made and time.monotonic() < deadline:
                time.sleep(LONGEST_WAIT_S / 10)
            assert made == ["photo"], "late, never not at all"
    finally:
        cache.close()
