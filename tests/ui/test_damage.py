"""What is drawn again after a scroll: marked before the scroll, it moved with the pixels; after, it stays."""

from __future__ import annotations

import pygame

from kiosk.ui.screen import moved_damage, widened
from kiosk.ui.widgets import NARROWEST_FILL

LIST = pygame.Rect(0, 500, 3840, 1660)  # a scrolling list under a header


def test_a_card_marked_before_the_scroll_is_drawn_where_it_went_and_only_inside_the_list() -> None:
    card = pygame.Rect(1317, 568, 1205, 1497)  # pressed as the finger went down, then the list moved up
    assert moved_damage([card], [(LIST, -1080, 1)]) == [pygame.Rect(1317, 500, 1205, 485)]


def test_a_picture_marked_after_the_scroll_is_drawn_where_it_was_marked() -> None:
    card = pygame.Rect(1317, 568, 1205, 700)
    picture = pygame.Rect(100, 900, 500, 500)  # arrived after the move, at its card's new place
    assert moved_damage([card, picture], [(LIST, 200, 1)]) == [pygame.Rect(1317, 768, 1205, 700), picture]


def test_two_moves_add_up_and_what_lies_outside_the_list_stays() -> None:
    header_and_card = pygame.Rect(0, 300, 800, 600)  # partly above the list: that part did not move
    moved = moved_damage([header_and_card], [(LIST, -100, 1), (LIST, -150, 1)])
    assert moved == [header_and_card, pygame.Rect(0, 500, 800, 150)]


def test_a_rectangle_marked_between_two_moves_follows_the_second_only() -> None:
    first, second = pygame.Rect(0, 1000, 100, 100), pygame.Rect(200, 1000, 100, 100)
    moved = moved_damage([first, second], [(LIST, -100, 1), (LIST, -50, 2)])
    assert moved == [pygame.Rect(0, 850, 100, 100), pygame.Rect(200, 950, 100, 100)]


def test_a_keyed_list_keeps_the_rows_that_stay_and_redraws_only_the_rows_that_change() -> None:
    from kiosk.ui.scroll import ScrollView
    from kiosk.ui.widgets import Root, Widget

    root = Root((0, 0, 1000, 1000))
    view = root.add(ScrollView((0, 200, 1000, 600), 0))
    built: list[str] = []

    def rows(names: list[str]) -> None:
        def build(index: int) -> list[Widget]:
            built.append(names[index])
            return [Widget((0, index * 100, 1000, 90), label=names[index])]

        view.set_rows(len(names), 100, build, keys=lambda index: names[index])
        list(root.accessible(root.rect))  # the rows in view are built, as for a frame
        view.invalidate_rows()

    rows(["a", "b", "c", "d"])
    root.damaged.clear()
    first_b = next(child for child in view.children if child.label == "b")
    built.clear()
    rows(["a", "c", "b", "d"])  # two rows swapped: built again, neither they nor the others
    assert built == []
    assert [child.label for child in view.children] == ["a", "c", "b", "d"]
    assert next(child for child in view.children if child.label == "b") is first_b and first_b.rect.y == 200
    assert root.damaged == [pygame.Rect(0, 300, 1000, 100), pygame.Rect(0, 400, 1000, 100)]
    root.damaged.clear()
    rows([])  # nothing found: the rows are put aside, the whole view drawn again
    rows(["b", "e"])  # typed again: "b" comes back from aside, only "e" is new
    assert built == ["e"] and first_b.rect.y == 0


def test_a_narrow_strip_is_drawn_wider_around_itself_and_never_off_the_screen() -> None:
    screen = pygame.Rect(0, 0, 1080, 1920)
    bar = pygame.Rect(1050, 320, 30, 1000)  # a list's scroll bar, at the screen's right edge
    drawn = widened(bar, screen)
    assert drawn.width == NARROWEST_FILL and drawn.contains(bar) and screen.contains(drawn)
    middle = pygame.Rect(500, 0, 8, 100)
    assert widened(middle, screen).center == middle.center and widened(middle, screen).contains(middle)
    wide = pygame.Rect(0, 180, 726, 120)
    assert widened(wide, screen) == wide


def test_a_list_of_panels_draws_the_same_pixels_with_the_background_left_out_under_them() -> None:
    from kiosk.ui.images import ImageCache
    from kiosk.ui.scroll import ScrollView
    from kiosk.ui.text import TextCache
    from kiosk.ui.theme import load_theme
    from kiosk.ui.widgets import Painter, Panel, Root, Widget
    from tests.conftest import REPO

    pygame.font.init()
    theme = load_theme(REPO / "kiosk" / "shipped" / "themes" / "default.toml", (1080, 1920))
    images = ImageCache()
    area = pygame.Rect(0, 180, 1080, 1140)

    def drawn(background: str) -> bytes:
        root = Root((0, 0, 1080, 1920), color=background)
        view = root.add(ScrollView((0, 320, 1080, 1000), 0))

        def build(index: int) -> list[Widget]:
            return [Panel((120, 10 + index * 186, 840, 176), "surface")]  # margins wider than a fill needs

        view.set_rows(12, 186, build)
        view.scroll = 40.0  # the first row half out of sight: only what shows of it covers the background
        surface = pygame.Surface((1080, 1920))
        surface.fill((255, 0, 255))  # what the frame before left: all of it must be drawn over
        if not background:  # the reference: the background filled whole, then the list over it
            surface.fill(theme.color("background"), area)
        surface.set_clip(area)
        root.draw(Painter(surface, theme, TextCache(theme), images, area), (0, 0))
        return pygame.image.tobytes(surface, "RGB")

    try:
        assert drawn("background") == drawn("")
    finally:
        images.close()
