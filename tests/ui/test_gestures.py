"""Telling a tap from a drag, measuring a fling, and two fingers that pinch."""

from __future__ import annotations

from kiosk.ui.gestures import DragEnd, DragMove, Fingers, GestureTracker, Pinch, Tap


def test_a_small_wobble_is_still_a_tap() -> None:
    tracker = GestureTracker(slop=20)
    tracker.down((100, 100), 0.0)
    assert tracker.move((110, 108), 0.05) is None
    assert tracker.up((110, 108), 0.1) == Tap((100, 100))


def test_moving_past_the_slop_is_a_drag_not_a_tap() -> None:
    tracker = GestureTracker(slop=20)
    tracker.down((100, 500), 0.0)
    move = tracker.move((100, 460), 0.02)
    assert isinstance(move, DragMove) and move.delta == (0, -40)
    end = tracker.up((100, 300), 0.1)
    assert isinstance(end, DragEnd) and end.velocity[1] < -1000 and end.swipe == "up"


def test_a_slow_drag_is_not_a_swipe() -> None:
    tracker = GestureTracker(slop=20)
    tracker.down((100, 100), 0.0)
    for step in range(1, 11):
        tracker.move((100 + step * 10, 100), step * 0.2)
    end = tracker.up((200, 100), 2.1)
    assert isinstance(end, DragEnd) and end.swipe == ""


def test_holding_too_long_is_not_a_tap() -> None:
    tracker = GestureTracker(slop=20, long_press=1.0)
    tracker.down((5, 5), 0.0)
    assert tracker.up((5, 5), 1.5) is None


def test_one_finger_points_and_a_second_makes_a_pinch() -> None:
    fingers = Fingers()
    assert fingers.down(7, (100, 500)) == "down"
    assert fingers.move(7, (110, 500)) == "move"
    assert fingers.down(9, (300, 500)) == "cancel", "what the first finger began is no tap nor drag"
    spread = fingers.move(9, (500, 500))
    assert isinstance(spread, Pinch)
    assert spread.factor == 390 / 190 and spread.center == (305, 500) and spread.moved == (100, 0)
    closed = fingers.move(7, (310, 500))
    assert isinstance(closed, Pinch) and round(closed.factor, 3) == round(190 / 390, 3)
    assert fingers.down(11, (50, 50)) is None, "a third finger is ignored"
    assert fingers.move(11, (60, 60)) is None and fingers.up(11) is None


def test_after_a_pinch_the_finger_left_neither_drags_nor_taps() -> None:
    fingers = Fingers()
    fingers.down(1, (100, 100))
    fingers.down(2, (200, 200))
    assert fingers.up(2) is None
    assert fingers.move(1, (400, 400)) is None and fingers.up(1) is None
    assert fingers.down(3, (100, 100)) == "down", "the next touch points again"
    assert fingers.up(3) == "up"
