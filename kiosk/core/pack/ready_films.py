"""Films made kiosk-ready, once, in a process of their own: what a playing film's decoder keeps is cut down.

While a film plays, FFmpeg's decoder keeps the pictures it refers back to and those it reorders, at the
film's own size: a camera's 1080p H.264 film with B-frames keeps 5 of them (28 MB resident with its tables,
more than the frames shown and FFmpeg's libraries together), where a film with one reference picture and no
B-frames keeps 2, and at the terminal's 1080x608 those 2 take 8.6 MB (bench/video.py `parts`). So a film of
the pack whose decoder would keep much more than it must (`WORTH_BYTES`) gets a copy made for this kiosk:
H.264 with one reference picture and no B-frames (as the demo's own films are encoded), at the largest size
any of the kiosk's displays shows it (never larger than the film), its sound track as it is. The copy is
made after the import, by `python -m kiosk.core.pack.ready_films` (the Shop starts it, at a low priority,
one film after the other): a 10 s 1080p film takes about 14 s of one core at 1080p, 6 s at 1080x608. Until
its copy is made a film plays as it is; the pack is never changed.

A copy is named after its film's path, size in bytes, modification time and the size it is made at, so a
changed film, or a kiosk given a larger display, gets a new one; copies no film of the catalogue wants any
more are removed by the next run. Whether a copy is wanted is read from what the import probed
(`VideoInfo.decoder_pictures`), without loading PyAV.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.pack.video_probe import VideoInfo

log = logging.getLogger(__name__)
READY_PICTURES = 2  # what the decoder keeps of a film with one reference picture and no B-frames
UNKNOWN_PICTURES = 6  # a film probed by an older kiosk: as many as a camera's film may make it keep
WORTH_BYTES = 4_000_000  # a copy is made when it spares the decoder at least this (a re-encoding costs a little
# sharpness and minutes of a core: a 720p film with B-frames on the terminal spares 4.9 MB, a ready one 0.8)
ENCODER = "libx264"
ENCODER_OPTIONS = {"preset": "veryfast", "crf": "20", "profile": "high", "x264-params": "ref=1:bframes=0"}
NICENESS = 10  # the screens come first: on 2 cores a copy being made takes what they leave
SUFFIX = ".mp4"  # H.264 with the film's AAC or Opus sound track


def fitted(source: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest size with the source's shape that fits `box` (even numbers, as scalers like)."""
    scale = min(box[0] / source[0], box[1] / source[1])
    return max(2, round(source[0] * scale) // 2 * 2), max(2, round(source[1] * scale) // 2 * 2)


def _area(size: tuple[int, int]) -> int:
    return size[0] * size[1]


def ready_size(info: VideoInfo, screens: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The size a kiosk-ready copy of the film `info` describes is made at for a kiosk with `screens`: the
    largest any of them shows it, at most the film's own; None when the film plays as it is (a copy would
    spare its decoder less than WORTH_BYTES)."""
    source = (info.width, info.height)
    shown = [fitted(source, screen) for screen in screens]
    if not shown:
        return None
    size = max(shown, key=_area)
    if _area(size) >= _area(source):
        size = source
    kept = info.decoder_pictures or UNKNOWN_PICTURES
    spared = (kept * _area(source) - READY_PICTURES * _area(size)) * 3 // 2  # 4:2:0 pictures: 1.5 bytes a pixel
    return size if spared >= WORTH_BYTES else None


@dataclass(frozen=True)
class ReadyFilm:
    """A film of the pack (`source`) and where its kiosk-ready copy at `size` is, or will be, kept."""

    source: Path
    copy: Path
    size: tuple[int, int]

    @property
    def made(self) -> bool:
        """Whether the copy is there, ready to play."""
        return self.copy.is_file()


def ready_film(folder: Path, source: Path, info: VideoInfo, screens: Iterable[tuple[int, int]]) -> ReadyFilm | None:
    """The kiosk-ready copy (in `folder`) that the film at `source` wants, made or not; None when it plays as it
    is, or the file cannot be read."""
    size = ready_size(info, screens)
    if size is None:
        return None
    try:
        stat = source.stat()
    except OSError:
        return None
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{size[0]}x{size[1]}"
    name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return ReadyFilm(source, Path(folder) / f"{source.stem}-{name}{SUFFIX}", size)


def make_copy(film: ReadyFilm) -> None:
    """Re-encode `film.source` into its copy: H.264 at `film.size`, one reference picture, no B-frames, every
    picture at its own time, the first sound track as it is. Written beside, then renamed: a copy that is there
    is whole. Raises PyAV's and the system's errors (the film then plays as it is)."""
    import av

    part = film.copy.with_name(film.copy.stem + ".part" + SUFFIX)
    try:
        with av.open(str(film.source), metadata_errors="ignore") as source, av.open(str(part), "w") as copy:
            pictures = source.streams.video[0]
            pictures.thread_type = "AUTO"
            encoder = copy.add_stream(ENCODER, rate=pictures.average_rate or 30)
            assert isinstance(encoder, av.VideoStream)
            encoder.width, encoder.height = film.size
            encoder.pix_fmt = "yuv420p"
            encoder.time_base = pictures.time_base
            encoder.options = dict(ENCODER_OPTIONS)
            sound = source.streams.audio[0] if source.streams.audio else None
            sound_copy = copy.add_stream_from_template(sound) if sound is not None else None
            for packet in source.demux(*(stream for stream in (pictures, sound) if stream is not None)):
                if packet.stream is not pictures:
                    if packet.dts is not None and sound_copy is not None:  # (the demuxer's last packet has none)
                        packet.stream = sound_copy
                        copy.mux(packet)
                    continue
                for picture in pictures.decode(packet):
                    scaled = picture.reformat(width=film.size[0], height=film.size[1], format="yuv420p",
                                              interpolation="AREA")
                    scaled.pts, scaled.time_base = picture.pts, picture.time_base
                    copy.mux(encoder.encode(scaled))
            copy.mux(encoder.encode(None))
        os.replace(part, film.copy)
    finally:
        with contextlib.suppress(OSError):
            part.unlink()


def make_ready_films(films: list[ReadyFilm], folder: Path) -> list[Path]:
    """Make every copy of `films` not made yet (one after the other) and remove the copies in `folder` that no
    film wants; the copies made. A film that cannot be copied is said in the log and plays as it is."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {film.copy.name for film in films}
    for stale in folder.glob(f"*{SUFFIX}"):
        if stale.name not in wanted:
            with contextlib.suppress(OSError):
                stale.unlink()
    made: list[Path] = []
    for film in films:
        if film.made:
            continue
        import av

        try:
            make_copy(film)
        except (av.FFmpegError, OSError, ValueError, IndexError) as error:
            log.warning("film %s: no kiosk-ready copy (%s); it plays as it is", film.source.name, error)
            continue
        log.info("film %s: kiosk-ready copy made at %dx%d", film.source.name, *film.size)
        made.append(film.copy)
    return made


def wanted_films(pack: Path, database: Path, folder: Path, screens: list[tuple[int, int]]) -> list[ReadyFilm]:
    """The copies the films of the catalogue `database` (imported from `pack`) want on a kiosk with `screens`."""
    from kiosk.core.catalog.build import stored_films

    wanted = []
    for name, checked in sorted(stored_films(database).items()):
        film = ready_film(folder, pack / name, checked.info, screens) if checked.info is not None else None
        if film is not None:
            wanted.append(film)
    return wanted


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    """Command line (started by the Shop): make the copies the catalogue's films want."""
    parser = argparse.ArgumentParser(description="Make the pack's films kiosk-ready.")
    parser.add_argument("pack", type=Path)
    parser.add_argument("database", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("screens", type=_size, nargs="+", help="each display's size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    make_ready_films(wanted_films(args.pack, args.database, args.folder, args.screens), args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
