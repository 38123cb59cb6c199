"""The look, read from a theme TOML file: colours, fonts and sizes, scaled to the screen."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pygame

from kiosk.config.schema import convert
from kiosk.config.toml_lines import key_lines, line_of
from kiosk.core.problems import Problem
from kiosk.shipped import shipped_theme

log = logging.getLogger(__name__)

Color = tuple[int, int, int, int]
REFERENCE_WIDTH = 1080


@dataclass(frozen=True)
class FontsFile:
    """[fonts] of a theme file."""

    regular: str
    bold: str
    search_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemeFile:
    """A theme file as written."""

    fonts: FontsFile
    sizes: Mapping[str, int]
    colors: Mapping[str, str]


REQUIRED_COLORS = (
    "background", "surface", "surface_alt", "text", "muted", "primary", "on_primary", "accent", "on_accent",
    "highlight", "best", "danger", "star", "divider", "overlay", "toast", "on_toast", "focus", "differs",
)  # fmt: skip
# Sizes a theme may leave out (reference pixels for a screen 1080 wide, like the others).
DEFAULT_SIZES = {
    "picture": 620,  # a product's picture on its page
    "thumb": 300,  # a small card's picture ("bought together", the compare table)
    "star": 30,  # a rating's stars
    "field": 120,  # a text field's height
    "keyboard": 600,  # the on-screen keyboard's height when there is room
    "dialog": 860,  # a dialog's width on a wide screen
    "tile": 300,  # a department tile's height at most
    "tile_width": 460,  # a department tile's width at least (fewer to a row on a narrow screen)
    "qr": 720,  # a QR code to scan with a phone, at most
    "tick_box": 40,  # a tick box's side at least (a line of its words when larger)
}
TEXT_SIZES = ("text", "small", "title", "headline", "button")
# A tablet is read from closer, but not at three quarters of the size: text scales down no further than
# this (small text came out at 18 px on an 800x1280 tablet); the layout finds the room for it.
TEXT_SCALE_FLOOR = 0.9
# The letters a list of products shows: each font draws them once while the screen is idle (Theme.warm_up)
LIST_GLYPHS = ("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 àâäçéèêëîïôöùûüñßÀÂÇÉÈÊÖÜ"
               " €$£%.,:;!?-–'’“”«»…·/()+&")
REQUIRED_SIZES = ("text", "small", "title", "headline", "button", "touch_target", "margin", "gap", "radius", "header")


def parse_color(text: str) -> Color:
    """#RRGGBB or #RRGGBBAA to an RGBA tuple; ValueError otherwise."""
    value = text.lstrip("#")
    if len(value) not in (6, 8) or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError(f"{text!r} is not a colour like #1F4E46")
    alpha = int(value[6:8], 16) if len(value) == 8 else 255
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), alpha


