"""What the shopper does goes through one door: no scene or display writes to the outbox, places an
order or composes an email itself; each is a call to `ctx.actions` (kiosk/actions)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

WRITES = {"add", "add_many"}  # the outbox's writes
RULES = {"kiosk.core.orders.place_order", "kiosk.core.shopper.share_mail"}  # what only an action calls


def writes_to_the_outbox(path: Path) -> list[str]:
    """Each place in `path` that writes to an outbox or imports what places an order or composes mail."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and node.attr in WRITES and isinstance(node.value, ast.Attribute)
                and node.value.attr == "outbox"):
            found.append(f"{path.name}:{node.lineno}: outbox.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in RULES:
            found.append(f"{path.name}:{node.lineno}: imports {node.module}")
    return found


def test_no_scene_or_display_writes_to_the_outbox() -> None:
    paths = [*(REPO / "kiosk" / "scenes").rglob("*.py"), *(REPO / "displays").rglob("*.py")]
    assert [hit for path in paths for hit in writes_to_the_outbox(path)] == []


def test_a_scene_that_writes_is_caught(tmp_path: Path) -> None:
    """The review scene once added its payload to the outbox itself."""
    scene = tmp_path / "review.py"
    scene.write_text("from kiosk.core.orders.place_order import place\n"
                     "def publish(ctx):\n    ctx.shop.outbox.add('review', {}, 0.0)\n", encoding="utf-8")
    assert writes_to_the_outbox(scene) == ["review.py:1: imports kiosk.core.orders.place_order",
                                           "review.py:3: outbox.add"]
