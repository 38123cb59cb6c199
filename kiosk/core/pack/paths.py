"""The one rule for a path that a signed pack names (in its manifest, or as a member of its archive):
relative, normalised and inside the pack, written the same way on every system.

A path such as "../etc/passwd", "/etc/passwd", "C:/Windows", "images\\a.png", "./pack.json" or one with
a NUL or another control character in it is refused before anything is read from or written to it.
"""

from __future__ import annotations

import re

DRIVE = re.compile(r"^[A-Za-z]:")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def path_problem(name: str) -> str:
    """Why `name` cannot be the path of a file or folder of a pack; "" when it can."""
    if not name:
        return "is an empty path"
    if "\x00" in name:
        return "holds a NUL character"
    if CONTROL.search(name):
        return "holds a control character"
    if "\\" in name:
        return "holds a backslash (a pack's paths use /)"
    if name.startswith("/"):
        return "is an absolute path"
    if DRIVE.match(name):
        return "names a drive"
    if any(part in ("", ".", "..") for part in name.split("/")):
        return 'is not a normalised path inside the pack (an empty, "." or ".." part)'
    return ""
