"""A video in a box: the widget every screen uses to show a film (slides, product pages, reviews).

    VideoView(rect, path, ctx.clock, label="Play the video", stop_label="Stop the video")  # poster, play button
    VideoView(rect, path, ctx.clock, autoplay=True, loop=True, tap_to_play=False)  # an attract film

Before it plays, and after it ends, the box shows the poster: the pack's picture named by `poster`, or
else the film's first frame (decoded off the loop, like any picture). A tap plays it in place and a
second tap stops it (`tap_to_play`; its accessible label is `label`, and `stop_label` while it plays);
`autoplay` starts it as soon as it is on screen. While it plays, frames come from a `VideoPlayer` as
they are due by the injected clock, scaled once to the box (the film keeps its shape; `backdrop` fills
the rest). Muted unless `volume` is given (the display's config enables sound: film_sound.py); then
`muted`, when given, says whether the shopper keeps it muted (asked on every turn: a `SoundButton`
beside the film changes it while it plays).
Captions (cues from `kiosk.core.pack.captions`) are drawn while it plays: over the picture's lower edge,
or, with `caption_band` (pixels), in a band of their own under it, never over the picture (an attract
film: its subject stays in sight); the picture and its band then stand together in the middle. A file
that cannot be played shows its poster (or nothing) and leaves a line for staff in the log; the kiosk
carries on. `on_end` is called once when a film that
does not loop has played to its end.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from kiosk.core.hours.clock import Clock
from kiosk.core.pack.captions import Cue, caption_at
from kiosk.core.pack.ready_films import fitted
from kiosk.ui.film_scaler import FilmScaler
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.video_player import EARLY_S, VideoPlayer
from kiosk.ui.widgets import Painter, Root, Widget

log = logging.getLogger(__name__)


def first_frame(path: str, box: tuple[int, int]) -> pygame.Surface | None:
    """The film's first frame fitted into `box` (its poster when the pack names none); None when the
    file cannot be read (a line for staff is logged)."""
    import av  # FFmpeg's libraries (21 MB resident) load with the first film, not with the kiosk

    try:
        with av.open(path, metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            for frame in container.decode(stream):
                scaler = FilmScaler(fitted((frame.width, frame.height), box))
                return scaler.image(scaler.scale(frame))
    except (av.FFmpegError, OSError, ValueError, IndexError, pygame.error) as error:
        log.warning("video %s has no poster: %s", Path(path).name, getattr(error, "strerror", None) or error)
        return None
    log.warning("video %s has no poster: no frame could be decoded", Path(path).name)
    return None


def caption_size(theme: Theme, width: int) -> int:
    """The captions' text size for a film `width` pixels wide: the title size on a large one."""
    return theme.size("title") if width >= theme.px(900) else theme.size("text")


def caption_band(theme: Theme, text: TextCache, width: int) -> int:
    """How tall a band under a film `width` pixels wide must be for two lines of captions."""
    size = caption_size(theme, width)
    return 2 * text.line_height(size, True) + theme.size("gap")


