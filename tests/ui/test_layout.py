"""The layout system: boxes measure, then arrange; text wraps, shrinks, then cuts; nothing overlaps."""

from __future__ import annotations

import itertools

import pygame
import pytest

from kiosk.ui.layout import (
    Insets,
    column,
    dock,
    first_that_fits,
    fit,
    fixed,
    flex,
    grid,
    layout,
    leaf,
    mount,
    row,
    scroll,
    shape,
    status_zone,
    text,
)
from kiosk.ui.scroll import ScrollView
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme, load_theme
from kiosk.ui.widgets import Button, Label, Panel, Status, Widget
from tests.conftest import REPO


@pytest.fixture(scope="module")
def theme() -> Theme:
    pygame.font.init()
    return load_theme(REPO / "kiosk" / "shipped" / "themes" / "default.toml", (1080, 1920))


def box(name: str = "") -> Widget:
    return Widget((0, 0, 0, 0), label=name)


def test_a_column_gives_fixed_fit_and_flex_children_their_heights(theme: Theme) -> None:
    header, body, footer = box("header"), box("body"), box("footer")
    tree = column(leaf(header, height=fixed(100)), leaf(body, height=flex()), leaf(footer, height=fixed(200)),
                  gap=10, padding=Insets.all(20))
    layout(tree, (0, 0, 1080, 1920))
    assert header.rect == pygame.Rect(20, 20, 1040, 100)
    assert footer.rect == pygame.Rect(20, 1920 - 20 - 200, 1040, 200)
    assert body.rect.top == header.rect.bottom + 10 and body.rect.bottom == footer.rect.top - 10


def test_a_row_shares_what_is_left_by_weight_within_bounds(theme: Theme) -> None:
    a, b, c = box("a"), box("b"), box("c")
    layout(row(leaf(a, width=fixed(300)), leaf(b, width=flex(1)), leaf(c, width=flex(2, max=200)), gap=20),
           (0, 0, 1000, 100))
    assert a.rect.width == 300 and c.rect.width == 200, "c keeps to its max"
    assert b.rect.width == 1000 - 300 - 200 - 2 * 20, "b takes what c could not"
    assert a.rect.right + 20 == b.rect.left and b.rect.right + 20 == c.rect.left


def test_justify_and_align_place_what_does_not_fill_the_room(theme: Theme) -> None:
    a, b = box("a"), box("b")
    layout(row(leaf(a, width=fixed(100), height=fixed(50)), leaf(b, width=fixed(100), height=fixed(50)),
               justify="between", align="center"), (0, 0, 1000, 200))
    assert a.rect == pygame.Rect(0, 75, 100, 50) and b.rect == pygame.Rect(900, 75, 100, 50)


def test_a_grid_makes_rows_as_tall_as_their_tallest_cell(theme: Theme) -> None:
    cells = [box(str(i)) for i in range(5)]
    heights = [100, 300, 100, 50, 50]
    layout(grid(*(leaf(c, height=fixed(h)) for c, h in zip(cells, heights, strict=True)), columns=2, gap=10),
           (0, 0, 410, 1000))
    assert [c.rect.width for c in cells] == [200] * 5
    assert cells[2].rect.top == 300 + 10, "the second row starts under the taller cell of the first"
    assert cells[4].rect.topleft == (0, 300 + 10 + 100 + 10)


def test_text_wraps_then_shrinks_within_its_lines_before_it_is_cut(theme: Theme) -> None:
    cache = TextCache(theme)
    title = Label((0, 0, 0, 0), "Kunden, die dies kauften, kauften auch diese Artikel", size="headline",
                  bold=True, wrap=True)
    layout(column(text(title, cache, theme, sizes=("title", "text"), max_lines=2)), (0, 0, 520, 600))
    pixels = theme.size(title.size_name)
    lines = cache.wrap(title.label, pixels, title.rect.width, True)
    assert title.size_name != "headline", "too long for two lines at the largest size: it shrank"
    assert len(lines) <= 2 and not any(line.endswith("…") for line in lines), "and was not cut"
    assert title.rect.height == len(lines) * cache.line_height(pixels, True)


@pytest.mark.parametrize("words", ["In the comparison", "Dans le comparateur", "Im Vergleich", "Comparar", "x"])
def test_the_narrowest_width_for_two_lines_holds_them_on_two_and_a_pixel_less_does_not(theme: Theme,
                                                                                       words: str) -> None:
    cache = TextCache(theme)
    size = theme.size("text")
    narrowest = cache.two_lines_width(words, size, True)

    def whole_on_two(width: int) -> bool:
        lines = cache.wrap(words, size, width, True, 3)
        return len(lines) <= 2 and not any(line.endswith("…") for line in lines)

    assert whole_on_two(narrowest)
    assert not whole_on_two(narrowest - 1), "a pixel narrower, a third line or a word cut"


