"""The attract playlist of a content pack (`playlist.json`), with each slide's schedule checked.

A slide: {"kind": "message", "title": {...}, "subtitle": {...}, "color": "#1F4E46"} or
{"kind": "product", "sku": "..."}, with "seconds", and optionally "roles" (["window"]), "days"
(["mon", "sat"]), "start"/"end" ("HH:MM", local), "first_date"/"last_date" ("YYYY-MM-DD") and
"fallback" (true: plays only when nothing else is scheduled).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kiosk.core.hours.opening_hours import WEEKDAYS
from kiosk.core.models import Slide
from kiosk.core.pack.reader import PackReader

FILE = "playlist.json"
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
ROLES = ("terminal", "window")
SCHEDULE_KEYS = {"roles", "days", "start", "end", "first_date", "last_date", "fallback"}


def _schedule(reader: PackReader, key: str, item: dict[str, Any]) -> dict[str, Any] | None:
    """The schedule fields of one slide, checked; None (with problems recorded) when one is wrong."""
    before = len(reader.problems)
    roles = item.get("roles", [])
    if not isinstance(roles, list) or any(role not in ROLES for role in roles):
        reader.problem(FILE, f"{key}.roles", f"must list display roles among {', '.join(ROLES)}")
    days = item.get("days", [])
    if not isinstance(days, list) or any(day not in WEEKDAYS for day in days):
        reader.problem(FILE, f"{key}.days", f"must list days among {', '.join(WEEKDAYS)}")
        days = []
    for clock in ("start", "end"):
        if clock in item and not (isinstance(item[clock], str) and CLOCK.match(item[clock])):
            reader.problem(FILE, f"{key}.{clock}", f"{item[clock]!r} is not a time like \"08:30\"")
    for day in ("first_date", "last_date"):
        if day in item:
            try:
                date.fromisoformat(str(item[day]))
            except ValueError:
                reader.problem(FILE, f"{key}.{day}", f"{item[day]!r} is not a date like \"2026-12-24\"")
    if not isinstance(item.get("fallback", False), bool):
        reader.problem(FILE, f"{key}.fallback", "must be true or false")
    if len(reader.problems) > before:
        return None
    return {"roles": tuple(roles), "days": tuple(WEEKDAYS.index(day) for day in days),
            "start": item.get("start", ""), "end": item.get("end", ""), "first_date": item.get("first_date", ""),
            "last_date": item.get("last_date", ""), "fallback": item.get("fallback", False)}


def read_playlist(reader: PackReader, languages: tuple[str, ...], skus: set[str]) -> list[Slide]:
    """Every slide of the pack's playlist; problems go to the reader."""
    data = reader.load_json(FILE, required=False) or []
    slides: list[Slide] = []
    for row, item in enumerate(data, start=1):
        key = f"[{row}]"
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in ("product", "message"):
            reader.problem(FILE, f"{key}.kind", "must be \"product\" or \"message\"")
            continue
        schedule = _schedule(reader, key, item)
        if schedule is None:
            continue
        seconds = float(item.get("seconds", 7))
        if kind == "product":
            if item.get("sku") not in skus:
                reader.problem(FILE, f"{key}.sku", f"{item.get('sku')!r} is not a product of the pack")
                continue
            slides.append(Slide("product", seconds, sku=item["sku"], **schedule))
        else:
            title = reader.localized(FILE, f"{key}.title", item.get("title"), languages, None)
            subtitle = reader.localized(FILE, f"{key}.subtitle", item.get("subtitle", {}), (), None)
            slides.append(Slide("message", seconds, title=title, subtitle=subtitle,
                                color=str(item.get("color", "#1F4E46")), **schedule))
    return slides
