"""In-store kiosk and smart-window application."""

import sys

# The kiosk starts no audio (init_pygame). Left alone, `import pygame` would still load pygame's mixer:
# SDL_mixer and a dozen audio codec libraries, 2.6 MB resident for nothing. Marked missing here, before
# anything of the kiosk imports pygame, pygame goes on without them (its `mixer` is then a placeholder
# that says so). A display whose config enables sound loads the mixer when it first plays a film
# (kiosk/ui/film_sound.py takes the two marks away).
sys.modules.setdefault("pygame.mixer_music", None)  # type: ignore[arg-type]  # None there: its import fails
sys.modules.setdefault("pygame.mixer", None)  # type: ignore[arg-type]
