"""Screenshots encoded as PNG a strip of rows at a time, so encoding one holds a strip, not the screen.

pygame's own PNG writer (pygame-ce 2.5.8) makes the whole picture's rows first: 6.2 MB more for a
1080x1920 screen and 24 MB for a 3840x2160 one while it encodes, and glibc keeps the next ones in
its heap afterwards (the first, freed, raises the size below which glibc stops giving memory
back). Here a strip of `STRIP_ROWS` rows is read as RGB and compressed before the next one: a
screenshot through the automation socket (encoded on the loop, from the display itself) raised the
memory by 0.1 MB at 1080x1920 and 1.2 MB at 3840x2160, against 13.9 and 55.4 MB for a copy written by
pygame, in 60% of its CPU time (`python -m bench.screenshots`). pypng would do the same for 0.4 MB of
its own code held for good; what a screenshot needs of the format (8-bit RGB, no interlace, rows
unfiltered: a screen's flat colours compress about as well as with libpng's filters) is the few lines
below.
"""

from __future__ import annotations

import struct
import zlib
from typing import BinaryIO

import pygame

STRIP_ROWS = 32  # 0.3 MB of RGB at 3840 px across
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COMPRESSION = 6  # zlib's default: level 1 is twice as fast for files a third larger


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: its length, kind, data and the CRC of kind and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_png(picture: pygame.Surface, out: BinaryIO) -> None:
    """Write `picture` (any pixel format; transparency is dropped) to `out` as a PNG file."""
    width, height = picture.get_size()
    out.write(_SIGNATURE)
    out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))  # 8-bit RGB
    packer = zlib.compressobj(_COMPRESSION)
    row_bytes = 3 * width
    for top in range(0, height, STRIP_ROWS):
        rows = min(STRIP_ROWS, height - top)
        pixels = pygame.image.tobytes(picture.subsurface((0, top, width, rows)), "RGB")
        strip = bytearray((row_bytes + 1) * rows)  # each row after its filter byte, 0: unfiltered
        for row in range(rows):
            start = row * (row_bytes + 1) + 1
            strip[start:start + row_bytes] = pixels[row * row_bytes:(row + 1) * row_bytes]
        packed = packer.compress(strip)
        if packed:
            out.write(_chunk(b"IDAT", packed))
    out.write(_chunk(b"IDAT", packer.flush()))
    out.write(_chunk(b"IEND", b""))
