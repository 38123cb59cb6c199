"""Display roles: each a mode with its own scene stack, layout, timeouts and behaviour."""

from displays.terminal import TerminalDisplay
from displays.window import WindowDisplay

DISPLAY_ROLES = {"terminal": TerminalDisplay, "window": WindowDisplay}