class VideoView(Widget):
    """A film fitted in its box: poster, then frames as they are due; see the module's docstring."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], path: Path | str, clock: Clock, *,
                 label: str = "", stop_label: str = "", poster: Path | str = "", loop: bool = False,
                 autoplay: bool = False, tap_to_play: bool = True, captions: list[Cue] | None = None,
                 backdrop: str = "", on_end: Callable[[], None] | None = None, volume: float | None = None,
                 muted: Callable[[], bool] | None = None, caption_band: int = 0) -> None:
        super().__init__(rect, label=label, on_tap=self.toggle if tap_to_play else None)
        self.role = "button" if tap_to_play else "image"
        self.labels = (label, stop_label or label)  # stopped, playing
        self.path = str(path)
        self.clock = clock
        self.poster = str(poster) if poster else ""
        self.loop = loop
        self.captions = captions or []
        self.backdrop = backdrop
        self.on_end = on_end
        self.volume = volume
        self.muted = muted or (lambda: False)
        self.caption_band = caption_band if self.captions else 0
        self.player: VideoPlayer | None = None
        self.failed = ""  # why the film could not be played (it shows its poster)
        self._wanted = autoplay  # play once laid out and shown
        self.label = self.labels[1] if autoplay else label
        # the film time of the frame drawn last, to draw again only when another is due (not the frame itself:
        # holding it would keep its 12 MB on a 4K window while the next one is made)
        self._drawn: float | None = None
        self._caption = ""

    # --- what callers use -----------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """Whether the film plays (or is about to: its first frame is being decoded)."""
        return self.player is not None or self._wanted

    def play(self) -> None:
        """Play from the start (once the box has its size)."""
        self.stop()
        self.failed = ""
        self._wanted = True
        self.label = self.labels[1]
        self.invalidate()

    def stop(self) -> None:
        """Stop and show the poster again."""
        if self.player is not None:
            self.player.stop()
            self.player = None
            self.invalidate()
        self._wanted = False
        self.label = self.labels[0]
        self._drawn = None
        self._caption = ""

    def toggle(self) -> None:
        """A tap: play, or stop if playing."""
        if self.playing:
            self.stop()
        else:
            self.play()

    def state(self) -> dict[str, Any]:
        """Where the film is, for tests and the automation `state` (film time, frames shown and dropped, the
        caption shown)."""
        player = self.player
        if player is None:
            return {"playing": self._wanted, "failed": self.failed}
        current = player.current
        return {"playing": True, "failed": self.failed, "at": None if current is None else round(current.at, 3),
                "shown": player.shown, "dropped": player.dropped, "dropped_by_worker": player.dropped_by_worker,
                "loops": player.loops, "sound": player.sound,
                "caption": self._caption}

    def dispose(self) -> None:
        """Stop decoding when the tree is thrown away."""
        self.stop()
        self.on_end = None
        super().dispose()

    # --- time -------------------------------------------------------------------------------------
    def animate(self, dt: float) -> bool:
        """Take the frame that is due, and ask the loop to wake when the next one is (Root.wake): a film does
        not make the loop turn at 60 a second at times unrelated to its frames', where a turn 15 ms late
        dropped a frame on a busy terminal; True while the next frame is still being decoded."""
        moving = super().animate(dt)
        if self._wanted and self.player is None and self.rect.width > 1 and self.rect.height > 1:
            self.player = VideoPlayer(self.path, self.picture_room(), self.clock, loop=self.loop,
                                      volume=self.volume, muted=self.muted())
        player = self.player
        if player is None:
            return moving
        if self.volume is not None and player.muted != self.muted():
            player.set_muted(not player.muted)
        if player.box != self.picture_room() and self.rect.width > 1:  # laid out again at another size
            self.play()
            return True
        now = self.clock.monotonic()
        frame = player.frame(now)
        drawn = None if frame is None else frame.at
        if drawn != self._drawn:
            if self._drawn is not None and frame is not None:
                self._invalidate_picture(frame.size)  # the picture alone changed (a 4K film: half the box)
            else:
                self.invalidate()
            self._drawn = drawn
        del frame
        caption = caption_at(self.captions, player.film_time(now)) if self.captions and player.started else ""
        if caption != self._caption:
            self._caption = caption
            self.invalidate()
        if player.failed:
            self.failed = player.failed
            self.stop()
            return moving
        if player.ended:
            self.stop()
            if self.on_end is not None:
                self.on_end()
            return moving
        due = player.next_due()
        root = self.root()
        if due is None or not isinstance(root, Root):
            return True  # the next frame is still being decoded: looked for at frame rate
        root.wake(due - EARLY_S / 2)  # the loop sleeps until the next frame is due, and shows it then
        return moving

    # --- drawing ----------------------------------------------------------------------------------
    def picture_room(self) -> tuple[int, int]:
        """The room the picture is fitted into: the box, less the captions' band when they have one."""
        return self.rect.width, max(1, self.rect.height - self.caption_band)

    def picture_rect(self, rect: pygame.Rect, size: tuple[int, int] | None) -> pygame.Rect:
        """Where the picture (of `size`, when there is one) goes in `rect`: centred, or, with a captions' band,
        centred together with the band under it."""
        size = size or self.picture_room()
        placed = pygame.Rect((0, 0), size)
        placed.center = rect.center
        if self.caption_band:
            placed.top = rect.top + (rect.height - size[1] - self.caption_band) // 2
        return placed

    def _invalidate_picture(self, size: tuple[int, int]) -> None:
        """Ask for the picture's area alone to be drawn again."""
        root = self.root()
        if isinstance(root, Root):
            root.damage(self.picture_rect(self.screen_rect(), size).clip(self.visible_rect()))

    def opaque_rect(self, rect: pygame.Rect) -> pygame.Rect | None:
        """The picture, while a frame of the film is shown (a frame has no transparent pixel)."""
        frame = self.player.current if self.player is not None else None
        return None if frame is None else self.picture_rect(rect, frame.size)

    def prepare(self, painter: Painter) -> None:
        """Ask for the poster now (it is made on the picture worker)."""
        self._poster(painter, self.picture_room())

    def _poster(self, painter: Painter, size: tuple[int, int]) -> pygame.Surface | None:
        if size[0] <= 1 or size[1] <= 1:
            return None
        if self.poster:
            return painter.images.get(self.poster, size, self)
        path = self.path
        return painter.images.make(f"{path}#poster", size, lambda: first_frame(path, size), self)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The frame shown (or the poster, with a play button when a tap plays it), then the caption."""
        if self.backdrop:
            painter.surface.fill(painter.theme.color(self.backdrop), rect.clip(painter.clip))
        player = self.player
        frame = player.current if player is not None else None
        if player is not None and frame is not None:
            picture = self.picture_rect(rect, frame.size)
            player.draw(painter.surface, picture.topleft)  # no copy of the frame in RGB: into the screen
        else:
            image = self._poster(painter, self.picture_room())
            picture = self.picture_rect(rect, None if image is None else image.get_size())
            if image is not None:
                painter.surface.blit(image, picture)
        if frame is None and self.on_tap is not None and not self._wanted:
            self._paint_play_button(painter, rect)
        if self._caption and frame is not None:
            if self.caption_band:
                self._paint_caption_band(painter, pygame.Rect(rect.x, picture.bottom, rect.width, self.caption_band))
            else:
                self._paint_caption(painter, picture)

    def _paint_play_button(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        radius = min(theme.size("touch_target"), min(rect.size) // 3)
        center = rect.center
        disc = pygame.Surface((2 * radius, 2 * radius), pygame.SRCALPHA)
        pygame.draw.circle(disc, (0, 0, 0, 150), (radius, radius), radius)
        painter.surface.blit(disc, (center[0] - radius, center[1] - radius))
        pygame.draw.circle(painter.surface, theme.color("on_primary"), center, radius, max(2, radius // 12))
        side = radius * 0.9
        points = [(center[0] - side * 0.4, center[1] - side * 0.55), (center[0] - side * 0.4, center[1] + side * 0.55),
                  (center[0] + side * 0.6, center[1])]
        pygame.draw.polygon(painter.surface, theme.color("on_primary"), points)

    def _paint_caption_band(self, painter: Painter, band: pygame.Rect) -> None:
        """The caption in its band under the picture: light words on the slide's dark ground, at most two
        lines, from the band's top."""
        theme = painter.theme
        size = caption_size(theme, band.width)
        pad = theme.size("gap") // 2
        lines: list[str] = []
        for part in self._caption.split("\n"):
            lines.extend(painter.text.wrap(part, size, band.width - 4 * pad, True, 2))
        step = painter.text.line_height(size, True)
        for index, line in enumerate(lines[:2]):
            image = painter.text.render(line, size, (255, 255, 255, 255), True)
            painter.surface.blit(image, image.get_rect(midtop=(band.centerx, band.top + pad + index * step)))

    def _paint_caption(self, painter: Painter, picture: pygame.Rect) -> None:
        """The caption near the picture's bottom edge, light on a dark band, one or two lines."""
        theme = painter.theme
        size = caption_size(theme, picture.width)
        pad = theme.size("gap") // 2
        lines: list[str] = []
        for part in self._caption.split("\n"):
            lines.extend(painter.text.wrap(part, size, picture.width - 4 * pad, True, 2))
        step = painter.text.line_height(size, True)
        height = step * len(lines) + 2 * pad
        band = pygame.Surface((picture.width, height), pygame.SRCALPHA)
        band.fill((0, 0, 0, 170))
        top = picture.bottom - height - math.ceil(picture.height * 0.04)
        painter.surface.blit(band, (picture.x, top))
        for index, line in enumerate(lines):
            image = painter.text.render(line, size, (255, 255, 255, 255), True)
            painter.surface.blit(image, image.get_rect(midtop=(picture.centerx, top + pad + index * step)))
