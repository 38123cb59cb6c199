"""Picture files made byte by byte, in every layout a pack's author may hand us (no library decides
for us what a grey or 16-bit PNG looks like)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

# PNG colour types: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(path: Path, width: int, height: int, colour_type: int = 0, depth: int = 8,
              claimed: tuple[int, int] | None = None) -> Path:
    """A PNG of `width` x `height` (a gradient); `claimed` writes other dimensions in its header."""
    samples = CHANNELS[colour_type]
    row_bytes = width * samples * depth // 8
    rows = b"".join(b"\0" + bytes((x * 7 + y * 3) % 256 for x in range(row_bytes)) for y in range(height))
    header_size = claimed or (width, height)
    ihdr = struct.pack(">IIBBBBB", *header_size, depth, colour_type, 0, 0, 0)
    body = _chunk(b"IHDR", ihdr)
    if colour_type == 3:
        body += _chunk(b"PLTE", bytes(v for i in range(256) for v in (i, 255 - i, i // 2)))
    body += _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def write_cmyk_jpeg_header(path: Path, width: int = 100, height: int = 100) -> Path:
    """The start of a CMYK JPEG (SOI, APP14 Adobe, SOF0 with 4 components): enough for a header reader."""
    adobe = b"Adobe" + bytes([0, 100, 0, 0, 0, 0, 2])
    sof = struct.pack(">BHHB", 8, height, width, 4) + b"".join(bytes([i, 0x11, 0]) for i in range(1, 5))
    path.write_bytes(b"\xff\xd8" + b"\xff\xee" + struct.pack(">H", len(adobe) + 2) + adobe
                     + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9")
    return path


def write_webp(path: Path, width: int, height: int, kind: str = "lossy") -> Path:
    """A WebP picture made by Pillow's libwebp: `lossy` (VP8), `lossless` (VP8L), `alpha` (extended, VP8X)
    or `animated` (two frames)."""
    from PIL import Image

    mode = "RGBA" if kind == "alpha" else "RGB"
    picture = Image.new(mode, (width, height), (200, 40, 40, 120))
    if kind == "animated":
        picture.save(path, "WEBP", save_all=True, append_images=[Image.new(mode, (width, height), (10, 90, 200))],
                     duration=100)
    else:
        picture.save(path, "WEBP", lossless=kind == "lossless", quality=80)
    return path
