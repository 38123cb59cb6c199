"""The store's floor (`map.json`) and its curated collections (`collections.json`) in a content pack.

map.json: {"width": 60, "depth": 40 (metres, or any unit), "zones": [{"letter": "A", "name": {...}}],
"areas": [{"id": "A1", "rect": [x, y, w, h]}] (one per aisle a product names), "places": [{"name":
{...}, "rect": [...]}] (tills, workshop, entrance)}. collections.json: [{"id", "title": {...},
"text": {...}, "skus": [...]}].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.core.models import Localized
from kiosk.core.pack.reader import PackReader

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class StoreMap:
    """The floor plan: aisles and other places as rectangles, in the plan's own units."""

    width: float
    depth: float
    areas: dict[str, Rect]  # aisle id -> rect
    zones: dict[str, Localized]  # aisle letter -> department name
    places: tuple[tuple[Localized, Rect], ...] = ()


@dataclass(frozen=True)
class Collection:
    """A curated list: "a first marathon", with where to find each product."""

    id: str
    title: Localized
    text: Localized
    skus: tuple[str, ...]


def _rect(value: Any, width: float, depth: float) -> Rect | None:
    if not (isinstance(value, list) and len(value) == 4 and all(isinstance(v, int | float) for v in value)):
        return None
    x, y, w, h = (float(v) for v in value)
    if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > width or y + h > depth:
        return None
    return (x, y, w, h)


def read_map(reader: PackReader, languages: tuple[str, ...], aisles: set[str]) -> StoreMap | None:
    """The plan, checked: every rectangle inside the floor, every aisle a product names drawn on it."""
    data = reader.load_json("map.json", required=False)
    if data is None:
        return None
    file = "map.json"
    try:
        width, depth = float(data["width"]), float(data["depth"])
    except (KeyError, TypeError, ValueError):
        reader.problem(file, "width", "width and depth must be numbers")
        return None
    areas: dict[str, Rect] = {}
    for index, area in enumerate(data.get("areas", [])):
        rect = _rect(area.get("rect") if isinstance(area, dict) else None, width, depth)
        if rect is None or not isinstance(area.get("id"), str):
            reader.problem(file, f"areas[{index}]", "needs an id and a rect [x, y, w, h] inside the floor")
            continue
        areas[area["id"]] = rect
    for missing in sorted(aisles - set(areas)):
        reader.problem(file, "areas", f"aisle {missing!r} of a product is not on the map")
    zones = {}
    for index, zone in enumerate(data.get("zones", [])):
        if isinstance(zone, dict) and isinstance(zone.get("letter"), str):
            zones[zone["letter"]] = reader.localized(file, f"zones[{index}].name", zone.get("name"), languages, None)
    places = []
    for index, place in enumerate(data.get("places", [])):
        rect = _rect(place.get("rect") if isinstance(place, dict) else None, width, depth)
        if rect is None:
            reader.problem(file, f"places[{index}].rect", "must be [x, y, w, h] inside the floor")
            continue
        places.append((reader.localized(file, f"places[{index}].name", place.get("name"), languages, None), rect))
    return StoreMap(width, depth, areas, zones, tuple(places))


def read_collections(reader: PackReader, languages: tuple[str, ...], skus: set[str]) -> list[Collection]:
    """The curated lists, each product checked against the pack."""
    file = "collections.json"
    data = reader.load_json(file, required=False) or []
    collections = []
    for index, item in enumerate(data):
        key = f"[{index + 1}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            reader.problem(file, key, "needs an id, a title, a text and skus")
            continue
        unknown = [sku for sku in item.get("skus", []) if sku not in skus]
        if unknown or not item.get("skus"):
            reader.problem(file, f"{key}.skus", f"must list products of the pack (unknown: {unknown})")
            continue
        title = reader.localized(file, f"{key}.title", item.get("title"), languages, None)
        text = reader.localized(file, f"{key}.text", item.get("text", {}), (), None)
        collections.append(Collection(item["id"], title, text, tuple(item["skus"])))
    return collections
