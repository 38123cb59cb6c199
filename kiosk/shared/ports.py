"""The outside world as the displays and the loop see it: small ports, each with a null object.

A kiosk without a broker, a backend, a printer or speech still has a `fleet`, a `backend`, a `printer`
and a `speaker`: the null one, which does nothing and says it is not `available`. So no scene tests
for None, and mypy sees every seam. The real services (kiosk/services) fit these ports; wiring.py
chooses which to plug in.
"""

from __future__ import annotations

from typing import Any, Protocol

from kiosk.core.messages import CommandReceived
from kiosk.core.shopper.slip import Slip


class Device(Protocol):
    """Anything the kiosk starts and stops with itself: a scanner, a reader, a sender, a service."""

    def start(self) -> None:
        """Begin (usually a thread)."""

    def stop(self) -> None:
        """End, quickly."""


class Fleet(Protocol):
    """The link to head office (MQTT)."""

    available: bool
    network_restarts: int

    def event(self, name: str, **fields: object) -> None:
        """An analytics event (no personal data)."""

    def telemetry(self, values: dict[str, Any]) -> None:
        """A telemetry sample."""

    def staff_call(self, body: dict[str, Any]) -> None:
        """A call for staff or a new-order alert on the store's staff topic."""

    def reply(self, command: CommandReceived, answer: dict[str, Any]) -> None:
        """Answer a command."""

    def watch(self, now: float) -> None:
        """Check the link's own health (from the loop)."""


class Backend(Protocol):
    """The store's backend over HTTP, for what is asked on the spot (orders go through the outbox)."""

    available: bool

    def shorten(self, url: str) -> None:
        """Ask for a short link; `ShortLinkReady` comes back if one is made."""

    def member_lists(self, loyalty_id: str, ticket: str) -> None:
        """Ask for the lists a member saved in their account; `MemberListsReady` comes back with `ticket`."""


class Printer(Protocol):
    """The receipt printer."""

    available: bool

    def submit(self, slip: Slip) -> None:
        """Queue a slip; `PrintFinished` comes back."""


class Speaker(Protocol):
    """Speech for accessible mode."""

    available: bool

    def say(self, text: str, language: str) -> None:
        """Say `text`, cutting what is being said."""


class Sender(Protocol):
    """An outbox sender (mail, orders, reviews)."""

    def wake(self) -> None:
        """Something was added to the outbox: look now."""


class NoFleet:
    """No broker configured: events and calls go nowhere."""

    available = False
    network_restarts = 0

    def event(self, name: str, **fields: object) -> None:
        """Nothing to tell."""

    def telemetry(self, values: dict[str, Any]) -> None:
        """Nobody listens."""

    def staff_call(self, body: dict[str, Any]) -> None:
        """Nobody to call."""

    def reply(self, command: CommandReceived, answer: dict[str, Any]) -> None:
        """No command can have come."""

    def watch(self, now: float) -> None:
        """No link to watch."""


class NoBackend:
    """No backend configured: links stay long."""

    available = False

    def shorten(self, url: str) -> None:
        """The long link stays."""

    def member_lists(self, loyalty_id: str, ticket: str) -> None:
        """No account to read: no saved list comes back."""


class ScreenSwitch(Protocol):
    """A display's screen power, for its maintenance menu: how it is, and staff's word."""

    available: bool

    def state(self) -> dict[str, Any]:
        """On or off, why, by which method, the last error."""
        ...

    def ask(self, power: str) -> None:
        """"on", "off", or back to the "schedule"."""
        ...


class NoScreenSwitch:
    """No screen power to switch (headless)."""

    available = False

    def state(self) -> dict[str, Any]:
        """Nothing known."""
        return {}

    def ask(self, power: str) -> None:
        """Nothing to switch."""


class NoPrinter:
    """No printer configured: nothing offers printing."""

    available = False

    def submit(self, slip: Slip) -> None:
        """Nothing to print on."""


class NoSpeaker:
    """No speech engine configured."""

    available = False

    def say(self, text: str, language: str) -> None:
        """Silence."""
