"""The durable outbox (DESIGN §5): what a shopper confirmed is written here before they see "sent".

SQLite in WAL mode with full sync, so a crash or a power cut loses nothing that was confirmed.
Senders take due items, deliver them at least once with the item's id as idempotency key, and
report back: delivered, failed for now (retried with exponential back-off and jitter), or refused
for good (held for staff). Personal data in an item (an email address) is erased once delivered.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIRST_RETRY_S = 5.0
MAX_RETRY_S = 15 * 60.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox(
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created REAL NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL, last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt);
"""


@dataclass(frozen=True)
class OutboxItem:
    """Something to deliver."""

    id: str
    kind: str  # email | order | review
    payload: dict[str, Any]
    attempts: int
    state: str  # pending | sent | held
    last_error: str


def outbox_csv(items: list[OutboxItem]) -> str:
    """Items as CSV for staff: id, kind, state, attempts, last error (never a payload, so no personal data)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "kind", "state", "attempts", "last_error"])
    for item in items:
        writer.writerow([item.id, item.kind, item.state, item.attempts, item.last_error])
    return buffer.getvalue()


def retry_delay(attempts: int, rng: random.Random | None = None, first: float = FIRST_RETRY_S,
                most: float = MAX_RETRY_S) -> float:
    """Seconds to wait after `attempts` failures: doubling from `first`, capped at `most`, with jitter."""
    ceiling = min(most, first * 2 ** max(0, attempts - 1))
    return (rng or random).uniform(ceiling / 2, ceiling)


class Outbox:
    """One outbox database; each thread opens its own Outbox on the same file."""

    def __init__(self, path: Path, first_retry_s: float = FIRST_RETRY_S, max_retry_s: float = MAX_RETRY_S) -> None:
        self.path = Path(path)
        self.retry = (first_retry_s, max_retry_s)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA secure_delete=ON")  # replaced content is zeroed, not left in free pages
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        """Release the file."""
        self._db.close()

    def add(self, kind: str, payload: dict[str, Any], now: float, item_id: str = "") -> str:
        """Store an item durably (returns once it is on disk); its id is the idempotency key."""
        item_id = item_id or str(uuid.uuid4())
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT INTO outbox(id, kind, payload, created, next_attempt) VALUES (?, ?, ?, ?, ?)",
                             (item_id, kind, json.dumps(payload, ensure_ascii=False), now, now))
        return item_id

    def add_many(self, items: list[tuple[str, dict[str, Any], str]], now: float) -> None:
        """Store several items (kind, payload, id) in one transaction: all of them are kept, or none."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT INTO outbox(id, kind, payload, created, next_attempt) VALUES (?, ?, ?, ?, ?)",
                [(item_id or str(uuid.uuid4()), kind, json.dumps(payload, ensure_ascii=False), now, now)
                 for kind, payload, item_id in items])

    def due(self, now: float, kinds: tuple[str, ...], limit: int = 20) -> list[OutboxItem]:
        """Pending items of these kinds whose time has come, oldest first."""
        marks = ", ".join("?" * len(kinds))
        rows = self._db.execute(
            f"SELECT id, kind, payload, attempts, state, last_error FROM outbox WHERE state = 'pending' AND "
            f"kind IN ({marks}) AND next_attempt <= ? ORDER BY created LIMIT ?", (*kinds, now, limit))
        return [OutboxItem(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5]) for r in rows]

    def due_in_order(self, now: float, kinds: tuple[str, ...], limit: int = 20) -> list[OutboxItem]:
        """The oldest pending items of these kinds, up to the first that is not due yet: delivering
        them never overtakes an older item waiting for its retry."""
        marks = ", ".join("?" * len(kinds))
        rows = self._db.execute(
            f"SELECT id, kind, payload, attempts, state, last_error, next_attempt FROM outbox WHERE state = 'pending' "
            f"AND kind IN ({marks}) ORDER BY created LIMIT ?", (*kinds, limit))
        items = []
        for row in rows:
            if row[6] > now:
                break
            items.append(OutboxItem(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5]))
        return items

    def next_due(self, kinds: tuple[str, ...]) -> float | None:
        """When the next pending item of these kinds is due."""
        marks = ", ".join("?" * len(kinds))
        row = self._db.execute(f"SELECT min(next_attempt) FROM outbox WHERE state = 'pending' AND kind IN ({marks})",
                               kinds).fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def delivered(self, item_id: str, erase: tuple[str, ...] = ()) -> None:
        """The item reached its destination; the named payload fields (personal data) are erased."""
        payload = self._payload(item_id)
        for key in erase:
            payload.pop(key, None)
        with self._db:
            self._db.execute("UPDATE outbox SET state = 'sent', payload = ?, last_error = '' WHERE id = ?",
                             (json.dumps(payload, ensure_ascii=False), item_id))
        if erase:  # the old page images in the write-ahead log still hold the data: write them back, truncate
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def failed(self, item_id: str, error: str, now: float, permanent: bool = False) -> None:
        """Delivery failed: retried later with back-off, or held for staff when it can never succeed."""
        row = self._db.execute("SELECT attempts FROM outbox WHERE id = ?", (item_id,)).fetchone()
        attempts = (row[0] if row else 0) + 1
        state = "held" if permanent else "pending"
        with self._db:
            self._db.execute("UPDATE outbox SET attempts = ?, state = ?, last_error = ?, next_attempt = ? WHERE id = ?",
                             (attempts, state, error[:500], now + retry_delay(attempts, None, *self.retry), item_id))

    def retry_now(self, kinds: tuple[str, ...]) -> None:
        """Staff (or a recovered connection) asks for pending items to be tried at once."""
        marks = ", ".join("?" * len(kinds))
        with self._db:
            self._db.execute(f"UPDATE outbox SET next_attempt = 0 WHERE state = 'pending' AND kind IN ({marks})", kinds)

    def release_held(self, kinds: tuple[str, ...]) -> int:
        """Staff fixed what made items fail for good (a wrong address, a backend setting): try them again."""
        marks = ", ".join("?" * len(kinds))
        with self._db:
            cursor = self._db.execute(f"UPDATE outbox SET state = 'pending', next_attempt = 0 WHERE state = 'held' "
                                      f"AND kind IN ({marks})", kinds)
        return cursor.rowcount

    def waiting(self, kind: str) -> list[OutboxItem]:
        """Items of a kind not delivered yet (pending or held), oldest first: what staff still have to see to."""
        rows = self._db.execute("SELECT id, kind, payload, attempts, state, last_error FROM outbox WHERE kind = ? "
                                "AND state != 'sent' ORDER BY created", (kind,))
        return [OutboxItem(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5]) for r in rows]

    def counts(self) -> dict[str, int]:
        """How many items are pending, sent and held (for staff and telemetry)."""
        counts = {"pending": 0, "sent": 0, "held": 0}
        for state, count in self._db.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
            counts[state] = count
        return counts

    def items(self) -> list[OutboxItem]:
        """Every item, newest first (for staff: the export)."""
        rows = self._db.execute(
            "SELECT id, kind, payload, attempts, state, last_error FROM outbox ORDER BY created DESC")
        return [OutboxItem(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5]) for r in rows]

    def item(self, item_id: str) -> OutboxItem | None:
        """One item, for staff."""
        row = self._db.execute("SELECT id, kind, payload, attempts, state, last_error FROM outbox WHERE id = ?",
                               (item_id,)).fetchone()
        return OutboxItem(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5]) if row else None

    def _payload(self, item_id: str) -> dict[str, Any]:
        row = self._db.execute("SELECT payload FROM outbox WHERE id = ?", (item_id,)).fetchone()
        return json.loads(row[0]) if row else {}