def test_nothing_overlaps_and_every_button_keeps_its_touch_size(theme: Theme) -> None:
    cache = TextCache(theme)
    target = theme.size("touch_target")
    labels = [Label((0, 0, 0, 0), f"Section {i} " * (i + 1), wrap=True) for i in range(4)]
    buttons = [Button((0, 0, 0, 0), f"Action {i}", None) for i in range(6)]
    tree = column(*(text(label, cache, theme) for label in labels),
                  grid(*(leaf(b, height=fit(min=target)) for b in buttons), columns=3, gap=20), gap=30,
                  padding=Insets.all(40))
    for size in ((1080, 1920), (1920, 1080), (800, 1280)):
        layout(tree, (0, 0, *size))
        placed = [*labels, *buttons]
        for first, second in itertools.combinations(placed, 2):
            assert not first.rect.colliderect(second.rect), (first.label, second.label, size)
        assert all(b.rect.height >= target for b in buttons)


def test_the_shape_of_a_screen() -> None:
    assert [shape(s) for s in ((1080, 1920), (1920, 1080), (800, 1280), (3840, 2160))] == \
        ["tall", "wide", "small", "wide"]
    # reach zones of accessible mode: a landscape counter's stays wide, a tablet's is small though wider than tall
    assert [shape(s, two_columns=1290) for s in ((1920, 670), (800, 794), (1080, 1190))] == ["wide", "small", "tall"]


def test_a_dock_keeps_its_header_and_bars_and_gives_the_body_the_rest(theme: Theme) -> None:
    header, page, bar = box("header"), box("page"), box("bar")
    tree = dock(leaf(page), top=[leaf(header, height=fixed(150))], bottom=[leaf(bar, height=fixed(200))])
    layout(tree, (0, 0, 1080, 1920))
    assert header.rect == pygame.Rect(0, 0, 1080, 150) and bar.rect == pygame.Rect(0, 1720, 1080, 200)
    assert page.rect == pygame.Rect(0, 150, 1080, 1570)


def test_a_scroll_box_sizes_its_view_and_lays_its_content_out_at_full_height(theme: Theme) -> None:
    rows = [box(str(i)) for i in range(10)]
    page = scroll(column(*(leaf(r, height=fixed(300)) for r in rows)), "page")
    root = Widget((0, 0, 1080, 1920))
    layout(mount(dock(page, top=[leaf(box("header"), height=fixed(120))]), root), (0, 0, 1080, 1920))
    view = page.widget
    assert isinstance(view, ScrollView) and view.rect == pygame.Rect(0, 120, 1080, 1800)
    assert view.content_height == 3000 and view.max_scroll == 1200
    assert rows[9].rect == pygame.Rect(0, 2700, 1080, 300), "in the view's own coordinates"
    assert all(r.parent is view for r in rows), "each widget in the widget of the box that holds it"


def test_first_that_fits_shows_the_first_form_that_fits_its_room(theme: Theme) -> None:
    long, short = box("Add to the comparison"), box("Compare")
    forms = first_that_fits(leaf(long, width=fixed(600), height=fixed(100)),
                            leaf(short, width=fixed(300), height=fixed(100)), width=fit())
    layout(row(forms), (0, 0, 1000, 100))
    assert long.visible and not short.visible
    layout(row(forms), (0, 0, 500, 100))
    assert short.visible and not long.visible and short.rect.width == 300
    tall, low = box("tall"), box("low")
    layout(column(first_that_fits(leaf(tall, height=fixed(900)), leaf(low, height=fixed(400)), height=flex())),
           (0, 0, 1000, 600))
    assert low.visible and not tall.visible, "the room's height chooses too"


def test_a_panel_is_mounted_before_what_it_holds_so_it_is_drawn_under_it(theme: Theme) -> None:
    panel, chip = Panel((0, 0, 0, 0), "highlight"), box("42")
    root = Widget((0, 0, 1080, 1920))
    mount(column(leaf(box("heading")), column(leaf(chip), widget=panel)), root)
    assert chip.parent is panel and root.children == [root.children[0], panel]


def test_the_status_zone_shows_in_the_place_of_what_it_replaces_and_moves_nothing(theme: Theme) -> None:
    status, page, title = Status(), box("page"), box("Running shoes")
    tree = dock(leaf(page), top=[status_zone(status, leaf(title, height=fixed(80)))])
    layout(tree, (0, 0, 1080, 1920))
    before = pygame.Rect(page.rect)
    assert title.visible and status.rect == title.rect
    status.show("Added to your cart")
    layout(tree, (0, 0, 1080, 1920))
    assert page.rect == before, "the page does not move for a confirmation"
    assert not title.visible and status.rect == title.rect, "the title steps aside: nothing is drawn over it"
    status.show("")
    assert title.visible, "and comes back after it"
