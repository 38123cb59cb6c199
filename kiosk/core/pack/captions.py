"""Captions of a pack's video, from a WebVTT file (`film.vtt`, or one per language: `film.fr.vtt`).

Only what a kiosk shows is kept: each cue's start, end and text (tags such as <i> or <v Anna> taken
out, entities such as &amp; read). Cue settings (position, alignment), NOTE, STYLE and REGION blocks
are skipped: the kiosk places captions itself, under the picture.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

TIMESTAMP = re.compile(r"^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
TAG = re.compile(r"<[^>]*>")
MAX_BYTES = 256 << 10  # captions of a short film are a few kilobytes


class CaptionsProblem(ValueError):
    """A WebVTT file that cannot be read; says the line."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__(f"line {line}: {why}")
        self.line = line
        self.why = why


@dataclass(frozen=True)
class Cue:
    """One caption: shown from `start` to `end` (seconds into the film)."""

    start: float
    end: float
    text: str


def _seconds(stamp: str, line: int) -> float:
    match = TIMESTAMP.match(stamp)
    if match is None:
        raise CaptionsProblem(line, f"{stamp!r} is not a time like 00:01.500")
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_webvtt(text: str) -> list[Cue]:
    """The cues of a WebVTT document, in time order; CaptionsProblem when it is not one."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not (lines[0] == "WEBVTT" or lines[0].startswith(("WEBVTT ", "WEBVTT\t"))):
        raise CaptionsProblem(1, "a WebVTT file starts with WEBVTT")
    cues: list[Cue] = []
    index = 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        timing = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        if timing is None:
            if block[0].startswith(("NOTE", "STYLE", "REGION")):
                continue
            raise CaptionsProblem(block_start + 1, "a cue needs a timing line like 00:01.000 --> 00:03.000")
        line = block_start + timing + 1
        start_text, _, rest = block[timing].partition("-->")
        end_text = rest.split()[0] if rest.split() else ""
        start, end = _seconds(start_text.strip(), line), _seconds(end_text, line)
        if end <= start:
            raise CaptionsProblem(line, "a cue ends after it starts")
        words = "\n".join(html.unescape(TAG.sub("", part)).strip() for part in block[timing + 1:])
        if words.strip():
            cues.append(Cue(start, end, words.strip()))
    return sorted(cues, key=lambda cue: cue.start)


def read_captions(path: Path) -> list[Cue]:
    """The cues of a WebVTT file; CaptionsProblem (or OSError) when it cannot be read."""
    if path.stat().st_size > MAX_BYTES:
        raise CaptionsProblem(1, f"larger than {MAX_BYTES >> 10} KB")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise CaptionsProblem(1, f"not UTF-8 ({error.reason})") from error
    return parse_webvtt(text)


def caption_at(cues: list[Cue], seconds: float) -> str:
    """The text shown `seconds` into the film (cues that overlap, one per line); empty between cues."""
    last = bisect_right([cue.start for cue in cues], seconds)
    return "\n".join(cue.text for cue in cues[:last] if cue.end > seconds)


def captions_for(video: Path, language: str, fallback: str = "") -> Path | None:
    """The captions file of `video` in `language` (`film.LANG.vtt`), else in `fallback`, else `film.vtt`."""
    for name in (f"{video.stem}.{language}.vtt", f"{video.stem}.{fallback}.vtt" if fallback else "",
                 f"{video.stem}.vtt"):
        if name and (video.parent / name).is_file():
            return video.parent / name
    return None
