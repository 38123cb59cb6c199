"""The store's backend over HTTP (optional): one base URL and a bearer token. See docs/backend-openapi.yaml.

Calls are made off the main thread; their results come back as messages. A backend that is slow,
down or answers garbage never blocks the screen: the kiosk carries on without it.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from collections.abc import Callable
from typing import Any

import requests

from kiosk.core.messages import DeviceStatusChanged, MemberListsReady, Message, ShortLinkReady
from kiosk.core.shopper.saved_lists import read_saved_lists

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

    def member_lists(self, loyalty_id: str, ticket: str) -> None:
        """Ask for the lists a member saved; MemberListsReady follows when the backend answers with some."""
        threading.Thread(target=self._member_lists, args=(loyalty_id, ticket), name="member lists",
                         daemon=True).start()

    def _member_lists(self, loyalty_id: str, ticket: str) -> None:
        path = f"/members/{urllib.parse.quote(loyalty_id, safe='')}/lists"
        answer = self._call("GET", path, None, "/members/{id}/lists")  # the id is personal: never said
        lists = read_saved_lists(answer)
        if lists:
            self.post(MemberListsReady(ticket, lists))

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        return self._call("POST", path, body, path)

    def _call(self, method: str, path: str, body: dict[str, Any] | None, said: str) -> dict[str, Any] | None:
        """One request; `said` is how the path is told to staff (without personal data)."""
        try:
            response = self.session.request(method, self.base_url + path, json=body, timeout=self.timeout_s)
            response.raise_for_status()
            data = response.json()
        except (requests.RequestException, ValueError) as error:
            self.post(DeviceStatusChanged("backend", False, f"{method} {said}: {type(error).__name__}"))
            return None
        self.post(DeviceStatusChanged("backend", True, ""))
        return data if isinstance(data, dict) else None
