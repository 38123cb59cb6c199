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

No RGB copy of a frame is kept: the frame shown stays YUV, and `draw` turns it into the screen's pixels
where it is drawn, a band of rows at a time (`BAND_BYTES`), each band's buffer used again for the next. On
the 4K window that is a 1 MB band instead of a 12 MB RGB frame, for the same CPU (a band is cropped from the
picture without copying, then turned into BGRA, the screen's own layout, so the blit copies it as it is),
and only the rows a repaint needs are turned.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    import av  # imported where a film is played: FFmpeg's libraries are 21 MB resident

SHOWN_FORMAT = "yuv420p"  # what a scaled picture is: half the bytes of RGB (1.5 a pixel, not 3)
BAND_BYTES = 1_000_000  # a band of rows turned into screen pixels at a time: 94 rows of the 4K window's film


class FilterChain:
    """Frames through a chain of FFmpeg filters (`(name, arguments)`, one frame out for each in), set up
    at the first frame, whose size and pixel format every later frame must have."""

    def __init__(self, *filters: tuple[str, str]) -> None:
        self.filters = filters
        self._graph: av.filter.Graph | None = None
        self._steps: list[av.filter.context.FilterContext] = []

    def __call__(self, frame: av.VideoFrame, *commands: tuple[int, str, str]) -> av.VideoFrame:
        """`frame` through the filters, after each `(filter's index, command, argument)` was sent to them
        (a crop's `y`, say)."""
        graph = self._graph
        if graph is None:
            graph = self._graph = self._made_for(frame)
        for index, command, argument in commands:
            self._steps[index].process_command(command, argument)
        graph.vpush(frame)
        return graph.vpull()

    def _made_for(self, frame: av.VideoFrame) -> av.filter.Graph:
        import av

        graph = av.filter.Graph()
        graph.threads = 1
        source = graph.add_buffer(width=frame.width, height=frame.height, format=frame.format,
                                  time_base=frame.time_base or Fraction(1, 1000))
        self._steps = [graph.add(name, arguments) for name, arguments in self.filters]
        graph.link_nodes(source, *self._steps, graph.add("buffersink"))
        graph.configure()
        return graph


class FilmScaler:
    """Scales one film's pictures to `size` (`scale`, on the worker) and draws them on a surface (`draw`,
    on the loop); each step has a graph of its own, so each may run on its own thread."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.scale = FilterChain(("scale", f"{size[0]}:{size[1]}:flags=bilinear:threads=1"),
                                 ("format", SHOWN_FORMAT))
        width, height = size
        # even rows: a band starts on a row of the half-height colour planes
        self.band_rows = min(height, max(2, BAND_BYTES // (4 * width) // 2 * 2))
        self._band = FilterChain(("crop", f"w={width}:h={self.band_rows}:x=0:y=0:exact=1"), ("format", "bgra"))

    def draw(self, picture: av.VideoFrame, surface: pygame.Surface, topleft: tuple[int, int]) -> None:
        """Draw `picture` (from `scale`) on `surface` at `topleft`: the rows inside the surface's clip, turned
        into BGRA a band at a time."""
        width, height = self.size
        rows = self.band_rows
        area = surface.get_clip().clip(pygame.Rect(topleft, self.size))
        top = (area.top - topleft[1]) // 2 * 2
        bottom = area.bottom - topleft[1]
        while area.width > 0 and top < bottom:
            top = min(top, height - rows)  # the last band ends with the picture, over rows drawn already
            band = self._band(picture, (0, "y", str(top)))
            plane = band.planes[0]
            image = pygame.image.frombuffer(plane, (width, rows), "BGRA", pitch=plane.line_size)
            image.set_alpha(None)  # every pixel is opaque: copied as it is, not blended
            surface.blit(image, (topleft[0], topleft[1] + top))
            del image, band  # the band's buffer goes back to the graph's pool, for the next band
            top += rows

    def image(self, picture: av.VideoFrame) -> pygame.Surface:
        """`picture` (from `scale`) on a surface of its own (a poster, a test: 4 bytes a pixel)."""
        surface = pygame.Surface(self.size, 0, 32)
        self.draw(picture, surface, (0, 0))
        return surface
