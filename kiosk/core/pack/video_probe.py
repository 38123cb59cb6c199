"""What a pack's video file is, and whether a kiosk will play it: container, codec, size and length.

Read with PyAV (FFmpeg's demuxers): the header gives the codec, the picture's size and the length;
every packet is then read (not decoded: a few milliseconds for a short film) so that a file cut
short is told from a whole one, and the first frame is decoded so that a file whose header is fine
but whose pictures are not is caught before a shopper sees it. `--check` and the pack import call
`check_video`; its problems are worded for the pack's author. An import takes again what the previous
one probed of a film whose size and modification time have not changed (catalog/build.py), so a pack
whose films stay the same is imported without loading PyAV (FFmpeg's libraries, 21 MB resident).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

CODECS = {"h264": "H.264", "vp9": "VP9"}  # what every kiosk decodes in software at 1080p30
CONTAINERS = {".mp4": "MP4", ".m4v": "MP4", ".webm": "WebM"}
MAX_WIDTH, MAX_HEIGHT = 3840, 2160  # either way round: a portrait 2160x3840 film is fine
MAX_SECONDS = 600.0  # an attract film of ten minutes; a product film is under a minute
MAX_BYTES = 200 << 20
CUT_SHORT_S = 0.5  # packets ending this much before the length the header gives: the file is truncated


class VideoProblem(ValueError):
    """A video file the kiosk will not play, and why (in words for the pack's author)."""


@dataclass(frozen=True)
class VideoInfo:
    """A playable video file: codec (FFmpeg's name), picture size, length in seconds, frame rate."""

    codec: str
    width: int
    height: int
    seconds: float
    fps: float
    audio: bool
    container: str = ""  # "MP4" or "WebM", from the file's name (set by check_video)
    decoder_pictures: int = 0  # pictures FFmpeg's decoder keeps while it plays (0: probed by an older kiosk)

    def describe(self) -> str:
        """"H.264 1280x720, 6.0 s, 30 fps": for --check and staff."""
        codec = CODECS.get(self.codec, self.codec)
        return f"{codec} {self.width}x{self.height}, {self.seconds:.1f} s, {self.fps:g} fps"

    def listing(self) -> str:
        """"MP4, H.264 1280x720, 6.0 s, 30 fps, with sound": what --check says of a good film."""
        return f"{self.container}, {self.describe()}, {'with sound' if self.audio else 'silent'}"


@dataclass(frozen=True)
class FilmChecked:
    """One film of a pack as the import found it: its path in the pack, and what it is, or why the kiosk
    will not play it (`info` None). `--check` lists them all, the good ones too."""

    name: str
    info: VideoInfo | None
    problem: str = ""
    size: int = 0  # the file as it was probed: a later import takes `info` again while these match
    mtime_ns: int = 0

    def line(self, folder: Path | None = None) -> str:
        """"videos/trail.mp4: MP4, H.264 1280x720, 6.0 s, 30 fps, with sound: OK", or "...: refused: " and
        why; the path under `folder` when given."""
        name = folder / self.name if folder is not None else self.name
        if self.info is None:
            return f"{name}: refused: {self.problem}"
        return f"{name}: {self.info.listing()}: OK"


def probe_video(path: Path) -> VideoInfo:
    """Read `path`'s header and packets; VideoProblem if it is no video FFmpeg can read."""
    import av  # FFmpeg's libraries (21 MB resident) load with the first film, not with the kiosk

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.video:
                raise VideoProblem("has no video stream")
            stream = container.streams.video[0]
            context = stream.codec_context
            base = stream.time_base or Fraction(1, 1000)
            length = float(container.duration / av.time_base) if container.duration else 0.0
            start = stream.start_time or 0
            end = start
            first = b""
            for packet in container.demux(stream):
                if not first and packet.size:
                    first = bytes(packet)
                if packet.pts is not None and packet.duration is not None:
                    end = max(end, packet.pts + packet.duration)
                elif packet.pts is not None:
                    end = max(end, packet.pts)
            played = float((end - start) * base)
            if length and played < length - CUT_SHORT_S:
                raise VideoProblem(f"is cut short: its pictures stop at {played:.1f} s of {length:.1f} s")
            container.seek(0)
            if next(container.decode(stream), None) is None:
                raise VideoProblem("has no picture that can be decoded")
            return VideoInfo(context.name, context.width, context.height, length or played,
                             float(stream.average_rate or 0), bool(container.streams.audio),
                             decoder_pictures=decoder_pictures(context.name, bool(context.has_b_frames), first))
    except av.FFmpegError as error:
        raise VideoProblem(f"cannot be read as a video ({error.strerror or error})") from error
    except StopIteration as error:  # a decoder that gives up inside a generator
        raise VideoProblem("has no picture that can be decoded") from error


def decoder_pictures(codec: str, b_frames: bool, first_packet: bytes) -> int:
    """How many pictures FFmpeg's decoder (one thread) keeps while it plays a film: for H.264, one more than
    the reference pictures its encoder used, and 5 at least with B-frames (x264 writes its settings into the
    first picture, "ref=1 ... bframes=0"); 6 when they are not known (measured with ref 5; cameras use 1-4);
    4 for VP9 (bench/video.py `parts`: 1920x1080 with ref 1/2/5 and no B-frames kept 2/3/6, with B-frames
    5/5/6; a 720x720 VP9 film 4)."""
    if codec != "h264":
        return 4
    settings = dict(re.findall(rb" (ref|bframes)=(\d+)", first_packet)) if b"x264 - core" in first_packet else {}
    if b"ref" not in settings:
        return 6
    kept = int(settings[b"ref"]) + 1
    return max(kept, 5) if b_frames or int(settings.get(b"bframes", b"0")) else kept


def check_video(path: Path, probed: VideoInfo | None = None) -> VideoInfo:
    """Probe `path` (unless `probed` says what it is: an earlier import's probe of the same file) and hold
    it against the kiosk's limits; VideoProblem naming the first one it breaks."""
    kind = CONTAINERS.get(path.suffix.lower())
    if kind is None:
        raise VideoProblem(f"is not an MP4 or WebM file ({', '.join(CONTAINERS)})")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise VideoProblem(f"is {size / (1 << 20):.0f} MB; at most {MAX_BYTES >> 20} MB")
    info = probed or probe_video(path)
    if info.codec not in CODECS:
        raise VideoProblem(f"is coded in {info.codec}; the kiosk plays {' and '.join(CODECS.values())}")
    if max(info.width, info.height) > MAX_WIDTH or min(info.width, info.height) > MAX_HEIGHT:
        raise VideoProblem(f"is {info.width}x{info.height}; at most {MAX_WIDTH}x{MAX_HEIGHT}")
    if info.seconds > MAX_SECONDS:
        raise VideoProblem(f"lasts {info.seconds:.0f} s; at most {MAX_SECONDS:.0f} s")
    if info.seconds <= 0:
        raise VideoProblem("has no length")
    return replace(info, container=kind)
