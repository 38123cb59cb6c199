"""Keyboard-wedge scanners: Linux input keycodes to characters, whatever the keyboard layout.

A scanner types as a US keyboard; the kiosk reads keycodes from evdev, not characters from the
desktop, so an AZERTY desktop layout cannot turn digits into &é"'. Enter ends a scan.
"""

from __future__ import annotations

import struct

EVENT = struct.Struct("llHHi")  # struct input_event: timeval (sec, usec), type, code, value
EV_KEY = 1
KEY_ENTER, KEY_KPENTER, KEY_LEFTSHIFT, KEY_RIGHTSHIFT, KEY_TAB = 28, 96, 42, 54, 15

_PLAIN = {2: "1", 3: "2", 4: "3", 5: "4", 6: "5", 7: "6", 8: "7", 9: "8", 10: "9", 11: "0", 12: "-", 13: "=",
          16: "q", 17: "w", 18: "e", 19: "r", 20: "t", 21: "y", 22: "u", 23: "i", 24: "o", 25: "p", 26: "[", 27: "]",
          30: "a", 31: "s", 32: "d", 33: "f", 34: "g", 35: "h", 36: "j", 37: "k", 38: "l", 39: ";", 40: "'",
          41: "`", 43: "\\", 44: "z", 45: "x", 46: "c", 47: "v", 48: "b", 49: "n", 50: "m", 51: ",", 52: ".",
          53: "/", 57: " ", 71: "7", 72: "8", 73: "9", 75: "4", 76: "5", 77: "6", 79: "1", 80: "2", 81: "3",
          82: "0", 83: ".", 98: "/", 55: "*", 74: "-", 78: "+"}
_SHIFTED = {"1": "!", "2": "@", "3": "#", "4": "$", "5": "%", "6": "^", "7": "&", "8": "*", "9": "(", "0": ")",
            "-": "_", "=": "+", "[": "{", "]": "}", ";": ":", "'": '"', "`": "~", "\\": "|", ",": "<", ".": ">",
            "/": "?"}
_KEYPAD = {71, 72, 73, 75, 76, 77, 79, 80, 81, 82, 83, 98, 55, 74, 78}


class KeyDecoder:
    """Turns key events into scans."""

    def __init__(self, max_length: int = 512) -> None:
        self._text: list[str] = []
        self._shift = False
        self.max_length = max_length

    def event(self, event_type: int, code: int, value: int) -> str | None:
        """One input event; returns a scan when Enter ends it."""
        if event_type != EV_KEY:
            return None
        if code in (KEY_LEFTSHIFT, KEY_RIGHTSHIFT):
            self._shift = value != 0
            return None
        if value != 1:  # only key presses; releases and auto-repeat are ignored
            return None
        if code in (KEY_ENTER, KEY_KPENTER):
            text, self._text = "".join(self._text), []
            return text or None
        if code == KEY_TAB:
            self._text.append("\t")
            return None
        char = _PLAIN.get(code)
        if char is None:
            return None
        if self._shift and code not in _KEYPAD:
            char = char.upper() if char.isalpha() else _SHIFTED.get(char, char)
        if len(self._text) < self.max_length:
            self._text.append(char)
        return None

    def feed(self, data: bytes) -> list[str]:
        """Raw `input_event` records (as read from /dev/input/...) to scans; a partial record is ignored."""
        scans = []
        usable = len(data) - len(data) % EVENT.size
        for _, _, event_type, code, value in EVENT.iter_unpack(data[:usable]):
            scan = self.event(event_type, code, value)
            if scan is not None:
                scans.append(scan)
        return scans


def key_events(text: str) -> bytes:
    """The input events a US-keyboard scanner sends to type `text` and Enter (for tests and the simulator)."""
    reverse = {char: code for code, char in _PLAIN.items() if code not in _KEYPAD}
    shifted = {v: k for k, v in _SHIFTED.items()}
    out = bytearray()
    for char in text:
        needs_shift = char.isupper() or char in shifted
        base = char.lower() if char.isalpha() else shifted.get(char, char)
        code = reverse[base]
        if needs_shift:
            out += EVENT.pack(0, 0, EV_KEY, KEY_LEFTSHIFT, 1)
        out += EVENT.pack(0, 0, EV_KEY, code, 1) + EVENT.pack(0, 0, EV_KEY, code, 0)
        if needs_shift:
            out += EVENT.pack(0, 0, EV_KEY, KEY_LEFTSHIFT, 0)
    out += EVENT.pack(0, 0, EV_KEY, KEY_ENTER, 1) + EVENT.pack(0, 0, EV_KEY, KEY_ENTER, 0)
    return bytes(out)
