"""A small client for a kiosk's automation socket, for scripts and tests outside the kiosk's process:

    from kiosk.automation import request
    request("/tmp/kiosk.sock", {"cmd": "tap", "label": "Compare"})  # {"ok": True, ...}
"""

from __future__ import annotations

import json
import os
import socket
from typing import Any


def request(path: str | os.PathLike[str], message: dict[str, Any], timeout: float = 30.0) -> dict[str, Any]:
    """Send one request to the kiosk listening on `path` and return its reply (`{"ok": ...}`)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(os.fspath(path))
        client.sendall(json.dumps(message).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = client.recv(65536)
            if not chunk:
                raise ConnectionError(f"the kiosk at {os.fspath(path)} closed the connection without a reply")
            data += chunk
    reply: dict[str, Any] = json.loads(data)
    return reply
