"""A scroll view with kinetic scrolling: drag to move, let go to glide, touch to stop."""

from __future__ import annotations

import functools
import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

import pygame

from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Label, Painter, Panel, Point, Root, Widget

# Velocity decays like exp(-t / TIME_CONSTANT): the glide phones use (about 0.33 s).
TIME_CONSTANT = 0.33
MIN_SPEED = 15.0  # px/s at which gliding stops
MOVED_ROWS = 2  # rows that stay and move together by at most this many places are moved as pixels
SPARE_ROWS = 48  # rows of a keyed list kept aside to be shown again (a few screenfuls of search results)


class ScrollView(Widget):
    """Shows part of a taller content; children are laid out in content coordinates."""

    role = "list"
    clips = True

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], content_height: int, *,
                 label: str = "", color: str = "") -> None:
        super().__init__(rect, label=label)
        self.content_height = content_height
        self.scroll = 0.0
        self.velocity = 0.0
        self.color = color
        self._row_builder: Callable[[int], list[Widget]] | None = None
        self._row_count = 0
        self._row_pitch = 1
        self._rows_top = 0
        self._built_rows: set[int] = set()
        self._row_keys: Callable[[int], Hashable] | None = None
        self._row_widgets: dict[int, tuple[Hashable, list[Widget]]] = {}  # built rows: index -> (key, widgets)
        self._spare: OrderedDict[Hashable, tuple[int, int, list[Widget]]] = OrderedDict()  # key -> pitch, y, row
        # what the places of the rows showed before the last set_rows, and show now (None: cannot tell)
        self._rows_before: dict[int, Hashable] | None = None
        self._rows_now: list[Hashable] = []
        self._bar_changed = False  # and whether the scroll bar did (the number of rows changed)
        self._bar_strip: pygame.Rect | None = None  # where the scroll bar was last drawn, on screen
        self.on_drag: Callable[[], None] | None = None  # told when a finger starts moving the content
        self.on_scroll: Callable[[], None] | None = None  # told when the content moved (what says what is hidden)
        self._built_in_view = False  # rows in view were built for this frame before it was drawn (make_ready)
        self._cue_drawn: pygame.Rect | None = None  # the foot of the view where the cue was last drawn, on screen
        # where more follows, the view shows its content down to the foot of the last whole row (a table cut mid-row
        # by the bar under it read as broken: designer's review), and right under it the cue, one line: a shade
        # where the content goes on under it, a chevron and `more_words` ("More below"), the same on every page,
        # table, sheet and grid of cards (there its next row starting over it). Off for a view that ends on a whole
        # row itself
        self.whole_rows = True
        self.more_words = ""
        # no cue, the view's foot only shaded (a few pixels), its scroll bar beside: only a landscape product page
        # whose first view holds its sizes whole and has no room left for a line of words under them (a bare chevron
        # there was not the "More below" of every other page: designer's review)
        self.slim_cue = False
        self._text: tuple[Theme, TextCache] | None = None  # what measures the lines of its texts (set as drawn)
        self._cue_words: Label | None = None  # the cue's words in the accessibility tree (read out)
        # the last fold, what it was found for, and the empty room over it (a slim cue's shade takes it too)
        self._fold: tuple[tuple[int, ...], int, int] | None = None

    def set_rows(self, count: int, pitch: int, build: Callable[[int], list[Widget]], top: int = 0,
                 keys: Callable[[int], Hashable] | None = None) -> None:
        """Content made of `count` rows, `pitch` pixels apart from `top`; a row's widgets are built by
        `build(index)` only when the row comes near the viewport (long lists cost what is shown).

        With `keys` (what row `index` shows: all that its widgets depend on), the view's content is
        replaced, and a row built before whose key comes again is moved to its new place rather than built
        again: a search's results as a letter more is typed (most of them stay), or typed again. The rows
        put aside are kept for that, the last SPARE_ROWS of them; `invalidate_rows` then redraws only the
        rows that show something new."""
        pitch = max(1, pitch)
        self.forget_fold()
        before = (self._row_pitch, self._rows_top, self._row_count)
        shown = {index: key for index, (key, _) in self._row_widgets.items()}
        for index, (key, widgets) in self._row_widgets.items():  # every row built, put aside
            self._spare[key] = (self._row_pitch, self._rows_top + index * self._row_pitch, widgets)
            self._spare.move_to_end(key)
        self._row_builder, self._row_count, self._row_pitch = build, count, pitch
        self._rows_top, self._row_keys = top, keys
        self._built_rows, self._row_widgets = set(), {}
        self.content_height = top + count * pitch
        if keys is None:
            self._rows_before = None
            self._drop_spare(0)
            return
        new_keys = [keys(index) for index in range(count)]
        for index, key in enumerate(new_keys):
            spare = self._spare.get(key)
            if spare is not None and spare[0] == pitch:
                del self._spare[key]
                for widget in spare[2]:
                    _move(widget, top + index * pitch - spare[1])
                self._row_widgets[index] = (key, spare[2])
                self._built_rows.add(index)
        rows = [widget for _, widgets in self._row_widgets.values() for widget in widgets]
        kept = {id(widget) for widget in rows} | {id(widget) for _, _, widgets in self._spare.values()
                                                  for widget in widgets}
        for child in self.children:
            if id(child) not in kept:
                child.dispose()  # not a row (what the view showed instead of rows)
        self.children = []
        for widget in rows:
            self.add(widget)
        self._drop_spare(SPARE_ROWS)
        if shown and (pitch, top) == before[:2]:  # else everything in view may have moved
            # what each place showed: a row's key, None for no row, an unknown for a row never built (unseen)
            self._rows_before = {index: shown.get(index, _UNSEEN) for index in range(before[2])}
            self._rows_now = new_keys
            self._bar_changed = count != before[2]
        else:
            self._rows_before = None

    def spare_rows(self) -> Iterator[Widget]:
        """The widgets of the rows put aside to be shown again (see `set_rows`)."""
        for _, _, widgets in self._spare.values():
            for widget in widgets:
                yield from widget.walk()

    def _drop_spare(self, keep: int) -> None:
        """Let go of the rows put aside longest ago, past `keep` of them."""
        while len(self._spare) > keep:
            _, (_, _, widgets) = self._spare.popitem(last=False)
            for widget in widgets:
                widget.dispose()

    def invalidate_rows(self) -> None:
        """Redraw what the last `set_rows` changed: the rows that show something else than before, and the
        scroll bar when the number of rows changed (all of the view when it cannot tell). When the rows
        that stay moved together by a row or two (a line of department chips or "did you mean" came or
        went above them), their pixels are moved, as a scroll moves them, rather than drawn again."""
        before, now = self._rows_before, self._rows_now
        self._rows_before = None
        root = self.root()
        if before is None or (self._bar_changed and self._bar_strip is None and self.max_scroll > 0):
            self.invalidate()
            return
        if not isinstance(root, Root):
            return
        view = self.visible_rect()
        top = self.screen_rect().y - round(self.scroll) + self._rows_top
        pitch = self._row_pitch
        first = max(0, (view.y - top) // pitch)
        in_view = range(first, max(first, (view.bottom - 1 - top) // pitch) + 1)

        def same(index: int, moved: int) -> bool:  # place `index` shows now what `index - moved` showed
            shown = now[index] if index < len(now) else None
            return before.get(index - moved) == shown if index - moved >= 0 else shown is None

        moved = max(range(-MOVED_ROWS, MOVED_ROWS + 1),
                    key=lambda rows: (sum(same(index, rows) for index in in_view), rows == 0))
        if moved:
            root.shift(view, moved * pitch)
        elif self._bar_changed and self._bar_strip is not None:
            root.damage(self._bar_strip.clip(view))
        for index in in_view:
            if not same(index, moved):
                root.damage(pygame.Rect(view.x, top + index * pitch, view.width, pitch).clip(view))
        fold = self.fold()
        if self._cue_drawn is not None or fold < self.rect.height:  # the cue under the rows, drawn again where it
            # goes now, and where its pixels were (moved with the rows)
            upper = self.screen_rect().y + fold
            if self._cue_drawn is not None:
                upper = min(upper, self._cue_drawn.top - abs(moved) * pitch)
            root.damage(pygame.Rect(view.x, upper, view.width, view.bottom - upper).clip(view))

    def dispose(self) -> None:
        """Also forget how to build rows (the builder belongs to the scene)."""
        self._row_builder = None
        self._row_keys = None
        self._row_widgets = {}
        self._drop_spare(0)
        self.on_drag = None
        super().dispose()

    def _materialize(self, painter: Painter | None = None, ahead: bool = True) -> bool:
        """Build the rows in view (True when some were); with a painter, also build (and warm) one row
        ahead in a frame that built none in view (a frame that did, a new list or a keystroke's results,
        is not made longer)."""
        if self._row_builder is None:
            return False
        first = max(0, int((self.scroll - self._rows_top) // self._row_pitch))
        last = min(self._row_count - 1, int((self.scroll + self.rect.height - self._rows_top) // self._row_pitch))
        built = [self._build_row(index, painter) for index in range(first, last + 1)]
        if painter is None or any(built) or not ahead:
            return any(built)
        screenful = max(1, self.rect.height // self._row_pitch)
        below = range(last + 1, min(self._row_count, last + 1 + screenful))
        above = range(first - 1, first - 1 - screenful, -1)
        for index in (*below, *above):
            if 0 <= index < self._row_count and index not in self._built_rows:
                self._build_row(index, painter)
                break
        return False

    def make_ready(self, painter: Painter) -> None:
        """Build the rows in view before the screen under them is drawn (it leaves out what their panels
        cover); the frame builds no row ahead then, as when `draw` builds them."""
        self._text = (painter.theme, painter.text)
        self._built_in_view = self._materialize(painter, ahead=False) or self._built_in_view

    def _build_row(self, index: int, painter: Painter | None) -> bool:
        if index in self._built_rows or self._row_builder is None:
            return False
        self._built_rows.add(index)
        widgets = self._row_builder(index)
        for widget in widgets:
            self.add(widget)
            if painter is not None:
                widget.prepare(painter)
        if self._row_keys is not None:
            self._row_widgets[index] = (self._row_keys(index), widgets)
        return True

    def hit(self, pos: Point, origin: Point = (0, 0)) -> Widget | None:
        """The tappable widget at `pos`, building the rows in view first (none under the cue: what it hides)."""
        self._materialize()
        if pos[1] >= origin[1] + self.rect.y + self.fold():
            return None
        return super().hit(pos, origin)

    def children_view(self, viewport: pygame.Rect, shown: pygame.Rect, rect: pygame.Rect) -> pygame.Rect:
        """The part of the view that shows content, down to its fold (those under the cue are not shown), the rows
        in view built first."""
        self._materialize()
        return shown.clip(pygame.Rect(rect.x, rect.y, rect.width, self.fold()))

    def fold(self) -> int:
        """How much of the view's height shows content: all of it, or, where more follows below, down to the
        foot of the last row it shows whole, with the cue under it (`whole_rows`). A row is a line of text, a
        button, a picture, a heading with what follows it; where ending on a whole one would leave an empty band
        taller than a button over the cue, the view cuts instead what is taller than a button (a picture, a card,
        a film: the next row of a grid of cards starts) and keeps whole only the lines and the controls (the cue
        under a page's last whole row of products left 370 px empty: designer's review); a list made as it comes (a
        grid of cards) cuts its cards so, its next row starting over the cue."""
        height = self.rect.height
        if not self.whole_rows or self._text is None:
            return height
        top = round(self.scroll)
        if top >= self.max_scroll - 1:
            return height
        # (found once a frame: a scroll asks for it before and after it moves, and the drawing for it again)
        key = (top, height, self.rect.width, self.content_height, len(self.children), id(self._text[0]))
        if self._fold is None or self._fold[0] != key:
            fold, above = self._find_fold(top, height)
            self._fold = (key, fold, above)
        return self._fold[1]

    @property
    def says_more(self) -> bool:
        """Whether the view says "More below" in words under its last whole row where more follows (not where its
        cue is `slim_cue`: none)."""
        return self.whole_rows and not self.slim_cue and bool(self.more_words)

    def forget_fold(self) -> None:
        """Find the fold again when next asked: the content was laid out again, or its rows replaced."""
        self._fold = None

    def _find_fold(self, top: int, height: int) -> tuple[int, int]:
        """The fold (see `fold`) with the view's top at `top` in its content, and the empty room over it."""
        assert self._text is not None
        theme, cache = self._text
        cue = cue_height(theme, cache, self.slim_cue)
        start = top + height - cue  # the cue's room at the view's foot
        if self._row_builder is None:
            every = self._spans(theme, cache, top, top + height)
        else:  # a list made as it comes: its rows whole, but a card of a grid, cut (what it holds not settled on)
            every = sorted((widget.rect.top, widget.rect.bottom) for widget in self.children if widget.visible and
                           widget.rect.bottom > top and widget.rect.top < top + height)

        def settled(fold: int, tallest: int) -> int:  # the foot of the last whole row above `fold`
            spans = [(upper, lower) for upper, lower in every if lower - upper <= tallest]
            while cut := [upper for upper, lower in spans if upper < fold < lower]:
                fold = min(cut)
            return fold

        button = theme.size("touch_target")
        # (one taller than half the view may be cut; a card of a list made as it comes, the next row starting)
        fold = settled(start, height // 2 if self._row_builder is None else button * 3 // 2)
        if start - fold > button:
            fold = settled(start, button * 3 // 2)
        # what the fold cuts by no more than the cue's room around its words ends whole (a card 1 px taller than the
        # room over the cue), the words then at the view's foot
        lowest = top + height - (cue if self.slim_cue else cache.line_height(theme.size("small"), True))
        cut = [lower for upper, lower in every if upper < fold < lower]
        if cut and max(cut) <= lowest:
            fold = max(cut)
        # the cue goes right under the last row, but its padding (a band's tint, a frame ends whole)
        frames: list[int] = []
        if not any(upper < fold < lower for upper, lower in every):
            foot = max((lower for _, lower in every if lower <= fold), default=top)
            frames = [widget.rect.bottom for widget in self._content((top, top + height))
                      if widget.rect.top < foot and foot < widget.rect.bottom <= lowest]
            fold = min(max(fold, *frames) if frames else fold, max([foot + theme.size("gap") // 2, *frames]))
            # a frame that ends at the fold, a quarter of a gap of room under it before the cue's shade (the
            # tablet's frame around the sizes touched it: designer's review), where nothing shows in it; the cue's
            # words then stand under the last row within a gap, as everywhere
            padded = fold + theme.size("gap") // 4
            if fold in frames and padded <= lowest and not any(upper < padded and fold < lower
                                                              for upper, lower in every):
                fold = padded
        # (a slim cue's chevron in the empty room under a frame's edge, not on it)
        above = fold - max([lower for _, lower in every if lower <= fold] + [bottom for bottom in frames
                                                                              if bottom <= fold], default=fold)
        return max(0, fold - top), max(0, above)

    def _spans(self, theme: Theme, cache: TextCache, top: int, bottom: int) -> list[tuple[int, int]]:
        """The tops and feet, in content coordinates, of what the view must not cut between `top` and `bottom`:
        each line of a text, each widget that shows something of its own (not a panel without words, a band's
        tint or a rule: what it holds, if anything); a heading's last line reaches down to the foot of what
        follows it."""
        spans: list[tuple[int, int, bool]] = []
        for widget in self._content((top, 2 * bottom - top)):
            rect = widget.rect
            if not widget.visible or rect.height <= 0 or rect.bottom <= top or rect.top >= 2 * bottom - top:
                continue
            if isinstance(widget, Label) and widget.wrap:
                size = theme.size(widget.size_name)
                lines = len(cache.wrap(widget.label, size, rect.width, widget.bold, widget.max_lines))
                step = cache.line_height(size, widget.bold)
                y = rect.y if widget.valign == "top" else rect.y + (rect.height - step * lines) // 2
                spans += [(y + index * step, y + (index + 1) * step, widget.keep_with_next and index == lines - 1)
                          for index in range(lines)]
            elif widget.label or not (widget.children or isinstance(widget, Panel) or type(widget) is Widget):
                spans.append((rect.top, rect.bottom, isinstance(widget, Label) and widget.keep_with_next))
        spans.sort()
        kept = []
        for upper, lower, keep in spans:
            after = next((span[1] for span in spans if span[0] >= lower), lower) if keep else lower
            # (with what follows it, where that may be cut: the heading's line alone)
            kept.append((upper, after if after - upper <= (bottom - top) // 2 else lower))
        return kept

    @property
    def max_scroll(self) -> float:
        """How far down the content can be moved."""
        return float(max(0, self.content_height - self.rect.height))

    def child_offset(self) -> Point:
        """Children move up as the view scrolls down."""
        return (self.rect.x, self.rect.y - round(self.scroll))

    def scroll_to(self, value: float) -> None:
        """Jump to a position (clamped) and redraw if it moved."""
        value = max(0.0, min(self.max_scroll, value))
        moved = round(self.scroll) - round(value)
        before = self.fold()
        self.scroll = value
        if moved:
            root = self.root()
            if isinstance(root, Root):
                view = self.visible_rect()
                root.shift(view, moved)
                if self._cue_drawn is not None:  # the cue stays at the foot (or goes, at the end): drawn again there
                    root.damage(self._cue_drawn)
                if before < self.rect.height or self.fold() < self.rect.height:
                    # the content ends on another row now, the cue under it: drawn again from the highest of the
                    # two folds (and where the old cue's pixels moved to)
                    upper = self.screen_rect().y + min(before, self.fold()) - abs(moved)
                    root.damage(pygame.Rect(view.x, upper, view.width, view.bottom - upper).clip(view))
            if self.on_scroll is not None:
                self.on_scroll()

    def settle_top(self) -> None:
        """Scroll back to the top of whatever the view's top edge cuts through: the status zone just above
        it must not look laid over half a button."""
        top = round(self.scroll)
        cut = [widget.rect.top for widget in self._content() if widget.rect.top < top < widget.rect.bottom]
        if cut:
            self.scroll_to(min(cut))

    def _content(self, within: tuple[int, int] | None = None) -> Iterator[Widget]:
        """The widgets this view scrolls (not those of a scroll view inside it, which scroll on their own); `within`
        a band of content heights, those of a list made as it comes only in the rows that reach into it (the rows of
        a long list scrolled through stay built)."""
        pending = list(self.children)
        while pending:
            widget = pending.pop()
            if within is not None and self._row_builder is not None and (
                    widget.rect.bottom <= within[0] or widget.rect.top >= within[1]):
                continue
            yield widget
            if not isinstance(widget, ScrollView):
                pending += widget.children

    def drag(self, dy: float) -> None:
        """The finger moved by `dy` pixels."""
        self.velocity = 0.0
        if self.on_drag is not None and self.max_scroll > 0:
            self.on_drag()
        self.scroll_to(self.scroll - dy)

    def fling(self, finger_velocity: float) -> None:
        """The finger left at `finger_velocity` px/s (downwards positive)."""
        self.velocity = -finger_velocity if abs(finger_velocity) > MIN_SPEED * 4 else 0.0

    def stop(self) -> None:
        """A touch stops the glide."""
        self.velocity = 0.0

    def animate(self, dt: float) -> bool:
        """Glide for `dt` seconds; True while still moving."""
        moving = super().animate(dt)
        if self.velocity == 0.0:
            return moving
        decay = math.exp(-dt / TIME_CONSTANT)
        # distance of an exponentially decaying velocity over dt
        self.scroll_to(self.scroll + self.velocity * TIME_CONSTANT * (1 - decay))
        self.velocity *= decay
        if abs(self.velocity) < MIN_SPEED or self.scroll <= 0.0 or self.scroll >= self.max_scroll:
            self.velocity = 0.0
        return True

    def draw(self, painter: Painter, origin: Point) -> None:
        """Draw the visible part of the content, clipped to the view."""
        if not self.visible:
            return
        rect = self.rect.move(origin)
        clip = rect.clip(painter.clip)
        if clip.width <= 0 or clip.height <= 0:
            return
        self._text = (painter.theme, painter.text)
        self._materialize(painter, ahead=not self._built_in_view)
        self._built_in_view = False
        old_clip, old_painter_clip = painter.surface.get_clip(), painter.clip
        fold = self.fold()
        shown = clip.clip(pygame.Rect(rect.x, rect.y, rect.width, fold))  # the content's part of the view
        if shown.width > 0 and shown.height > 0:
            painter.surface.set_clip(shown)
            painter.clip = shown
            if self.color:
                painter.surface.fill(painter.theme.color(self.color), shown)
            inner = (origin[0] + self.rect.x, origin[1] + self.rect.y - round(self.scroll))
            for child in self.children:
                child.draw(painter, inner)
        painter.surface.set_clip(clip)
        painter.clip = clip
        if fold < rect.height:
            self._paint_more(painter, rect, fold)
        elif clip == rect:
            self._cue_drawn = None
        if self.max_scroll > 0:
            self._paint_bar(painter, rect)
        else:
            self._bar_strip = None
        painter.surface.set_clip(old_clip)
        painter.clip = old_painter_clip

    def _paint_bar(self, painter: Painter, rect: pygame.Rect) -> None:
        width = max(4, painter.theme.px(8))
        length = max(width * 4, rect.height * rect.height // max(1, self.content_height))
        top = rect.y + round((rect.height - length) * (self.scroll / self.max_scroll))
        bar = pygame.Rect(rect.right - width - painter.theme.px(6), top, width, length)
        self._bar_strip = pygame.Rect(bar.x, rect.y, rect.right - bar.x, rect.height)
        pygame.draw.rect(painter.surface, painter.theme.color("divider"), bar, border_radius=width // 2)


    def _paint_more(self, painter: Painter, rect: pygame.Rect, fold: int) -> None:
        """Under the last whole row: the view's background, a shade along its top (the content goes on under
        it), and right under the row the cue: a chevron pointing down beside `more_words`, in the middle."""
        theme, ink = painter.theme, painter.theme.color("text")
        self._cue_drawn = strip = pygame.Rect(rect.x, rect.y + fold, rect.width, rect.height - fold)
        painter.surface.fill(theme.color(self.color or "background"), strip)
        shade = min(strip.height // 3, max(2, theme.size("gap") // 2))
        if shade > 0:
            painter.surface.blit(_shade((strip.width, shade), ink), strip.topleft)
        if self.slim_cue:  # (no cue: see `slim_cue`)
            return
        paint_cue(painter, self._cue_box(theme, painter.text, rect, fold), self.more_words)

    def _cue_box(self, theme: Theme, cache: TextCache, rect: pygame.Rect, fold: int) -> pygame.Rect:
        """Where the cue's chevron and words stand on screen, the view at `rect` showing its content down to
        `fold`: a line of small words right under the last whole row, in the middle across."""
        line = cache.line_height(theme.size("small"), True)
        width = cue_width(theme, cache, self.more_words)
        top = min(rect.y + fold + (cue_height(theme, cache) - line) // 2, rect.bottom - line)
        return pygame.Rect(rect.centerx - width // 2, top, width, line)

    def accessible(self, viewport: pygame.Rect, origin: Point = (0, 0)) -> Iterator[tuple[Widget, pygame.Rect]]:
        """As every widget, and where more follows below, the cue's words under the last whole row (read out)."""
        yield from super().accessible(viewport, origin)
        if not self.visible or self._text is None or not self.more_words or self.slim_cue or \
                self.fold() >= self.rect.height:
            return
        box = self._cue_box(*self._text, self.rect.move(origin), self.fold())
        if self._cue_words is None or self._cue_words.text != self.more_words:
            self._cue_words = Label(box, self.more_words, size="small", bold=True, max_lines=1)
        self._cue_words.rect = box.copy()
        shown = box.clip(viewport)
        if shown.width > 0 and shown.height > 0:
            yield self._cue_words, shown


def cue_width(theme: Theme, cache: TextCache, words: str) -> int:
    """How wide the cue that more follows is: its chevron, and `words` beside it in the small size."""
    size = theme.size("small")
    chevron = cache.line_height(size, True) * 4 // 5 + (theme.size("gap") * 2 // 3 if words else 0)
    return chevron + (cache.width(words, size, True) if words else 0)


def paint_cue(painter: Painter, box: pygame.Rect, words: str, up: bool = False) -> None:
    """The cue that more follows, in `box` (one line of the small size): a chevron pointing down (`up`: up) and
    `words` at its right, bold, in the text's colour; the one look of every "more below" (a scroll view's under
    its last whole row, a sheet's line beside its title: `MoreCue`)."""
    theme = painter.theme
    ink = theme.color("text")
    width = max(2, theme.px(5))
    half = box.height * 2 // 5
    rise, middle = half * 3 // 5, box.centery
    tip = middle + rise - rise // 2
    ends = middle - rise // 2
    if up:
        tip, ends = middle - (rise - rise // 2), middle + rise // 2
    chevron = [(box.x, ends), (box.x + half, tip), (box.x + 2 * half, ends)]
    pygame.draw.lines(painter.surface, ink, False, chevron, width)
    for point in chevron:  # round ends and joint
        pygame.draw.circle(painter.surface, ink, point, width // 2)
    if words:
        image = painter.text.render(words, theme.size("small"), ink, True)
        painter.surface.blit(image, (box.right - image.get_width(), middle - image.get_height() // 2))


def cue_height(theme: Theme, cache: TextCache, slim: bool = False) -> int:
    """How tall the cue under a view's last whole row is: a line of small words, a little room around it; `slim`,
    none, the view's foot shaded only (see `ScrollView.slim_cue`)."""
    if slim:
        return max(6, theme.px(6))
    return cache.line_height(theme.size("small"), True) + theme.size("gap") // 4


@functools.lru_cache(maxsize=8)
def _shade(size: tuple[int, int], color: tuple[int, int, int, int]) -> pygame.Surface:
    """A band of `color` from faint at its top to clear at its foot: the edge content passes under."""
    band = pygame.Surface(size, pygame.SRCALPHA)
    for y in range(size[1]):
        band.fill((*color[:3], round(60 * (size[1] - y) / size[1])), (0, y, size[0], 1))
    return band


_UNSEEN = object()  # a place whose row was never built: what it showed is not known


def _move(widget: Widget, dy: int) -> None:
    """Move a widget and what it holds down by `dy` (a scroll view's content moves with the view's rect)."""
    widget.rect.move_ip(0, dy)
    if not isinstance(widget, ScrollView):
        for child in widget.children:
            _move(child, dy)
