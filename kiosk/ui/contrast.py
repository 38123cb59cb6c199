"""How well two colours read against each other (WCAG), and the disabled controls' ink worked out from it."""

from __future__ import annotations

import weakref

from kiosk.ui.theme import Color, Theme

TEXT_CONTRAST = 4.5  # words a shopper must read (WCAG 1.4.3), a disabled control's too (designer's review)
EDGE_CONTRAST = 3.0  # an outline a shopper must make out (WCAG 1.4.11)


def luminance(color: Color | tuple[int, int, int]) -> float:
    """A colour's relative luminance, 0 (black) to 1 (white)."""
    channels = []
    for value in color[:3]:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(first: Color | tuple[int, int, int], second: Color | tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _toward(start: Color, end: Color, share: float) -> Color:
    return (*(round(s + (e - s) * share) for s, e in zip(start[:3], end[:3], strict=True)), 255)  # type: ignore[return-value]


def disabled_ink(theme: Theme, on: str = "") -> Color:
    """The words (and outline) of a disabled control: the muted colour taken toward the background as far as
    it still reads at 4.5:1 on the background and on a surface (and on the theme's colour `on`: a keyboard's
    panel under a disabled key), so it is quieter than anything that can be tapped and still legible. (Halfway
    to the background, it read at 4:1 on black and 2.3:1 on the light theme's paper: designer's review.)"""
    muted = theme.color("muted")
    grounds = (theme.color("background"), theme.color("surface"), *((theme.color(on),) if on else ()))
    best = muted
    for step in range(1, 21):
        ink = _toward(muted, grounds[0], step / 20)
        if min(contrast(ink, ground) for ground in grounds) < TEXT_CONTRAST:
            break
        best = ink
    return best


CHOSEN_TINT = 0.2  # how far a chosen option's ground goes from the surface toward the primary colour
CHOSEN_WORDS = 7.0  # its words on that ground still read at 7:1 (accessible mode's rule, on every theme)


def chosen_tint(theme: Theme) -> Color:
    """The ground of a chosen option (a size, email or phone): the surface taken a little toward the primary
    colour, a light tint of it (a dark one of the yellow on accessible mode's black), no further than its words
    read at 7:1 on it. (Only edged in the primary colour, the chosen size read as a focus ring, or as a
    secondary button's outline: designer's review.)"""
    surface, primary, text = theme.color("surface"), theme.color("primary"), theme.color("text")
    best = surface
    for step in range(1, 17):
        share = CHOSEN_TINT * step / 16
        ground = _toward(surface, primary, share)
        if contrast(text, ground) < CHOSEN_WORDS:
            break
        best = ground
    return best


def choice_edge(theme: Theme) -> Color:
    """The outline of an option not chosen: the divider's colour taken toward the text's until it stands out
    at 3:1 from the page and from a surface (the beige divider, at 1.3:1 on the light theme's paper, was too
    faint to read as something to choose: designer's review)."""
    divider, text = theme.color("divider"), theme.color("text")
    grounds = (theme.color("background"), theme.color("surface"))
    for step in range(0, 21):
        edge = _toward(divider, text, step / 20)
        if min(contrast(edge, ground) for ground in grounds) >= EDGE_CONTRAST:
            return edge
    return text


DERIVED_COLORS = {"choice": choice_edge, "chosen": chosen_tint}  # colours worked out from the theme's, by name


_derived_colors: weakref.WeakKeyDictionary[Theme, dict[str, Color]] = weakref.WeakKeyDictionary()


def named_color(theme: Theme, name: str) -> Color:
    """The colour `name` stands for: a theme colour, or one of DERIVED_COLORS ("choice": an option's edge;
    "chosen": a chosen option's ground), so a style table can name both alike. A derived one is worked out once
    per theme (it searches the colour's steps for its contrast: every chip and tick box asks as it is drawn)."""
    derive = DERIVED_COLORS.get(name)
    if derive is None:
        return theme.color(name)
    known = _derived_colors.setdefault(theme, {})
    if name not in known:
        known[name] = derive(theme)
    return known[name]
