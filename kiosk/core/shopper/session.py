"""The shopper's session: language, comparison list, typed text; wiped when they walk away.

It lives in memory only. `IdleWatcher` decides when to ask "Are you still there?" and when to end
the session, from an injected clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kiosk.core.models import Member
from kiosk.core.shopper.cart import Cart
from kiosk.core.shopper.saved_lists import SavedList

MAX_COMPARE = 4


class CompareResult(Enum):
    """What happened when a product was added to the comparison."""

    ADDED = "added"
    ALREADY = "already"
    FULL = "full"


@dataclass
class ShopperSession:
    """What one shopper did at the kiosk since they started."""

    default_language: str
    language: str = ""
    compare: list[str] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)  # product SKU -> the size's or colour's SKU last chosen
    started: bool = False
    member: Member | None = None  # personal data: wiped with the session, never published
    cart: Cart = field(default_factory=Cart)
    accessible: bool = False  # accessible mode: high contrast, reach, speech, longer timeouts
    saved_lists: tuple[SavedList, ...] = ()  # the member's lists, as the backend gave them back
    lists_ticket: str = ""  # the sign-in whose lists may still come back
    saved_here: frozenset[tuple[str, ...]] = frozenset()  # the lists saved in this session (not twice)
    # personal data: the email address and phone number typed in this session (to share, to order), offered
    # again where a contact is asked; wiped with the session, never published
    contact_email: str = ""
    contact_phone: str = ""
    film_sound: bool = False  # the shopper turned films' sound on (a display with sound); muted by default

    def __post_init__(self) -> None:
        if not self.language:
            self.language = self.default_language

    def add_to_compare(self, sku: str) -> CompareResult:
        """Put a product in the comparison (at most MAX_COMPARE)."""
        if sku in self.compare:
            return CompareResult.ALREADY
        if len(self.compare) >= MAX_COMPARE:
            return CompareResult.FULL
        self.compare.append(sku)
        return CompareResult.ADDED

    def replace_in_compare(self, old: str, new: str) -> bool:
        """Put `new` in the comparison in place of `old` (the shopper chose which one a fifth product
        replaces); False when `old` is not compared or `new` already is."""
        if old not in self.compare or new in self.compare:
            return False
        self.compare[self.compare.index(old)] = new
        return True

    def remove_from_compare(self, sku: str) -> None:
        """Take a product out of the comparison."""
        if sku in self.compare:
            self.compare.remove(sku)

    def choose(self, sku: str, variant: str) -> None:
        """The shopper chose a size or colour of a product: it stays chosen on its page, in the comparison and
        on what they take home, until they choose another or the session ends."""
        self.chosen[sku] = variant

    def remember_contact(self, *, email: str = "", phone: str = "") -> None:
        """Keep the address or number the shopper just used, to offer it at the next form of the session."""
        self.contact_email = email or self.contact_email
        self.contact_phone = phone or self.contact_phone

    def wipe(self) -> None:
        """Forget everything about this shopper."""
        self.contact_email = self.contact_phone = ""
        self.language = self.default_language
        self.compare.clear()
        self.chosen.clear()
        self.started = False
        self.member = None
        self.cart.forget()
        self.saved_lists, self.lists_ticket, self.saved_here = (), "", frozenset()
        self.accessible = False
        self.film_sound = False

    def shown(self) -> tuple[object, ...]:
        """What screens show of this session (a change means they are out of date)."""
        return (self.language, self.member, tuple(self.compare), tuple(self.cart.lines), self.accessible,
                self.started, self.saved_lists, self.saved_here)

    def public_state(self) -> dict[str, object]:
        """What may be shown to tools and telemetry: no personal data."""
        return {"language": self.language, "identified": self.member is not None, "compare": list(self.compare),
                "cart": self.cart.state(), "accessible": self.accessible}


class IdleState(Enum):
    """Where a session stands with respect to inactivity."""

    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass
class IdleWatcher:
    """Turns "seconds since the last touch" into active, warning (countdown) and expired."""

    idle_timeout_s: float
    countdown_s: float
    last_activity: float = 0.0

    def touch(self, now: float) -> None:
        """The shopper did something."""
        self.last_activity = now

    def state(self, now: float) -> IdleState:
        """Where the session stands at `now`."""
        idle = now - self.last_activity
        if idle < self.idle_timeout_s:
            return IdleState.ACTIVE
        if idle < self.idle_timeout_s + self.countdown_s:
            return IdleState.WARNING
        return IdleState.EXPIRED

    def seconds_left(self, now: float) -> float:
        """Seconds until the session ends."""
        return max(0.0, self.last_activity + self.idle_timeout_s + self.countdown_s - now)

    def next_change(self, now: float) -> float:
        """When the state will next change (for the loop's wait)."""
        warning_at = self.last_activity + self.idle_timeout_s
        return warning_at if now < warning_at else self.last_activity + self.idle_timeout_s + self.countdown_s
