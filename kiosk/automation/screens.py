"""The display as a person sees it, for screenshots from the socket and from head office alike."""

from __future__ import annotations

import pygame

from kiosk.app.display import Display
from kiosk.app.loop import App


def shown_surface(app: App, display: Display) -> pygame.Surface:
    """`display` as shown once the next frame is drawn with its pictures (not their placeholders): the
    display's own surface, to encode before the loop draws again (no copy: 8.3 MB at 1080x1920)."""
    app.frame()
    while display.screen.images.busy:
        display.screen.images.wait()
        app.frame()
    return app.outputs[app.displays.index(display)].picture()


def shown_picture(app: App, display: Display) -> pygame.Surface:
    """A copy of `display` once the next frame is drawn with its pictures, to encode off the loop."""
    return shown_surface(app, display).copy()
