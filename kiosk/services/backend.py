"""The store's backend over HTTP (optional): one base URL and a bearer token. See docs/backend-openapi.yaml.

Calls are made off the main thread; their results come back as messages. A backend that is slow,
down or answers garbage never blocks the screen: the kiosk carries on without it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import requests

from kiosk.core.messages import DeviceStatusChanged, Message, ShortLinkReady

log = logging.getLogger(__name__)


class BackendClient:
    """Requests to the backend, each in a short-lived thread."""

    available = True

    def __init__(self, base_url: str, token: str, timeout_s: float, post: Callable[[Message], None]) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.post = post
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def shorten(self, url: str) -> None:
        """Ask for a short link to `url`; a ShortLinkReady message follows if the backend gives one."""
        threading.Thread(target=self._shorten, args=(url,), name="short link", daemon=True).start()

    def _shorten(self, url: str) -> None:
        answer = self._post("/shares", {"url": url})
        short = answer.get("url") if answer else None
        if isinstance(short, str) and short.startswith(("https://", "http://")) and len(short) < len(url):
            self.post(ShortLinkReady(url, short))

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        try:
            response = self.session.post(self.base_url + path, json=body, timeout=self.timeout_s)
            response.raise_for_status()
            data = response.json()
        except (requests.RequestException, ValueError) as error:
            self.post(DeviceStatusChanged("backend", False, f"{path}: {type(error).__name__}"))
            return None
        self.post(DeviceStatusChanged("backend", True, ""))
        return data if isinstance(data, dict) else None
