"""A product's gallery as a shopper uses it: swiped, tapped through its thumbnails, zoomed with a double tap
or a pinch, and the colour chosen showing its own pictures (tree and pixels, through the pilot)."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.gallery import MAX_ZOOM, Gallery
from tests.conftest import REPO
from tests.test_layout_matrix import pilot_for

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


def _fingers(pilot: Pilot, *moves: tuple[int, str, tuple[int, int]]) -> None:
    """Real SDL finger events (as a touch screen sends them) into the app's event queue: (finger, down,
    move or up, position in pixels), then one turn of the loop."""
    width, height = pilot.app.display().screen.full.get_size()  # the whole glass (in reach mode too)
    kinds = {"down": pygame.FINGERDOWN, "move": pygame.FINGERMOTION, "up": pygame.FINGERUP}
    for finger, kind, (x, y) in moves:
        pygame.event.post(pygame.event.Event(kinds[kind], x=x / width, y=y / height, dx=0.0, dy=0.0, finger_id=finger,
                                             touch_id=1, pressure=1.0 if kind != "up" else 0.0))
    pilot.app.step(block=False)


@pytest.mark.slow  # a two-finger gesture frame by frame: CI runs it
def test_two_fingers_spread_on_the_picture_zoom_it_and_closed_zoom_it_out(shopping: Pilot, tmp_path: Path) -> None:
    _open(shopping, "BIK-101")
    x, y, w, h = _gallery(shopping)
    cx, cy = x + w // 2, y + h // 2
    whole = shopping.screenshot(tmp_path / "whole.png")
    _fingers(shopping, (1, "down", (cx - 60, cy)), (2, "down", (cx + 60, cy)))
    for step in range(1, 9):  # the fingers spread to three times their gap, in steps as a hand moves
        _fingers(shopping, (1, "move", (cx - 60 - step * 15, cy)), (2, "move", (cx + 60 + step * 15, cy)))
    zoom = shopping.details()["zoom"]
    assert 2.5 <= zoom <= 3.1, f"the picture zoomed as far as the fingers spread: {zoom}"
    _fingers(shopping, (2, "up", (cx + 180, cy)), (1, "up", (cx - 180, cy)))
    assert shopping.scene == "product" and shopping.details()["product"] == "BIK-101", "no tap went through"
    assert shopping.details()["picture"] == 0 and _gallery(shopping) == (x, y, w, h), "nor a swipe or a scroll"
    zoomed = shopping.screenshot(tmp_path / "zoomed.png")
    shot_whole, shot_zoomed = pygame.image.load(str(whole)), pygame.image.load(str(zoomed))
    changed = sum(shot_whole.get_at((x + i * w // 20, y + j * h // 20)) != shot_zoomed.get_at((x + i * w // 20,
                                                                                               y + j * h // 20))
                  for i in range(1, 20) for j in range(1, 20))
    assert changed > 100, "the picture is drawn larger"
    assert shot_whole.get_at((x - 4, y + h // 2)) == shot_zoomed.get_at((x - 4, y + h // 2)), "and stays in its frame"

    _fingers(shopping, (1, "down", (cx - 200, cy)), (2, "down", (cx + 200, cy)))
    for step in range(1, 9):
        _fingers(shopping, (1, "move", (cx - 200 + step * 20, cy)), (2, "move", (cx + 200 - step * 20, cy)))
    _fingers(shopping, (1, "up", (cx - 40, cy)), (2, "up", (cx + 40, cy)))
    assert shopping.details()["zoom"] == 1.0, "closed: the whole picture again"


@pytest.mark.slow  # a two-finger gesture frame by frame: CI runs it
def test_two_fingers_dragged_together_move_the_zoomed_picture(shopping: Pilot, tmp_path: Path) -> None:
    _open(shopping, "BIK-101")
    x, y, w, h = _gallery(shopping)
    cx, cy = x + w // 2, y + h // 2
    _fingers(shopping, (1, "down", (cx - 50, cy)), (2, "down", (cx + 50, cy)))
    _fingers(shopping, (1, "move", (cx - 100, cy)), (2, "move", (cx + 100, cy)))
    before = shopping.picture()
    for step in range(1, 6):  # both fingers slide right together, 100 px: the picture follows them
        _fingers(shopping, (1, "move", (cx - 100 + step * 20, cy)), (2, "move", (cx + 100 + step * 20, cy)))
    _fingers(shopping, (1, "up", (cx, cy)), (2, "up", (cx + 200, cy)))
    after = shopping.picture()
    assert shopping.details()["zoom"] == 2.0

    def alike(shift: int) -> int:
        """Points of the picture's middle band that show now what showed `shift` px to their left."""
        return sum(before.get_at((px, py)) == after.get_at((px + shift, py))
                   for px in range(x + w // 4, x + w * 3 // 4 - 100, 4) for py in range(cy - 100, cy + 100, 20))

    assert alike(100) > 2 * alike(0), "the picture moved with the fingers"


@pytest.mark.slow  # the 4K window zoomed step by step: CI runs it
def test_a_picture_zoomed_to_the_most_on_the_4k_window_keeps_no_more_than_its_frame(tmp_path: Path) -> None:
    """Zoomed 4x on the 4K window, the picture was kept scaled whole (7200 px a side, about 200 MB): now the
    part in the frame is scaled at the frame's size, and the cache keeps the picture at its own size."""
    pilot = pilot_for(tmp_path, "window", (3840, 2160), "fr")
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("BIK-101"))
        pilot.advance(0.2)
        x, y, w, h = _gallery(pilot)
        screen = pilot.app.display().screen
        whole = pilot.picture()
        pilot.tap(x=x + w // 3, y=y + h // 3)
        pilot.tap(x=x + w // 3, y=y + h // 3)
        assert pilot.details()["zoom"] == 2.5
        cx, cy = x + w // 2, y + h // 2
        _fingers(pilot, (1, "down", (cx - 60, cy)), (2, "down", (cx + 60, cy)))
        for step in range(1, 9):  # the fingers spread to three times their gap: the most zoom
            _fingers(pilot, (1, "move", (cx - 60 - step * 15, cy)), (2, "move", (cx + 60 + step * 15, cy)))
        _fingers(pilot, (2, "up", (cx + 180, cy)), (1, "up", (cx - 180, cy)))
        pilot.advance(0.2)
        assert pilot.details()["zoom"] == MAX_ZOOM
        zoomed = pilot.picture()
        gallery = next(g for g in screen.stack.top.tree(screen.size).walk() if isinstance(g, Gallery))
        frame = w * h * 4
        assert 0 < gallery.zoomed_bytes <= frame * 1.05, (gallery.zoomed_bytes, frame)
        source = 1200 * 1200 * 4  # the demo's pictures are 1200 px: kept at their own size
        # (and the page's other pictures: 12 MB in all; the picture scaled whole at 4x was 20.7 MB alone)
        assert screen.images.held_bytes <= source + frame + (8 << 20), (screen.images.held_bytes, frame)
        changed = sum(whole.get_at((x + i * w // 20, y + j * h // 20)) != zoomed.get_at((x + i * w // 20,
                                                                                          y + j * h // 20))
                      for i in range(1, 20) for j in range(1, 20))
        assert changed > 100, "the zoomed pixels show in the frame"
        assert whole.get_at((x - 4, y + h // 2)) == zoomed.get_at((x - 4, y + h // 2)), "and stay in it"
    finally:
        pilot.close()
