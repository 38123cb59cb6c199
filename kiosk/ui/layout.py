"""Layout declared, not computed: boxes that measure, then arrange (a small flexbox).

A scene describes its screen as a tree of boxes: `column`, `row`, `grid`, `stack`, and leaves that
hold a widget. Each box says how big it wants to be on each axis (`fit` its content, a `fixed` length,
or a `flex` share of what is left, within `min`/`max`), its padding, the gap between its children and
how they align. `layout(box, rect)` measures the tree for the room it has, then gives every widget its
rectangle; the scene never adds up pixels. Text is a leaf that knows its height for a width: it wraps,
keeps to `max_lines`, and steps down through smaller sizes before it is cut. A region can be kept free
(`Insets`: the shop window's band, the accessible reach zone) by laying out in what is left of it, and
`shape()` tells a scene whether its screen is tall, wide or small, for a different arrangement.

A scene's whole screen is one tree: `dock` keeps a header above and bars below a body that takes the
rest, `scroll` shows a taller content in a scroll view sized by the layout, `first_that_fits` picks the
first of several forms (a long and a short one) that fits its room. Each box owns its widget: `mount`
puts every widget in the widget of the nearest box above it, in the tree's order, so that a panel is
drawn before (under) what it holds and nothing is drawn over a box that holds it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pygame

from kiosk.ui.scroll import ScrollView
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Button, Label, Status, Widget

Align = Literal["start", "center", "end", "stretch"]
Justify = Literal["start", "center", "end", "between"]


@dataclass(frozen=True)
class Size:
    """How long a box wants to be on one axis."""

    kind: Literal["fit", "fixed", "flex"] = "fit"
    value: float = 0  # pixels for fixed, a weight for flex
    min: int = 0
    max: int = 1 << 30

    def clamp(self, length: int) -> int:
        """`length` within the box's min and max."""
        return max(self.min, min(self.max, length))


def fit(min: int = 0, max: int = 1 << 30) -> Size:
    """As big as the content, within bounds."""
    return Size("fit", 0, min, max)


def fixed(pixels: int) -> Size:
    """Exactly this long."""
    return Size("fixed", pixels, pixels, pixels)


def flex(weight: float = 1, min: int = 0, max: int = 1 << 30) -> Size:
    """A share of the room left once the other boxes have theirs."""
    return Size("flex", weight, min, max)


@dataclass(frozen=True)
class Insets:
    """Space kept free on each side: padding, or a region content is laid out around (a safe area)."""

    top: int = 0
    right: int = 0
    bottom: int = 0
    left: int = 0

    @staticmethod
    def all(pixels: int) -> Insets:
        """The same on every side."""
        return Insets(pixels, pixels, pixels, pixels)

    def inside(self, rect: pygame.Rect) -> pygame.Rect:
        """What is left of `rect` without these insets."""
        return pygame.Rect(rect.x + self.left, rect.y + self.top, max(0, rect.width - self.left - self.right),
                           max(0, rect.height - self.top - self.bottom))


Measure = Callable[[int], tuple[int, int]]  # width available -> (width, height) the content needs


