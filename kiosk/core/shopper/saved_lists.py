"""A member's saved lists: a comparison or a list of products kept in their account by the backend
(`POST /members/{id}/lists`), and given back at their next visit (`GET /members/{id}/lists`).

What comes back from the backend is read defensively: anything that is not a list of products is left
out, and a member never gets more than a few lists of a few products each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

KINDS = ("compare", "list")  # a comparison (2-4 products) or any list of products (a product, a cart)
MAX_LISTS = 6
MAX_PRODUCTS = 20


@dataclass(frozen=True)
class SavedList:
    """One list in a member's account (no personal data: products and a day)."""

    id: str
    kind: str
    skus: tuple[str, ...]
    saved_on: date | None = None


def list_payload(list_id: str, member: str, kind: str, skus: list[str], *, store: str, device: str,
                 language: str, saved_at: datetime) -> dict[str, Any]:
    """The body of `POST /members/{member}/lists` (`member` is personal data: erased once delivered)."""
    return {"id": list_id, "member": member, "kind": kind, "skus": list(dict.fromkeys(skus))[:MAX_PRODUCTS],
            "store": store, "device": device, "language": language,
            "saved_at": saved_at.isoformat(timespec="seconds")}


def read_saved_lists(data: object) -> tuple[SavedList, ...]:
    """The lists of a `GET /members/{id}/lists` answer (`{"lists": [...]}`), newest first as the backend
    gives them; what is not a valid list is left out."""
    rows = data.get("lists") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return ()
    found: list[SavedList] = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        list_id, kind, skus = row.get("id"), row.get("kind"), row.get("skus")
        if not (isinstance(list_id, str) and 0 < len(list_id) <= 64 and kind in KINDS and isinstance(skus, list)):
            continue
        products = tuple(dict.fromkeys(s for s in skus if isinstance(s, str) and 0 < len(s) <= 64))[:MAX_PRODUCTS]
        if products:
            found.append(SavedList(list_id, str(kind), products, _day(row.get("saved_at"))))
        if len(found) == MAX_LISTS:
            break
    return tuple(found)


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
