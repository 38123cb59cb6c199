"""The automation socket: JSON lines on a local UNIX socket (mode 0600), one request, one reply.

Off unless `--automation SOCKET` is given. Each connection has its own thread; requests are carried
out on the main loop, in order, and answered once they took effect and the next frame was drawn.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import queue
import socketserver
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.automation.client import request as request  # the client, where the tests have long imported it
from kiosk.core.json_input import parse_json_object
from kiosk.core.messages import AutomationRequest, Message

log = logging.getLogger(__name__)
REPLY_TIMEOUT_S = 30.0
MAX_LINE = 1 << 20


class AutomationServer:
    """Listens on a UNIX socket and posts each request to the main loop."""

    def __init__(self, path: Path, post: Callable[[Message], None]) -> None:
        self.path = Path(path)
        self.post = post
        with contextlib.suppress(FileNotFoundError):
            if self.path.is_socket():
                self.path.unlink()
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                outer._serve(self.rfile, self.wfile)

        old_umask = os.umask(0o177)  # the socket is created 0600: only this user may drive the kiosk
        try:
            self.server = socketserver.ThreadingUnixStreamServer(str(self.path), Handler)
        finally:
            os.umask(old_umask)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.1,), name="automation", daemon=True)

    def start(self) -> None:
        """Start accepting connections."""
        self.thread.start()
        log.info("automation socket listening on %s", self.path)

    def _serve(self, rfile: io.BufferedIOBase, wfile: io.BufferedIOBase) -> None:
        """One connection: each line is one request with exactly one reply. A line over MAX_LINE is
        refused whole and the connection closed (its tail must never run as a request of its own)."""
        while True:
            line = rfile.readline(MAX_LINE + 1)
            if not line:
                return
            if len(line) > MAX_LINE:
                self._send(wfile, {"ok": False, "error": f"a request is one line of at most {MAX_LINE} bytes; "
                                                         "this connection is closed"})
                return
            if not line.strip():
                continue
            try:
                request = parse_json_object(line)
            except ValueError as error:
                reply: dict[str, Any] = {"ok": False, "error": str(error)}
            else:
                answers: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=1)
                self.post(AutomationRequest(request, answers.put))
                try:
                    reply = answers.get(timeout=REPLY_TIMEOUT_S)
                except queue.Empty:
                    reply = {"ok": False, "error": "the kiosk did not answer in time"}
            if not self._send(wfile, reply):
                return

    @staticmethod
    def _send(wfile: io.BufferedIOBase, reply: dict[str, Any]) -> bool:
        try:
            wfile.write(json.dumps(reply, ensure_ascii=False).encode() + b"\n")
            wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return False
        return True

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self.server.shutdown()
        self.server.server_close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
