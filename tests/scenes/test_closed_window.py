"""A closed store's window never tells a passer-by what is inside (aisle, map, shelf stock, an adviser):
every scene the window shows is walked, its whole widget tree (what is scrolled out of sight too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Button
from tests.conftest import write_config

# The inside of the store, in the words of the English interface (the session is switched to English)
INSIDE = re.compile(r"\baisles?\b|\bmap\b|\bin stock\b|left in store|call an adviser|come in", re.IGNORECASE)


@pytest.fixture
def closed(tmp_path: Path) -> Iterator[Pilot]:
    """The window on Saturday 21 November 2026 at 22:00 in Lyon (closed until Monday 10:00), in English."""
    pilot = Pilot(load_config(write_config(tmp_path)), "window",
                  clock=ManualClock(datetime(2026, 11, 21, 21, 0, tzinfo=UTC)))
    width, height = pilot.app.display("window").screen.size
    pilot.tap(x=width // 2, y=height // 2)
    pilot.tap(label="Langue")
    pilot.tap(label="English")
    yield pilot
    pilot.close()


def said(pilot: Pilot) -> list[str]:
    """Every text of the scene in front: labels, what buttons show and their notes, in or out of sight."""
    scene = pilot.app.display("window").screen.stack.top
    root = scene.tree(pilot.app.display("window").screen.size)
    texts = []
    for widget in root.walk():
        texts.append(widget.label)
        if isinstance(widget, Button):
            texts += [widget.shown, widget.note]
    return [text for text in texts if text]


def inside_words(pilot: Pilot) -> list[str]:
    return [text for text in said(pilot) if INSIDE.search(text)]


@pytest.mark.slow  # every scene of the window, seconds: CI runs it
def test_no_window_scene_says_what_is_inside_the_closed_store(closed: Pilot) -> None:
    display = closed.app.display("window")
    ctx = display.ctx
    seen: dict[str, list[str]] = {}

    def look(where: str) -> None:
        closed.advance(0.5)
        seen[where] = inside_words(closed)

    look("home")
    catalog = closed.app.shop.catalog
    # every product page (sizes chosen, in stock and not), scrolled to "bought together" and the reviews
    for product in catalog.browse(None, "popular", limit=1000):
        ctx.show(ctx.routes.product(product.sku))
        look(f"product {product.sku}")
        for variant in catalog.variants(product.sku)[:3]:
            ctx.back()
            ctx.show(ctx.routes.product(product.sku, variant.sku))
            look(f"product {product.sku} {variant.sku}")
        ctx.back()
    for collection in catalog.collections():
        ctx.show(ctx.routes.collection(collection))
        look(f"collection {collection.id}")
        ctx.back()
    for category in catalog.categories:
        ctx.show(ctx.routes.browse(category.id))
        look(f"department {category.id}")
        ctx.back()
    ctx.show(ctx.routes.search())
    closed.type("trail")
    look("search")
    closed.type("qqqqxz")
    look("search, nothing found")
    closed.tap(label="Home")
    assert closed.scene == "home"
    closed.tap(label="Racer Carbon Pro")
    closed.tap(label="In the comparison")
    closed.tap(label="Back")
    closed.tap(label="Road bike Alto 900 Carbon")
    closed.tap(label="In the comparison")
    closed.tap(label="Compare (2)")
    look("compare")
    closed.tap(label="Home")
    closed.tap(label="Racer Carbon Pro")
    closed.tap(label="41")
    closed.tap(label="Add to cart")
    look("product, added")
    closed.tap(label="Cart (1)")
    look("cart")
    closed.tap(label="Order")
    closed.type("ada@example.org")
    look("checkout contact")
    closed.tap(label="Next")
    look("checkout fulfilment")
    closed.tap(label="Collect at the store")
    look("checkout review")
    closed.tap(label="Confirm order")
    look("order confirmed")
    assert len(seen) > 60
    assert {where: words for where, words in seen.items() if words} == {}


def test_the_same_walk_finds_the_inside_while_the_store_is_open(tmp_path: Path) -> None:
    """The check above can fail: on Friday at 11:00 the window's product page says the aisle and the stock."""
    pilot = Pilot(load_config(write_config(tmp_path)), "window",
                  clock=ManualClock(datetime(2026, 11, 20, 10, 0, tzinfo=UTC)))
    try:
        width, height = pilot.app.display("window").screen.size
        pilot.tap(x=width // 2, y=height // 2)
        pilot.tap(label="Langue")
        pilot.tap(label="English")
        pilot.tap(label="Racer Carbon Pro")
        found = inside_words(pilot)
        assert "In stock" in found and "Aisle B1: show on the map" in found
    finally:
        pilot.close()
