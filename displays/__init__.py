"""Display roles: each a mode with its own scene stack, layout, timeouts and behaviour."""

from displays.terminal import TerminalDisplay

DISPLAY_ROLES = {"terminal": TerminalDisplay}
