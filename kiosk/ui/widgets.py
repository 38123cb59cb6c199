"""Widgets: a tree of rectangles that draw themselves, answer taps and describe themselves.

The same tree is drawn, hit-tested, and read as the accessibility tree (automation `tree`, speech).
Rects are in the parent's content coordinates; a scroll view shifts its children. A widget that
changes calls `invalidate()`, and only the damaged part of the screen is drawn again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pygame

from kiosk.ui.contrast import disabled_ink, named_color
from kiosk.ui.icons import DRAWERS, draw_icon, smooth_icon
from kiosk.ui.images import ImageCache
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Color, Theme

Point = tuple[int, int]
Action = Callable[[], None]
# SDL fills a rectangle 17 to 63 pixels wide (32-bit) with streaming stores that each write part of a cache
# line, about 0.3-0.6 us a pixel row, as long as filling it 1,080 wide: a 30 px strip down a 1,000 px list
# cost 0.6 ms, 64 px 0.02 ms. What is drawn again, and the background between panels, is filled this wide.
NARROWEST_FILL = 64
W = TypeVar("W", bound="Widget")


@dataclass
class Painter:
    """What widgets draw with."""

    surface: pygame.Surface
    theme: Theme
    text: TextCache
    images: ImageCache
    clip: pygame.Rect


class Widget:
    """A rectangle in the tree. Subclasses override `paint`."""

    role = "group"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], *, label: str = "",
                 on_tap: Action | None = None, enabled: bool = True, children: list[Widget] | None = None) -> None:
        self.rect = pygame.Rect(rect)
        self.label = label
        self.on_tap = on_tap
        self.enabled = enabled
        self.visible = True
        self.pressed = False
        self.parent: Widget | None = None
        self.children: list[Widget] = []
        for child in children or []:
            self.add(child)

    def add(self, child: W) -> W:
        """Put `child` in this widget; returns it."""
        child.parent = self
        self.children.append(child)
        return child

    def dispose(self) -> None:
        """Let go of this widget's subtree and actions now. Parent links, and actions that reach back to
        their scene, make every tree a cycle that only Python's cycle collector frees: once a few hundred
        pages had piled up it stopped the loop for 100-150 ms. A tree thrown away is disposed instead,
        and reference counting frees it at once."""
        self.remove_children()
        self.parent = None
        self.on_tap = None

    def remove_children(self) -> None:
        """Take the children out, disposed (they are not to be shown again)."""
        for child in self.children:
            child.dispose()
        self.children = []

    @property
    def tappable(self) -> bool:
        """Whether a tap does something."""
        return self.on_tap is not None and self.enabled and self.visible

    @property
    def why_disabled(self) -> str:
        """What a tap on this widget says while it is disabled (why it is), or nothing."""
        return ""

    def child_offset(self) -> Point:
        """How children are shifted (scroll views move their content)."""
        return (0, 0)

    def origin(self) -> Point:
        """Where this widget's parent content starts on screen."""
        x = y = 0
        node = self.parent
        while node is not None:
            dx, dy = node.child_offset()
            x, y = x + dx, y + dy
            node = node.parent
        return x, y

    def screen_rect(self) -> pygame.Rect:
        """This widget's rectangle on screen (may lie outside a scroll view's viewport)."""
        return self.rect.move(self.origin())

    def root(self) -> Widget:
        """The top of the tree."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def invalidate(self) -> None:
        """Ask for this widget's area to be drawn again."""
        root = self.root()
        if isinstance(root, Root):
            root.damage(self.visible_rect())

    def visible_rect(self) -> pygame.Rect:
        """The part of the screen this widget covers, clipped by scroll views around it."""
        rect = self.screen_rect()
        node = self.parent
        while node is not None:
            if node.clips:
                rect = rect.clip(node.screen_rect())
            node = node.parent
        return rect

    clips = False

    def draw(self, painter: Painter, origin: Point) -> None:
        """Draw this widget and its children where they meet the painter's clip."""
        if not self.visible:
            return
        rect = self.rect.move(origin)
        if not rect.colliderect(painter.clip):
            return
        self.paint(painter, rect)
        dx, dy = self.child_offset()
        inner = (origin[0] + dx, origin[1] + dy)
        for child in self.children:
            child.draw(painter, inner)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw this widget itself (not its children) at `rect`."""

    def opaque_rect(self, rect: pygame.Rect) -> pygame.Rect | None:
        """Where this widget, drawn at `rect`, covers every pixel whatever is under it (a film's frame), so a
        plain panel under it need not fill there; None for most widgets."""
        return None

    def make_ready(self, painter: Painter) -> None:
        """Make, before the screen under it is drawn, what this widget will draw (a list: its rows in view)."""

    def prepare(self, painter: Painter) -> None:
        """Do ahead of time what the first draw would do (render text, ask for pictures)."""
        for child in self.children:
            child.prepare(painter)

    def hit(self, pos: Point, origin: Point = (0, 0)) -> Widget | None:
        """The deepest tappable widget at `pos`."""
        if not self.visible:
            return None
        rect = self.rect.move(origin)
        if not rect.collidepoint(pos):
            return None
        dx, dy = self.child_offset()
        for child in reversed(self.children):
            found = child.hit(pos, (origin[0] + dx, origin[1] + dy))
            if found is not None:
                return found
        return self if self.tappable or (self.visible and not self.enabled and self.why_disabled) else None

    def walk(self) -> Iterator[Widget]:
        """This widget and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def accessible(self, viewport: pygame.Rect, origin: Point = (0, 0)) -> Iterator[tuple[Widget, pygame.Rect]]:
        """Visible widgets with a role and label, with their on-screen rectangles (the accessibility tree)."""
        if not self.visible:
            return
        rect = self.rect.move(origin)
        shown = rect.clip(viewport)
        if shown.width <= 0 or shown.height <= 0:
            return
        if self.label and self.role != "group":
            yield self, shown
        inner_view = self.children_view(viewport, shown, rect)
        if inner_view.width <= 0 or inner_view.height <= 0:
            return
        dx, dy = self.child_offset()
        for child in self.children:
            yield from child.accessible(inner_view, (origin[0] + dx, origin[1] + dy))

    def children_view(self, viewport: pygame.Rect, shown: pygame.Rect, rect: pygame.Rect) -> pygame.Rect:
        """What of the screen this widget's children may show in (the accessibility tree): the part `shown` of its
        on-screen `rect` where it clips them, else its own `viewport`."""
        return shown if self.clips else viewport

    def animate(self, dt: float) -> bool:
        """Advance an animation by `dt` seconds; True while it still moves."""
        moving = False
        for child in self.children:
            moving = child.animate(dt) or moving
        return moving


def icon_side(theme: Theme) -> int:
    """How tall an icon over its word is: a line of the text size."""
    return round(theme.size("text") * 1.15)


def lead_side(size: int) -> int:
    """How tall a lead icon's square is before words of `size` pixels: its drawing about their capitals'
    height and a little more."""
    return round(size * 0.95)


def lead_weight(size: int) -> int:
    """How wide a lead icon's strokes are before bold words of `size` pixels: about their stems'."""
    return max(2, round(size / 6))


def field_edge(theme: Theme) -> int:
    """How thick a text field's edge is."""
    return max(2, theme.px(4))


def problem_edge(theme: Theme) -> tuple[Color, int]:
    """The edge of a control with a problem (a field typed wrong, a required box not ticked): the danger colour,
    twice as thick as a field's, so that it is not told by colour alone."""
    return theme.color("danger"), 2 * field_edge(theme)


class Root(Widget):
    """The top of a scene's tree; collects damaged rectangles."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], color: str = "background") -> None:
        super().__init__(rect)
        self.color = color
        self.damaged: list[pygame.Rect] = [pygame.Rect(rect)]
        # scrolls since the last frame: the area, how far, and how many damaged rectangles came before it
        self.shifts: list[tuple[pygame.Rect, int, int]] = []
        self.relayout: Callable[[], object] | None = None  # lays the scene's tree out again (a status came)
        self.status: Status | None = None  # the scene's status zone, where confirmations show
        self.wake_at: float | None = None  # the clock time a widget asked the loop to turn again at (see `wake`)

    def dispose(self) -> None:
        """Also let go of the layout (its boxes hold the scene's widgets)."""
        self.relayout = None
        self.status = None
        super().dispose()

    def say(self, text: str, short: str = "") -> bool:
        """Show `text` in the status zone (empty: none; `short`, its shorter form where it does not fit), the
        screen laid out again around it; False when this tree has no status zone."""
        if self.status is None or self.relayout is None:
            return False
        if self.status.label != text:
            self.status.show(text, short)
            self.relayout()
            for widget in self.walk():
                settle = getattr(widget, "settle_top", None)
                if settle is not None:
                    settle()  # a scroll view under the zone shows whole what its top edge would cut
            self.damage(self.rect)
        return True

    def shift(self, area: pygame.Rect, dy: int) -> None:
        """Move the pixels already drawn in `area` by `dy` (a scroll), instead of drawing them again."""
        self.shifts.append((pygame.Rect(area), dy, len(self.damaged)))

    def wake(self, at: float) -> None:
        """Ask the loop to turn again at clock time `at`, during `animate` (the earliest asked wins; asked anew
        on every turn): a widget that moves at its own times (a film's next frame) is then woken when it must
        be, where one that animates is woken at frame rate, at times that fall anywhere between its own."""
        if self.wake_at is None or at < self.wake_at:
            self.wake_at = at

    def damage(self, rect: pygame.Rect) -> None:
        """Mark part of the screen to be drawn again."""
        if rect.width > 0 and rect.height > 0:
            self.damaged.append(pygame.Rect(rect))

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Fill with the background colour, but where opaque panels are drawn over it whole (the rows of a
        list: a keystroke's new search results filled 1080x1140 px, then drew a panel over most of it)."""
        if self.color:
            area = rect.clip(painter.clip)
            covers: list[pygame.Rect] = []
            _opaque_panels(self, (0, 0), area, painter, covers)
            fill_around(painter.surface, painter.theme.color(self.color), area, covers)


def _opaque_panels(widget: Widget, origin: Point, clip: pygame.Rect, painter: Painter,
                   found: list[pygame.Rect]) -> None:
    """Add to `found` where the opaque panels under `widget` will cover every pixel of `clip` they meet as
    they are drawn (their rounded corners left out), as `draw` places them; small ones are not worth it.
    What a widget makes as it is drawn (a list's rows) is made first."""
    theme = painter.theme
    widget.make_ready(painter)
    for child in widget.children:
        if not child.visible:
            continue
        rect = child.rect.move(origin)
        if not rect.colliderect(clip):
            continue
        if isinstance(child, Panel) and child.color and theme.color(child.color)[3] == 255:
            radius = theme.size("radius") if child.rounded else 0
            if rect.width >= 2 * NARROWEST_FILL and rect.height >= 2 * radius + NARROWEST_FILL // 2:
                found += [rect.inflate(0, -2 * radius).clip(clip), rect.inflate(-2 * radius, 0).clip(clip)]
                continue  # what it holds is drawn over it
        dx, dy = child.child_offset()
        _opaque_panels(child, (origin[0] + dx, origin[1] + dy), rect.clip(clip) if child.clips else clip, painter,
                       found)


def _opaque_widgets(widget: Widget, origin: Point, clip: pygame.Rect, found: list[pygame.Rect]) -> None:
    """Add to `found` where widgets under `widget` (drawn with their parent at `origin`) say they cover every
    pixel (`opaque_rect`), within `clip`."""
    for child in widget.children:
        if not child.visible:
            continue
        rect = child.rect.move(origin)
        if not rect.colliderect(clip):
            continue
        cover = child.opaque_rect(rect)
        if cover is not None:
            found.append(cover.clip(clip))
            continue
        dx, dy = child.child_offset()
        _opaque_widgets(child, (origin[0] + dx, origin[1] + dy), rect.clip(clip) if child.clips else clip, found)


def fill_around(surface: pygame.Surface, color: Color, area: pygame.Rect, covers: list[pygame.Rect]) -> None:
    """Fill `area` with `color` but where `covers` lie (they are drawn over whole afterwards), band by band
    between their top and bottom edges; a gap narrower than NARROWEST_FILL is filled that wide, over the
    cover beside it, since SDL fills a narrower one slowly."""
    covers = [cover for cover in covers if cover.width > 0 and cover.height > 0]
    if not covers:
        surface.fill(color, area)
        return
    edges = sorted({area.top, area.bottom, *(cover.top for cover in covers), *(cover.bottom for cover in covers)})
    started: dict[tuple[int, int], int] = {}  # a gap (left, right) being filled -> where it began
    for top, bottom in itertools.pairwise(edges):
        spans = sorted((cover.left, cover.right) for cover in covers if cover.top <= top and cover.bottom >= bottom)
        gaps = _gaps(area, spans)
        for gap in [gap for gap in started if gap not in gaps]:  # a gap that ends here: filled down to here
            begun = started.pop(gap)
            surface.fill(color, pygame.Rect(gap[0], begun, gap[1] - gap[0], top - begun))
        for gap in gaps:
            started.setdefault(gap, top)
    for (left, right), begun in started.items():
        surface.fill(color, pygame.Rect(left, begun, right - left, area.bottom - begun))


def _gaps(area: pygame.Rect, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `area`'s width that `spans` (sorted) leave uncovered, each widened to NARROWEST_FILL."""
    gaps: list[tuple[int, int]] = []
    x = area.left
    for left, right in [*spans, (area.right, area.right)]:
        if left > x:
            gaps.append(wide_enough(x, left, area.left, area.right))
        x = max(x, right)
    return gaps


def wide_enough(left: int, right: int, low: int, high: int) -> tuple[int, int]:
    """The stretch `left`..`right` made NARROWEST_FILL wide about its middle, within `low`..`high` (as it is
    when it is that wide already, or the room is not)."""
    if right - left >= NARROWEST_FILL or high - low <= NARROWEST_FILL:
        return max(low, left), min(high, right)
    start = min(max(low, (left + right) // 2 - NARROWEST_FILL // 2), high - NARROWEST_FILL)
    return start, start + NARROWEST_FILL


class Panel(Widget):
    """A coloured, rounded box; tappable when given `on_tap` (a product card is one). Its `border`: a theme
    colour's name, or "choice" (the grey of an option not chosen: kiosk/ui/contrast.py), `border_px` wide on a
    1080p screen."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], color: str = "surface", *,
                 radius: bool = True, border: str = "", border_px: int = 3, role: str = "group",
                 **kwargs: object) -> None:
        super().__init__(rect, **kwargs)  # type: ignore[arg-type]
        self.color = color
        self.rounded = radius
        self.border = border
        self.border_px = border_px
        self.role = role

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the box, darker while pressed."""
        radius = painter.theme.size("radius") if self.rounded else 0
        if self.color:
            color = painter.theme.color(self.color)
            if self.pressed:
                color = (max(0, color[0] - 24), max(0, color[1] - 24), max(0, color[2] - 24), color[3])
            covers: list[pygame.Rect] = []
            if not radius:  # a plain box (a slide's backdrop): not under what covers it whole (a film's frame:
                dx, dy = self.child_offset()  # 2 ms a frame at the 4K window's 2686x1510)
                _opaque_widgets(self, (rect.x - self.rect.x + dx, rect.y - self.rect.y + dy), rect.clip(painter.clip),
                                covers)
            if covers:
                fill_around(painter.surface, color, rect.clip(painter.clip), covers)
            else:
                pygame.draw.rect(painter.surface, color, rect, border_radius=radius)
        if self.border:
            theme = painter.theme
            pygame.draw.rect(painter.surface, named_color(theme, self.border), rect, max(1, theme.px(self.border_px)),
                             border_radius=radius)


class Label(Widget):
    """Text in a box: one line (cut with …) or wrapped."""

    role = "text"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], text: str, *, size: str = "text",
                 color: str = "text", bold: bool = False, align: str = "left", valign: str = "center",
                 wrap: bool = False, max_lines: int = 0, heading: bool = False, struck: bool = False,
                 keep_with_next: bool = False) -> None:
        super().__init__(rect, label=text)
        # a heading, or a row's name over its values: never the last thing a scroll view shows above its foot
        self.keep_with_next = keep_with_next or heading
        self.struck = struck  # crossed out: a price that no longer applies, beside the one that does
        self.size_name = size
        self.color = color
        self.bold = bold
        self.align = align
        self.valign = valign
        self.wrap = wrap
        self.max_lines = max_lines
        if heading:
            self.role = "heading"
        self._lines: tuple[tuple[str, int, int], list[str]] | None = None

    @property
    def text(self) -> str:
        """The text shown."""
        return self.label

    def set_text(self, text: str) -> None:
        """Change the text and redraw."""
        if text != self.label:
            self.label = text
            self.invalidate()

    def lines(self, painter: Painter, width: int | None = None) -> list[str]:
        """The lines as drawn in `width` (the label's own by default): wrapped, or cut with …"""
        width = self.rect.width if width is None else width
        size = painter.theme.size(self.size_name)
        key = (self.label, size, width)
        if self._lines is not None and self._lines[0] == key:
            return self._lines[1]
        if self.wrap:
            lines = painter.text.wrap(self.label, size, width, self.bold, self.max_lines)
        else:
            lines = [painter.text.ellipsize(self.label, size, width, self.bold)]
        self._lines = (key, lines)
        return lines

    def prepare(self, painter: Painter) -> None:
        """Lay out and render the text now, so the first draw is only blits."""
        size = painter.theme.size(self.size_name)
        color = painter.theme.color(self.color)
        for line in self.lines(painter, self.rect.width):
            painter.text.render(line, size, color, self.bold)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the lines."""
        size = painter.theme.size(self.size_name)
        color = painter.theme.color(self.color)
        lines = self.lines(painter, rect.width)
        step = painter.text.line_height(size, self.bold)
        total = step * len(lines)
        y = rect.y if self.valign == "top" else rect.y + (rect.height - total) // 2
        for line in lines:
            image = painter.text.render(line, size, color, self.bold)
            if self.align == "center":
                x = rect.x + (rect.width - image.get_width()) // 2
            elif self.align == "right":
                x = rect.right - image.get_width()
            else:
                x = rect.x
            painter.surface.blit(image, (x, y))
            if self.struck:
                middle = y + image.get_height() // 2
                pygame.draw.line(painter.surface, color, (x, middle), (x + image.get_width(), middle),
                                 max(1, size // 14))
            y += step


KEY_STYLES = ("key", "key_special", "key_enter")  # a keyboard's keys: on its panel, with a key's small radius

# each style's fill, words' ink and outline: colours by name ("choice", "chosen": worked out, see `named_color`),
# "" for none
BUTTON_STYLES = {
    "primary": ("primary", "on_primary", ""),
    "accent": ("accent", "on_accent", ""),
    "secondary": ("surface", "primary", "primary"),
    "ghost": ("", "primary", ""),
    # a secondary way out beside choices (a dialog's Cancel under its languages): no outline, so it is not read as
    # one more choice; its word underlined, so it still reads as something to tap
    "text": ("", "primary", ""),
    "chip": ("surface", "text", "choice"),  # a quiet button (a PIN key, a dialog's Cancel): edged as an option is
    # a filter, a department, an order: chosen, on the primary colour's light tint, edged thick in it; not chosen,
    # edged in the grey of an option: a chosen size's look (it was filled: designer's review)
    "chip_on": ("chosen", "text", "primary"),
    "chip_off": ("surface", "text", "choice"),
    "choice_on": ("surface", "text", "primary"),  # a chosen option: its edge, thick (see `Choice`)
    "key": ("surface", "text", ""),
    "key_special": ("divider", "text", ""),
    # a keyboard's Enter key while it is ready: the colours of the form's main button (Send, Next) it stands for
    "key_enter": ("accent", "on_accent", ""),
    # a pad's keys beside its digits ("chip"): Cancel, erase; outlined and inked as the digits are, their words
    # whole on the key (in grey words, "Annuler" looked disabled beside buttons that were: designer's review)
    "key_quiet": ("surface", "text", "choice"),
    "header": ("", "on_primary", ""),
    "inverse": ("on_primary", "primary", ""),  # a highlight on a bar of the primary colour (the header's cart)
}


def style_colors(theme: Theme, style: str) -> tuple[Color | None, Color, Color | None]:
    """A button style's fill, words' ink and outline (None: none), from BUTTON_STYLES."""
    fill, ink, border = BUTTON_STYLES[style]
    return (named_color(theme, fill) if fill else None, named_color(theme, ink),
            named_color(theme, border) if border else None)


class Button(Widget):
    """A large touch target with a text label."""

    role = "button"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_tap: Action | None, *,
                 style: str = "primary", size: str = "button", enabled: bool = True, shown: str = "",
                 badge: str = "", note: str = "", icon: str = "", why: str = "", lead: str = "") -> None:
        super().__init__(rect, label=label, on_tap=on_tap, enabled=enabled)
        self.why = why  # said when tapped while disabled ("add at least 2 products")
        self.style = style
        self.icon = icon  # over its word (the header's form): a drawn icon's name (kiosk/ui/icons.py), or a sign
        self.lead = lead  # before its words on their line, as tall as their capitals: a drawn icon's name (search)
        self.size_name = size
        self.shown = shown  # text drawn when it differs from the accessible label (an icon glyph)
        self.badge = badge
        self.note = note  # a second, smaller line under the text ("in stock")
        self.inset = 0  # the cap is drawn this far inside the touch area (a keyboard's keys)
        self.done = ""  # for a moment after a tap, what it did ("Added"), said on it instead (kiosk/ui/done_mark.py)
        self.done_outlined = False  # said outlined in the success colour rather than filled with it

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the button in its style, darker while pressed; a disabled one without its fill, only its
        outline, and its words at a lower contrast: it does not look like something to tap."""
        rect = rect.inflate(-2 * self.inset, -2 * self.inset)
        if self.done:
            self._paint_done(painter, rect)
            return
        ink_color = self._paint_face(painter, rect)
        if self.icon:
            self._paint_icon(painter, rect, ink_color)
            return
        self._paint_words(painter, rect, ink_color)

    def _colors(self, theme: Theme) -> tuple[Color | None, Color, Color | None]:
        """Its fill, words' ink and outline in its style (None: none), as BUTTON_STYLES names them."""
        return style_colors(theme, self.style)

    def _paint_face(self, painter: Painter, rect: pygame.Rect) -> Color:
        """Its fill and outline on its cap `rect`; returns the colour its words take."""
        theme = painter.theme
        fill, ink, border = self._colors(theme)
        radius = theme.size("radius") if self.style not in KEY_STYLES else theme.px(12)
        if not self.enabled:
            fill = None
            # made out (3:1), edged as an option not chosen is, no stronger (in its words' darker grey, the disabled
            # "Next" stood out more than the stars to tap beside it: designer's review)
            border = named_color(theme, "choice") if self.style not in ("header", "ghost", "text") else None
        if fill is not None:
            color = fill
            if self.pressed:
                color = (max(0, color[0] - 30), max(0, color[1] - 30), max(0, color[2] - 30), color[3])
            pygame.draw.rect(painter.surface, color, rect, border_radius=radius)
        elif self.pressed:
            pygame.draw.rect(painter.surface, theme.color("divider"), rect, border_radius=radius)
        if border is not None:
            thick = theme.px(6 if self.style in ("choice_on", "chip_on") else 3)
            pygame.draw.rect(painter.surface, border, rect, max(2, thick), border_radius=radius)
        # (a key on a keyboard's panel: its words read on the panel's colour too)
        return ink if self.enabled else disabled_ink(theme, "surface_alt" if self.style in KEY_STYLES
                                                     else "")

    def _paint_words(self, painter: Painter, rect: pygame.Rect, ink_color: Color) -> None:
        """Its words (and note, and badge) on its cap `rect`, in `ink_color`."""
        theme = painter.theme
        size = theme.size(self.size_name)
        room = self._room(theme, rect)
        shown = self.shown or self.label
        lines = self.wrapped(theme, painter.text, rect)
        if lines:
            line_h = painter.text.line_height(size, True)
            top = rect.centery - len(lines) * line_h // 2
            for index, line in enumerate(lines):
                image = painter.text.render(line, size, ink_color, bold=True)
                painter.surface.blit(image, image.get_rect(midtop=(rect.centerx, top + index * line_h)))
            self._paint_badge(painter, rect)
            return
        small = theme.size("small")
        if not self.note and size > small and painter.text.width(shown, size, True) > room >= \
                painter.text.width(shown, small, True):
            size = small  # whole in the small size rather than cut in the normal one (a key, a chip)
        text = painter.text.ellipsize(shown, size, room, bold=True)
        image = painter.text.render(text, size, ink_color, bold=True)
        if self.note:
            note_size = theme.note_size()
            note = painter.text.render(painter.text.ellipsize(self.note, note_size, rect.width - theme.px(16)),
                                       note_size, ink_color)
            top = rect.centery - (image.get_height() + note.get_height()) // 2
            painter.surface.blit(image, image.get_rect(midtop=(rect.centerx, top)))
            painter.surface.blit(note, note.get_rect(midtop=(rect.centerx, top + image.get_height())))
        elif self._lead_fits(theme, painter.text, rect):
            self._paint_lead(painter, rect, image, size, ink_color)
        else:
            placed = image.get_rect(center=rect.center)
            painter.surface.blit(image, placed)
            if self.style == "text":
                under = placed.bottom - theme.px(2)
                pygame.draw.line(painter.surface, ink_color, (placed.left, under), (placed.right, under),
                                 max(2, theme.px(3)))
        self._paint_badge(painter, rect)

    def _paint_lead(self, painter: Painter, rect: pygame.Rect, words: pygame.Surface, size: int,
                    ink_color: Color) -> None:
        """Its lead icon, then its `words` (rendered in `size`), centred together on the cap `rect`."""
        side = lead_side(size)
        left = rect.centerx - (self.lead_room(size) + words.get_width()) // 2
        # (its middle on the capitals' middle, a little over the words' line's: its handle hung under their foot)
        top = rect.centery - side // 2 - round(size * 0.05)
        painter.surface.blit(smooth_icon(self.lead, side, ink_color, lead_weight(size)), (left, top))
        painter.surface.blit(words, words.get_rect(midleft=(left + self.lead_room(size), rect.centery)))

    def lead_room(self, size: int) -> int:
        """How wide its lead icon and the space after it are beside words of `size` pixels (0 without one)."""
        return lead_side(size) + round(size * 0.25) if self.lead else 0

    def _room(self, theme: Theme, rect: pygame.Rect) -> int:
        """How wide the words can be on the button's cap `rect` (a key: its word alone)."""
        return rect.width - theme.px(4 if self.style in (*KEY_STYLES, "key_quiet") else 16)

    def _lead_fits(self, theme: Theme, cache: TextCache, rect: pygame.Rect) -> bool:
        """Whether its lead icon and its words fit one line of the cap `rect` with three quarters of a gap each side
        (else the words go alone: with the icon, "Produkt suchen" came 5 px from its edge: designer's review)."""
        size = theme.size(self.size_name)
        return bool(self.lead) and cache.width(self.shown or self.label, size, True) + self.lead_room(size) \
            <= rect.width - theme.size("gap") * 3 // 2

    def wrapped(self, theme: Theme, cache: TextCache, rect: pygame.Rect) -> list[str]:
        """The lines its words are drawn on where they take more than one ([] where one line, or its icon, shows
        them), on the button's cap `rect`: a long label (German...) on a tall enough button goes on two lines
        (or as many as its height holds) rather than cut short."""
        if self.icon or self.note or self.done or self._lead_fits(theme, cache, rect):
            return []
        size = theme.size(self.size_name)
        shown = self.shown or self.label
        room = self._room(theme, rect)
        line_h = cache.line_height(size, True)
        if rect.height < 2 * line_h + theme.px(8) or cache.width(shown, size, True) <= room:
            return []
        return cache.wrap(shown, size, room, bold=True, max_lines=max(2, (rect.height - theme.px(8)) // line_h))

    def _paint_done(self, painter: Painter, rect: pygame.Rect) -> None:
        """What the button just did, on it: "✓ Added" in the success colour (filled with it, or `done_outlined`:
        its edge and words in it), in the button's size, else the small one, else the tick alone (never cut: the
        button keeps its place and size)."""
        theme = painter.theme
        radius = theme.size("radius") if self.style not in KEY_STYLES else theme.px(12)
        if self.done_outlined:
            pygame.draw.rect(painter.surface, theme.color("surface"), rect, border_radius=radius)
            pygame.draw.rect(painter.surface, theme.color("best"), rect, max(2, theme.px(6)), border_radius=radius)
        else:
            pygame.draw.rect(painter.surface, theme.color("best"), rect, border_radius=radius)
        words, size = self.done_shown(theme, painter.text, rect)
        ink = theme.color("best" if self.done_outlined else "on_primary")
        paint_ticked(painter, words, size, ink, rect.center)  # the tick drawn, as a chosen option's

    def done_shown(self, theme: Theme, cache: TextCache, rect: pygame.Rect) -> tuple[str, int]:
        """The words `_paint_done` draws on the cap `rect` and their size: "✓ Added" in the button's size, else
        the small one, else the tick alone."""
        room = rect.width - theme.px(16)
        words = "✓ " + self.done
        size = next((theme.size(name) for name in (self.size_name, "small")
                     if cache.width(words, theme.size(name), True) <= room), 0)
        return (words, size) if size else ("✓", theme.size(self.size_name))

    @property
    def why_disabled(self) -> str:
        """Why this button is disabled, said when it is tapped."""
        return self.why

    def _paint_icon(self, painter: Painter, rect: pygame.Rect, color: Color) -> None:
        """The icon over its word in the small size (the header's buttons)."""
        theme = painter.theme
        side = icon_side(theme)
        word_size = theme.size("small")
        word = painter.text.ellipsize(self.shown or self.label, word_size, rect.width - theme.px(8), bold=True)
        image = painter.text.render(word, word_size, color, bold=True)
        top = rect.centery - (side + image.get_height()) // 2
        box = pygame.Rect(rect.centerx - side // 2, top, side, side)
        if self.icon in DRAWERS:
            draw_icon(painter.surface, self.icon, box, color)
        else:  # a sign of the font (♿, ★)
            sign = painter.text.render(self.icon, side, color, bold=True)
            painter.surface.blit(sign, sign.get_rect(center=box.center))
        painter.surface.blit(image, image.get_rect(midtop=(rect.centerx, box.bottom)))
        self._paint_badge(painter, rect)

    def _paint_badge(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        if self.badge:
            badge_size = theme.size("small")
            badge = painter.text.render(self.badge, badge_size, theme.color("on_accent"), bold=True)
            d = max(badge.get_height() + theme.px(8), badge.get_width() + theme.px(16))
            box = pygame.Rect(0, 0, d, badge.get_height() + theme.px(8))
            box.center = (rect.right - theme.px(10), rect.top + theme.px(10))
            pygame.draw.rect(painter.surface, theme.color("accent"), box, border_radius=box.height // 2)
            painter.surface.blit(badge, badge.get_rect(center=box.center))


class Toggle(Button):
    """A choice that is on or off, drawn as what it is: a box that is ticked (a consent, a product's compare
    tick), or a switch whose knob slides (a screen's option), before its words (or over them, `stacked`: a
    card's corner). A ticked box is filled with a drawn tick, an empty one only outlined, the two told apart
    without colour. Tapping it says what to do; the scene builds it again with the new state. Its tree node
    says `checked`, and speech says the state after the label."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_tap: Action | None, *,
                 checked: bool, switch: bool = False, shown: str = "", size: str = "text",
                 stacked: bool = False, problem: str = "") -> None:
        super().__init__(rect, label, on_tap, style="chip", size=size, shown=shown)
        self.checked = checked
        self.switch = switch
        self.stacked = stacked
        self.problem = problem  # what is missing ("Tick the required box first"): marked as a field's problem is
        self.role = "switch" if switch else "checkbox"

    @staticmethod
    def box_side(theme: Theme, cache: TextCache, size: str) -> int:
        """How big the tick box is: a line of its words, and at least the theme's `tick_box` (larger in
        accessible mode); the whole chip around it and its words is the touch target. (A line of the small
        text was a speck on a card, and faint on black: designer's review.)"""
        return max(cache.line_height(theme.size(size), True), theme.size("tick_box"))

    @staticmethod
    def label_gap(side: int) -> int:
        """The room between the box and its words, so that they read as a box and its label."""
        return side // 2

    @staticmethod
    def mark_width(theme: Theme, cache: TextCache, size: str, switch: bool) -> int:
        """How wide the box or the switch is, drawn before the words."""
        if switch:
            return cache.line_height(theme.size(size), True) * 9 // 5
        return Toggle.box_side(theme, cache, size)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The chip (while on: the chosen look of a size, on the primary colour's light tint, edged in it), the box
        (ticked) or the switch (on or off), and the words when there is room. (The ticked "In the comparison" stood
        on the page's ground, unlike the chosen size: designer's review, one look for chosen.)"""
        theme = painter.theme
        radius = theme.size("radius")
        on = self.checked and self.enabled
        color = named_color(theme, "chosen" if on else "surface")
        if self.pressed:
            color = (max(0, color[0] - 30), max(0, color[1] - 30), max(0, color[2] - 30), color[3])
        pygame.draw.rect(painter.surface, color, rect, border_radius=radius)
        # for a moment after a tap, what it did ("Removed") instead of its words, in its state's own look: the tick
        # says it (edged in the success colour, the ticked "In the comparison" was white in one screen and yellow in
        # the next, green and teal in normal mode: designer's reviews, one style for one state)
        # (off: its empty box says it, the chip edged as an option not chosen is: the beige divider, 1.3:1 on the
        # paper, read as printed words: designer's review)
        edge = named_color(theme, "primary" if on else "choice")
        thick = theme.px(6 if on else 3)
        if self.problem and not on:  # (as a field with a problem is)
            edge, thick = problem_edge(theme)
        pygame.draw.rect(painter.surface, edge, rect, max(2, thick), border_radius=radius)
        ink_color = theme.color("text") if self.enabled else disabled_ink(theme)
        if self.stacked:
            self._paint_stacked(painter, rect, ink_color)
            return
        size = theme.size(self.size_name)
        pad = theme.size("gap") // 2 + theme.px(8)
        mark_w = self.mark_width(theme, painter.text, self.size_name, self.switch)
        side = mark_w if not self.switch else painter.text.line_height(size, True)
        between = self.label_gap(side)
        room = rect.width - 2 * pad - mark_w - between
        step = painter.text.line_height(size, True)
        lines: list[str] = []
        for shown in ([self.done] if self.done else []) + [self.shown or self.label]:
            # what it did where that shows whole ("Dans le comparateur" cut on a card), else its own words (the
            # success colour still says it)
            lines = painter.text.wrap(shown, size, room, True, max(1, (rect.height - theme.px(8)) // step)) \
                if room >= step else []
            if not any("…" in line for line in lines):
                break
        images = [painter.text.render(line, size, ink_color, bold=True) for line in lines if line and line != "…"]
        # from the left, as a list of boxes to tick reads (a box alone: centred)
        left = rect.x + pad if images else rect.centerx - mark_w // 2
        mark = pygame.Rect(left, rect.centery - side // 2, mark_w, side)
        if self.switch:
            self._paint_switch(painter, mark)
        else:
            self._paint_box(painter, mark)
        top = rect.centery - step * len(images) // 2
        for index, image in enumerate(images):  # on two lines when narrow (a long German word), never cut first
            painter.surface.blit(image, (mark.right + between, top + index * step + (step - image.get_height()) // 2))

    def _paint_stacked(self, painter: Painter, rect: pygame.Rect, ink: Color) -> None:
        """The box over its word in the small size (a card's corner, where a row would take the picture's
        room)."""
        theme = painter.theme
        side = self.box_side(theme, painter.text, "small")
        small = theme.size("small")
        own, room = self.shown or self.label, rect.width - theme.px(8)
        done = self.done if self.done and painter.text.width(self.done, small, True) <= room else ""  # whole or not
        word = painter.text.ellipsize(done or own, small, room, bold=True)
        image = painter.text.render(word, small, ink, bold=True)
        between = self.stacked_gap(side)
        top = rect.centery - (side + between + image.get_height()) // 2
        self._paint_box(painter, pygame.Rect(rect.centerx - side // 2, top, side, side))
        painter.surface.blit(image, image.get_rect(midtop=(rect.centerx, top + side + between)))

    @staticmethod
    def stacked_gap(side: int) -> int:
        """The room between a stacked box and the word under it."""
        return side // 3

    def _paint_box(self, painter: Painter, mark: pygame.Rect) -> None:
        """The tick box: filled in the primary colour with a drawn tick (the same in every font) when ticked,
        outlined in the text's colour when not (3:1 and more on its chip, and a line thick enough to see from
        a step back)."""
        theme = painter.theme
        side = mark.height
        corner = max(2, side // 6)
        if self.checked:
            fill = theme.color("primary") if self.enabled else disabled_ink(theme)
            pygame.draw.rect(painter.surface, fill, mark, border_radius=corner)
            points = [(mark.x + side * 0.22, mark.y + side * 0.52), (mark.x + side * 0.42, mark.y + side * 0.72),
                      (mark.x + side * 0.78, mark.y + side * 0.30)]
            pygame.draw.lines(painter.surface, theme.color("on_primary"), False, points, max(3, side // 8))
        else:
            pygame.draw.rect(painter.surface, theme.color("surface"), mark, border_radius=corner)
            edge = theme.color("text") if self.enabled else disabled_ink(theme)
            pygame.draw.rect(painter.surface, edge, mark, max(3, side // 10), border_radius=corner)

    def _paint_switch(self, painter: Painter, mark: pygame.Rect) -> None:
        """The switch: on, its knob at the right on a track of the primary colour; off, a darker knob at the left on
        the surface, the track edged in an option's grey (its beige track stood at 1.3:1 on the chip: designer's
        review)."""
        theme = painter.theme
        side = mark.height
        line = max(2, theme.px(4))
        knob = pygame.Rect(0, 0, side - 2 * line, side - 2 * line)
        if self.checked:
            pygame.draw.rect(painter.surface, theme.color("primary"), mark, border_radius=side // 2)
            knob.center = (mark.right - side // 2, mark.centery)
            pygame.draw.ellipse(painter.surface, theme.color("surface"), knob)
            return
        pygame.draw.rect(painter.surface, theme.color("surface"), mark, border_radius=side // 2)
        pygame.draw.rect(painter.surface, named_color(theme, "choice"), mark, max(2, theme.px(3)),
                         border_radius=side // 2)
        knob = knob.inflate(-2 * line, -2 * line)  # (a gap all round inside the edge)
        knob.center = (mark.left + side // 2, mark.centery)
        pygame.draw.ellipse(painter.surface, theme.color("muted"), knob)


class Picture(Widget):
    """A picture from a file, fitted and centred in its box."""

    role = "image"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], path: Path | str, label: str = "") -> None:
        super().__init__(rect, label=label)
        self.path = str(path)

    def prepare(self, painter: Painter) -> None:
        """Ask for the picture now (it is made on the worker thread)."""
        painter.images.get(self.path, self.rect.size, self)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the picture; a soft placeholder while it loads, nothing if it cannot be read."""
        image = painter.images.get(self.path, rect.size, self)
        if image is not None:
            painter.surface.blit(image, image.get_rect(center=rect.center))
        elif painter.images.busy:
            pygame.draw.rect(painter.surface, painter.theme.color("surface_alt"), rect,
                             border_radius=painter.theme.size("radius"))


def star_points(cx: float, cy: float, size: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star `size` tall, centred at (cx, cy)."""
    import math

    points = []
    for k in range(10):
        r = size / 2 if k % 2 == 0 else size / 4.6
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


class Stars(Widget):
    """A rating from 0 to 5 as five stars, partly filled."""

    role = "text"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], rating: float, label: str) -> None:
        super().__init__(rect, label=label)
        self.rating = rating

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw five stars; the filled part shows the rating, the rest is outlined."""
        import math

        size = rect.height
        gold = painter.theme.color("star")
        grey = painter.theme.color("divider")
        outline = painter.theme.color("muted")
        for index in range(5):
            cx = rect.x + size // 2 + index * (size + size // 8)
            cy = rect.centery
            points = star_points(cx, cy, size)
            fill = max(0.0, min(1.0, self.rating - index))
            pygame.draw.polygon(painter.surface, grey, points)
            if fill > 0:
                part = pygame.Rect(cx - size // 2, cy - size // 2, math.ceil(size * fill), size)
                old = painter.surface.get_clip()
                painter.surface.set_clip(part.clip(old))
                pygame.draw.polygon(painter.surface, gold, points)
                painter.surface.set_clip(old)
            if fill < 1:  # the empty part's edge in the muted ink: a pale star alone is lost on white (1.4:1)
                pygame.draw.polygon(painter.surface, outline, points, max(1, size // 14))

    @staticmethod
    def width_for(height: int) -> int:
        """How wide five stars of this height are."""
        return 5 * height + 4 * (height // 8)


class RatingStar(Toggle):
    """One of the five stars a shopper taps to rate: drawn filled in the star colour up to the rating chosen
    (`lit`), outlined after it, so the rating shows at a glance. It is a radio button of five: the star of
    the rating chosen is the one `checked`, and speech says so."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_tap: Action | None, *,
                 lit: bool, chosen: bool) -> None:
        super().__init__(rect, label, on_tap, checked=chosen)
        self.lit = lit
        self.role = "radio"

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The star, filled and on a chip edged in the primary colour when lit, outlined when not."""
        theme = painter.theme
        radius = theme.size("radius")
        color = theme.color("surface")
        if self.pressed:
            color = (max(0, color[0] - 30), max(0, color[1] - 30), max(0, color[2] - 30), color[3])
        pygame.draw.rect(painter.surface, color, rect, border_radius=radius)
        pygame.draw.rect(painter.surface, named_color(theme, "primary" if self.checked else "choice"), rect,
                         max(2, theme.px(6 if self.checked else 3)), border_radius=radius)
        size = min(rect.width, rect.height) * 7 // 10
        points = star_points(rect.centerx, rect.centery + size // 20, size)
        if self.lit:
            pygame.draw.polygon(painter.surface, theme.color("star"), points)
            pygame.draw.polygon(painter.surface, theme.color("text"), points, max(1, size // 24))
        else:
            pygame.draw.polygon(painter.surface, theme.color("muted"), points, max(2, size // 14))


class Choice(Toggle):
    """One of a few options of which one is chosen (a size, by email or by phone, a language, a filter, a
    department, an order): a button whose chosen state reads as chosen, not as an action: on a light tint of the
    primary colour, its edge thick in it and a drawn tick before its words (filled in the accent colour, it looked
    like the screen's main button beside it; filters and languages were filled, sizes tinted: designer's reviews,
    one look for chosen). A radio button in the tree; speech says "chosen"."""

    MARK = "✓ "

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_tap: Action | None, *,
                 chosen: bool, size: str = "text", note: str = "", shown: str = "") -> None:
        super().__init__(rect, label, on_tap, checked=chosen, size=size,
                         shown=self.MARK + (shown or label) if chosen else shown)
        self.words = shown or label  # what it shows, without the mark (a filter says "4 ★ and more", speaks more)
        self.note = note
        self.role = "radio"

    def _colors(self, theme: Theme) -> tuple[Color | None, Color, Color | None]:
        """Chosen: on a light tint of the primary colour, edged in it (an edge alone read as a focus ring, or as a
        secondary button's outline); not chosen: on the surface, edged in a grey that reads at 3:1 on the page
        (the beige divider was too faint to read as a choice: designer's review)."""
        return style_colors(theme, "chip_on" if self.checked else "chip_off")

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """A chip, and while chosen its tint, its thick edge in the primary colour and a drawn tick before its
        words, as bold as they are (the font's tick stood thin beside a bold number: designer's review)."""
        self.style = "choice_on" if self.checked else "chip"
        theme = painter.theme
        cap = rect.inflate(-2 * self.inset, -2 * self.inset)
        if not self.checked or self.done or self.icon or self.wrapped(theme, painter.text, cap):
            Button.paint(self, painter, rect)  # (on several lines: the font's tick)
            return
        ink = self._paint_face(painter, cap)
        cache, size, small = painter.text, theme.size(self.size_name), theme.size("small")
        room = self._room(theme, cap)
        if not self.note and size > small and cache.width(self.shown, size, True) > room >= \
                cache.width(self.shown, small, True):
            size = small  # whole in the small size rather than cut
        mark = cache.width(self.MARK, size, True)
        image = cache.render(cache.ellipsize(self.words, size, room - mark, bold=True), size, ink, bold=True)
        note = cache.render(cache.ellipsize(self.note, theme.note_size(), cap.width - theme.px(16)),
                            theme.note_size(), ink) if self.note else None
        top = cap.centery - (image.get_height() + (note.get_height() if note is not None else 0)) // 2
        left = cap.centerx - (mark + image.get_width()) // 2
        paint_tick(painter.surface, pygame.Rect(left, top, cache.width(self.MARK.strip(), size, True),
                                                image.get_height()), ink, size)
        painter.surface.blit(image, (left + mark, top))
        if note is not None:
            painter.surface.blit(note, note.get_rect(midtop=(cap.centerx, top + image.get_height())))
        self._paint_badge(painter, cap)


def paint_tick(surface: pygame.Surface, line: pygame.Rect, ink: Color, size: int) -> None:
    """A tick drawn in `line` (the room of the font's tick on a line of words in `size` pixels), its stroke as thick
    as a bold letter's, its ends rounded: the one tick of a chosen option and of a button's "✓ Added" (the font's
    stood thin beside bold words: designer's review)."""
    stroke = max(3, round(size * 0.19))
    low, high = line.y + line.height * 0.24, line.y + line.height * 0.76  # a digit's height on the line
    half = stroke / 2
    points = [(line.x + half, low + (high - low) * 0.52), (line.x + line.width * 0.38, high - half),
              (line.right - half, low + half)]
    pygame.draw.lines(surface, ink, False, points, stroke)
    for x, y in points:
        pygame.draw.circle(surface, ink, (round(x), round(y)), stroke // 2)


def paint_ticked(painter: Painter, words: str, size: int, ink: Color, center: Point) -> None:
    """`words` in bold `size` centred on `center`, a leading font tick ("✓ Added", "✓") drawn as `paint_tick`."""
    cache = painter.text
    mark = "✓ " if words.startswith("✓ ") else "✓" if words == "✓" else ""
    rest = words[len(mark):]
    image = cache.render(rest, size, ink, bold=True) if rest else None
    line = cache.line_height(size, True)
    wide = cache.width(mark, size, True) + (image.get_width() if image is not None else 0)
    left, top = center[0] - wide // 2, center[1] - line // 2
    if mark:
        paint_tick(painter.surface, pygame.Rect(left, top, cache.width("✓", size, True), line), ink, size)
    if image is not None:
        painter.surface.blit(image, (left + wide - image.get_width(), top + (line - image.get_height()) // 2))


class TextField(Widget):
    """A text entry box showing what the shopper typed, with a caret. With `max_lines` above one (accessible
    mode), a text too long for one line goes on to the next, broken after a sign of an address (@ . - _) where
    one is near the line's end, so that the shopper reads all of an email address before sending it; a text
    longer still shows its end, its first line starting with "…". On one line, a text that fits shows from its
    start."""

    role = "textbox"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], text: str, placeholder: str, *,
                 max_lines: int = 1, caret: bool = True, problem: str = "") -> None:
        super().__init__(rect, label=placeholder)
        self.text = text
        self.placeholder = placeholder
        self.max_lines = max_lines
        self.caret = caret  # the field is in use (False: a field to tap first, which shows no caret till then)
        self.problem = problem  # what is wrong with what is typed ("This address looks incomplete."): marked

    def set_text(self, text: str) -> None:
        """Change the text and redraw."""
        if text != self.text:
            self.text = text
            self.invalidate()

    @staticmethod
    def text_room(theme: Theme, width: int) -> int:
        """How wide the words of a field `width` wide can be (its padding and caret left out)."""
        return width - 2 * theme.px(28) - theme.px(8)

    def shown(self, theme: Theme, cache: TextCache, width: int) -> tuple[int, list[str]]:
        """The size and the lines of the typed text in a field `width` wide: in the title's size where its
        `max_lines` hold it whole; else in the body's, on as many lines as the field's height holds, so that
        the shopper reads all of it within reach before its start scrolls away (beside the keys the field has
        one line, and the whole address was written large above the reach zone instead, for the queue to
        read: designer's review)."""
        room, title = self.text_room(theme, width), theme.size("title")
        lines = field_lines(cache, self.text, title, room, self.max_lines)
        whole = cache.width(lines[0], title) <= room if len(lines) == 1 else not lines or not lines[0].startswith("…")
        if whole:
            return title, lines
        body = theme.size("text")
        most = max(self.max_lines, (self.tallest(theme, cache) - 2 * theme.px(10)) // cache.line_height(body))
        return body, field_lines(cache, self.text, body, room, most)

    def tallest(self, theme: Theme, cache: TextCache) -> int:
        """The height of the field with all its `max_lines` in the title's size (it never needs more)."""
        return theme.size("field") + (self.max_lines - 1) * cache.line_height(theme.size("title"))

    def text_size(self, theme: Theme, cache: TextCache, width: int) -> int:
        """The size the typed text is drawn in, in a field `width` wide (see `shown`)."""
        return self.shown(theme, cache, width)[0]

    def lines(self, theme: Theme, cache: TextCache, width: int) -> list[str]:
        """The lines of typed text the field shows when `width` wide (none for a placeholder)."""
        return self.shown(theme, cache, width)[1]

    def height_for(self, theme: Theme, cache: TextCache, width: int) -> int:
        """How tall the field is when `width` wide: the theme's field, and a line more for each line more (in
        the body's size, the lines within the height of its title's lines)."""
        size, lines = self.shown(theme, cache, width)
        if size == theme.size("title"):
            return theme.size("field") + max(0, len(lines) - 1) * cache.line_height(size)
        return max(theme.size("field"), min(self.tallest(theme, cache),
                                            2 * theme.px(10) + len(lines) * cache.line_height(size)))

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the box, the text (or the placeholder) and the caret."""
        theme = painter.theme
        pygame.draw.rect(painter.surface, theme.color("surface"), rect, border_radius=theme.size("radius"))
        color, edge = problem_edge(theme) if self.problem else (theme.color("primary"), field_edge(theme))
        pygame.draw.rect(painter.surface, color, rect, edge, border_radius=theme.size("radius"))
        size = theme.size("title")
        pad = theme.px(28)
        width = rect.width - 2 * pad
        if not self.text:
            # the caret stands before the placeholder, not over its first letter ("|votre.nom@…" read "lvotre":
            # designer's review); the placeholder keeps its place whether the caret shows or not
            before = max(2, theme.px(3)) + theme.px(12)
            shown, width = self.placeholder, width - before
            if painter.text.width(shown, size) > width:
                # a placeholder is read from its start ("What did you like…"): a size smaller, then cut at its end
                size = theme.size("text")
                shown = painter.text.ellipsize(shown, size, width)
            image = painter.text.render(shown, size, theme.color("muted"))
            painter.surface.blit(image, (rect.x + pad + before, rect.centery - image.get_height() // 2))
            caret_x, caret_y = rect.x + pad, rect.centery
        else:
            size, lines = self.shown(theme, painter.text, rect.width)
            step = painter.text.line_height(size)
            top = rect.centery - step * len(lines) // 2
            image = None
            for index, line in enumerate(lines):
                image = painter.text.render(line, size, theme.color("text"))
                if image.get_width() > width:  # one line: the end of a long text
                    image = image.subsurface((image.get_width() - width, 0, width, image.get_height()))
                painter.surface.blit(image, (rect.x + pad, top + index * step))
            caret_x = rect.x + pad + (image.get_width() if image is not None else 0) + theme.px(3)
            caret_y = top + (len(lines) - 1) * step + step // 2
        if self.caret:
            pygame.draw.line(painter.surface, theme.color("primary"), (caret_x, caret_y - size // 2),
                             (caret_x, caret_y + size // 2), max(2, theme.px(3)))


BREAK_AFTER = "@.-_ "  # where an address or a sentence breaks best, at a line's end


def field_lines(cache: TextCache, text: str, size: int, width: int, max_lines: int) -> list[str]:
    """`text` as a field of `max_lines` lines `width` wide shows it: whole on one line where it fits; else
    broken into lines (after a sign of `BREAK_AFTER` in the line's last half, else where the line is full);
    more lines than `max_lines`: the last ones, the first starting with "…". One line: the text itself (the
    field shows its end when it is wider)."""
    if max_lines <= 1 or not text or cache.width(text, size) <= width:
        return [text] if text else []
    lines: list[str] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and cache.width(text[start:end + 1], size) <= width:
            end += 1
        if end < len(text):
            breaks = [i + 1 for i in range(start + (end - start) // 2, end) if text[i] in BREAK_AFTER]
            end = breaks[-1] if breaks else end
        lines.append(text[start:end])
        start = end
    if len(lines) > max_lines:
        lines = lines[-max_lines:]
        first = lines[0]
        while first and cache.width("…" + first, size) > width:
            first = first[1:]
        lines[0] = "…" + first
    return lines


class Status(Widget):
    """The status zone's message (a confirmation: "Added to your cart"), in the place of what it `replaces`
    (the header's title, hidden while it shows); nothing when there is no message."""

    role = "status"

    def __init__(self) -> None:
        super().__init__((0, 0, 0, 0))
        self.replaces: list[Widget] = []
        self.short = ""  # a shorter form of the message, shown where the whole one does not fit

    def show(self, text: str, short: str = "") -> None:
        """Show `text` (empty: none, and what it replaces again); `short`, where `text` does not fit."""
        self.label = text
        self.short = short
        for widget in self.replaces:
            widget.visible = not text

    @staticmethod
    def pill_room(theme: Theme, rect: pygame.Rect) -> int:
        """How tall the message's pill may be in `rect`: a quarter of a gap clear of its edges, so that it never
        touches what stands beside its place (a portrait header's title line has the buttons right under it: the
        pill touched "Cart (1)", designer's review)."""
        return rect.height - theme.size("gap") // 2

    def lines(self, theme: Theme, cache: TextCache, rect: pygame.Rect) -> tuple[list[str], int]:
        """What the message shows in `rect`, and in which size: whole on one line (in the text size, else the
        small one), else whole on two small lines where the place is tall enough (a landscape header), else
        its short form on one line ("Zum Vergleich hinzugefügt" without a long name, which read "Zelt Refuge
        4 Jahreszeiten zum Vergl…": designer's review), shortened with "…" only when even that does not fit."""
        if not self.label:
            return [], 0
        gap = theme.size("gap")
        room = rect.width - 4 * gap
        sizes = [size for size in (theme.size("text"), theme.size("small"))
                 if cache.line_height(size, True) + gap // 2 <= self.pill_room(theme, rect)] or [theme.size("small")]
        for said in (self.label, *([self.short] if self.short else [])):
            for size in sizes:
                if cache.width(said, size, True) <= room:
                    return [said], size
            small = theme.size("small")
            if said is self.label and 2 * cache.line_height(small, True) + gap // 2 <= rect.height:
                two = cache.wrap(said, small, room, True, 2)
                if " ".join(two) == said:
                    return two, small
        said = self.short or self.label
        return [cache.ellipsize(said, sizes[-1], room, True)], sizes[-1]

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The message (see `lines`) in a pill of the toast colour as wide as it, centred on its place."""
        theme, cache = painter.theme, painter.text
        lines, size = self.lines(theme, cache, rect)
        if not lines:
            return
        gap = theme.size("gap")
        step = cache.line_height(size, True)
        box = pygame.Rect(0, 0, min(rect.width, max(cache.width(line, size, True) for line in lines) + 3 * gap),
                          min(self.pill_room(theme, rect), step * len(lines) + gap))
        box.center = rect.center
        pygame.draw.rect(painter.surface, theme.color("toast"), box,
                         border_radius=min(box.height // 2, theme.size("radius") * 2) if len(lines) > 1 else
                         box.height // 2)
        top = box.centery - step * len(lines) // 2
        for index, line in enumerate(lines):
            image = cache.render(line, size, theme.color("on_toast"), True)
            painter.surface.blit(image, image.get_rect(midtop=(box.centerx, top + index * step)))
