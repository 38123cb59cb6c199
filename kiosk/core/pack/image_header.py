"""What a picture file is, read from its first bytes only: format, size and colour layout.

A content pack's pictures are checked with this at import (a 20000x20000 PNG is 5 MB on disk and
1.6 GB once decoded), and again before a picture is decoded at run time, so nothing oversized or
unreadable is ever decoded on a kiosk.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_PIXELS = 4096 * 4096  # 64 MB once decoded; a 4K shop window shows a picture at 2160 px at most
SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class ImageHeader:
    """A picture's format ("png", "jpeg", "webp"), size in pixels, and colour channels (JPEG: 1 grey, 3, 4 CMYK)."""

    format: str
    width: int
    height: int
    channels: int = 0


class ImageProblem(ValueError):
    """A picture the kiosk will not show, and why (in words for the pack's author)."""


def read_header(path: Path) -> ImageHeader:
    """The header of a PNG, JPEG or WebP file; ImageProblem for anything else or a damaged file."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(32)
            if start.startswith(b"\x89PNG\r\n\x1a\n") and start[12:16] == b"IHDR":
                width, height = struct.unpack(">II", start[16:24])
                return ImageHeader("png", width, height)
            if start.startswith(b"\xff\xd8"):
                handle.seek(2)
                return _jpeg_header(handle)
            if start[:4] == b"RIFF" and start[8:12] == b"WEBP":
                return _webp_header(start[12:])
    except OSError as error:
        raise ImageProblem(f"cannot be read: {error.strerror or error}") from None
    raise ImageProblem("is not a PNG, JPEG or WebP picture")


def _webp_header(chunk: bytes) -> ImageHeader:
    """The size of a WebP picture from its first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X)."""
    kind, body = chunk[:4], chunk[8:]
    if kind == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", body[6:10])
        return ImageHeader("webp", width & 0x3FFF, height & 0x3FFF)
    if kind == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
        bits = int.from_bytes(body[1:5], "little")
        return ImageHeader("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if kind == b"VP8X" and len(body) >= 10:
        if body[0] & 0x02:  # the animation flag: a moving picture is a video's job
            raise ImageProblem("is an animated WebP (give a still picture, or a video)")
        width = int.from_bytes(body[4:7], "little") + 1
        height = int.from_bytes(body[7:10], "little") + 1
        return ImageHeader("webp", width, height)
    raise ImageProblem("is a damaged WebP (no frame header)")


def _jpeg_header(handle: object) -> ImageHeader:
    read = handle.read  # type: ignore[attr-defined]
    for _ in range(10_000):  # markers before the frame header: a real file has a few dozen at most
        byte = read(1)
        while byte == b"\xff":
            byte = read(1)
        if not byte:
            break
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue
        length_bytes = read(2)
        if len(length_bytes) < 2:
            break
        length = struct.unpack(">H", length_bytes)[0]
        if marker in SOF_MARKERS:
            body = read(6)
            if len(body) < 6:
                break
            _, height, width, channels = struct.unpack(">BHHB", body)
            return ImageHeader("jpeg", width, height, channels)
        handle.seek(length - 2, 1)  # type: ignore[attr-defined]
        if marker == 0xDA:  # image data before any frame header: damaged
            break
    raise ImageProblem("is a damaged JPEG (no frame header)")


def check_picture(path: Path, max_pixels: int = MAX_PIXELS) -> ImageHeader:
    """The header of a picture the kiosk can show; ImageProblem saying why not otherwise."""
    header = read_header(path)
    if header.width <= 0 or header.height <= 0:
        raise ImageProblem(f"has no pixels ({header.width}x{header.height})")
    if header.width * header.height > max_pixels:
        raise ImageProblem(f"is {header.width}x{header.height} pixels; at most {max_pixels // 1_000_000} million "
                           f"are shown (scale it down, e.g. to 2000 px on its longest side)")
    if header.format == "jpeg" and header.channels == 4:
        raise ImageProblem("is a CMYK JPEG (a printer's colours); save it as RGB")
    return header
