"""What happened, as immutable messages that threads post to the main loop (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.core.problems import Problem
from kiosk.core.shopper.saved_lists import SavedList


@dataclass(frozen=True)
class BarcodeScanned:
    """A scanner read a code, checked and decoded by its driver.

    `data` is the GTIN for kind "gtin" and "gs1", else the text read; `symbology` an AIM id such as
    "]E0" when the scanner sent one.
    """

    data: str
    source: str = "sim:"
    symbology: str = ""
    kind: str = "gtin"  # gtin | gs1 | text


@dataclass(frozen=True)
class CardPresented:
    """A card was put on a reader. `uid_hash` is a keyed hash; the raw UID never leaves the driver."""

    uid_hash: str
    ndef: tuple[str, ...] = ()
    source: str = "sim:"


@dataclass(frozen=True)
class CardRemoved:
    """The card left the reader."""

    source: str = "sim:"


@dataclass(frozen=True)
class DeviceStatusChanged:
    """A device was connected, lost or failed; `detail` is shown to staff."""

    device: str
    connected: bool
    detail: str = ""


@dataclass(frozen=True)
class AutomationRequest:
    """One JSON request from the automation socket; `reply` is called once with the answer."""

    request: dict[str, Any]
    reply: Callable[[dict[str, Any]], None] = field(compare=False)


@dataclass(frozen=True)
class PrintFinished:
    """A slip was printed (ok), or not: `reason` is "paper" (out of paper) or "offline"."""

    job: str
    ok: bool
    reason: str = ""


@dataclass(frozen=True)
class ShortLinkReady:
    """The backend gave a short link for a share link."""

    long_url: str
    short_url: str


@dataclass(frozen=True)
class DeliverySucceeded:
    """An outbox item reached its destination; an order may come back with a link to pay on a phone."""

    kind: str
    item_id: str
    payment_url: str = ""


@dataclass(frozen=True)
class CommandReceived:
    """A command from head office, to carry out on the main loop. `error` is set when it cannot be read."""

    name: str
    payload: dict[str, Any]
    reply_topic: str
    correlation: bytes | None
    error: str = ""


@dataclass(frozen=True)
class CatalogChanged:
    """Head office changed a product's price or stock (None: unchanged)."""

    sku: str
    price_cents: int | None = None
    stock: int | None = None


@dataclass(frozen=True)
class OfferRefused:
    """Head office's pack was not taken: the URL offered (exactly), the version offered ("" for none), what
    went wrong in one word (such as "signature", "stalled", "archive") and in a sentence. Nothing personal."""

    url: str
    version: str
    reason: str
    message: str


@dataclass(frozen=True)
class CatalogReady:
    """A catalogue import (run in a worker) ended: the new database to swap in, or the pack's problems."""

    path: str  # "" when the pack was refused
    problems: tuple[Problem, ...] = ()
    refused_offer: OfferRefused | None = None  # when head office's pack could not be fetched or was refused


@dataclass(frozen=True)
class Redraw:
    """Work finished off the main thread (a picture was decoded); the next frame shows it."""


@dataclass(frozen=True)
class Quit:
    """Stop the app."""

    reason: str = ""


@dataclass(frozen=True)
class ContentOffered:
    """Head office's retained word on the content a store should run (its version, where to fetch it,
    and whether an older one may replace the one running: a roll back)."""

    version: str
    url: str = ""
    rollback: bool = False


@dataclass(frozen=True)
class ScreenPowerApplied:
    """A screen was turned on or off (or could not be): by which method, or why not."""

    display: str
    on: bool
    method: str
    error: str = ""


@dataclass(frozen=True)
class MemberListsReady:
    """The backend gave back the lists a member saved in their account; `ticket` names the sign-in that
    asked (no personal data here: a late answer for a member who left finds no ticket to match)."""

    ticket: str
    lists: tuple[SavedList, ...]


Message = (BarcodeScanned | CardPresented | CardRemoved | DeviceStatusChanged | AutomationRequest | PrintFinished
           | ShortLinkReady | DeliverySucceeded | CommandReceived | CatalogChanged
           | CatalogReady | Redraw | Quit | ScreenPowerApplied | ContentOffered | MemberListsReady)
