"""A configured backend's short link replaces the long one in the QR code; a dead backend changes nothing."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config


class Backend(ThreadingHTTPServer):
    """A real HTTP server on loopback answering POST /shares."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ShareHandler)
        self.requests: list[tuple[str, dict[str, Any], str]] = []
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()


class ShareHandler(BaseHTTPRequestHandler):
    server: Backend

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body, self.headers.get("Authorization", "")))
        answer = json.dumps({"url": f"http://127.0.0.1:{self.server.server_port}/s/k7"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: Any) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def backend() -> Iterator[Backend]:
    server = Backend()
    yield server
    server.shutdown()
    server.server_close()


def backend_pilot(folder: Path, base_url: str) -> Pilot:
    text = DEFAULT_CONFIG.read_text().replace('# base_url = "https://backend.sentier.example/kiosk/v1"',
                                              f'base_url = "{base_url}"\ntoken = "s3cret"\ntimeout_s = 1')
    pilot = Pilot(load_config(write_config(folder, text)))
    pilot.start_devices()
    return pilot


def shown_url_after(pilot: Pilot, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pilot.app.step(block=False)
        if "/s/" in pilot.details()["url"]:
            break
        time.sleep(0.05)
    return str(pilot.details()["url"])


def test_the_qr_code_carries_the_backends_short_link(tmp_path: Path, backend: Backend) -> None:
    pilot = backend_pilot(tmp_path, f"http://127.0.0.1:{backend.server_port}/kiosk/v1")
    try:
        pilot.scan("2001000001019")
        pilot.tap("Envoyer sur mon téléphone")
        long_url = pilot.details()["url"]
        assert "#1." in long_url  # shown at once, before the backend answers
        assert shown_url_after(pilot, 5) == f"http://127.0.0.1:{backend.server_port}/s/k7"
        [(path, body, authorization)] = backend.requests
        assert path == "/kiosk/v1/shares" and body == {"url": long_url} and authorization == "Bearer s3cret"
        assert pilot.details()["qr_version"] < 5
    finally:
        pilot.close()


@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_a_dead_backend_leaves_the_long_link(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pilot = backend_pilot(tmp_path, f"http://127.0.0.1:{port}/kiosk/v1")
    try:
        pilot.scan("2001000001019")
        pilot.tap("Envoyer sur mon téléphone")
        assert "#1." in shown_url_after(pilot, 2)
        assert pilot.details()["devices"]["backend"] is False
    finally:
        pilot.close()
