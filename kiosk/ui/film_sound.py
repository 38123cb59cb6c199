"""A film's sound, for a display whose config enables it: decoded beside the pictures, played through
the terminal's audio output (pygame's mixer), in time with the picture by the injected clock.

The mixer is opened the first time a display with sound plays a film (`open_mixer`), never at start: a
kiosk without sound never loads SDL_mixer and its codecs (see kiosk/__init__.py). A machine without a
working audio output (no sound card; SDL_AUDIODRIVER naming a driver that cannot open) leaves one line
for staff in the log, and its films play muted; nothing is raised.

The film's worker (video_player.py) decodes the sound track from a second reading of the file, so
that a file whose sound lies a second after its pictures never holds the pictures up, resamples it to
the mixer's format (PyAV's AudioResampler) and keeps about `AHEAD_S` of it in `CHUNK_S` pieces. The loop
hands pieces to the film's own mixer channel (one playing, one queued) as the picture's time comes:
    - nothing playing (the start, or the loop was held up): the sound starts where the picture is, the
      part whose time has passed is dropped, as late frames are;
    - playing: the next piece follows on, unless the picture is more than `LATE_S` past it (the output
      plays slower than the clock runs: it is cut to the picture's time) or the sound is ahead of the
      picture by more than `LEAD_S` (it waits).
So the sound follows the clock the pictures follow: on the real clock they play together; on the
pilot's manual clock the sound never runs ahead of the picture nor plays what is past.
"""

from __future__ import annotations

import collections
import importlib
import logging
import sys
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    import av

log = logging.getLogger(__name__)
FREQUENCY = 48_000  # what films carry (AAC, Opus); the mixer asks the device for it
BUFFER = 1024  # samples the device takes at a time: 21 ms, the latency of what is heard
CHUNK_S = 0.1  # the pieces handed to the mixer
AHEAD_S = 0.6  # sound decoded ahead of the picture's time
LEAD_S = 0.15  # the sound may run this far ahead of the picture (what the mixer holds) before it waits
LATE_S = 0.08  # and this far behind it before it skips (sound late by less is not noticed: ITU-R BT.1359)
FORMATS = {-16: "s16", 16: "s16", 8: "u8", 32: "flt", -32: "s32"}  # the mixer's sample size -> PyAV's format


@dataclass(frozen=True)
class MixerFormat:
    """What the mixer plays: samples a second, PyAV's sample format, channels."""

    frequency: int
    sample_format: str
    channels: int

    @property
    def bytes_per_frame(self) -> int:
        """Bytes of one sample on every channel."""
        return {"u8": 1, "s16": 2, "flt": 4, "s32": 4}[self.sample_format] * self.channels


_opened: MixerFormat | None = None
_tried = False
_failure = ""  # why the audio output did not open
WAITING = "opens with the first film"  # the detail staff see before a film with sound has played
_mixer_lock = threading.Lock()


def mixer_module() -> ModuleType:
    """pygame's mixer, loaded now (kiosk/__init__.py keeps it out until sound is wanted)."""
    for name in ("pygame.mixer", "pygame.mixer_music"):
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]
    return importlib.import_module("pygame.mixer")


def open_mixer() -> MixerFormat | None:
    """The mixer's format, opening the audio output the first time; None (said once, for staff) when the
    machine has no audio output that opens: films then play muted."""
    global _opened, _tried, _failure
    with _mixer_lock:
        if _tried:
            return _opened
        _tried = True
        try:
            mixer = mixer_module()
            mixer.init(frequency=FREQUENCY, size=-16, channels=2, buffer=BUFFER)
            init = mixer.get_init()
            if not init:
                raise pygame.error("the mixer did not start")
            frequency, size, channels = init
            if size not in FORMATS or channels not in (1, 2):
                mixer.quit()
                raise pygame.error(f"the audio output wants samples of {size} bits on {channels} channels")
        except (ImportError, OSError, pygame.error) as error:
            log.warning("no sound: the audio output cannot be opened (%s); films play muted", error)
            _failure = str(error) or type(error).__name__
            return None
        _opened = MixerFormat(frequency, FORMATS[size], channels)
        log.info("audio output opened: %d Hz, %s, %d channels", frequency, FORMATS[size], channels)
        return _opened


