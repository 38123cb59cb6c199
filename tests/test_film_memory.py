"""A film gives its memory back when it ends or is left: its decoding thread ends, and no container, codec
context, frame or packet of it stays alive (what stays is FFmpeg's libraries, loaded once: bench.memory_parts)."""

from __future__ import annotations

import gc
import threading
from collections import Counter

import pytest

from kiosk.testing.pilot import Pilot

HELD = ("Container", "CodecContext", "Frame", "Packet", "Stream", "Plane")  # what a playing film holds


def _film_objects() -> Counter[str]:
    gc.collect()
    kinds = (type(thing) for thing in gc.get_objects())
    return Counter(kind.__name__ for kind in kinds
                   if str(getattr(kind, "__module__", "")).startswith("av.") and kind.__name__.endswith(HELD))


def _film_threads(besides: frozenset[threading.Thread] = frozenset(), within_s: float = 0.0) -> list[str]:
    """The films' decoding threads running after at most `within_s` (one ends within a frame), but for
    those in `besides` (other tests' films in this process)."""
    films = [thread for thread in threading.enumerate() if thread.name.startswith("video ") and thread not in besides]
    for thread in films:
        thread.join(within_s)
    return [thread.name for thread in films if thread.is_alive()]


def _watch_the_attract_film(pilot: Pilot) -> tuple[frozenset[threading.Thread], Counter[str]]:
    """Play the attract film; what other films of this process held before it (threads, objects)."""
    before = frozenset(thread for thread in threading.enumerate() if thread.name.startswith("video "))
    held = _film_objects()
    pilot.advance(7.25)  # the welcome message, then the film
    pilot.advance(1.0)
    assert _film_threads(before) == ["video trail.mp4"], "the film plays"
    assert _film_objects()["VideoFrame"] > held["VideoFrame"], "the film plays"
    return before, held


def _nothing_more_than(pilot: Pilot, held: Counter[str]) -> bool:
    """Whether the film's objects are gone, once the pictures asked for are made: the film's poster (its first
    frame) is decoded on the pictures' worker, which on a loaded machine may still hold the file open."""
    pilot.app.display().screen.images.wait()
    return all(count <= held[kind] for kind, count in _film_objects().items())


@pytest.mark.slow  # plays the whole film: CI runs it (tapped away stays quick)
def test_nothing_of_a_film_stays_once_it_has_played_to_its_end(pilot: Pilot) -> None:
    others, held = _watch_the_attract_film(pilot)
    for _ in range(16):  # a six-second film, then the next slide
        pilot.advance(0.5)
    assert pilot.request("state")["displays"]["terminal"]["slide"] == 2
    assert _film_threads(others, within_s=2) == []
    assert _nothing_more_than(pilot, held), (_film_objects(), held)


def test_nothing_of_a_film_stays_once_the_shopper_taps_it_away(pilot: Pilot) -> None:
    others, held = _watch_the_attract_film(pilot)
    pilot.tap(x=540, y=960)
    assert pilot.scene == "home"
    pilot.advance(0.5)
    assert _film_threads(others, within_s=2) == []
    assert _nothing_more_than(pilot, held), (_film_objects(), held)
