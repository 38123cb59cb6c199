"""Telling a tap from a drag, and measuring a fling."""

from __future__ import annotations

from kiosk.ui.gestures import DragEnd, DragMove, GestureTracker, Tap


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
