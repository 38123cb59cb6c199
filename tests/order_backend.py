"""A real HTTP backend on loopback for orders and reviews: idempotent like the contract asks, and able to misbehave.

Modes: "ok" (201 with the order), "error" (500), "slow" (answers after `slow_s`), "garbage" (200 with
a body that is not the order). Every POST is recorded; `orders` keeps each Idempotency-Key once.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class OrderBackend(ThreadingHTTPServer):
    """POST /orders and /reviews, with exactly-once semantics by Idempotency-Key."""

    daemon_threads = True

    def __init__(self, port: int = 0, payment_links: bool = False) -> None:
        super().__init__(("127.0.0.1", port), OrderHandler)
        self.mode = "ok"
        self.slow_s = 3.0
        self.payment_links = payment_links
        self.posts: list[tuple[str, dict[str, Any]]] = []  # (key, body) of every POST that arrived
        self.orders: dict[str, dict[str, Any]] = {}  # key -> body, once each, in arrival order
        self.reviews: dict[str, dict[str, Any]] = {}  # the same for POST /reviews
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        """The base URL the kiosk is configured with."""
        return f"http://127.0.0.1:{self.server_port}/v1"

    def stop(self) -> None:
        """Close the port: connections are refused from now on."""
        self.shutdown()
        self.server_close()


class OrderHandler(BaseHTTPRequestHandler):
    server: OrderBackend

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        key = self.headers.get("Idempotency-Key", "")
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.slow_s)
        if mode == "error":
            self._answer(500, b'{"error": "database unavailable"}')
            return
        if mode == "garbage":
            self._answer(200, b"<html>maintenance</html>")
            return
        kind = self.path.rsplit("/", 1)[-1]
        if kind not in ("orders", "reviews") or not key or key != body.get("id"):
            self._answer(400, b'{"error": "an order or a review, its id as Idempotency-Key"}')
            return
        with self.server.lock:
            self.server.posts.append((key, body))
            getattr(self.server, kind).setdefault(key, body)
        answer: dict[str, Any] = {"id": key, "status": "received"}
        if self.server.payment_links and kind == "orders":
            answer["payment_url"] = f"https://pay.example/{key}"
        self._answer(201, json.dumps(answer).encode())

    def _answer(self, code: int, body: bytes) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (its timeout)

    def log_message(self, *args: Any) -> None:
        """Keep the test output quiet."""
