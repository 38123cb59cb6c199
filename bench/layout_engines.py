"""Build time of one 4K shop-window page (a header and 24 product cards) laid out by kiosk/ui/layout.py,
and by stretchable (Taffy, the CSS flexbox/grid engine) when it is installed, for the choice of engine:

    python -m bench.layout_engines          # pip install stretchable first to compare
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from bench.setup import REPO
from kiosk.ui.layout import Insets, column, fit, fixed, grid, layout, leaf, row, text
from kiosk.ui.text import TextCache
from kiosk.ui.theme import load_theme
from kiosk.ui.widgets import Button, Label, Widget

NAMES = [f"Vélo de route Alto {i} Carbone édition {i * 7}" for i in range(24)]


def ours(cache: TextCache, theme: Any) -> None:
    """The page with our boxes."""
    cards = [column(leaf(Widget((0, 0, 0, 0)), height=fixed(300)),
                    text(Label((0, 0, 0, 0), name, wrap=True, bold=True), cache, theme, sizes=("text",), max_lines=2),
                    text(Label((0, 0, 0, 0), "1 299,00 €", size="title"), cache, theme),
                    row(leaf(Button((0, 0, 0, 0), "Comparer", None), height=fit(min=120)),
                        leaf(Button((0, 0, 0, 0), "Panier", None), height=fit(min=120)), gap=20),
                    gap=16, padding=Insets.all(24)) for name in NAMES]
    page = column(leaf(Widget((0, 0, 0, 0)), height=fixed(200)), grid(*cards, columns=6, gap=30), gap=40,
                  padding=Insets.all(60))
    layout(page, (0, 0, 3840, 2160))


def taffy(cache: TextCache, theme: Any) -> None:
    """The same page with stretchable's nodes and styles."""
    import stretchable as st
    from stretchable.node import SizePoints
    from stretchable.style import AUTO, Display, FlexDirection, Style

    def measure(label: str, size: str) -> Callable[..., Any]:
        def answer(node: Any, known: Any, available: Any) -> Any:
            width = known.width.value if known.width.value and not math.isnan(known.width.value) \
                else available.width.value
            if width is None or math.isnan(width) or width <= 0:
                width = 3000
            pixels = theme.size(size)
            lines = cache.wrap(label, pixels, int(width), True)[:2]
            return SizePoints(min(width, max(cache.width(line, pixels, True) for line in lines)),
                              len(lines) * cache.line_height(pixels, True))
        return answer

    root = st.Node(style=Style(flex_direction=FlexDirection.COLUMN, size=(3840, 2160), padding=60, gap=40))
    root.append(st.Node(style=Style(size=(AUTO, 200))))
    cells = st.Node(style=Style(display=Display.GRID, gap=30, grid_template_columns="repeat(6, 1fr)"))
    root.append(cells)
    for name in NAMES:
        card = st.Node(style=Style(flex_direction=FlexDirection.COLUMN, gap=16, padding=24))
        card.append(st.Node(style=Style(size=(AUTO, 300))))
        card.append(st.Node(measure=measure(name, "text")))
        card.append(st.Node(measure=measure("1 299,00 €", "title")))
        buttons = st.Node(style=Style(gap=20))
        for _ in range(2):
            buttons.append(st.Node(style=Style(flex_grow=1, min_size=(AUTO, 120))))
        card.append(buttons)
        cells.append(card)
    root.compute_layout()


def main() -> None:
    """Median and worst of 30 builds of the page, each engine."""
    pygame.font.init()
    theme = load_theme(REPO / "kiosk" / "shipped" / "themes" / "window.toml", (3840, 2160))
    cache = TextCache(theme)
    engines: dict[str, Callable[[TextCache, Any], None]] = {"kiosk.ui.layout": ours}
    try:
        import stretchable  # noqa: F401
        engines["stretchable (Taffy)"] = taffy
    except ImportError:
        print("stretchable is not installed: only our engine is measured")
    for name, build in engines.items():
        for _ in range(3):
            build(cache, theme)
        times = []
        for _ in range(30):
            started = time.perf_counter()
            build(cache, theme)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name}: a 4K page of 24 cards laid out in {statistics.median(times):.2f} ms (median), "
              f"{max(times):.2f} ms at worst")


if __name__ == "__main__":
    main()
