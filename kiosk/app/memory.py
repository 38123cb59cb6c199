"""Keep glibc from holding on to freed picture and text memory.

Pictures and text surfaces are large (a product picture at screen size is 1-3 MB, a line of text 20-400
KB) and are made on a worker thread and freed on the main one. By default glibc raises its mmap
threshold after the first large block is freed, so later large blocks come from the heap, where freed
space stays resident among blocks still in use. A fixed threshold of 64 KB keeps every picture and most
rendered lines in their own mappings, given back the moment they are freed (a mapping costs a few
microseconds, paid when a text or a picture is made, not when it is drawn): 2-5 MB less free heap held
in the soak run than with 256 KB.

Two arenas: glibc gives every thread that allocates an arena of its own (up to 8 per core), each a heap
whose freed space stays resident on its own. The kiosk's threads besides the loop and the picture
worker (automation, outbox sender, speech, fleet, phone page) allocate little; two arenas are all the
loop and the picture worker need, and bound the spread: about 20 MB less resident memory in the soak run
(the kiosk sets this itself with mallopt, so no MALLOC_ARENA_MAX is needed in its environment).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
M_ARENA_MAX = -8
LARGE_BLOCK = 64 * 1024
ARENAS = 2


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def tune_malloc() -> bool:
    """Set the fixed mmap threshold and the arena limit; False where the C library is not glibc."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)) and bool(mallopt(M_ARENA_MAX, ARENAS))
    if not done:
        log.info("the C library refused the malloc settings; memory may stay higher after heavy use")
    return done


def release_free_memory() -> bool:
    """Hand the free space inside glibc's heaps back to the system (0.5 ms, a few ms on a busy heap):
    called when a session ends, after a still frame (at most every 10 s) and by the picture worker once it
    has made every picture asked for (at most every 2 s, off the loop), so the memory a busy shopper's
    scenes, texts and pictures freed does not stay resident (3-4 MB on average in the soak run)."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    return bool(trim(0))
