"""Toasts sit above the controls, never over one, and end with the screen they were said on."""

from __future__ import annotations

import pygame

from kiosk.testing.pilot import Pilot


def toast_and_controls(pilot: Pilot) -> tuple[pygame.Rect | None, list[pygame.Rect]]:
    widgets = next(iter(pilot.request("tree")["displays"].values()))["widgets"]
    toast = next((pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "status"), None)
    controls = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "button" and w["enabled"]]
    return toast, controls


def test_a_toast_never_covers_a_control_and_ends_with_its_screen(shopping: Pilot) -> None:
    shopping.scan("2001000001019")
    shopping.tap("Dans le comparateur")
    toast, controls = toast_and_controls(shopping)
    assert toast is not None and shopping.details()["toast"]
    assert not any(toast.colliderect(control) for control in controls), "the toast covers a control"
    shopping.scan("2001000001026")
    shopping.tap("Dans le comparateur")
    shopping.tap("Comparer (2)")
    assert shopping.scene == "compare" and shopping.details()["toast"] == "", "the toast ended with its screen"
