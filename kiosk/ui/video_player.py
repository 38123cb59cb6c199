"""A video file played by its timestamps: decoded and scaled in a worker thread, shown by the loop.

The worker decodes with PyAV (FFmpeg) and scales each picture once to the size shown, keeping it YUV
4:2:0 (film_scaler.py), and hands it over through a queue; the frame shown stays YUV too, and is turned
into the screen's pixels where it is drawn, band by band (frames dropped unseen are never turned). What a
playing film holds is counted in frames at the size shown, YUV, 1.5 bytes a pixel (6 MB at the 3840x2160
window's 2686x1510): the one shown and those waiting to be shown, as many as fit in
`AHEAD_BYTES` (three at the terminal's 1080x608, one on the 4K window), so that a moment when others
take the machine does not make the worker late (with one waiting, a loaded terminal dropped two to four
times as many frames: bench/video.py). The worker waits for room *before* it decodes the next picture,
so that it never holds a finished frame while it waits, nor a decoded picture (each one held makes
FFmpeg's decoder keep one more 1080p picture, 3 MB); a frame's room is given back once it is shown
or dropped, so that FFmpeg's pools of frames stay that small. Scaling stays on the worker even where the
frame shown grows by it (a 1080p film on the 4K window): scaled on the loop as it was taken, it held one
frame less (6 MB) but made the loop's turn 5 ms of CPU longer (12 ms against 7), and the worker, which may
make the next frame only once the loop has taken the one waiting, fell behind the clock (25.8 frames a
second on an idle machine, 333 dropped a minute). The loop asks
`frame(now)` on every turn and gets the newest frame that is due by the injected clock; frames whose
time has passed are dropped (counted), so a slow machine shows fewer frames, never a slower film. The
worker drops them too, before scaling, once it is behind the clock (but scales one in BEHIND_SHOW_EVERY
even then: a machine too busy to keep up shows a film that jumps, not one that stands still).

On a manual clock (tests, the pilot) time stands still while the worker decodes, as on an infinitely
fast machine: `frame(now)` waits for the frames due by `now`, so a test sees the same frames every run.

A file that cannot be opened or decoded (corrupt, truncated, a codec FFmpeg lacks) ends the play
with `failed` set to a line for staff (logged once); the widget then shows its poster. Nothing
raises to the loop.

With `volume` (a display whose config enables sound), the film's sound track plays too: the worker
decodes it between frames and the loop hands it to the mixer as the picture's time comes (film_sound.py).
`muted` (the shopper's choice, `set_muted`) plays it at no volume, still in time, so that turning the
sound on is heard at once and where the picture is.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from kiosk.core.hours.clock import Clock, ManualClock
from kiosk.core.pack.ready_films import fitted
from kiosk.ui.film_scaler import FilmScaler
from kiosk.ui.film_sound import AHEAD_S, FilmSound, open_mixer

if TYPE_CHECKING:
    import av  # imported where a film is played: FFmpeg's libraries are 21 MB resident

log = logging.getLogger(__name__)
AHEAD_BYTES = 5_000_000  # frames waiting to be shown, as many as fit in this (YUV), at least one...
AHEAD_MOST = 3  # ...and at most this many
EARLY_S = 0.004  # a frame due this soon is shown now: clocks and frame times are floats, a tick is 16 ms
IDLE_GIVE_UP_S = 30.0  # a worker whose frames nobody takes for this long (its widget was dropped) stops
BEHIND_SHOW_EVERY = 10  # a worker behind the clock still scales one frame in this many: a slow film, not a still
WAIT_AT_MOST_S = 10.0  # on a manual clock: how long frame() waits for the worker (a hung decoder)


@dataclass(frozen=True)
class Frame:
    """One decoded frame, scaled, in YUV: `at` is its time in the film (seconds, loops added up)."""

    at: float
    picture: av.VideoFrame = field(repr=False)
    scaler: FilmScaler = field(repr=False)

    @property
    def size(self) -> tuple[int, int]:
        """Its size in pixels (the size shown)."""
        return self.scaler.size

    def draw(self, surface: pygame.Surface, topleft: tuple[int, int]) -> None:
        """Draw it on `surface` at `topleft` (the rows inside the surface's clip)."""
        self.scaler.draw(self.picture, surface, topleft)

    def image(self) -> pygame.Surface:
        """It on a surface of its own (tests; the screen never needs one)."""
        return self.scaler.image(self.picture)


@dataclass(frozen=True)
class _Scaled:
    """A picture at the size shown, in YUV, waiting in the queue: `at` as in `Frame`."""

    at: float
    picture: av.VideoFrame = field(repr=False)


_END = object()  # the worker's last item: the film ended, failed or was stopped


def pictures(container: av.container.InputContainer, stream: av.VideoStream) -> Iterator[av.VideoFrame]:
    """The stream's decoded pictures, as `container.decode` gives them but held by nothing here once
    handed out (PyAV's own keeps each packet's list of pictures, and so the picture, until the next)."""
    for packet in container.demux(stream):
        decoded = packet.decode()
        decoded.reverse()
        while decoded:
            yield decoded.pop()  # no name here holds it while the worker scales it and waits


def pictures_length(container: av.container.InputContainer, stream: av.VideoStream) -> float | None:
    """How long the stream's pictures last, read from its last packets (a look at the file's last two
    seconds, then back to its start); None when the file does not say."""
    import av

    if not container.duration or stream.time_base is None:
        return None
    start = stream.start_time or 0
    end: int | None = None
    try:
        container.seek(max(0, container.duration - 2 * av.time_base))
        for packet in container.demux(stream):
            if packet.pts is not None:
                end = max(end or 0, packet.pts + (packet.duration or 0))
    finally:
        container.seek(0)
    return None if end is None else float((end - start) * stream.time_base)


class VideoPlayer:
    """Plays one file fitted into `box`; `frame(now)` on the loop, everything slow on the worker."""

    def __init__(self, path: Path | str, box: tuple[int, int], clock: Clock, *, loop: bool = False,
                 volume: float | None = None, muted: bool = False) -> None:
        self.path = Path(path)
        self.box = box
        self.clock = clock
        self.loop = loop
        self.size: tuple[int, int] | None = None  # the size frames are scaled to, once the file is open
        self.shown = 0  # frames handed to the screen
        self.dropped = 0  # frames that came too late to be shown: those the worker dropped and those the loop did
        self.dropped_by_worker = 0  # decoded after their time (the decoder fell behind), never scaled
        self.loops = 0  # times the film started again (loop)
        self.ended = False
        self.failed = ""  # why the file could not be played, for staff
        self.duration = 0.0
        self._frames: queue.Queue[_Scaled | object] = queue.Queue()
        self.ahead = 1  # frames that may wait to be shown, once the size is known (AHEAD_BYTES)
        self._waiting = 0  # frames the worker made that the loop has not shown or dropped yet
        self._scaler: FilmScaler | None = None  # set by the worker before its first frame
        self._next: _Scaled | None = None  # taken from the queue, not due yet
        self._current: Frame | None = None
        self._anchor: float | None = None  # the clock's time at which the film's time 0 is shown
        self._last_read = False  # the worker's end was read: the film ends when its last frame's time is up
        self._waits = isinstance(clock, ManualClock)
        self._stop = threading.Event()
        self._room = threading.Event()  # the loop let go of a frame: the worker may decode the next one
        self._lock = threading.Lock()  # guards `dropped`, `loops` and `_waiting`, which both threads count
        self._period: float | None = None  # how long one pass of the film lasts, once known (loops)
        self.sound = "muted"  # or "on", "none" (the film has no sound track), "unavailable" (no audio output)
        self.muted = muted  # the shopper's choice, on a display with sound
        self._volume = volume or 0.0
        self._sound: FilmSound | None = None
        self._sound_passes = 0  # times the sound track started again (loops), on the worker
        if volume is not None:  # the mixer opens here, on the loop, the first time a film with sound plays
            mixer_format = open_mixer()
            self.sound = "unavailable" if mixer_format is None else "muted" if muted else "on"
            if mixer_format is not None:
                self._sound = FilmSound(str(self.path), mixer_format, 0.0 if muted else volume)
        self._worker = threading.Thread(target=self._decode, name=f"video {self.path.name}", daemon=True)
        self._worker.start()

    # --- the loop's side ------------------------------------------------------------------------
    def frame(self, now: float) -> Frame | None:
        """The frame to show at `now`: the newest one due (those it replaces, unseen, are dropped);
        None until the first frame is decoded. The film's clock starts when its first frame is shown."""
        due: _Scaled | None = None  # the newest frame due so far
        counted = False  # whether its room is still counted among the frames waiting
        while not self._last_read:
            if self._next is None:
                if self._waits and counted:  # the worker must make the next one to tell whether it is due too
                    self._let_go()
                    counted = False
                try:
                    item = self._frames.get(timeout=WAIT_AT_MOST_S) if self._waits else self._frames.get_nowait()
                except queue.Empty:
                    break
                if item is _END:
                    self._last_read = True
                    break
                assert isinstance(item, _Scaled)
                self._next = item
            if self._anchor is None:
                self._anchor = now - self._next.at
            if self._anchor + self._next.at > now + EARLY_S:
                break
            if due is not None:
                with self._lock:
                    self.dropped += 1
                if counted:
                    self._let_go()
            due, counted, self._next = self._next, True, None
        if due is not None:
            self._show(due)
            del due  # held by the frame shown now; the one shown before went back to the worker's pool
            if counted:
                self._let_go()
        sound = self._sound
        if sound is not None and self._anchor is not None and not self._stop.is_set():
            sound.feed(now - self._anchor)
        if self._last_read and (self._anchor is None or now + EARLY_S >= self._anchor + self.duration):
            self.ended = True
        return self._current

    def _show(self, due: _Scaled) -> None:
        """Make `due` the frame shown (the one shown before goes back to the worker's pool)."""
        assert self._scaler is not None
        self._current = Frame(due.at, due.picture, self._scaler)
        self.shown += 1

    def draw(self, surface: pygame.Surface, topleft: tuple[int, int]) -> None:
        """Draw the frame shown on `surface` at `topleft` (within its clip); a frame that cannot be drawn
        ends the film with a line for staff (the widget shows its poster again on its next turn)."""
        import av

        frame = self._current
        if frame is None:
            return
        try:
            frame.draw(surface, topleft)
        except (av.FFmpegError, ValueError) as error:
            self.failed = f"video {self.path.name} cannot be played: {error}"
            log.warning("%s", self.failed)
            self.ended = True

    def _let_go(self) -> None:
        """A frame was shown or dropped: the worker may make another."""
        with self._lock:
            self._waiting -= 1
        self._room.set()

    @property
    def current(self) -> Frame | None:
        """The frame shown last (None before the first)."""
        return self._current

    @property
    def started(self) -> bool:
        """Whether the first frame was shown."""
        return self._anchor is not None

    @property
    def held(self) -> int:
        """Frames waiting to be shown (at most `ahead`: those queued and the next one taken)."""
        return self._waiting

    @property
    def heard(self) -> tuple[tuple[float, float, float], ...]:
        """The latest pieces of the film's sound handed to the audio output, each as the picture's film time
        then and the film time the piece runs from and to; none when the film plays muted."""
        return tuple(self._sound.heard) if self._sound is not None else ()

    def set_muted(self, muted: bool) -> None:
        """Mute the film's sound, or play it again at the display's volume (on the loop)."""
        self.muted = muted
        sound = self._sound
        if self.sound in ("muted", "on") and sound is not None:
            self.sound = "muted" if muted else "on"
            sound.set_volume(0.0 if muted else self._volume)

    def film_time(self, now: float) -> float:
        """Where the film is at `now` (seconds, loops added up); 0 before it starts."""
        return 0.0 if self._anchor is None else now - self._anchor

    def next_due(self) -> float | None:
        """The clock time the next frame is due, when it is decoded already."""
        if self._anchor is None or self._next is None:
            return None
        return self._anchor + self._next.at

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until the worker has decoded as far ahead as it may, or ended (tests, screenshots)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._worker.is_alive() and not self._queue_full():
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop decoding and let go of the frames (the worker ends within a frame's time)."""
        self._stop.set()
        self._room.set()
        if self._sound is not None:
            self._sound.stop()
        self._next = self._current = None
        try:
            while True:
                self._frames.get_nowait()
        except queue.Empty:
            pass

    # --- the worker's side ----------------------------------------------------------------------
    def _late(self, at: float, interval: float) -> bool:
        """Whether a frame at film time `at` is already past its time by more than a frame."""
        anchor = self._anchor
        return anchor is not None and anchor + at + interval < self.clock.monotonic()

    def _queue_full(self) -> bool:
        return self._waiting >= self.ahead

    def _wait_for_room(self) -> bool:
        """Wait (decoding sound meanwhile) until the queue has room; False when stopped or abandoned."""
        step = 0.02 if self._sound is not None else 0.05
        give_up = time.monotonic() + IDLE_GIVE_UP_S
        while not self._stop.is_set():
            self._decode_sound()
            self._room.clear()
            if not self._queue_full():
                return True
            if time.monotonic() >= give_up:
                log.debug("video %s: nobody watches, decoding stops", self.path.name)
                return False
            self._room.wait(step)
        return False

    def _put(self, item: Frame | object) -> bool:
        """Hand an item to the loop, once there is room for it; False when stopped or abandoned."""
        if not self._wait_for_room():
            return False
        self._frames.put_nowait(item)  # the worker alone puts: the room it waited for is still there
        return True

    def _decode(self) -> None:
        import av

        try:
            self._play_file()
        except (av.FFmpegError, OSError, ValueError, IndexError, StopIteration, pygame.error) as error:
            self.failed = f"video {self.path.name} cannot be played: {getattr(error, 'strerror', None) or error}"
            log.warning("%s", self.failed)
        finally:
            self._put(_END)
            if self._sound is not None:
                self._sound.close()

    def _decode_sound(self) -> None:
        """Decode the sound track (on the worker) to AHEAD_S past the picture's time; a film that loops
        starts its sound's next pass once the length of a pass is known."""
        sound = self._sound
        if sound is None:
            return
        anchor = self._anchor
        target = (0.0 if anchor is None else self.clock.monotonic() - anchor) + AHEAD_S
        sound.decode_until(target)
        while sound.ended and self.loop and self._period is not None and not self._stop.is_set():
            self._sound_passes += 1
            sound.restart(self._sound_passes * self._period)
            sound.decode_until(target)
            if sound.ended:  # a sound track with nothing in it
                break

    def _play_file(self) -> None:
        import av

        with av.open(str(self.path), metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            context = stream.codec_context
            if context is None:  # no decoder for the codec the file names (the import probed it; the file changed)
                raise ValueError("no decoder for its codec")
            # one decoding thread: FFmpeg's frame threads each hold a set of pictures (5 MB more with two at
            # 1080p; two slice threads cost as much CPU as one), and one decodes a 1080p30 film in a third of a core
            stream.thread_count = 1
            self.size = fitted((context.width, context.height), self.box)
            self.ahead = max(1, min(AHEAD_MOST, AHEAD_BYTES * 2 // (self.size[0] * self.size[1] * 3)))
            if stream.duration and stream.time_base:  # the header's length (MP4): sound and pictures loop on it
                self._period = float(stream.duration * stream.time_base)
            if self._sound is not None and not self._sound.open():
                self._sound = None
                self.sound = "none"
            if self._period is None and self._sound is not None:
                # WebM gives no length for its pictures: the sound's next pass needs it before the pictures'
                # first pass ends (the whole file's length counts the sound's padding: a gap at each loop)
                self._period = pictures_length(container, stream)
            rate = float(stream.average_rate or 30)
            interval = 1 / rate
            offset, last = 0.0, 0.0
            first: float | None = None
            skipped = 0  # late frames dropped in a row
            scaler = self._scaler = FilmScaler(self.size)
            while not self._stop.is_set():
                for decoded in pictures(container, stream):
                    if self._stop.is_set():
                        return
                    at = decoded.time if decoded.time is not None else last + interval
                    if first is None:
                        first = at
                    last = at
                    at = offset + at - first
                    if self._late(at, interval) and skipped < BEHIND_SHOW_EVERY - 1:
                        skipped += 1
                        with self._lock:
                            self.dropped += 1
                            self.dropped_by_worker += 1
                        continue
                    skipped = 0
                    self._decode_sound()
                    picture = scaler.scale(decoded)
                    del decoded  # back to the decoder's pool before waiting (see the module's docstring)
                    with self._lock:
                        self._waiting += 1
                    self._frames.put_nowait(_Scaled(at, picture))
                    del picture  # the queue holds it now; the worker holds nothing while it waits
                    if not self._wait_for_room():  # before the next picture is decoded
                        return
                if first is None:
                    raise ValueError("no frame could be decoded")
                if self._period is None:
                    self._period = last - first + interval
                self.duration = offset + self._period
                if not self.loop:
                    return
                container.seek(0)
                offset = self.duration
                with self._lock:
                    self.loops += 1