def mixer_status() -> tuple[bool, str]:
    """The audio output as staff see it among the devices: (opened, what it plays), (False, why not), or
    (True, WAITING) before a film with sound has played."""
    if not _tried:
        return True, WAITING
    if _opened is None:
        return False, _failure
    return True, f"{_opened.frequency} Hz, {_opened.channels} channels"


@dataclass(frozen=True)
class Piece:
    """A piece of the sound track in the mixer's format, `at` seconds into the film (loops added up)."""

    at: float
    pcm: bytes
    seconds: float


class FilmSound:
    """One film's sound: filled by its worker (`decode_until`), played by the loop (`feed`)."""

    def __init__(self, path: str, mixer_format: MixerFormat, volume: float = 1.0) -> None:
        self.path = path
        self.format = mixer_format
        self.volume = volume
        # the latest pieces handed to the mixer: (the picture's time then, the piece's from, to), film times
        self.heard: collections.deque[tuple[float, float, float]] = collections.deque(maxlen=256)
        self._pieces: collections.deque[Piece] = collections.deque()
        self._lock = threading.Lock()
        self._channel: Any = None  # the film's mixer channel, taken when the first piece plays
        self._until = 0.0  # film time up to which sound was handed to the mixer
        self._container: av.container.InputContainer | None = None
        self._stream: Any = None
        self._decoded = iter(())  # the audio frames of the current pass
        self._resampler: av.AudioResampler | None = None
        self._offset = 0.0  # film time at the start of this pass (loops added up)
        self._first: float | None = None  # the sound's first timestamp in the file
        self._pending = bytearray()  # resampled sound not yet cut into a piece
        self._pending_at = 0.0
        self.ended = False  # the sound track of this pass is all decoded
        self.failed = ""

    # --- the worker's side ----------------------------------------------------------------------
    def open(self) -> bool:
        """Open the file's sound track (on the worker); False when it has none or cannot be read."""
        import av

        try:
            self._container = av.open(self.path, metadata_errors="ignore")
            if not self._container.streams.audio:
                self._container.close()
                self._container = None
                return False
            self._stream = self._container.streams.audio[0]
            self._stream.thread_count = 1
            layout = "stereo" if self.format.channels == 2 else "mono"
            self._resampler = av.AudioResampler(format=self.format.sample_format, layout=layout,
                                                rate=self.format.frequency)
            self._decoded = self._container.decode(self._stream)
            return True
        except (av.FFmpegError, OSError, ValueError) as error:
            self.failed = f"the sound of {self.path} cannot be played: {getattr(error, 'strerror', None) or error}"
            log.warning("%s; the film plays muted", self.failed)
            self.close()
            return False

    def buffered_until(self) -> float:
        """Film time up to which sound is decoded."""
        with self._lock:
            return self._pieces[-1].at + self._pieces[-1].seconds if self._pieces else self._until

    def decode_until(self, film_time: float) -> None:
        """Decode (on the worker) until the sound reaches `film_time`, or this pass of the film ends."""
        import av

        if self._container is None or self.ended:
            return
        try:
            while self.buffered_until() < film_time and not self.ended:
                frame = next(self._decoded, None)
                if frame is None:
                    self._cut(final=True)
                    self.ended = True
                    return
                assert self._resampler is not None
                if self._first is None:
                    self._first = frame.time or 0.0
                if not self._pending:
                    self._pending_at = self._offset + (frame.time or 0.0) - self._first if frame.time is not None \
                        else self._pending_at
                for out in self._resampler.resample(frame):
                    self._pending += bytes(out.planes[0])[:out.samples * self.format.bytes_per_frame]
                self._cut()
        except (av.FFmpegError, ValueError) as error:  # a damaged sound track ends the sound, not the film
            log.warning("the sound of %s stops: %s", self.path, getattr(error, "strerror", None) or error)
            self.ended = True

    def _cut(self, final: bool = False) -> None:
        """Pieces of CHUNK_S from what is decoded (the rest too when `final`)."""
        size = round(CHUNK_S * self.format.frequency) * self.format.bytes_per_frame
        while len(self._pending) >= size or (final and self._pending):
            pcm = bytes(self._pending[:size])
            del self._pending[:size]
            seconds = len(pcm) / self.format.bytes_per_frame / self.format.frequency
            with self._lock:
                self._pieces.append(Piece(self._pending_at, pcm, seconds))
            self._pending_at += seconds

    def restart(self, offset: float) -> None:
        """The film starts again (it loops): the sound's next pass begins at film time `offset`."""
        if self._container is None:
            return
        import av

        self._cut(final=True)
        # read from a new opening of the file rather than seeking to its start: after a seek, FFmpeg's Opus
        # decoder (WebM) gives nothing for the first packet, and each pass after the first began 14 ms late
        self._container.close()
        try:
            self._container = av.open(self.path, metadata_errors="ignore")
        except (av.FFmpegError, OSError) as error:
            log.warning("the sound of %s stops: %s", self.path, getattr(error, "strerror", None) or error)
            self._container = None
            self.ended = True
            return
        self._stream = self._container.streams.audio[0]
        self._stream.thread_count = 1
        self._decoded = self._container.decode(self._stream)
        self._offset = self._pending_at = offset
        self._first = None
        self.ended = False

    def close(self) -> None:
        """Let go of the file (on the worker, when the film ends or is stopped)."""
        if self._container is not None:
            self._container.close()
            self._container = None

    # --- the loop's side ------------------------------------------------------------------------
    def feed(self, film_now: float) -> None:
        """Hand the mixer the sound due at the picture's time `film_now` (see the module's docstring)."""
        channel = self._channel
        busy = channel is not None and channel.get_busy()
        if busy and (channel.get_queue() is not None or self._until - film_now > LEAD_S):
            return
        start = self._until if busy and film_now - self._until <= LATE_S else film_now
        piece = self._take(start)
        if piece is None or (piece.at > start + 0.02 and piece.at > film_now):
            if piece is not None:
                self._give_back(piece)  # its time has not come (the sound track starts later, or a gap)
            return
        mixer = mixer_module()
        if channel is None:
            channel = self._channel = mixer.find_channel(True)
            channel.set_volume(self.volume)
        sound = mixer.Sound(buffer=piece.pcm)
        if busy:
            channel.queue(sound)
        else:
            channel.play(sound)
        self._until = piece.at + piece.seconds
        self.heard.append((film_now, piece.at, self._until))

    def _take(self, start: float) -> Piece | None:
        """The next piece, what lies before `start` dropped (cut at a sample); never an empty one (SDL_mixer
        crashes on a sound of no samples)."""
        frame_bytes = self.format.bytes_per_frame
        while True:
            with self._lock:
                if not self._pieces:
                    return None
                piece = self._pieces.popleft()
            late = start - piece.at
            if late <= 0:
                return piece
            skip = round(late * self.format.frequency) * frame_bytes
            if skip < len(piece.pcm):
                skipped = skip / frame_bytes / self.format.frequency
                return Piece(piece.at + skipped, piece.pcm[skip:], piece.seconds - skipped)

    def _give_back(self, piece: Piece) -> None:
        with self._lock:
            self._pieces.appendleft(piece)

    def set_volume(self, volume: float) -> None:
        """Play at `volume` (0-1) from now on (on the loop): 0 while the shopper keeps the film muted."""
        self.volume = volume
        if self._channel is not None:
            self._channel.set_volume(volume)

    def stop(self) -> None:
        """Silence now (on the loop): the film was stopped or ended."""
        if self._channel is not None:
            self._channel.stop()
            self._channel = None
        with self._lock:
            self._pieces.clear()
