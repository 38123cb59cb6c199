"""A product's gallery as a shopper uses it: swiped, tapped through its thumbnails, zoomed with a double tap
or a pinch, and the colour chosen showing its own pictures (tree and pixels, through the pilot)."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from kiosk.testing.pilot import Pilot
from tests.conftest import REPO

PRODUCTS = {p["sku"]: p for p in json.loads((REPO / "content" / "demo" / "products.json").read_text("utf-8"))}


def _open(shopping: Pilot, sku: str) -> None:
    shopping.scan(PRODUCTS[sku]["gtin"])
    assert shopping.details()["product"] == sku


def _gallery(pilot: Pilot) -> tuple[int, int, int, int]:
    """Where the product's picture shows (the first picture in the tree: the gallery)."""
    widgets = next(iter(pilot.request("tree")["displays"].values()))["widgets"]
    x, y, w, h = next(w["bounds"] for w in widgets if w["role"] == "image")
    return x, y, w, h


def _mean_colour(picture: Path, area: tuple[int, int, int, int]) -> tuple[float, float, float]:
    shot = pygame.image.load(str(picture))
    x, y, w, h = area
    inner = pygame.Rect(x + w // 4, y + h // 4, w // 2, h // 2)  # the product, not the backdrop round it
    mean = pygame.transform.average_color(shot, inner)
    return mean[0], mean[1], mean[2]


def test_choosing_a_colour_shows_that_colours_pictures(shopping: Pilot, tmp_path: Path) -> None:
    _open(shopping, "BAC-134")
    assert shopping.details()["pictures"][0] == "BAC-134-black.jpg"
    black = _mean_colour(shopping.screenshot(tmp_path / "black.png"), _gallery(shopping))
    shopping.tap("rouge")
    state = shopping.details()
    assert state["variant"] == "BAC-134-RED"
    assert state["pictures"] == ["BAC-134-red.jpg", "BAC-134-red-back.webp", "BAC-134-red-side.webp"]
    red = _mean_colour(shopping.screenshot(tmp_path / "red.png"), _gallery(shopping))
    assert red[0] > red[1] + 30 and red[0] > red[2] + 30, f"the backpack shows red: {red}"
    assert red[0] > black[0] + 30, f"and was not red before: {black}"
    shopping.tap("bleu nuit")
    navy = _mean_colour(shopping.screenshot(tmp_path / "navy.png"), _gallery(shopping))
    assert navy[2] > navy[0] + 10, f"navy is blue: {navy}"


def test_a_swipe_on_the_picture_shows_the_next_and_a_thumbnail_any(shopping: Pilot, tmp_path: Path) -> None:
    _open(shopping, "BIK-105")
    x, y, w, h = _gallery(shopping)
    first = shopping.screenshot(tmp_path / "first.png")
    assert shopping.details()["picture"] == 0
    shopping.swipe((x + w * 3 // 4, y + h // 2), (x + w // 4, y + h // 2), ms=200)
    assert shopping.details()["picture"] == 1, "swiped left: the next picture"
    assert shopping.scene == "product" and shopping.details()["product"] == "BIK-105", "the page stays"
    second = shopping.screenshot(tmp_path / "second.png")
    assert _mean_colour(first, (x, y, w, h)) != _mean_colour(second, (x, y, w, h))
    shopping.swipe((x + w // 4, y + h // 2), (x + w * 3 // 4, y + h // 2), ms=200)
    assert shopping.details()["picture"] == 0, "swiped right: back"
    shopping.swipe((x + w // 4, y + h // 2), (x + w * 3 // 4, y + h // 2), ms=200)
    assert shopping.details()["picture"] == 0 and shopping.scene == "product", "nothing before the first"
    name = PRODUCTS["BIK-105"]["name"]["fr"]
    shopping.tap(f"Photo 3 sur 3 : {name}")
    assert shopping.details()["picture"] == 2


def test_a_double_tap_zooms_where_tapped_and_another_zooms_out(shopping: Pilot, tmp_path: Path) -> None:
    _open(shopping, "BIK-101")
    x, y, w, h = _gallery(shopping)
    whole = shopping.screenshot(tmp_path / "whole.png")
    shopping.tap(x=x + w // 4, y=y + h // 2)
    assert shopping.details()["zoom"] == 1.0, "one tap does nothing"
    shopping.advance(1.0)
    shopping.tap(x=x + w // 4, y=y + h // 2)
    assert shopping.details()["zoom"] == 1.0, "two taps a second apart are two taps"
    shopping.tap(x=x + w // 4, y=y + h // 2)
    assert shopping.details()["zoom"] == 2.5
    zoomed = shopping.screenshot(tmp_path / "zoomed.png")
    shot_whole, shot_zoomed = pygame.image.load(str(whole)), pygame.image.load(str(zoomed))
    changed = sum(shot_whole.get_at((x + i * w // 20, y + j * h // 20)) != shot_zoomed.get_at((x + i * w // 20,
                                                                                               y + j * h // 20))
                  for i in range(1, 20) for j in range(1, 20))
    assert changed > 100, "the picture is drawn larger"
    assert shot_whole.get_at((x - 4, y + h // 2)) == shot_zoomed.get_at((x - 4, y + h // 2)), "and stays in its frame"
    shopping.swipe((x + w * 3 // 4, y + h // 2), (x + w // 4, y + h // 2), ms=200)
    assert shopping.details()["picture"] == 0, "a drag on a zoomed picture moves it, not to the next"
    shopping.advance(1.0)
    shopping.tap(x=x + w // 2, y=y + h // 2)
    shopping.tap(x=x + w // 2, y=y + h // 2)
    assert shopping.details()["zoom"] == 1.0
