"""Keystroke latency on a typing screen: a tap on a key of the on-screen keyboard until the frame is
drawn, in the checkout's contact step (each key builds the step again: the form in the forms it may take,
the email keyboard with its domain keys, laid out in the room they leave). The budget is navigation's
(DESIGN §7: a scene built and drawn, p99 <= 16.7 ms at 1080x1920). Prints one JSON line.

    python -m bench.typing_keys
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.setup import make_config

CASES = (((1080, 1920), False), ((800, 1280), True), ((1920, 1080), True))  # the tablet: the reach zone's form
KEYS = 200


def keystrokes(screen: tuple[int, int], accessible: bool, work: Path) -> dict[str, Any]:
    """p50 and p99 of a key tapped on the checkout's email keyboard (letters, then delete)."""
    from kiosk.config import load_config
    from kiosk.testing.pilot import Pilot

    pilot = Pilot(load_config(make_config(work, None, screen)), "terminal")
    try:
        pilot.tap(x=screen[0] // 2, y=screen[1] // 3)
        display: Any = pilot.app.display()  # a shop display (the app types its displays as the base)
        if accessible:
            display.set_accessible(True)
        ctx = display.ctx
        shoe, sizes = ctx.shop.catalog.product("RUN-112"), ctx.shop.catalog.variants("RUN-112")
        assert shoe is not None
        ctx.session.cart.add(shoe, sizes[0], variants=sizes)
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        times = []
        for index in range(KEYS):
            key = "adaexample"[index % 10] if index % 20 < 10 else ctx.t("Backspace")
            began = time.perf_counter()
            pilot.tap(key)
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        return {"screen": f"{screen[0]}x{screen[1]}", "accessible": accessible, "keys": KEYS,
                "p50_ms": round(times[len(times) // 2], 2), "p99_ms": round(times[round(0.99 * len(times)) - 1], 2)}
    finally:
        pilot.close()


def main() -> None:
    """Each case in turn, one JSON line."""
    with tempfile.TemporaryDirectory() as folder:
        print(json.dumps([keystrokes(screen, accessible, Path(folder) / f"{screen[0]}-{accessible}")
                          for screen, accessible in CASES]))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
