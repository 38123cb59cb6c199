"""Encoding drawn films with PyAV: the one encode loop of the content tools (make_videos.py,
make_customer_media.py), the tests' films (tests/videos.py) and the bench's (bench/video.py).

    encode(path, pictures, size=(1280, 720), fps=30, codec="h264", sound=chord((220.0, 277.2, 329.6), 6.0))

`pictures` yields pygame surfaces of `size`, one a frame; `sound`, when given, is the film's sound
track as a function of time (seconds -> a sample between -1 and 1, or a (left, right) pair), made by
our own code: no recorded sound. It is encoded as AAC in MP4 and Opus in WebM, 48 kHz stereo,
interleaved with the pictures as a camera's file is.
"""

from __future__ import annotations

import math
import os
from array import array
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import av
import pygame

Tone = Callable[[float], float | tuple[float, float]]  # seconds -> a sample (-1..1), mono or (left, right)
# codec name -> (FFmpeg encoder, its options): small files that still look clean on a 4K window. H.264 films
# are kiosk-ready: one reference picture and no B-frames, so that FFmpeg's decoder keeps two pictures while
# one plays instead of five (a 1080p film: 15 MB instead of 28; bench/video.py `parts`)
ENCODERS: dict[str, tuple[str, dict[str, str]]] = {
    "h264": ("libx264", {"crf": "26", "preset": "veryfast", "profile": "high", "x264-params": "ref=1:bframes=0"}),
    "vp9": ("libvpx-vp9", {"crf": "36", "b": "0", "deadline": "good", "cpu-used": "5", "row-mt": "1"}),
}
SOUND_ENCODERS = {".mp4": "aac", ".m4v": "aac", ".webm": "libopus"}  # what each container carries
SOUND_RATE = 48_000  # Opus's only rate; AAC's usual one
SOUND_BITRATE = 96_000


def encode(path: Path, pictures: Iterable[pygame.Surface], *, size: tuple[int, int], fps: int = 30,
           codec: str = "h264", options: dict[str, str] | None = None, sound: Tone | None = None) -> Path:
    """Encode `pictures` into `path` (MP4 or WebM by its suffix), `fps` a second, with `sound` as its
    sound track (none: a silent film, with no audio stream at all)."""
    encoder, defaults = ENCODERS[codec]
    with av.open(str(path), "w") as container:
        stream = container.add_stream(encoder, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.options = {**defaults, **(options or {})}
        track = None
        if sound is not None:
            track = container.add_stream(SOUND_ENCODERS[path.suffix.lower()], rate=SOUND_RATE, layout="stereo")
            track.bit_rate = SOUND_BITRATE
        written = 0  # sound samples encoded so far
        for number, picture in enumerate(pictures):
            frame = av.VideoFrame(size[0], size[1], "rgb24")
            plane = frame.planes[0]
            plane.update(pygame.image.tobytes(picture, "RGB", pitch=plane.line_size))
            frame.pts = number
            for packet in stream.encode(frame):
                container.mux(packet)
            if track is not None and sound is not None:  # the sound up to the end of this picture
                until = round((number + 1) * SOUND_RATE / fps)
                for packet in track.encode(sound_frame(sound, written, until)):
                    container.mux(packet)
                written = until
        for packet in stream.encode():
            container.mux(packet)
        if track is not None:
            for packet in track.encode():
                container.mux(packet)
    return path


def sound_frame(sound: Tone, first: int, end: int) -> av.AudioFrame:
    """Samples `first` to `end` of `sound` as one 16-bit stereo frame at SOUND_RATE."""
    samples = array("h")
    for index in range(first, end):
        value = sound(index / SOUND_RATE)
        left, right = value if isinstance(value, tuple) else (value, value)
        samples.append(round(max(-1.0, min(1.0, left)) * 32767))
        samples.append(round(max(-1.0, min(1.0, right)) * 32767))
    frame = av.AudioFrame(format="s16", layout="stereo", samples=end - first)
    frame.planes[0].update(samples.tobytes())
    frame.sample_rate = SOUND_RATE
    frame.time_base = Fraction(1, SOUND_RATE)
    frame.pts = first
    return frame


def drawn(draw: Callable[[pygame.Surface, int], None], size: tuple[int, int], frames: int) -> Iterable[pygame.Surface]:
    """The pictures `draw` paints, frame by frame, on one surface of `size` (reused: encode reads each
    before the next is drawn)."""
    surface = pygame.Surface(size)
    for number in range(frames):
        draw(surface, number)
        yield surface


# --- sound tracks made of tones -------------------------------------------------------------------------
def envelope(t: float, seconds: float, fade: float = 0.4) -> float:
    """0 at the film's start and end, 1 between: a film that loops starts and ends without a click."""
    return max(0.0, min(1.0, t / fade, (seconds - t) / fade))


def chord(frequencies: tuple[float, ...], seconds: float, *, volume: float = 0.35, swell: float = 0.0,
          pulse: float = 0.0) -> Tone:
    """A chord of sine tones (Hz), a little apart in each ear, faded in and out over `seconds`; `swell`
    breathes its loudness once over the film, `pulse` beats it this many times a second."""
    share = volume / len(frequencies)

    def sample(t: float) -> tuple[float, float]:
        level = share * envelope(t, seconds)
        level *= 1 - swell * 0.5 * (1 - math.sin(math.pi * t / seconds))
        if pulse:
            level *= 0.75 + 0.25 * math.cos(2 * math.pi * pulse * t)
        left = sum(math.sin(2 * math.pi * f * t) for f in frequencies)
        right = sum(math.sin(2 * math.pi * f * 1.003 * t) for f in frequencies)
        return left * level, right * level

    return sample


def clicks(rate: float, seconds: float, *, pitch: float = 2_400.0, volume: float = 0.25) -> Tone:
    """Short clicks `rate` times a second (a freewheel's pawls, footsteps at a low pitch), each dying
    away in a few milliseconds."""

    def sample(t: float) -> float:
        since = (t * rate) % 1 / rate  # seconds since the last click
        decay = math.exp(-since * 900 * 2_400 / pitch)  # a low click rings longer
        return volume * envelope(t, seconds) * decay * math.sin(2 * math.pi * pitch * t)

    return sample


def mixed(*tones: Tone) -> Tone:
    """Tones played together."""

    def sample(t: float) -> tuple[float, float]:
        left = right = 0.0
        for tone in tones:
            value = tone(t)
            a, b = value if isinstance(value, tuple) else (value, value)
            left, right = left + a, right + b
        return left, right

    return sample
