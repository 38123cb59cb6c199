"""Accessible mode's reach zone on a portrait screen: how tall the strip above it is.

The strip (out of reach, in sight: what the scene shows in words, its picture or QR code) takes the top
share of the screen that `[accessibility] reach` leaves, as long as the zone below keeps room for the
content: the header and the action bars at its bottom, a product card whole with its price and the next
row starting, several rows of a comparison. Where it would not (a short screen: a tablet, whose text does
not scale down with its width), the strip gives way to the content: shorter, and none at all where too
little of it would be left to say its first lines. Decided by the room, in the theme's text size, so that
any shape gets it right, not by a list of shapes.
"""

from __future__ import annotations

from kiosk.ui.theme import Theme

# The reach zone holds at least this many lines of the theme's body text (the department's card whole with
# its price and the next row starting, over the header and two action bars: an 800x1280 tablet's zone held
# 23, and showed its one card's price under the bars; a 1080x1920 terminal's holds 31)
ROOM_LINES = 30


def strip_height(size: tuple[int, int], reach: float, theme: Theme) -> int:
    """How far down a screen of `size` the strip above the reach zone goes in accessible mode: the top
    `1 - reach` share of a portrait screen, less what the content needs (ROOM_LINES of text), or 0 (no strip:
    a landscape screen, or a strip too short for its name and one line under it)."""
    width, height = size
    if height <= width:
        return 0
    share = round(height * (1 - reach))
    top = min(share, height - ROOM_LINES * theme.size("text"))
    least = 2 * theme.size("margin") + theme.size("title") + theme.size("gap") + theme.size("text")
    return top if top >= least else 0