@dataclass
class Box:
    """A node of the layout: a container of boxes, or a leaf holding a widget."""

    kind: Literal["column", "row", "grid", "stack", "flow", "leaf", "scroll", "fits", "layer"] = "column"
    children: list[Box] = field(default_factory=list)
    widget: Widget | None = None  # placed at this box's rectangle (a container may have one: its panel)
    width: Size = field(default_factory=fit)
    height: Size = field(default_factory=fit)
    padding: Insets = field(default_factory=Insets)
    gap: int = 0
    align: Align = "stretch"  # across the main axis
    justify: Justify = "start"  # along the main axis, when there is room left
    columns: int = 1  # grid only
    cell_min: int = 0  # grid only: as many columns as cells this wide fit (then `columns` is ignored)
    cell_slack: int = 0  # grid only: room beyond its own counted when it chooses its columns (a frame's inside)
    fold: bool = False  # a row only: one under the other when its children do not fit side by side
    measure: Measure | None = None  # a leaf's own content (text)
    placed: Callable[[pygame.Rect], None] | None = None  # told the rectangle it got (text: its final size)
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    _measured: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)  # for one layout pass

    def add(self, child: Box) -> Box:
        """Put `child` in this box; returns it."""
        self.children.append(child)
        return child

    # --- measure: what the content needs, for a width ------------------------------------------------
    def natural(self, available: int) -> tuple[int, int]:
        """The width and height this box needs when `available` pixels of width are offered (measured once
        per width in a layout pass: a container asks its children again as it arranges them)."""
        known = self._measured.get(available)
        if known is None:
            known = self._measured[available] = self._natural(available)
        return known

    def _natural(self, available: int) -> tuple[int, int]:
        width = self._width_within(available)
        inner = max(0, width - self.padding.left - self.padding.right)
        content_w, content_h = self._content(inner)
        if self.width.kind == "fit":
            width = self.width.clamp(content_w + self.padding.left + self.padding.right)
        height = content_h + self.padding.top + self.padding.bottom
        if self.height.kind == "fixed":
            height = int(self.height.value)
        return width, self.height.clamp(height)

    def _width_within(self, available: int) -> int:
        if self.width.kind == "fixed":
            return int(self.width.value)
        return self.width.clamp(available)

    def _fitting(self, inner: int, height: int | None = None) -> int:
        """The index of the first alternative that fits `inner` wide (nothing in it wider than its room) and
        `height` tall, when known."""
        for index, child in enumerate(self.children):
            width, tall = child.natural(inner)
            if max(width, child.needs(inner)) <= inner and (height is None or tall <= height):
                return index
        return len(self.children) - 1

    def needs(self, available: int) -> int:
        """The least width this box's content shows whole in, offered `available` pixels: its fixed parts
        and least widths (a button's touch target) side by side in a row, the widest of them in a column.
        More than `available` means something in it would stick out of its room."""
        pad = self.padding.left + self.padding.right
        if self.width.kind == "fixed":
            return int(self.width.value)
        inner = max(0, self._width_within(available) - pad)
        if self.kind == "leaf":  # text wraps and a button takes two lines: only a least width is rigid
            return self.width.min
        if not self.children:
            return pad
        if self.kind == "row" and not self._folded(inner):
            used = sum(child.needs(inner) for child in self.children) + self.gap * (len(self.children) - 1)
        elif self.kind == "grid":
            columns = self._columns(inner)
            cell = (inner - self.gap * (columns - 1)) // columns
            used = max(child.needs(cell) for child in self.children) * columns + self.gap * (columns - 1)
        elif self.kind == "fits":
            used = self.children[self._fitting(inner)].needs(inner)
        else:
            used = max(child.needs(inner) for child in self.children)
        return max(self.width.min, used + pad)

    def _columns(self, inner: int) -> int:
        """A grid's columns for this width."""
        if self.cell_min:
            return max(1, min(len(self.children), (inner + self.cell_slack + self.gap) // (self.cell_min + self.gap)))
        return max(1, self.columns)

    def _folded(self, inner: int) -> bool:
        """Whether a folding row lays its children out as a column, for this width."""
        if not (self.kind == "row" and self.fold):
            return False
        return sum(child.least_width(inner) for child in self.children) + self.gap * (len(self.children) - 1) > inner

    def least_width(self, available: int) -> int:
        """The width this box needs to show its content whole: a flexible box (which takes any room it is
        given) as wide as its content, a fixed or fitting one its own width."""
        if self.width.kind != "flex":
            return self.natural(available)[0]
        inner = max(0, available - self.padding.left - self.padding.right)
        return self._content(inner)[0] + self.padding.left + self.padding.right

    def _content(self, inner: int) -> tuple[int, int]:
        if self.kind == "leaf":
            return self.measure(inner) if self.measure is not None else (0, 0)
        if not self.children:
            return 0, 0
        if self.kind == "scroll":  # as tall as its content (the dock gives it less, and it scrolls)
            return self.children[0].natural(inner)
        if self.kind == "fits":  # the first form as wide as the room (its size), else the last
            return self.children[self._fitting(inner)].natural(inner)
        if self.kind == "column" or self._folded(inner):
            sizes = [child.natural(inner) for child in self.children]
            return max(w for w, _ in sizes), sum(h for _, h in sizes) + self.gap * (len(sizes) - 1)
        if self.kind in ("stack", "layer"):
            sizes = [child.natural(inner) for child in self.children]
            return max(w for w, _ in sizes), max(h for _, h in sizes)
        if self.kind == "grid":
            columns = self._columns(inner)
            cell = (inner - self.gap * (columns - 1)) // columns
            rows = [self.children[i:i + columns] for i in range(0, len(self.children), columns)]
            heights = [max(child.natural(cell)[1] for child in row) for row in rows]
            return inner, sum(heights) + self.gap * (len(rows) - 1)
        if self.kind == "flow":
            lines = self._flow_lines(inner)
            used = max(sum(w for _, w, _ in line) + self.gap * (len(line) - 1) for line in lines)
            return used, sum(max(h for _, _, h in line) for line in lines) + self.gap * (len(lines) - 1)
        widths = self._row_widths(inner)
        heights = [child.natural(width)[1] for child, width in zip(self.children, widths, strict=True)]
        return sum(widths) + self.gap * (len(widths) - 1), max(heights)

    def _flow_lines(self, inner: int) -> list[list[tuple[Box, int, int]]]:
        """A flow's children at their own width, as many to a line as fit (chips)."""
        lines: list[list[tuple[Box, int, int]]] = [[]]
        used = 0
        for child in self.children:
            width, height = child.natural(inner)
            width = min(width, inner)
            if lines[-1] and used + self.gap + width > inner:
                lines.append([])
                used = 0
            used += (self.gap if lines[-1] else 0) + width
            lines[-1].append((child, width, height))
        return lines

    def _row_widths(self, inner: int) -> list[int]:
        """A row's children's widths: fixed and fit first, then what is left shared by flex weight."""
        widths = [0] * len(self.children)
        flexible = []
        for index, child in enumerate(self.children):
            if child.width.kind == "flex":
                flexible.append(index)
            else:
                widths[index] = child.natural(inner)[0]
        left = inner - sum(widths) - self.gap * (len(self.children) - 1)
        _share(widths, flexible, [self.children[i].width for i in flexible], left)
        return widths

    # --- arrange: every box its rectangle ------------------------------------------------------------
    def arrange(self, rect: pygame.Rect) -> None:
        """Give this box `rect` and its children theirs (measured for it), and place the widgets."""
        self.rect = pygame.Rect(rect)
        if self.widget is not None:
            self.widget.rect = pygame.Rect(rect)
        if self.placed is not None and self.kind != "scroll":
            self.placed(self.rect)
        inner = self.padding.inside(self.rect)
        if self.kind == "column" or self._folded(inner.width):
            self._arrange_column(inner)
        elif self.kind == "row":
            self._arrange_row(inner)
        elif self.kind == "grid":
            self._arrange_grid(inner)
        elif self.kind == "flow":
            self._arrange_flow(inner)
        elif self.kind == "stack":
            for child in self.children:
                child.arrange(self._cross(child, inner, horizontal=True, main=inner.height))
        elif self.kind == "scroll":
            self._arrange_scroll(inner)
        elif self.kind == "layer":
            self._arrange_layer(inner)
        elif self.kind == "fits":
            chosen = self._fitting(inner.width, inner.height)
            for index, child in enumerate(self.children):
                for node in child.walk():  # the other forms are kept, unseen (a wider room may choose them)
                    if node.widget is not None:
                        node.widget.visible = index == chosen
            self.children[chosen].arrange(inner)

    def _arrange_scroll(self, inner: pygame.Rect) -> None:
        """The scroll view takes the box's room; its content is laid out at its full height, in the
        view's own coordinates (a list of rows made as they come into view is told its view instead)."""
        view = self.widget
        assert isinstance(view, ScrollView), "a scroll box holds its scroll view"
        view.rect = pygame.Rect(inner)
        view.forget_fold()  # (its content moves)
        if not self.children:
            if self.placed is not None:
                self.placed(inner)
            return
        content = self.children[0]
        view.content_height = content.natural(inner.width)[1]
        # a content shorter than the view is laid out at the view's height (what it centres or spreads
        # out uses the whole room); it scrolls only when taller
        content.arrange(pygame.Rect(0, 0, inner.width, max(view.content_height, inner.height)))
        view.scroll = min(view.scroll, view.max_scroll)

    def _arrange_layer(self, inner: pygame.Rect) -> None:
        """A layer over the screen: its child at its own size (within the room), placed by `align` across and
        `justify` down (a dialog in the middle, a sheet at the bottom)."""
        child = self.children[0]
        width = inner.width if child.width.kind == "flex" else min(inner.width, child.natural(inner.width)[0])
        height = inner.height if child.height.kind == "flex" else min(inner.height, child.natural(width)[1])
        x = inner.x + _offset(self.align, inner.width - width, 1)
        y = inner.y + _offset(self.justify, inner.height - height, 1)
        child.arrange(pygame.Rect(x, y, width, height))

    def _arrange_column(self, inner: pygame.Rect) -> None:
        heights = [child.natural(inner.width)[1] for child in self.children]
        flexible = [i for i, child in enumerate(self.children) if child.height.kind == "flex"]
        for index in flexible:
            heights[index] = 0
        left = inner.height - sum(heights) - self.gap * (len(self.children) - 1)
        _share(heights, flexible, [self.children[i].height for i in flexible], left)
        y = inner.y + _offset(self.justify, max(0, left) if not flexible else 0, len(self.children))
        spacing = self.gap + _between(self.justify, left if not flexible else 0, len(self.children))
        for child, height in zip(self.children, heights, strict=True):
            box = self._cross(child, pygame.Rect(inner.x, y, inner.width, height), horizontal=True, main=height)
            child.arrange(box)
            y += height + spacing

    def _arrange_row(self, inner: pygame.Rect) -> None:
        widths = self._row_widths(inner.width)
        left = inner.width - sum(widths) - self.gap * (len(self.children) - 1)
        has_flex = any(child.width.kind == "flex" for child in self.children)
        x = inner.x + _offset(self.justify, max(0, left) if not has_flex else 0, len(self.children))
        spacing = self.gap + _between(self.justify, left if not has_flex else 0, len(self.children))
        for child, width in zip(self.children, widths, strict=True):
            child.arrange(self._cross(child, pygame.Rect(x, inner.y, width, inner.height), horizontal=False,
                                      main=width))
            x += width + spacing

    def _arrange_grid(self, inner: pygame.Rect) -> None:
        columns = self._columns(inner.width)
        cell = (inner.width - self.gap * (columns - 1)) // columns
        y = inner.y
        for start in range(0, len(self.children), columns):
            row = self.children[start:start + columns]
            height = max(child.natural(cell)[1] for child in row)
            for column, child in enumerate(row):
                child.arrange(pygame.Rect(inner.x + column * (cell + self.gap), y, cell, height))
            y += height + self.gap

    def _arrange_flow(self, inner: pygame.Rect) -> None:
        y = inner.y
        for line in self._flow_lines(inner.width):
            height = max(h for _, _, h in line)
            room = inner.width - sum(w for _, w, _ in line) - self.gap * (len(line) - 1)
            x = inner.x + _offset(self.justify, room, 1)
            for child, width, _ in line:
                child.arrange(pygame.Rect(x, y, width, height))
                x += width + self.gap
            y += height + self.gap

    def _cross(self, child: Box, slot: pygame.Rect, horizontal: bool, main: int) -> pygame.Rect:
        """`child`'s rectangle in its slot: stretched across the container, or its own size aligned."""
        if horizontal:  # a column's child: the cross axis is the width
            natural_w, _ = child.natural(slot.width)
            width = slot.width if self.align == "stretch" and child.width.kind != "fixed" else min(slot.width,
                                                                                                     natural_w)
            x = slot.x + _offset(self.align, slot.width - width, 1)
            return pygame.Rect(x, slot.y, width, main)
        natural_h = child.natural(slot.width)[1]
        height = slot.height if self.align == "stretch" and child.height.kind != "fixed" else min(slot.height,
                                                                                                   natural_h)
        y = slot.y + _offset(self.align, slot.height - height, 1)
        return pygame.Rect(slot.x, y, main, height)

    def walk(self) -> list[Box]:
        """This box and every box below it."""
        found = [self]
        for child in self.children:
            found += child.walk()
        return found


def _share(lengths: list[int], flexible: Sequence[int], sizes: Sequence[Size], room: int) -> None:
    """Share `room` between the flexible entries by weight, within their bounds (what one cannot take
    goes to the others)."""
    pending = list(zip(flexible, sizes, strict=True))
    while pending:
        total = sum(size.value for _, size in pending) or 1
        bounded = [(i, s) for i, s in pending if s.clamp(int(room * s.value / total)) != int(room * s.value / total)]
        if not bounded:
            for index, size in pending:
                lengths[index] = max(0, int(room * size.value / total))
            return
        for index, size in bounded:
            lengths[index] = size.clamp(int(room * size.value / total))
            room -= lengths[index]
        pending = [(i, s) for i, s in pending if (i, s) not in bounded]


def _offset(how: str, room: int, count: int) -> int:
    if how == "center":
        return room // 2
    if how == "end":
        return room
    return 0


def _between(how: str, room: int, count: int) -> int:
    return room // (count - 1) if how == "between" and count > 1 and room > 0 else 0


def layout(box: Box, rect: pygame.Rect | tuple[int, int, int, int]) -> Box:
    """Measure `box` for `rect`, then give every box and widget in it its rectangle; returns `box`."""
    for node in box.walk():
        node._measured.clear()  # texts or the room may have changed since the last pass
    box.arrange(pygame.Rect(rect))
    return box


def mount(box: Box, into: Widget) -> Box:
    """Put the widgets of `box`'s tree in the widget tree under `into`: each in the widget of the nearest
    box above it, in the tree's order (which is the order they are drawn in); returns `box`."""
    holder = into
    if box.widget is not None:
        if box.widget.parent is not into:
            into.add(box.widget)
        holder = box.widget
    for child in box.children:
        mount(child, holder)
    return box


def dock(body: Box, *, top: Sequence[Box] = (), bottom: Sequence[Box] = ()) -> Box:
    """A whole screen: `top` boxes (the header) and `bottom` ones (the status zone, an action bar, the
    keyboard) at their own height, and the `body` between them in what is left."""
    body.height = flex()
    return column(*top, body, *bottom, height=flex())


def scroll(content: Box | None, label: str = "", *, rows: Callable[[ScrollView], None] | None = None,
           height: Size | None = None, color: str = "") -> Box:
    """A box that scrolls: as tall as `content` when there is room, else as tall as its room with the
    content scrolled in it. Without content, `rows(view)` fills the view once it has its size (a long
    list whose rows are made as they come into view)."""
    view = ScrollView((0, 0, 0, 0), 0, label=label, color=color)
    placed = (lambda rect: rows(view)) if rows is not None else None
    return Box("scroll", [content] if content is not None else [], view, flex(), height or fit(), placed=placed)


def layer(content: Box, *, backdrop: Widget | None = None, align: Align = "center",
          justify: Justify = "center", margin: int = 0, keep: Insets | None = None) -> Box:
    """What a modal shows over the screen, as the root of its tree: `content` at its own size (a dialog, a
    PIN pad) or as its sizes say (a sheet), `margin` from the edges and out of what `keep` keeps free (the
    header of the screen under it), placed by `align` across and `justify` down; the `backdrop` (a
    see-through widget: a tap outside closes) under it takes the whole screen."""
    kept = keep or Insets()
    padding = Insets(kept.top + margin, kept.right + margin, kept.bottom + margin, kept.left + margin)
    return Box("layer", [content], backdrop, flex(), flex(), padding, align=align, justify=justify)


def first_that_fits(*forms: Box, width: Size | None = None, height: Size | None = None) -> Box:
    """The first of `forms` that fits its room (width, and height when the room is given), else the
    last: a row in full words or in short ones, a form whole or in its compact arrangement."""
    return Box("fits", list(forms), None, width or flex(), height or fit())


# --- boxes of every day ---------------------------------------------------------------------------------
def column(*children: Box, gap: int = 0, padding: Insets | None = None, align: Align = "stretch",
           justify: Justify = "start", width: Size | None = None, height: Size | None = None,
           widget: Widget | None = None) -> Box:
    """Children one under the other."""
    return Box("column", list(children), widget, width or flex(), height or fit(), padding or Insets(), gap, align,
               justify)


def row(*children: Box, gap: int = 0, padding: Insets | None = None, align: Align = "stretch",
        justify: Justify = "start", width: Size | None = None, height: Size | None = None,
        widget: Widget | None = None, fold: bool = False) -> Box:
    """Children side by side; with `fold`, one under the other when they do not fit side by side (a
    heading and its button, in a long translation or the larger text)."""
    return Box("row", list(children), widget, width or flex(), height or fit(), padding or Insets(), gap, align,
               justify, fold=fold)


def grid(*children: Box, columns: int = 1, gap: int = 0, padding: Insets | None = None,
         height: Size | None = None, cell_min: int = 0, cell_slack: int = 0) -> Box:
    """Children in rows of `columns` cells of one width (with `cell_min`, as many as cells that wide fit in
    its width and `cell_slack` more: the cells share the whole width); each row as tall as its tallest cell."""
    return Box("grid", list(children), None, flex(), height or fit(), padding or Insets(), gap, columns=columns,
               cell_min=cell_min, cell_slack=cell_slack)


def leaf(widget: Widget | None, width: Size | None = None, height: Size | None = None) -> Box:
    """A widget of a given size (say at least its touch target with `fit(min=...)` or `fixed`); without a
    widget, room kept empty (a `flex()` spacer pushes what follows to the end)."""
    return Box("leaf", [], widget, width or flex(), height or fit())


def flow(*children: Box, gap: int = 0, justify: Justify = "start") -> Box:
    """Children at their own width, side by side, starting a new line when one is full (chips)."""
    return Box("flow", list(children), None, flex(), fit(), Insets(), gap, justify=justify)


def square(widget: Widget, largest: int) -> Box:
    """A widget as tall as it is wide (a picture), at most `largest` pixels, centred in its room."""
    def measure(available: int) -> tuple[int, int]:
        side = min(available, largest)
        return side, side

    return Box("leaf", [], widget, fit(), fit(), measure=measure)


def button(widget: Button, cache: TextCache, theme: Theme, *, width: Size | None = None,
           height: Size | None = None) -> Box:
    """A button as wide as its text needs (or `width`), never under the touch target on either side."""
    target = theme.size("touch_target")
    pad = theme.size("gap")

    def measure(available: int) -> tuple[int, int]:
        size = theme.size(widget.size_name)
        shown = widget.shown or widget.label
        wide = max(target, cache.width(shown, size, True) + widget.lead_room(size) + 2 * pad)
        if widget.note:
            wide = max(wide, cache.width(widget.note, theme.note_size()) + 2 * pad)
        if wide <= available:
            return wide, target
        lines = cache.wrap(shown, size, available - pad, True, 3)  # drawn on the lines it is tall enough for
        return available, max(target, len(lines) * cache.line_height(size, True) + pad)

    return Box("leaf", [], widget, width or fit(min=target), height or fit(), measure=measure)


def text(widget: Label, cache: TextCache, theme: Theme, *, sizes: Sequence[str] = (), max_lines: int = 0,
         width: Size | None = None) -> Box:
    """A label that sizes itself: wrapped to its width, at most `max_lines` lines, stepping down through
    `sizes` (theme size names, largest first) before a line is cut with "…"."""
    steps = [widget.size_name, *sizes]
    chosen: dict[int, str] = {}  # width -> the size the text takes there

    def measure(available: int) -> tuple[int, int]:
        for name in steps:
            pixels = theme.size(name)
            lines = cache.wrap(widget.label, pixels, available, widget.bold) if widget.wrap else [widget.label]
            cut = any(line.endswith("…") for line in lines) and not widget.label.endswith("…")  # a word too long
            fits = (not max_lines or len(lines) <= max_lines) and not cut and all(
                cache.width(line, pixels, widget.bold) <= available for line in lines)
            if fits or name == steps[-1]:
                chosen[available] = name
                shown = min(len(lines), max_lines) if max_lines else len(lines)
                used = max((cache.width(line, pixels, widget.bold) for line in lines), default=0)
                return min(available, used), shown * cache.line_height(pixels, widget.bold)
        return 0, 0

    def placed(rect: pygame.Rect) -> None:
        if rect.width not in chosen:
            measure(rect.width)
        widget.size_name = chosen[rect.width]

    widget.max_lines = max_lines
    return Box("leaf", [], widget, width or flex(), fit(), measure=measure, placed=placed)


Shape = Literal["tall", "wide", "small"]


def shape(size: tuple[int, int], two_columns: int = 900, small_below: int = 900) -> Shape:
    """A screen's shape for a scene's arrangement: wide (landscape, with at least `two_columns` pixels for
    two columns side by side: a counter, a window, the reach zone of a landscape screen), small (a
    tablet, or the short reach zone of one, though wider than tall), or tall (portrait)."""
    width, height = size
    if width > height and width >= two_columns:
        return "wide"
    if min(width, height) < small_below:
        return "small"
    return "tall" if height >= width else "wide"


def status_zone(widget: Status, replaced: Box) -> Box:
    """Where the scene's confirmations show: in the place of `replaced` (the header's title), which steps
    aside while a message shows and comes back after it. The zone takes no room of its own, so a message
    never moves the page nor covers what it confirms (a band of its own pushed the product page's sizes under
    its action bar: designer's review)."""
    widget.replaces = [node.widget for node in replaced.walk() if node.widget is not None]
    return Box("stack", [replaced, Box("leaf", [], widget, flex(), flex())], width=replaced.width,
               height=replaced.height)
