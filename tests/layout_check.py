"""The layout check of the matrix (issue: every screen laid out): what a shopper would see as broken,
read from the accessibility tree of one screen."""

from __future__ import annotations

import functools
import itertools
import re
import string
from pathlib import Path
from typing import Any

import pygame
from babel.messages.pofile import read_po

from kiosk.ui.keyboard import SMALLEST_KEY

TEXT_ROLES = ("text", "heading")


def layout_problems(widgets: list[dict[str, Any]], min_target: int) -> list[str]:
    """Overlapping controls, text covered by a control or another text, targets below the minimum (a key
    of the on-screen keyboard may be down to SMALLEST_KEY of it, as a phone's keys are), and text cut with
    "…"; each said so that the scene's author can find it."""
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
    keyboards = [rect(w) for w in widgets if w["role"] == "keyboard"]
    for control in controls:
        bounds = rect(control)
        least = round(min_target * SMALLEST_KEY) if any(k.contains(bounds) for k in keyboards) else min_target
        if not control.get("clipped") and min(bounds.width, bounds.height) < least:
            problems.append(f"{control['label']!r} is {bounds.width}x{bounds.height}, under {least} px")
    problems += [f"text cut: {w['label']!r}" for w in widgets if w.get("cut")]
    return problems


LOCALE = Path(__file__).resolve().parents[1] / "kiosk" / "shipped" / "locale"
SOURCE_LANGUAGE = "en"  # the interface's texts are written in English; the catalogues translate them


@functools.cache
def _interface_texts() -> dict[str, list[tuple[str, ...]]]:
    """Each language's interface texts, one tuple of forms per text (its translation, or both plural forms)
    in the order of the catalogue, English included as the catalogues' source."""
    said: dict[str, list[tuple[str, ...]]] = {SOURCE_LANGUAGE: []}
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po")):
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        forms: list[tuple[str, ...]] = []
        for message in catalogue:
            if not message.id:
                continue
            source = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
            # an empty translation shows the English text (gettext's fallback)
            forms.append(tuple(s or source[min(i, len(source) - 1)] for i, s in enumerate(strings or source)))
            if path.parents[1].name == "de":  # the sources once, from any catalogue
                said[SOURCE_LANGUAGE].append(source)
        said[path.parents[1].name] = forms
    assert len(said) > 1, f"no interface catalogues in {LOCALE}: the language check would check nothing"
    return said


def _pattern(text: str) -> re.Pattern[str] | None:
    """A text as a whole-label pattern, its `{fields}` matching anything; None when too little of it is
    words of its own (a text that is only fields, or a sign) to tell a language by."""
    text = " ".join(text.split())
    parts = [literal for literal, _, _, _ in string.Formatter().parse(text)]
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    # a text with fields tells its language only by enough words of its own ("{day} alle {time}" is Italian,
    # but "alle" is German too)
    if sum(ch.isalpha() for part in parts for ch in part) < (8 if fields else 3):
        return None
    pattern = "".join(re.escape(part) + (".+?" if index < len(fields) else "") for index, part in enumerate(parts))
    return re.compile(pattern, re.S)


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    return tuple(p for forms in _interface_texts().get(language, []) for form in forms
                 if (p := _pattern(form)) is not None)


def labels_in_other_language(widgets: list[dict[str, Any]], language: str) -> list[str]:
    """The labels of a session in `language` that are an interface text of another language (an English
    "Shift" key in a French session) and none of the session's own: each said with the language it is in.

    Only texts of the interface's catalogues are known; a text the code never marked for translation is
    caught by the translations test, not here. Content (product names, reviews) is not judged."""
    own = _patterns(language)
    problems: list[str] = []
    for widget in widgets:
        label = " ".join(str(widget.get("label", "")).split())
        if not label or any(p.fullmatch(label) for p in own):
            continue
        for other in sorted(_interface_texts()):
            if other != language and any(p.fullmatch(label) for p in _patterns(other)):
                problems.append(f"{widget['role']} {label!r} is in {other}, not {language}")
                break
    return problems


INKED_ROLES = ("text", "heading", "button")


def widgets_without_ink(widgets: list[dict[str, Any]], picture: pygame.Surface, scale: float = 1.0,
                        origin: tuple[int, int] = (0, 0)) -> list[str]:
    """The texts and buttons the tree lists whose place in `picture` is one flat colour: drawn over, or
    never drawn. `picture` may show the display scaled by `scale` with its top left at `origin` (a
    desk's window in a screenshot of the whole desk)."""
    problems: list[str] = []
    area = picture.get_rect()
    for widget in widgets:
        if widget["role"] not in INKED_ROLES or not str(widget["label"]).strip() or widget.get("clipped"):
            continue
        x, y, w, h = widget["bounds"]
        shown = pygame.Rect(origin[0] + round(x * scale), origin[1] + round(y * scale),
                            max(1, round(w * scale)), max(1, round(h * scale))).clip(area)
        if shown.width * shown.height < 4:
            continue
        pixels = pygame.image.tobytes(picture.subsurface(shown), "RGB")
        if pixels == pixels[:3] * (len(pixels) // 3):
            problems.append(f"{widget['role']} {widget['label']!r} at {widget['bounds']} shows one flat colour")
    return problems


def status_problems(widgets: list[dict[str, Any]]) -> list[str]:
    """A confirmation (a status) drawn over anything else of the screen: it must have a zone of its own.

    Any widget counts, with or without a label (a picture, a list). A widget cut by its scroll view right
    at the status's edge counts too: the tree lists only its visible part, but on the screen the strip
    lies over the rest of it (half a button under "Added to your cart")."""
    statuses = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "status" and w["label"].strip()]
    problems = []
    for status in statuses:
        for other in (w for w in widgets if w["role"] != "status"):
            bounds = pygame.Rect(other["bounds"])
            said = other["label"] or other["role"]
            if bounds.colliderect(status) and not bounds.contains(status):
                problems.append(f"the status covers {said!r}")
            elif other.get("clipped") and bounds.width and bounds.inflate(0, 2).colliderect(status) and \
                    max(bounds.left, status.left) < min(bounds.right, status.right):
                problems.append(f"the status lies over the rest of {said!r}, cut at its edge")
    return problems


def keyboard_problems(widgets: list[dict[str, Any]]) -> list[str]:
    """With the keyboard up, a form control (the field, a choice, a consent, the submit) cut by the edge
    of its scrolled room: the shopper cannot see what they are about to tap."""
    if not any(w["role"] == "keyboard" for w in widgets):
        return []
    return [f"form control cut while the keyboard is up: {w['label']!r}" for w in widgets
            if w["role"] in ("button", "textbox") and w.get("clipped")]
