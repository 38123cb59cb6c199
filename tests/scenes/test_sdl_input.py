"""Real SDL input events (finger and mouse) go through the app's event loop, as a touch screen sends them."""

from __future__ import annotations

import pygame

from kiosk.testing.pilot import Pilot


def _post(kind: int, **attributes: object) -> None:
    pygame.event.post(pygame.event.Event(kind, **attributes))


def test_a_finger_tap_starts_the_session(pilot: Pilot) -> None:
    _post(pygame.FINGERDOWN, x=0.5, y=0.5, dx=0.0, dy=0.0, finger_id=1, touch_id=1, pressure=1.0)
    _post(pygame.FINGERUP, x=0.5, y=0.5, dx=0.0, dy=0.0, finger_id=1, touch_id=1, pressure=0.0)
    pilot.app.step(block=False)
    assert pilot.scene == "home"


def test_a_mouse_click_opens_a_department(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)
    rect = pilot.app.display().screen.find("Tentes")
    assert rect is not None
    _post(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1, touch=False)
    _post(pygame.MOUSEBUTTONUP, pos=rect.center, button=1, touch=False)
    pilot.app.step(block=False)
    assert pilot.details()["category"] == "tents"


def test_mouse_events_made_up_from_touches_do_not_count_twice(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)
    rect = pilot.app.display().screen.find("Tentes")
    assert rect is not None
    _post(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1, touch=True)
    _post(pygame.MOUSEBUTTONUP, pos=rect.center, button=1, touch=True)
    pilot.app.step(block=False)
    assert pilot.scene == "home"


def test_a_second_finger_never_taps_what_lies_under_it(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)
    pilot.tap("Vélos")
    _post(pygame.FINGERDOWN, x=0.5, y=0.8, dx=0.0, dy=0.0, finger_id=1, touch_id=1, pressure=1.0)
    _post(pygame.FINGERDOWN, x=0.2, y=0.3, dx=0.0, dy=0.0, finger_id=2, touch_id=1, pressure=1.0)
    _post(pygame.FINGERUP, x=0.2, y=0.3, dx=0.0, dy=0.0, finger_id=2, touch_id=1, pressure=0.0)
    for step in range(1, 6):
        _post(pygame.FINGERMOTION, x=0.5, y=0.8 - step * 0.05, dx=0.0, dy=-0.05, finger_id=1, touch_id=1,
              pressure=1.0)
    _post(pygame.FINGERUP, x=0.5, y=0.55, dx=0.0, dy=0.0, finger_id=1, touch_id=1, pressure=0.0)
    pilot.app.step(block=False)
    assert pilot.scene == "browse"  # the second finger's tap did not open a product
