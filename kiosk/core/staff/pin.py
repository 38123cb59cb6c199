"""Staff PINs, stored only as salted scrypt hashes; wrong PINs lock the pad for longer each time."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` for a PIN (hex), to put in the config."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches a stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), expected)


@dataclass
class PinLock:
    """Five wrong PINs lock the pad; each lock lasts twice as long as the last (30 s, 60 s, ...)."""

    attempts_before_lock: int = 5
    first_lock_s: float = 30.0
    failures: int = 0
    locks: int = 0
    locked_until: float = 0.0

    def locked(self, now: float) -> bool:
        """Whether PINs are refused right now."""
        return now < self.locked_until

    def failed(self, now: float) -> bool:
        """Record a wrong PIN; True when this one locked the pad."""
        self.failures += 1
        if self.failures >= self.attempts_before_lock:
            self.failures = 0
            self.locked_until = now + self.first_lock_s * (2 ** self.locks)
            self.locks += 1
            return True
        return False

    def succeeded(self) -> None:
        """A right PIN clears the count."""
        self.failures = 0
