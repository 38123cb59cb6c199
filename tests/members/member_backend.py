"""A real HTTP backend on loopback for members' accounts and store events: `POST` and `GET
/members/{id}/lists` (what a member saved, given back newest first) and `POST /events/{id}/signups`,
each write idempotent by its Idempotency-Key as the contract asks."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class MemberBackend(ThreadingHTTPServer):
    """Members' lists and event sign-ups, kept in memory; every request's method and path is recorded."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), MemberHandler)
        self.lists: dict[str, list[dict[str, Any]]] = {}  # member id -> lists, oldest first
        self.signups: dict[str, list[dict[str, Any]]] = {}  # event id -> sign-ups
        self.keys: set[str] = set()
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        """The base URL the kiosk is configured with."""
        return f"http://127.0.0.1:{self.server_port}/v1"

    def stop(self) -> None:
        """Close the port."""
        self.shutdown()
        self.server_close()


class MemberHandler(BaseHTTPRequestHandler):
    server: MemberBackend

    def _parts(self) -> list[str]:
        return [urllib.parse.unquote(part) for part in self.path.split("/")[2:]]  # after /v1

    def do_GET(self) -> None:
        parts = self._parts()
        with self.server.lock:
            self.server.requests.append(("GET", self.path))
            if len(parts) == 3 and parts[0] == "members" and parts[2] == "lists":
                saved = [{"id": item["id"], "kind": item["kind"], "skus": item["skus"], "saved_at": item["saved_at"]}
                         for item in reversed(self.server.lists.get(parts[1], []))]
                self._answer(200, {"lists": saved})
                return
        self._answer(404, {"error": "unknown"})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        key = self.headers.get("Idempotency-Key", "")
        parts = self._parts()
        with self.server.lock:
            self.server.requests.append(("POST", self.path))
            if not key or key != body.get("id") or len(parts) != 3:
                self._answer(400, {"error": "an id as Idempotency-Key"})
                return
            if key not in self.server.keys:
                self.server.keys.add(key)
                if parts[0] == "members" and parts[2] == "lists":
                    self.server.lists.setdefault(parts[1], []).append(body)
                elif parts[0] == "events" and parts[2] == "signups":
                    self.server.signups.setdefault(parts[1], []).append(body)
                else:
                    self._answer(404, {"error": "unknown"})
                    return
        self._answer(201, {"id": key})

    def _answer(self, code: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        """Quiet."""
