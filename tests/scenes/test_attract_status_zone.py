"""The attract screen has its status zone, as every other screen has (designer's review, issue 22): a message said
while the slides play (an unknown code, a message from head office) floated over the slide, outside the layout
tree. Now it shows in the row of the accessibility button, beside it, listed in the tree, over nothing: not the
button, not "Touch to start", not the slide's words; and it leaves with its time."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.layout_check import status_problems
from tests.test_layout_matrix import pilot_for

SHAPES = [("terminal", (1080, 1920)), ("terminal", (1920, 1080)), ("terminal", (800, 1280)),
          ("window", (2160, 3840))]
MESSAGE = "Nous ne connaissons pas ce code. Un conseiller peut vous aider."


@pytest.mark.quick_first(1)
@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_message_on_the_attract_screen_shows_in_its_status_zone(tmp_path: Path, display: str,
                                                                  size: tuple[int, int], language: str) -> None:
    pilot = pilot_for(tmp_path, display, size, language)
    try:
        pilot.advance(0.5)
        assert pilot.scene == "attract"
        shown = pilot.app.display()
        ctx = shown.ctx
        shown.toast(MESSAGE)  # as head office's show_message does
        pilot.advance(0.2)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        statuses = [w for w in widgets if w["role"] == "status" and w["label"] == MESSAGE]
        assert len(statuses) == 1, f"the message once in the tree: {statuses}"
        root = shown.screen.stack.top.tree(size)
        assert root.status is not None and root.status.label == MESSAGE, "in the attract screen's own zone"
        assert status_problems(widgets) == [], "it covers nothing"
        zone = pygame.Rect(statuses[0]["bounds"])
        for other in widgets:  # (the slide itself, the whole screen, is one "Touch to start" button)
            bounds = pygame.Rect(other["bounds"])
            if other["label"] in (ctx.t("Accessibility"), ctx.t("Touch to start")) and bounds.size != size:
                assert not zone.colliderect(bounds), f"over {other['label']!r} {list(bounds)}: {list(zone)}"
        pilot.advance(8)
        assert MESSAGE not in {w["label"] for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]}
    finally:
        pilot.close()
