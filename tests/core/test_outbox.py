"""The outbox: durable, retried with back-off, held for staff, personal data erased once delivered."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.orders.outbox import FIRST_RETRY_S, MAX_RETRY_S, Outbox, retry_delay


def test_an_item_survives_closing_and_reopening(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.db")
    item_id = box.add("email", {"to": "a@b.fr", "subject": "x"}, now=100.0)
    box.close()
    again = Outbox(tmp_path / "outbox.db")
    [item] = again.due(100.0, ("email",))
    assert item.id == item_id and item.payload["to"] == "a@b.fr"


def test_failures_back_off_and_permanent_ones_are_held(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.db")
    first = box.add("email", {"to": "a@b.fr"}, now=0.0)
    second = box.add("email", {"to": "c@d.fr"}, now=0.0)
    box.failed(first, "connection refused", now=0.0)
    box.failed(second, "550 no such user", now=0.0, permanent=True)
    assert box.due(0.0, ("email",)) == []
    assert [i.id for i in box.due(FIRST_RETRY_S + 1, ("email",))] == [first]
    assert box.counts() == {"pending": 1, "sent": 0, "held": 1}
    held = box.item(second)
    assert held is not None and held.state == "held" and "550" in held.last_error


def test_delivery_erases_the_address(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.db")
    item_id = box.add("email", {"to": "a@b.fr", "subject": "x"}, now=0.0)
    box.delivered(item_id, erase=("to",))
    item = box.item(item_id)
    assert item is not None and item.state == "sent" and "to" not in item.payload
    assert b"a@b.fr" not in (tmp_path / "outbox.db").read_bytes() + (tmp_path / "outbox.db-wal").read_bytes()


@given(st.integers(1, 60))
@settings(max_examples=60)
def test_back_off_doubles_up_to_a_cap_with_jitter(attempts: int) -> None:
    delay = retry_delay(attempts, random.Random(attempts))
    ceiling = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** (attempts - 1))
    assert ceiling / 2 <= delay <= ceiling
