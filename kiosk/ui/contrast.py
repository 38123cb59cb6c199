"""How well two colours read against each other (WCAG), and the disabled controls' ink worked out from it."""

from __future__ import annotations

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
