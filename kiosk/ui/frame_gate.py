"""A frame being drawn, as the threads that work beside the loop see it: they wait for it to end.

Python runs one thread at a time. A worker making a picture while the loop builds and draws a frame
takes turns with it, and the frame waits each time it lets go (reading the catalogue, drawing words):
the product page's frame read the catalogue in 1-12 ms with pictures being made beside it, against
1-2 ms without (timed around the catalogue's calls in the bench's navigation). So a worker waits
until no frame is being drawn, before a picture and once in the middle of one (images.py): the frame
is what a shopper waits for, a picture fills in a moment later. It never waits longer than
`LONGEST_WAIT_S` at a time (a frame that hangs, a loop that draws without pause): its work comes late
then, never not at all.

The gate is the process's, as Python's lock is: every display's frame holds back every worker.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

LONGEST_WAIT_S = 0.1

_lock = threading.Lock()
_drawing = 0  # frames being drawn now (more than one where several apps share the process: the tests)
_no_frame = threading.Event()
_no_frame.set()


@contextlib.contextmanager
def frame_being_drawn() -> Iterator[None]:
    """Around the making of a frame (update, layout, render): the workers start no step meanwhile."""
    global _drawing
    with _lock:
        _drawing += 1
        _no_frame.clear()
    try:
        yield
    finally:
        with _lock:
            _drawing -= 1
            if _drawing == 0:
                _no_frame.set()


def wait_for_no_frame() -> bool:
    """On a worker, before a step of its work: return once no frame is being drawn (at most `LONGEST_WAIT_S`);
    whether one was."""
    if _no_frame.is_set():
        return False
    _no_frame.wait(LONGEST_WAIT_S)
    return True
