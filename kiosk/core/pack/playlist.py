"""The attract playlist of a content pack (`playlist.json`), with each slide's schedule checked.

A slide: {"kind": "message", "title": {...}, "subtitle": {...}, "color": "#1F4E46"},
{"kind": "product", "sku": "..."} or {"kind": "video", "file": "videos/trail.mp4", "loop": false,
"poster": "images/trail.png"}, with "seconds", and optionally "roles" (["window"]), "days"
(["mon", "sat"]), "start"/"end" ("HH:MM", local), "first_date"/"last_date" ("YYYY-MM-DD") and
"fallback" (true: plays only when nothing else is scheduled).

A video slide that does not loop plays its film once, to its end; one that loops plays it again and
again for its "seconds" (30 by default). Its film is probed (codec, size, length against the kiosk's
limits: video_probe.py), and captions are read from `videos/trail.LANG.vtt` (or `trail.vtt`) beside it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kiosk.core.hours.opening_hours import WEEKDAYS
from kiosk.core.models import Slide
from kiosk.core.pack.captions import CaptionsProblem, read_captions
from kiosk.core.pack.reader import PackReader
from kiosk.core.pack.video_probe import VideoProblem

FILE = "playlist.json"
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
ROLES = ("terminal", "window")
SCHEDULE_KEYS = {"roles", "days", "start", "end", "first_date", "last_date", "fallback"}
KINDS = ("product", "message", "video")
LOOPING_SECONDS = 30.0  # a looping video slide with no "seconds"


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
        if kind not in KINDS:
            reader.problem(FILE, f"{key}.kind", "must be \"product\", \"message\" or \"video\"")
            continue
        schedule = _schedule(reader, key, item)
        if schedule is None:
            continue
        seconds = float(item.get("seconds", LOOPING_SECONDS if kind == "video" and item.get("loop") else 7))
        if kind == "video":
            video = read_video_slide(reader, key, item)
            if video is not None:
                slides.append(Slide("video", seconds, **video, **schedule))
            continue
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


def read_video_slide(reader: PackReader, key: str, item: dict[str, Any]) -> dict[str, Any] | None:
    """A video slide's film (probed against the limits), its poster, its loop flag and its captions
    checked; None (with problems recorded) when one is wrong."""
    before = len(reader.problems)
    file = item.get("file")
    film = reader.path_in_pack(FILE, f"{key}.file", file, None) if isinstance(file, str) and file else None
    if not isinstance(file, str) or not file:
        reader.problem(FILE, f"{key}.file", "a video slide names its film: \"videos/trail.mp4\"")
    elif film is not None:
        try:
            reader.check_video(film)
        except VideoProblem as problem:
            reader.problem(FILE, f"{key}.file", f"{file} {problem}")
        for captions in sorted([*film.parent.glob(f"{film.stem}.vtt"), *film.parent.glob(f"{film.stem}.*.vtt")]):
            name = captions.relative_to(reader.folder.resolve()).as_posix()
            try:
                read_captions(captions)
            except CaptionsProblem as problem:
                reader.problem(name, "", problem.why, problem.line)
            except OSError as error:
                reader.problem(name, "", f"cannot be read ({error.strerror})")
    poster = item.get("poster", "")
    if not isinstance(poster, str):
        reader.problem(FILE, f"{key}.poster", "must name a picture of the pack")
    elif poster:
        reader.path_in_pack(FILE, f"{key}.poster", poster, None)
    loop = item.get("loop", False)
    if not isinstance(loop, bool):
        reader.problem(FILE, f"{key}.loop", "must be true or false")
    if len(reader.problems) > before:
        return None
    return {"file": file, "loop": loop, "poster": poster}
