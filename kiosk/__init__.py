"""In-store kiosk and smart-window application."""

import sys

# The kiosk plays no sound (init_pygame starts no audio). Left alone, `import pygame` would still load
# pygame's mixer: SDL_mixer and a dozen audio codec libraries, 2.6 MB resident for nothing. Marked
# missing here, before anything of the kiosk imports pygame, pygame goes on without them (its `mixer`
# is then a placeholder that says so). A feature that needs sound removes the two lines below.
sys.modules.setdefault("pygame.mixer_music", None)  # type: ignore[arg-type]  # None there: its import fails
sys.modules.setdefault("pygame.mixer", None)  # type: ignore[arg-type]
