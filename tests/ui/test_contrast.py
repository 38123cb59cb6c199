"""Every text colour on the background it is drawn on meets WCAG AA (4.5:1), and 7:1 in the high-contrast
theme of accessible mode: shoppers must read it."""

from __future__ import annotations

import colorsys
import tomllib

import pytest

from kiosk.ui.contrast import disabled_ink
from kiosk.ui.theme import load_theme, parse_color
from tests.conftest import REPO

# (text colour, background colour) as the widgets and scenes combine them
PAIRS = [
    ("text", "background"), ("text", "surface"), ("text", "highlight"), ("text", "surface_alt"),
    ("text", "divider"),  # special keys of the on-screen keyboard
    ("muted", "background"), ("muted", "surface"), ("muted", "highlight"),
    ("primary", "background"), ("primary", "surface"), ("on_primary", "primary"), ("on_accent", "accent"),
    ("accent", "surface"), ("accent", "highlight"), ("best", "surface"), ("best", "highlight"),
    ("text", "differs"), ("muted", "differs"), ("best", "differs"),
    ("best", "background"), ("danger", "surface"), ("danger", "background"), ("on_toast", "toast"),
    ("on_primary", "best"),  # a button that says for a moment what it did ("✓ Added")
]


# graphical objects a shopper must make out (WCAG 1.4.11, 3:1): the edge of an empty rating star
SHAPES = [("muted", "surface"), ("muted", "background")]


def luminance(color: tuple[int, int, int, int]) -> float:
    channels = []
    for value in color[:3]:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["default", "window"])
@pytest.mark.parametrize(("ink", "paper"), PAIRS)
def test_text_pairs_of_the_shipped_themes_meet_wcag_aa(theme: str, ink: str, paper: str) -> None:
    colors = tomllib.loads((REPO / "kiosk" / "shipped" / "themes" / f"{theme}.toml").read_text())["colors"]
    ratio = contrast(parse_color(colors[ink]), parse_color(colors[paper]))
    assert ratio >= 4.5, f"{ink} on {paper}: {ratio:.2f}:1"


@pytest.mark.parametrize(("ink", "paper"), PAIRS)
def test_the_high_contrast_theme_meets_7_to_1(ink: str, paper: str) -> None:
    colors = tomllib.loads((REPO / "kiosk" / "shipped" / "themes" / "high-contrast.toml").read_text())["colors"]
    ratio = contrast(parse_color(colors[ink]), parse_color(colors[paper]))
    assert ratio >= 7.0, f"{ink} on {paper}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ["default", "window", "high-contrast"])
@pytest.mark.parametrize(("ink", "paper"), SHAPES)
def test_the_edges_of_empty_stars_stand_out_from_their_card(theme: str, ink: str, paper: str) -> None:
    colors = tomllib.loads((REPO / "kiosk" / "shipped" / "themes" / f"{theme}.toml").read_text())["colors"]
    ratio = contrast(parse_color(colors[ink]), parse_color(colors[paper]))
    assert ratio >= 3.0, f"{ink} on {paper}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ["default", "window", "high-contrast"])
def test_a_disabled_control_reads_and_stays_quieter_than_an_active_one(theme: str) -> None:
    """A greyed "Compare (1)" is read (its words at 4.5:1, its outline at 3:1, on the page and on a bar), and
    still looks less than a button that can be tapped (whose words are in the primary colour)."""
    shipped = load_theme(REPO / "kiosk" / "shipped" / "themes" / f"{theme}.toml", (1080, 1920))
    ink = disabled_ink(shipped)
    for paper in ("background", "surface"):
        ratio = contrast(ink, shipped.color(paper))
        assert ratio >= 4.5, f"disabled words on {paper}: {ratio:.2f}:1"
        assert ratio < contrast(shipped.color("primary"), shipped.color(paper)) - 1, \
            f"disabled words on {paper} at {ratio:.2f}:1, as strong as an active button's"


def _hue(color: tuple[int, int, int, int]) -> tuple[float, float]:
    """A colour's hue (degrees) and saturation."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(value / 255 for value in color[:3]))
    return hue * 360, saturation if 0.02 < lightness < 0.98 else 0.0


def test_the_accessible_theme_is_yellow_and_white_on_black_and_nothing_else() -> None:
    """Every colour of accessible mode is a grey or a shade of its yellow: the green "✓ Added" fill, the green
    rows of the comparison and the salmon warning broke the scheme (designer's review). (The keypad's focus
    ring is apart on purpose: it must stand out from a chosen, yellow key.)"""
    colors = tomllib.loads((REPO / "kiosk" / "shipped" / "themes" / "high-contrast.toml").read_text())["colors"]
    yellow, _ = _hue(parse_color(colors["primary"]))
    for name, value in colors.items():
        hue, saturation = _hue(parse_color(value))
        if name == "focus" or saturation < 0.1:
            continue
        assert abs(hue - yellow) <= 12, f"{name} = {value} is not of the accessible mode's yellow (hue {hue:.0f})"
