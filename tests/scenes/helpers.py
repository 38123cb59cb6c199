"""The set-up the scene tests share: a session on one of the shapes, started as a shopper starts it, with
products in its cart and a screen open."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pygame

from kiosk.scenes.routes import Routes
from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import contrast
from kiosk.ui.scene import Scene
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Widget
from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import SHAPES, pilot_for

# each shape in French in normal mode and in German in accessible mode (the snapshots' two), with their test ids
EACH_SHAPE = [(display, size, language, accessible) for display, size in SHAPES for language, accessible in
              (("de", True), ("fr", False))]
EACH_SHAPE_IDS = [f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in EACH_SHAPE]


def started(folder: Path, display: str, size: tuple[int, int], language: str, *, accessible: bool = False,
            mail: bool = False) -> Pilot:
    """`display` at `size` in `language` (the matrix's pilot: a Saturday afternoon, the shop open; "send it by
    email" offered with `mail`), started by a touch a third of the way down, in accessible mode if asked; the
    caller closes it (`session` does)."""
    pilot = pilot_for(folder, display, size, language, mail=mail)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        pilot.app.display().set_accessible(accessible)
    except BaseException:
        pilot.close()
        raise
    return pilot


def tap_on(pilot: Pilot, widget: Widget) -> None:
    """A finger on `widget`'s middle (a disabled one too, which says why it is)."""
    middle = widget.screen_rect().center
    pilot.tap(x=middle[0], y=middle[1] + pilot.app.display().screen.offset)


def bounds(pilot: Pilot, label: str) -> pygame.Rect:
    """Where the widget saying `label` is now (a tenth of a second on)."""
    pilot.advance(0.1)
    shown = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return pygame.Rect(next(w["bounds"] for w in shown if w["label"] == label))


def words_of(pilot: Pilot, rect: pygame.Rect) -> pygame.Rect:
    """The room of a button's words: inside its edge."""
    inside = 2 * pilot.app.display().ctx.theme.px(12)
    return rect.inflate(-inside, -inside)


def comparing(pilot: Pilot, skus: tuple[str, ...]) -> Pilot:
    """`pilot` with `skus` added to the comparison and the comparison shown (for a fifth of a second)."""
    ctx = pilot.app.display().ctx
    for sku in skus:
        ctx.session.add_to_compare(sku)
    ctx.show(ctx.routes.compare())
    pilot.advance(0.2)
    return pilot


@contextmanager
def session(folder: Path, display: str, size: tuple[int, int], language: str, *, accessible: bool = False,
            mail: bool = False, cart: tuple[str, ...] = (), screen: Callable[[Routes], Scene] | None = None,
            ) -> Iterator[Pilot]:
    """A session `started`, with one of each of `cart` in the cart (shoes in size 42) and `screen` (made from
    the display's routes) shown for a tenth of a second; closed at the end."""
    pilot = started(folder, display, size, language, accessible=accessible, mail=mail)
    try:
        shown = pilot.app.display()
        for sku in cart:
            put_in_cart(shown.ctx, sku)
        if screen is not None:
            shown.ctx.show(screen(shown.ctx.routes))
            pilot.advance(0.1)
        yield pilot
    finally:
        pilot.close()


Rgb = tuple[int, int, int]


def rgb(picture: pygame.Surface, x: int, y: int) -> Rgb:
    """The colour of one pixel."""
    red, green, blue, _ = picture.get_at((x, y))
    return red, green, blue


def ground(picture: pygame.Surface, area: pygame.Rect) -> Rgb:
    """The colour most of `area` shows (a box's fill under its words)."""
    return Counter(rgb(picture, x, y) for x in range(area.left, area.right, 2)
                   for y in range(area.top, area.bottom, 2)).most_common(1)[0][0]


def inked(picture: pygame.Surface, x: int, y: int, ink: Rgb) -> bool:
    """Whether the pixel is (near) `ink`."""
    return sum(abs(a - b) for a, b in zip(rgb(picture, x, y), ink)) < 90


def stroke(picture: pygame.Surface, area: pygame.Rect, ink: Rgb) -> float:
    """How thick the strokes drawn in `ink` within `area` are, whatever their slant: twice their area over their
    outline (a stroke `t` thick and `L` long covers t * L pixels and is edged by 2 * L of them)."""
    drawn = {(x, y) for x in range(area.left, area.right) for y in range(area.top, area.bottom)
             if inked(picture, x, y, ink)}
    edge = sum(any((x + dx, y + dy) not in drawn for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))) for x, y in drawn)
    return 2 * len(drawn) / edge if edge else 0.0


def tick_and_words(picture: pygame.Surface, area: pygame.Rect, ink: Rgb) -> tuple[pygame.Rect, pygame.Rect]:
    """Where a ticked button's tick and its words are drawn in `ink` within `area`: the first run of columns with
    ink (the tick), then from the next inked column to the last (the words, after a space)."""
    columns = [x for x in range(area.left, area.right) if any(inked(picture, x, y, ink)
                                                               for y in range(area.top, area.bottom))]
    assert columns, f"nothing drawn in {ink} within {list(area)}"
    end = next((a for a, b in pairwise(columns) if b > a + 1), columns[-1])
    rest = [x for x in columns if x > end]
    tick = pygame.Rect(columns[0], area.top, end + 1 - columns[0], area.height)
    words = pygame.Rect(rest[0], area.top, rest[-1] + 1 - rest[0], area.height) if rest else pygame.Rect(0, 0, 0, 0)
    return tick, words


def assert_chosen_look(picture: pygame.Surface, theme: Theme, chosen: pygame.Rect, other: pygame.Rect | None,
                       what: str) -> None:
    """`chosen` in the one look of a chosen option (a size's): on a tint of the primary colour, not its fill, its
    words at 7:1 on it; and `other` (an option not chosen, if any) on the surface, edged at 3:1 on the page."""
    primary, text = theme.color("primary")[:3], theme.color("text")[:3]
    surface = theme.color("surface")[:3]
    inner = chosen.inflate(-2 * theme.px(12), -2 * theme.px(12))
    tint = ground(picture, inner)
    assert tint != primary and contrast(tint, primary) < contrast(surface, primary), \
        f"{what}: its ground {tint} is no tint of {primary} (the surface is {surface})"
    assert contrast(text, tint) >= 7.0, f"{what}: its words at {contrast(text, tint):.1f}:1 on its tint"
    if other is not None:
        edge, page = rgb(picture, other.left + 1, other.centery), rgb(picture, other.left - 3, other.centery)
        assert contrast(edge, page) >= 3.0, f"{what}: an unchosen one's edge {edge} at {contrast(edge, page):.1f}:1"


def assert_bold_tick(picture: pygame.Surface, area: pygame.Rect, ink: Rgb, what: str) -> None:
    """The tick before the words in `area` drawn as bold as they are (nine tenths of their stroke at least)."""
    tick, words = tick_and_words(picture, area, ink)
    ticked, letters = stroke(picture, tick, ink), stroke(picture, words, ink)
    assert letters >= 2 and ticked >= 0.9 * letters, \
        f"{what}: the tick's stroke {ticked:.1f} px, the words' {letters:.1f}"
