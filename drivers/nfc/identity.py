"""A card's UID never leaves the driver: it becomes a keyed hash (HMAC-SHA256 with the store's secret)."""

from __future__ import annotations

import hashlib
import hmac


def card_secret(configured: str, store_id: str) -> bytes:
    """The store's secret for hashing card UIDs: the configured one, else the store id."""
    return (configured or store_id).encode()


def hash_uid(uid: bytes, secret: bytes) -> str:
    """The keyed hash of a card UID (ISO 14443-A 4/7/10 bytes or a FeliCa IDm)."""
    return hmac.new(secret, bytes(uid), hashlib.sha256).hexdigest()
