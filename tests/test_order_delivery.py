"""Orders reach a misbehaving backend in order, once each, when it is healthy again; refused ones wait
for staff."""

from __future__ import annotations

import queue
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.messages import DeliverySucceeded, DeviceStatusChanged, Message
from kiosk.core.models import ProductSummary
from kiosk.core.orders.order import Order, new_order_id
from kiosk.core.orders.outbox import Outbox
from kiosk.core.shopper.cart import Cart
from kiosk.services.backend_sender import BackendSender
from tests.order_backend import OrderBackend

BIKE = ProductSummary("BIK-101", "Alpenrad", {"fr": "Vélo", "en": "Bike"}, "bikes", 89900, 3, 4.0, 0, "")


def place(outbox: Outbox, count: int) -> list[str]:
    cart = Cart()
    cart.add(BIKE, variants=())
    ids = []
    for number in range(count):
        order = Order(new_order_id("lyon-01"), "lyon-01", "terminal", datetime(2026, 11, 20, 10, number, tzinfo=UTC),
                      "fr", "EUR", tuple(cart.lines), email=f"shopper{number}@example.org",
                      collect_from=datetime(2026, 11, 20, 12, tzinfo=UTC))
        outbox.add("order", order.payload(), time.time(), order.id)
        ids.append(order.id)
    return ids


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_down_failing_slow_and_garbage_backends_lose_nothing_and_keep_the_order(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    outbox = Outbox(path)
    ids = place(outbox, 5)
    backend = OrderBackend()
    port = backend.server_port
    url = backend.url
    backend.stop()  # down: connections refused
    messages: queue.Queue[Message] = queue.Queue()
    sender = BackendSender("order", url, "token", 0.5, path, messages.put, (0.1, 0.3))
    sender.start()
    try:
        assert wait_for(lambda: outbox.items()[0].attempts >= 2 or outbox.items()[-1].attempts >= 2, 5)
        backend = OrderBackend(port)
        for mode in ("error", "slow", "garbage"):
            backend.mode = mode
            before = max(item.attempts for item in outbox.items())
            assert wait_for(lambda floor=before: max(item.attempts for item in outbox.items()) > floor, 5), mode
            assert backend.orders == {}, f"nothing is recorded while the backend answers {mode}"
        states = [(item.state, item.last_error) for item in outbox.items()]
        assert all(state == "pending" for state, _ in states), states
        backend.mode = "ok"
        assert wait_for(lambda: len(backend.orders) == 5, 10)
        assert list(backend.orders) == ids, "orders arrive in the order they were confirmed"
        # the backend keeps an order before it answers: the kiosk marks it sent a moment later
        assert wait_for(lambda: all(item.state == "sent" for item in outbox.items()), 5)
        assert all("contact" not in item.payload for item in outbox.items())
        seen: list[Message] = []

        def all_told() -> bool:  # each delivery is told to the loop just after it is marked sent
            while not messages.empty():
                seen.append(messages.get())
            return sum(isinstance(m, DeliverySucceeded) for m in seen) == len(ids)

        assert wait_for(all_told, 5)
        assert [m.item_id for m in seen if isinstance(m, DeliverySucceeded)] == ids
        assert any(isinstance(m, DeviceStatusChanged) and not m.connected for m in seen)
    finally:
        sender.stop()
        backend.stop()


def test_an_order_the_backend_refuses_is_held_for_staff_and_the_next_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    outbox = Outbox(path)
    first, second = place(outbox, 2)
    with outbox._db:  # the first order lost its key: the backend answers 400
        payload = outbox.item(first).payload  # type: ignore[union-attr]
        outbox._db.execute("UPDATE outbox SET id = 'not-the-id' WHERE id = ?", (first,))
    backend = OrderBackend()
    sender = BackendSender("order", backend.url, "", 0.5, path, lambda message: None, (0.1, 0.3))
    sender.start()
    try:
        assert wait_for(lambda: second in backend.orders, 5)
        held = outbox.item("not-the-id")
        assert held is not None and held.state == "held" and "400" in held.last_error
        assert held.payload == payload, "a held order keeps everything staff need"
    finally:
        sender.stop()
        backend.stop()
