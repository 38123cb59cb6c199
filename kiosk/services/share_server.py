"""Serve the phone page (kiosk/shipped/web/) from the kiosk itself, for a one-store setup. Off unless configured.

The products' pictures are served beside it (`images/...`, from the content pack), as a static host
does with the page exported by `content/tools/export_phone_page.py`.

Only the files of that folder are served, read-only; the comparison is in the link's #fragment, which
browsers never send, so this server never sees what was shared.
"""

from __future__ import annotations

import functools
import logging
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class _QuietHandler(SimpleHTTPRequestHandler):
    pictures: Path | None = None  # the content pack's folder: its images/ are served beside the page

    def translate_path(self, path: str) -> str:
        """/images/... from the content pack (only there, only files), everything else from the page's folder."""
        if self.pictures is not None and path.split("?", 1)[0].startswith("/images/"):
            found = Path(super().translate_path(path)).relative_to(Path(self.directory).resolve())
            target = (self.pictures / found).resolve()
            if target.is_relative_to(self.pictures.resolve() / "images") and target.is_file():
                return str(target)
            return str(Path(self.directory) / "missing")
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("phone page: " + format, *args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "script-src 'unsafe-inline'; img-src 'self' data:")
        super().end_headers()


class ShareServer:
    """A small HTTP server for the phone page, in its own thread."""

    def __init__(self, address: str, folder: Path, pictures: Path | None = None) -> None:
        host, _, port = address.rpartition(":")
        handler_class = type("PhonePageHandler", (_QuietHandler,), {"pictures": pictures})
        handler = functools.partial(handler_class, directory=str(folder))
        self.server = ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.1,), name="phone page", daemon=True)

    @property
    def port(self) -> int:
        """The port it listens on (useful with port 0)."""
        return int(self.server.server_address[1])

    def start(self) -> None:
        """Start serving."""
        self.thread.start()
        log.info("serving the phone page on port %d", self.port)

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()
