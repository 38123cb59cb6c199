"""Keys, from a keyboard, a numeric keypad or the automation socket, as one display understands them."""

from __future__ import annotations

from kiosk.app.display import Display

KEY_NAMES = {"return": "enter", "kp enter": "enter", "escape": "back", "backspace": "backspace",
             "down": "next", "right": "next", "tab": "next", "up": "previous", "left": "previous",
             "select": "enter", "space": "enter", "kp 2": "next", "kp 8": "previous", "kp 6": "next",
             "kp 4": "previous", "kp 5": "enter"}  # arrows and a numeric keypad drive the focus


def press_key(display: Display, name: str) -> bool:
    """A named key for a display; True if something used it."""
    name = KEY_NAMES.get(name.lower(), name.lower())
    screen = display.screen
    if name in ("next", "previous"):
        return screen.focus_move(1 if name == "next" else -1) is not None
    if name == "enter" and screen.focus_activate():
        return True
    top = screen.stack.top
    if top.on_key(name):
        return True
    if name == "back":
        return screen.stack.pop() is not None
    return False
