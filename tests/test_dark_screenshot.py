"""A screenshot of a display that the schedule turned dark answers at once, and shows black: head office's
monitoring asks for screenshots at any hour, and a shop window is dark in the quiet hours (01:00-06:00 in
France). It waited for the dark display's pictures, which a dark display never takes in: the loop spun for
ever, answered nothing and ignored SIGTERM (found at 01:04 Paris time by CI's clean-clone run)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pygame

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, DEMO_PACK, write_config
from tests.test_screen_power import _settle

TWO_AT_NIGHT_IN_PARIS = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 02:00 store time, in the quiet hours
ANSWER_WITHIN_S = 15.0  # it answers in well under a second; the margin is for a loaded machine


def test_a_screenshot_of_a_window_dark_in_the_quiet_hours_answers_black(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    assert 'method = "auto"' in text and 'quiet_hours = ["default"]' in text
    config = load_config(write_config(tmp_path, text.replace('method = "auto"', 'method = "black"')))
    pilot = Pilot(config, "window", clock=ManualClock(TWO_AT_NIGHT_IN_PARIS), power=True)
    try:
        _settle(pilot)
        screen = pilot.app.power.states()["window"]
        assert (screen["on"], screen["reason"], screen["method"]) == (False, "quiet hours", "black")
        pilot.app.frame()  # shown black once; from now on the loop draws nothing on it
        images = pilot.app.display("window").screen.images
        picture = next((DEMO_PACK / "images").glob("*.jpg"))
        assert images.get(str(picture), (640, 480)) is None
        assert images.busy, "a picture is pending for the dark window, as when it went dark mid-drawing"
        replies: list[dict[str, Any]] = []
        path = tmp_path / "shot.png"
        asked = threading.Thread(target=lambda: replies.append(pilot.request("screenshot", path=str(path))),
                                 daemon=True)
        asked.start()
        asked.join(ANSWER_WITHIN_S)
        unanswered = asked.is_alive()
        if unanswered:  # the loop spins in the screenshot: light the window so that the thread ends
            pilot.app.power.screens["window"].on = True
            asked.join(ANSWER_WITHIN_S)
        assert not unanswered, f"the screenshot of the dark window went unanswered for {ANSWER_WITHIN_S:.0f} s"
        assert replies == [{"ok": True, "path": str(path)}]
        shown = pygame.image.load(str(path))
        assert shown.get_size() == (3840, 2160)
        assert pygame.transform.average_color(shown)[:3] == (0, 0, 0), "a dark window shows black"
    finally:
        pilot.close()
