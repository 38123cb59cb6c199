"""The films about products that a pack's `videos.json` lists, each probed and its poster checked.

    [{"sku": "BIK-102", "file": "videos/BIK-102.webm", "title": {"fr": "La roue", "en": "The wheel"},
      "poster": "images/BIK-102-film.png"}]

A film is probed like a video slide's (video_probe.py: codec, size, length, whole) and keeps its size,
so that the product page gives it a box of its shape before a frame is decoded.
"""

from __future__ import annotations

from typing import Any

from kiosk.core.models import ProductVideo
from kiosk.core.pack.reader import PackReader
from kiosk.core.pack.video_probe import VideoProblem

FILE = "videos.json"


def read_product_videos(reader: PackReader, languages: tuple[str, ...], skus: set[str]) -> list[ProductVideo]:
    """Every film of the pack's videos.json (none without one); problems go to the reader."""
    data = reader.load_json(FILE, required=False) or []
    lines = reader.row_lines(FILE) if data else {}
    videos: list[ProductVideo] = []
    for row, item in enumerate(data, start=1):
        video = _video(reader, f"[{row}]", item, languages, skus, lines.get(row))
        if video is not None:
            videos.append(video)
    return videos


def _video(reader: PackReader, key: str, item: Any, languages: tuple[str, ...], skus: set[str],
           line: int | None) -> ProductVideo | None:
    before = len(reader.problems)
    if item.get("sku") not in skus:
        reader.problem(FILE, f"{key}.sku", f"{item.get('sku')!r} is not a product of the pack", line)
    file = str(item.get("file", ""))
    film = reader.path_in_pack(FILE, f"{key}.file", file, line)
    info = None
    if film is not None:
        try:
            info = reader.check_video(film)
        except VideoProblem as problem:
            reader.problem(FILE, f"{key}.file", f"{file} {problem}", line)
    poster = str(item.get("poster", ""))
    if poster:
        reader.path_in_pack(FILE, f"{key}.poster", poster, line)
    title = reader.localized(FILE, f"{key}.title", item["title"], languages, line) if "title" in item else None
    if len(reader.problems) > before or info is None:
        return None
    return ProductVideo(str(item["sku"]), file, title, poster, info.width, info.height, info.seconds)
