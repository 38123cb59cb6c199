"""A card's UID never leaves the driver: it becomes a keyed hash (HMAC-SHA256 with the store's secret)."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any


def card_secret(config: Any) -> bytes:
    """The store's secret for hashing card UIDs (the store id when none is configured)."""
    secret: str = config.devices.card_secret or config.store.id
    return secret.encode()


def hash_uid(uid: bytes, secret: bytes) -> str:
    """The keyed hash of a card UID (ISO 14443-A 4/7/10 bytes or a FeliCa IDm)."""
    return hmac.new(secret, bytes(uid), hashlib.sha256).hexdigest()
