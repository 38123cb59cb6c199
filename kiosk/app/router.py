"""Messages to whoever handles them, by name: `BarcodeScanned` goes to `on_barcode_scanned`.

A display's message is offered to its scene stack from the top down, then to the display's parts (the
display itself and what its role adds, such as a terminal's code reader): the first scene whose handler
returns True keeps it (the scan test page keeps scans); otherwise every part with a handler takes it. A
part without the handler never hears of the message: a shop window has no code reader, so no scan
handler. A new message type is one frozen dataclass and its handlers; no
chain of isinstance tests to extend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_WORD = re.compile(r"(?<!^)(?=[A-Z])")


_NAMES: dict[str, str] = {}


def handler_name(kind: type) -> str:
    """`on_` and the message class's name in snake case: BarcodeScanned -> on_barcode_scanned."""
    name = _NAMES.get(kind.__name__)
    if name is None:
        name = _NAMES[kind.__name__] = "on_" + _WORD.sub("_", kind.__name__).lower()
    return name


def handler(owner: object, message: object) -> Callable[[object], object] | None:
    """`owner`'s handler for this message, if it has one."""
    found: Callable[[object], object] | None = getattr(owner, handler_name(type(message)), None)
    return found


def offer(message: object, scenes: Sequence[object], parts: Sequence[object]) -> None:
    """Offer `message` to the scenes from the top down, then to the display's parts."""
    for scene in reversed(scenes):
        take = handler(scene, message)
        if take is not None and take(message):
            return
    for part in parts:
        take = handler(part, message)
        if take is not None:
            take(message)
