"""Orders from the outbox go to the backend: `POST /orders` with the order id as `Idempotency-Key`.

At least once from here, exactly once at the backend: a crash between the backend's answer and the
outbox noting it sends the order again with the same key. 2xx with the order's id: delivered (the
shopper's contact and address are then erased here). 408, 425, 429, 5xx, timeouts, refused
connections and answers that are not the order: tried again with back-off. Other 4xx: held for staff.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import requests

from kiosk.core.messages import DeliverySucceeded, Message
from kiosk.core.orders import PERSONAL_FIELDS
from kiosk.core.outbox import Outbox, OutboxItem
from kiosk.services.outbox_sender import OutboxSender

log = logging.getLogger(__name__)
RETRYABLE = {408, 425, 429}


class OrderSender(OutboxSender):
    """Delivers orders to the backend, oldest first, in its own thread."""

    kinds = ("order",)
    device = "backend"

    def __init__(self, base_url: str, token: str, timeout_s: float, outbox_path: Path,
                 post: Callable[[Message], None], retry: tuple[float, float]) -> None:
        super().__init__(outbox_path, post, retry)
        self.url = base_url.rstrip("/") + "/orders"
        self.timeout_s = timeout_s
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def deliver(self, outbox: Outbox, item: OutboxItem) -> bool:
        """Post one order; False when the backend cannot take it now (later orders wait behind it)."""
        try:
            response = self.session.post(self.url, json=item.payload, timeout=self.timeout_s,
                                         headers={"Idempotency-Key": item.id})
        except requests.RequestException as error:
            outbox.failed(item.id, f"{type(error).__name__}", time.time())
            self.status(False, f"POST /orders: {type(error).__name__}")
            return False
        code = response.status_code
        if 400 <= code < 500 and code not in RETRYABLE:
            outbox.failed(item.id, f"HTTP {code}: {response.text[:200]}", time.time(), permanent=True)
            log.warning("order %s held for staff: the backend refused it (HTTP %d)", item.id, code)
            self.status(True)
            return True
        answer = self._answer(response) if 200 <= code < 300 else None
        if answer is None or answer.get("id") != item.id:
            reason = f"HTTP {code}" if not 200 <= code < 300 else "an answer that is not this order"
            outbox.failed(item.id, reason, time.time())
            self.status(False, f"POST /orders: {reason}")
            return False
        outbox.delivered(item.id, erase=PERSONAL_FIELDS)
        self.status(True)
        log.info("order %s delivered to the backend", item.id)
        payment = answer.get("payment_url")
        if not (isinstance(payment, str) and payment.startswith(("https://", "http://")) and len(payment) < 1000):
            payment = ""
        self.post(DeliverySucceeded("order", item.id, payment))
        return True

    @staticmethod
    def _answer(response: requests.Response) -> dict[str, object] | None:
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