class Theme:
    """Colours, scaled sizes and fonts for one screen size."""

    def __init__(self, spec: ThemeFile, source: Path, screen: tuple[int, int]) -> None:
        self.source = source
        self.scale = min(screen) / REFERENCE_WIDTH
        self.colors = {name: parse_color(value) for name, value in spec.colors.items()}
        self._sizes = {**DEFAULT_SIZES, **spec.sizes}
        self._pixels: dict[str, int] = {}
        self._font_files = {"regular": self._find(spec.fonts.regular, spec.fonts.search_paths),
                            "bold": self._find(spec.fonts.bold, spec.fonts.search_paths)}
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._warmed: set[tuple[int, bool]] = set()  # the fonts whose letters warm_up() drew

    def _find(self, name: str, search_paths: tuple[str, ...]) -> str | None:
        for folder in (self.source.parent, *map(Path, search_paths)):
            candidate = Path(folder) / name
            if candidate.is_file():
                return str(candidate)
        return None  # pygame's built-in font is used

    def size(self, name: str) -> int:
        """A theme size in pixels for this screen (worked out once: layouts ask for them by the thousand)."""
        pixels = self._pixels.get(name)
        if pixels is None:
            scale = max(self.scale, TEXT_SCALE_FLOOR) if name in TEXT_SIZES else self.scale
            pixels = self._pixels[name] = max(1, round(self._sizes[name] * scale))
        return pixels

    def note_size(self) -> int:
        """The size of a button's second line ("in stock", "see the map"): between the small text and the
        text, read at arm's length under its larger first line."""
        return (self.size("small") + self.size("text")) // 2

    def px(self, reference: float) -> int:
        """A length given for a 1080-wide screen, in pixels for this screen."""
        return round(reference * self.scale)

    def color(self, name: str) -> Color:
        """A theme colour."""
        return self.colors[name]

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The theme's font at `size` pixels, loaded once."""
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(self._font_files["bold" if bold else "regular"], size)
            self._fonts[key] = font
        return font

    @property
    def fonts_loaded(self) -> int:
        """How many fonts (one per size and weight) this theme holds now."""
        return len(self._fonts)

    def forget_fonts(self) -> None:
        """Let go of the fonts loaded (a screen left this theme for another): with the letters each has drawn,
        about 2 MB for a theme's ten at 1080x1920; loaded again if the theme comes back."""
        self._fonts.clear()
        self._warmed.clear()

    def warm_up(self) -> bool:
        """For an idle moment: one font made ready, so that a page's first frame does not pay for it. A font
        loaded since the last call draws the letters of a list of products once, which it keeps (drawing each
        letter the first time made a search's first keystroke ~1 ms slower); once each is, the next of the
        theme's text sizes (and a button's note) not loaded yet, in either weight, is loaded and drawn (the
        first product page loaded two fonts and drew letters in five: its frame took 18-21 ms against 13-14 ms
        for the next ones, `python -m bench.navigation_taps`). About 2-3 ms a font, once each; returns whether
        one was."""
        for key, font in list(self._fonts.items()):
            if key not in self._warmed:
                self._warmed.add(key)
                font.render(LIST_GLYPHS, True, (0, 0, 0, 255))
                return True
        for size in (*(self.size(name) for name in TEXT_SIZES), self.note_size()):
            for bold in (False, True):
                if (size, bold) not in self._fonts:
                    self.font(size, bold)
                    return self.warm_up()
        return False


def theme_problems(path: Path) -> tuple[ThemeFile | None, list[Problem]]:
    """Read a theme file and list what is wrong with it."""
    spec, problems, _ = read_theme(path)
    return spec, problems


def read_theme(path: Path) -> tuple[ThemeFile | None, list[Problem], list[Problem]]:
    """A theme file, what is wrong with it, and warnings: a colour or size it does not set that a later
    version needs is the shipped default theme's (a store's theme of an earlier version keeps working)."""
    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except (OSError, tomllib.TOMLDecodeError) as error:
        return None, [Problem(path, "", f"cannot be read: {error}")], []
    lines = key_lines(source)
    spec, issues = convert(ThemeFile, data)
    problems = [Problem(path, ".".join(map(str, i.path)), i.message, line_of(lines, i.path)) for i in issues]
    warnings: list[Problem] = []
    if spec is None:
        return None, problems, warnings
    default = _shipped_default() if path != shipped_theme("default") else None
    filled: dict[str, dict[str, Any]] = {"colors": dict(spec.colors), "sizes": dict(spec.sizes)}
    for table, names in (("colors", REQUIRED_COLORS), ("sizes", REQUIRED_SIZES)):
        for name in names:
            if name in filled[table]:
                continue
            value = getattr(default, table, {}).get(name) if default is not None else None
            if value is None:
                problems.append(Problem(path, f"{table}.{name}", "is required", line_of(lines, (table,))))
            else:
                filled[table][name] = value
                warnings.append(Problem(path, f"{table}.{name}", f"is not set: the default theme's is used "
                                        f"(add {name} = {value!r} to [{table}])", line_of(lines, (table,))))
    for name, value in spec.colors.items():
        try:
            parse_color(value)
        except ValueError as error:
            problems.append(Problem(path, f"colors.{name}", str(error), line_of(lines, ("colors", name))))
    return replace(spec, colors=filled["colors"], sizes=filled["sizes"]), problems, warnings


def _shipped_default() -> ThemeFile | None:
    """The default theme that ships with the kiosk, as written."""
    default = shipped_theme("default")
    spec = convert(ThemeFile, tomllib.loads(default.read_text(encoding="utf-8")))[0] if default else None
    return spec


def load_theme(path: Path, screen: tuple[int, int]) -> Theme:
    """The theme in `path` for a screen of `screen` pixels; ValueError listing problems if it is broken."""
    spec, problems, warnings = read_theme(path)
    if problems or spec is None:
        raise ValueError("\n".join(str(p) for p in problems))
    for warning in warnings:
        log.warning("%s", warning)
    return Theme(spec, path, screen)
