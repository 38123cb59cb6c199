"""Cut a scanner's byte stream into scans: by terminator, or by a pause when it sends none."""

from __future__ import annotations

TERMINATORS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t", "NONE": b""}
MAX_SCAN = 4096  # bytes: longer means garbage on the line
PARTIAL_TIMEOUT_S = 0.3  # a scanner sends a whole code in a few ms: bytes older than this with no
# terminator are a partial read, noise or an unplug in mid-scan, and must not swallow the next scan


class Framer:
    """Feeds on bytes, gives whole scans (as text, prefix and suffix removed)."""

    def __init__(self, terminator: str = "CR", prefix: str = "", suffix: str = "", gap_s: float = 0.05) -> None:
        if terminator.upper() not in TERMINATORS:
            raise ValueError(f"terminator must be one of {', '.join(TERMINATORS)}")
        self.terminator = TERMINATORS[terminator.upper()]
        self.prefix, self.suffix = prefix, suffix
        self.gap_s = gap_s
        self._buffer = bytearray()
        self._last = 0.0
        self.dropped = 0  # partial scans thrown away

    def reset(self) -> None:
        """Start afresh (the port was opened again): nothing of an earlier connection is kept."""
        self._buffer.clear()

    def _drop_stale(self, now: float) -> None:
        if self._buffer and self.terminator and now - self._last > PARTIAL_TIMEOUT_S:
            self._buffer.clear()
            self.dropped += 1

    def feed(self, data: bytes, now: float) -> list[str]:
        """Add bytes received at `now`; returns the scans they complete."""
        scans: list[str] = []
        self._drop_stale(now)
        if self._buffer and not self.terminator and now - self._last > self.gap_s:
            scans += self._flush()
        self._last = now
        self._buffer += data
        if self.terminator:
            while True:
                end = self._buffer.find(self.terminator)
                if end < 0:
                    break
                piece = bytes(self._buffer[:end])
                del self._buffer[:end + len(self.terminator)]
                scans += self._finish(piece)
            if self.terminator == b"\r":  # a scanner set to CR+LF still works with CR
                scans = [s.lstrip("\n") for s in scans]
                if self._buffer.startswith(b"\n"):
                    del self._buffer[:1]
        if len(self._buffer) > MAX_SCAN:
            self._buffer.clear()
        return [s for s in scans if s]

    def idle(self, now: float) -> list[str]:
        """Time passed without bytes: with no terminator, a pause ends a scan; with one, a partial scan
        left waiting is dropped."""
        self._drop_stale(now)
        if self._buffer and not self.terminator and now - self._last > self.gap_s:
            return self._flush()
        return []

    def _flush(self) -> list[str]:
        piece = bytes(self._buffer)
        self._buffer.clear()
        return self._finish(piece)

    def _finish(self, piece: bytes) -> list[str]:
        text = piece.decode("utf-8", errors="replace").strip("\r\n")
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix):]
        if self.suffix and text.endswith(self.suffix):
            text = text[:-len(self.suffix)]
        return [text] if text else []
