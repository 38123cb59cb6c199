"""The display as a person sees it, for screenshots from the socket and from head office alike."""

from __future__ import annotations

import pygame

from kiosk.app.display import Display
from kiosk.app.loop import App


def shown_surface(app: App, display: Display) -> pygame.Surface:
    """`display` as shown once the next frame is drawn with its pictures (not their placeholders): the
    display's own surface, to encode before the loop draws again (no copy: 8.3 MB at 1080x1920). A dark
    display is not drawn, so its pictures are never handed over: it shows black, with nothing to wait for
    (waiting for them spun the loop for ever when a window went dark in the quiet hours)."""
    app.frame()
    while display.screen.images.busy and not dark(app, display):
        display.screen.images.wait()
        app.frame()
    return app.outputs[app.displays.index(display)].picture()


def dark(app: App, display: Display) -> bool:
    """Whether `display` is switched off (the loop draws nothing on it until it comes back on)."""
    screen = app.power.screens.get(display.name)
    return screen is not None and screen.dark


def shown_picture(app: App, display: Display) -> pygame.Surface:
    """A copy of `display` once the next frame is drawn with its pictures, to encode off the loop."""
    return shown_surface(app, display).copy()
