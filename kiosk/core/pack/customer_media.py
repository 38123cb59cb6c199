"""Customers' own photos and short videos in a pack: a review's `media`, and `testimonials.json`.

The store's moderation (the backend) decides what is shown, never the kiosk: an item shows only when the
pack marks it `"approved": true`, and it names its author as the customer agreed to be named. What is not
approved is read, checked and left out of the catalogue, so it can never show.

    reviews.json:      {"id": "R0001", ..., "media": [{"kind": "photo", "file": "customers/r1.jpg",
                        "approved": true}, {"kind": "video", "file": "customers/r1.mp4",
                        "poster": "customers/r1-poster.jpg", "approved": true}]}
    testimonials.json: [{"id": "T1", "sku": "RUN-112" | "collection": "first-marathon", "author": "Léa, Lyon",
                        "date": "2026-03-02", "video": "customers/t1.mp4", "poster": "customers/t1.jpg",
                        "quote": {"fr": "...", "en": "..."}, "language": "fr", "approved": true}]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.core.models import Media, Testimonial
from kiosk.core.pack.image_header import ImageProblem, check_picture
from kiosk.core.pack.reader import PackReader
from kiosk.core.pack.video_probe import VideoProblem

MEDIA_FIELDS = {"kind", "file", "poster", "approved"}
TESTIMONIAL_FIELDS = {"id", "sku", "collection", "author", "date", "video", "poster", "quote", "language", "approved"}
VIDEO_TYPES = (".mp4", ".webm")
MAX_MEDIA = 6  # a review's photos and videos
AUTHOR_MAX = 80


def check_picture_file(reader: PackReader, file: str, key: str, path: Any, line: int | None) -> bool:
    """A customer's photo or a video's poster: inside the pack and a picture the kiosk can show."""
    if not isinstance(path, str) or not path:
        reader.problem(file, key, "must name a picture in the pack", line)
        return False
    found = reader.path_in_pack(file, key, path, line)
    if found is None:
        return False
    try:
        check_picture(found)
    except ImageProblem as problem:
        reader.problem(file, key, f"{path} {problem}", line)
        return False
    return True


def check_video_file(reader: PackReader, file: str, key: str, path: Any, line: int | None) -> bool:
    """A customer's video: inside the pack, and probed like the store's own films (codec, size, length, whole)."""
    if not isinstance(path, str) or not path:
        reader.problem(file, key, "must name a video in the pack", line)
        return False
    if not path.lower().endswith(VIDEO_TYPES):
        reader.problem(file, key, f"{path} is not an MP4 or WebM video", line)
        return False
    found = reader.path_in_pack(file, key, path, line)
    if found is None:
        return False
    try:
        reader.check_video(found)
    except VideoProblem as problem:
        reader.problem(file, key, f"{path} {problem}", line)
        return False
    return True


def read_media(reader: PackReader, file: str, key: str, raw: Any, line: int | None) -> tuple[Media, ...]:
    """A review's photos and videos, the approved ones (every one checked, approved or not)."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_MEDIA:
        reader.problem(file, key, f"must be a list of at most {MAX_MEDIA} photos and videos", line)
        return ()
    shown: list[Media] = []
    for index, item in enumerate(raw):
        where = f"{key}[{index}]"
        if not isinstance(item, dict):
            reader.problem(file, where, "must be {\"kind\", \"file\", \"approved\"}", line)
            continue
        unknown = sorted(set(item) - MEDIA_FIELDS)
        if unknown:
            reader.problem(file, f"{where}.{unknown[0]}", "is not a field of a review's photo or video", line)
            continue
        kind = item.get("kind")
        if kind == "photo":
            fine = check_picture_file(reader, file, f"{where}.file", item.get("file"), line)
        elif kind == "video":
            fine = check_video_file(reader, file, f"{where}.file", item.get("file"), line)
            if "poster" in item:
                fine = check_picture_file(reader, file, f"{where}.poster", item["poster"], line) and fine
        else:
            reader.problem(file, f"{where}.kind", f"{kind!r} is not \"photo\" or \"video\"", line)
            continue
        approved = item.get("approved", False)
        if not isinstance(approved, bool):
            reader.problem(file, f"{where}.approved", "must be true or false", line)
            continue
        if fine and approved:
            shown.append(Media(kind, item["file"], str(item.get("poster") or "")))
    return tuple(shown)


def read_testimonials(reader: PackReader, skus: set[str], collections: set[str]) -> list[Testimonial]:
    """`testimonials.json`: customers' short videos about a product or a collection; the approved ones."""
    file = "testimonials.json"
    data = reader.load_json(file, required=False) or []
    if not isinstance(data, list):
        reader.problem(file, "", "must be a list of testimonials")
        return []
    lines = reader.row_lines(file)
    shown: list[Testimonial] = []
    for row, item in enumerate(data, start=1):
        key, line = f"[{row}]", lines.get(row)
        if not isinstance(item, dict):
            reader.problem(file, key, "must be an object", line)
            continue
        before = len(reader.problems)
        for unknown in sorted(set(item) - TESTIMONIAL_FIELDS):
            reader.problem(file, f"{key}.{unknown}", "is not a field of a testimonial", line)
        sku, collection = str(item.get("sku") or ""), str(item.get("collection") or "")
        if bool(sku) == bool(collection):
            reader.problem(file, key, "names a product (\"sku\") or a collection (\"collection\"), one of them", line)
        elif sku and sku not in skus:
            reader.problem(file, f"{key}.sku", f"{sku!r} is not a product of the pack", line)
        elif collection and collection not in collections:
            reader.problem(file, f"{key}.collection", f"{collection!r} is not in collections.json", line)
        author = reader.text(file, f"{key}.author", item.get("author") or "", line, AUTHOR_MAX).strip()
        if not author:
            reader.problem(file, f"{key}.author", "is required: the name the customer agreed to be shown by", line)
        try:
            when = date.fromisoformat(str(item.get("date")))
        except ValueError:
            reader.problem(file, f"{key}.date", f"{item.get('date')!r} is not a date (YYYY-MM-DD)", line)
            when = date.min
        check_video_file(reader, file, f"{key}.video", item.get("video"), line)
        if item.get("poster"):
            check_picture_file(reader, file, f"{key}.poster", item["poster"], line)
        quote = reader.localized(file, f"{key}.quote", item["quote"], (), line) if item.get("quote") else {}
        approved = item.get("approved", False)
        if not isinstance(approved, bool):
            reader.problem(file, f"{key}.approved", "must be true or false", line)
        if len(reader.problems) > before or approved is not True:
            continue
        shown.append(Testimonial(str(item.get("id") or key), author, when, str(item["video"]),
                                 str(item.get("poster") or ""), quote, str(item.get("language") or ""),
                                 sku=sku, collection=collection))
    return shown
