"""Serve the phone page (kiosk/shipped/web/) from the kiosk itself, for a one-store setup. Off unless configured.

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
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("phone page: " + format, *args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "script-src 'unsafe-inline'; img-src data:")
        super().end_headers()


class ShareServer:
    """A small HTTP server for the phone page, in its own thread."""

    def __init__(self, address: str, folder: Path) -> None:
        host, _, port = address.rpartition(":")
        handler = functools.partial(_QuietHandler, directory=str(folder))
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
