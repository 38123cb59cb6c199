"""A film's decoded pictures made into what the screen shows, at the size shown, by FFmpeg's filters.

Two steps, each on FFmpeg's fast path: the picture is scaled while it is still YUV 4:2:0 (its planes
scaled one by one), then turned into RGB at that size without scaling. Scaling straight into RGB goes
through FFmpeg's general path, which costs four times as much (a 1080p film on the 3840x2160 window,
shown at 2686x1510: 7 ms a frame that way, 1.7 + 1.4 ms this way; the picture differs from it by less
than a bicubic scaler's does, 44 dB).

The steps run in a filter graph rather than with `VideoReformatter`, for its memory: a graph's frames
come from pools of buffers that are used again once a frame is let go, where each reformatted frame is a
new allocation. The kiosk gives every block over 64 KB its own mapping (kiosk/app/memory.py), so a new
12 MB frame was 3,000 page faults, the kernel zeroing each page: 5-8 ms of CPU a frame on the 4K window,
more than the scaling itself. A graph is used by one thread (the worker's, or the loop's) and runs on
it alone (left to itself, FFmpeg starts a thread per core, each with buffers of its own).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    import av  # imported where a film is played: FFmpeg's libraries are 21 MB resident

SHOWN_FORMAT = "yuv420p"  # what a scaled picture is: half the bytes of RGB (1.5 a pixel, not 3)


class FilterChain:
    """Frames through a chain of FFmpeg filters (`(name, arguments)`, one frame out for each in), set up
    at the first frame, whose size and pixel format every later frame must have."""

    def __init__(self, *filters: tuple[str, str]) -> None:
        self.filters = filters
        self._graph: av.filter.Graph | None = None

    def __call__(self, frame: av.VideoFrame) -> av.VideoFrame:
        """`frame` through the filters."""
        graph = self._graph
        if graph is None:
            graph = self._graph = self._made_for(frame)
        graph.vpush(frame)
        return graph.vpull()

    def _made_for(self, frame: av.VideoFrame) -> av.filter.Graph:
        import av

        graph = av.filter.Graph()
        graph.threads = 1
        source = graph.add_buffer(width=frame.width, height=frame.height, format=frame.format,
                                  time_base=frame.time_base or Fraction(1, 1000))
        steps = [graph.add(name, arguments) for name, arguments in self.filters]
        graph.link_nodes(source, *steps, graph.add("buffersink"))
        graph.configure()
        return graph


class FilmScaler:
    """Scales one film's pictures to `size` (`scale`) and makes surfaces of them (`surface`); each has a
    graph of its own, so each may run on its own thread."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.scale = FilterChain(("scale", f"{size[0]}:{size[1]}:flags=bilinear:threads=1"),
                                 ("format", SHOWN_FORMAT))
        self._to_rgb = FilterChain(("format", "rgb24"))

    def surface(self, picture: av.VideoFrame) -> tuple[pygame.Surface, object]:
        """A picture at the size shown (from `scale`) as an RGB surface over a buffer of the graph's pool,
        with that buffer's frame, to be kept as long as the surface (its buffer goes back to the pool once
        both are let go). The screen's 32-bit layout (BGRX) costs a third more memory and saves no CPU."""
        rgb = self._to_rgb(picture)
        plane = rgb.planes[0]
        return pygame.image.frombuffer(plane, self.size, "RGB", pitch=plane.line_size), rgb

    def scaled_surface(self, decoded: av.VideoFrame) -> tuple[pygame.Surface, object]:
        """`decoded` scaled and made a surface, both steps at once."""
        return self.surface(self.scale(decoded))
