"""The set-up the scene tests share: a session on one of the shapes, started as a shopper starts it, with
products in its cart and a screen open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.scenes.routes import Routes
from kiosk.testing.pilot import Pilot
from kiosk.ui.scene import Scene
from kiosk.ui.widgets import Widget
from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import pilot_for


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
