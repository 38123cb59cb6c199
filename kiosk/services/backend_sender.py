"""Orders, reviews, members' saved lists and event sign-ups from the outbox go to the backend (`POST
/orders`, `/reviews`, `/members/{id}/lists`, `/events/{id}/signups`), the item's id as `Idempotency-Key`.

At least once from here, exactly once at the backend: a crash between the backend's answer and the
outbox noting it sends the item again with the same key. 2xx with the item's id: delivered (the
shopper's contact and address are then erased here). 408, 425, 429, 5xx, timeouts, refused
connections and answers that are not the item: tried again with back-off. Other 4xx: held for staff.
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import requests

from kiosk.core.hours.clock import Clock
from kiosk.core.messages import DeliverySucceeded, Message
from kiosk.core.orders.order import PERSONAL_FIELDS
from kiosk.core.orders.outbox import Outbox, OutboxItem
from kiosk.services.outbox_sender import OutboxSender

log = logging.getLogger(__name__)
RETRYABLE = {408, 425, 429}


# kind: path (its {fields} from the item's payload), fields to erase once delivered
ROUTES = {"order": ("/orders", PERSONAL_FIELDS), "review": ("/reviews", ()),
          "member_list": ("/members/{member}/lists", ("member",)),
          "signup": ("/events/{event}/signups", ("name", "contact"))}
KINDS = tuple(ROUTES)


class BackendSender(OutboxSender):
    """Delivers one kind of item (orders, reviews) to the backend, oldest first, in its own thread."""

    device = "backend"

    def __init__(self, kind: str, base_url: str, token: str, timeout_s: float, outbox_path: Path,
                 post: Callable[[Message], None], retry: tuple[float, float], clock: Clock | None = None) -> None:
        self.kinds = (kind,)
        self.path, self.erase = ROUTES[kind]
        super().__init__(outbox_path, post, retry, clock)
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def deliver(self, outbox: Outbox, item: OutboxItem) -> bool:
        """Post one item; False when the backend cannot take it now (later ones wait behind it)."""
        try:
            url = self.url(item)
        except KeyError as missing:  # an item written without the field its path needs: staff look at it
            outbox.failed(item.id, f"no {missing} for {self.path}", self.now(), permanent=True)
            return True
        try:
            response = self.session.post(url, json=item.payload, timeout=self.timeout_s,
                                         headers={"Idempotency-Key": item.id})
        except requests.RequestException as error:
            outbox.failed(item.id, f"{type(error).__name__}", self.now())
            self.status(False, f"POST {self.path}: {type(error).__name__}")
            return False
        code = response.status_code
        if 400 <= code < 500 and code not in RETRYABLE:
            outbox.failed(item.id, f"HTTP {code}: {response.text[:200]}", self.now(), permanent=True)
            log.warning("%s %s held for staff: the backend refused it (HTTP %d)", item.kind, item.id, code)
            self.status(True)
            return True
        answer = self._answer(response) if 200 <= code < 300 else None
        if answer is None or answer.get("id") != item.id:
            reason = f"HTTP {code}" if not 200 <= code < 300 else f"an answer that is not this {item.kind}"
            outbox.failed(item.id, reason, self.now())
            self.status(False, f"POST {self.path}: {reason}")
            return False
        outbox.delivered(item.id, erase=self.erase)
        self.status(True)
        log.info("%s %s delivered to the backend", item.kind, item.id)
        payment = answer.get("payment_url")
        if not (isinstance(payment, str) and payment.startswith(("https://", "http://")) and len(payment) < 1000):
            payment = ""
        self.post(DeliverySucceeded(item.kind, item.id, payment))
        return True

    def url(self, item: OutboxItem) -> str:
        """Where the item goes: the route's path with the payload's fields in it (quoted); the path as
        written in ROUTES is what staff and the log are told, as it names nobody."""
        fields = {key: urllib.parse.quote(str(value), safe="") for key, value in item.payload.items()
                  if isinstance(value, str | int)}
        return self.base_url + self.path.format_map(fields)

    @staticmethod
    def _answer(response: requests.Response) -> dict[str, object] | None:
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
