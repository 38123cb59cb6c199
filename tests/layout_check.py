"""The layout check of the matrix (issue: every screen laid out): what a shopper would see as broken,
read from the accessibility tree of one screen."""

from __future__ import annotations

import itertools
from typing import Any

import pygame

TEXT_ROLES = ("text", "heading")


def layout_problems(widgets: list[dict[str, Any]], min_target: int) -> list[str]:
    """Overlapping controls, text covered by a control or another text, targets below the minimum, and
    text cut with "…"; each said so that the scene's author can find it."""
    problems: list[str] = []
    controls = [w for w in widgets if w["role"] == "button" and w["enabled"]]
    texts = [w for w in widgets if w["role"] in TEXT_ROLES and w["label"].strip()]

    def rect(widget: dict[str, Any]) -> pygame.Rect:
        return pygame.Rect(widget["bounds"])

    for first, second in itertools.combinations(controls, 2):
        a, b = rect(first), rect(second)
        if a.colliderect(b) and not a.contains(b) and not b.contains(a):
            problems.append(f"controls overlap: {first['label']!r} and {second['label']!r}")
    for first, second in itertools.combinations(texts, 2):
        a, b = rect(first), rect(second)
        if a.colliderect(b) and not a.contains(b) and not b.contains(a):
            problems.append(f"texts overlap: {first['label']!r} and {second['label']!r}")
    for text in texts:
        for control in controls:
            a, b = rect(text), rect(control)
            if a.colliderect(b) and not b.contains(a):
                problems.append(f"{control['label']!r} covers part of the text {text['label']!r}")
    for control in controls:
        bounds = rect(control)
        if not control.get("clipped") and min(bounds.width, bounds.height) < min_target:
            problems.append(f"{control['label']!r} is {bounds.width}x{bounds.height}, under {min_target} px")
    problems += [f"text cut: {w['label']!r}" for w in widgets if w.get("cut")]
    return problems
