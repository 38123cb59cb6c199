"""What is drawn again after a scroll: marked before the scroll, it moved with the pixels; after, it stays."""

from __future__ import annotations

import pygame

from kiosk.ui.screen import moved_damage

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
