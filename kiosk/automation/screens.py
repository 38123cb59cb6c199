"""The display as a person sees it, for screenshots from the socket and from head office alike."""

from __future__ import annotations

import pygame

from kiosk.app.display import Display
from kiosk.app.loop import App


def shown_picture(app: App, display: Display) -> pygame.Surface:
    """A copy of `display` once the next frame is drawn with its pictures (not their placeholders)."""
    app.frame()
    while display.screen.images.busy:
        display.screen.images.wait()
        app.frame()
    return app.outputs[app.displays.index(display)].snapshot()
