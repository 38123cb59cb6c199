"""One screen: its surface, its scene stack, touch input, damage-driven drawing and toasts."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import pygame

from kiosk.ui.done_mark import DoneMarks
from kiosk.ui.focus import Focus
from kiosk.ui.gestures import DragEnd, DragMove, GestureTracker, Tap
from kiosk.ui.images import ImageCache, picture_budget
from kiosk.ui.layout import Box, Insets, column, flex, layout, row, square, text
from kiosk.ui.picture_copies import PictureCopies
from kiosk.ui.qr import QrCode
from kiosk.ui.scene import Scene, SceneStack
from kiosk.ui.scroll import ScrollView
from kiosk.ui.text import TextCache, text_budget
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    Button,
    Label,
    Painter,
    Picture,
    Point,
    Root,
    Status,
    TextField,
    Toggle,
    Widget,
    wide_enough,
)

TOAST_SECONDS = 3.5
SMALLER = {"headline": "title", "title": "text", "text": "small"}  # the strip's words a size down
DOUBLE_TAP_SECONDS = 0.4  # two taps on a widget that takes double taps (a picture's zoom) within this


def merge_rects(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """Join rectangles where drawing their union costs little more than drawing each (overlapping or
    close); a thin strip and a thin column stay apart, since their union would be the whole area."""
    merged: list[pygame.Rect] = []
    for rect in (r for r in rects if r.width > 0 and r.height > 0):
        rect = pygame.Rect(rect)
        joined = True
        while joined:
            joined = False
            for index, other in enumerate(merged):
                union = other.union(rect)
                if union.width * union.height <= 1.25 * (other.width * other.height + rect.width * rect.height):
                    rect = union
                    del merged[index]
                    joined = True
                    break
        merged.append(rect)
    return merged


def widened(rect: pygame.Rect, bounds: pygame.Rect) -> pygame.Rect:
    """`rect` at least NARROWEST_FILL wide (grown about its middle, kept within `bounds`): drawing the few
    pixels more costs less than SDL's fill of the narrow rectangle (see NARROWEST_FILL)."""
    left, right = wide_enough(rect.left, rect.right, bounds.left, bounds.right)
    return pygame.Rect(left, rect.top, right - left, rect.height)


def moved_damage(damaged: list[pygame.Rect], shifts: list[tuple[pygame.Rect, int, int]]) -> list[pygame.Rect]:
    """Where damaged rectangles are to be drawn once the scrolls are done: a rectangle marked inside a
    scrolled area before a scroll moves with the pixels (the ones now where it was are drawn already),
    clipped to the area; one marked after the scroll is where the scroll left it; what lies outside the
    area stays where it is. `shifts` holds each scroll's area, distance and the damaged rectangles before it."""
    result: list[pygame.Rect] = []
    for index, rect in enumerate(damaged):
        later: dict[tuple[int, int, int, int], int] = {}
        for area, dy, before in shifts:
            if index < before:
                key = (area.x, area.y, area.w, area.h)
                later[key] = later.get(key, 0) + dy
        pieces = [rect]
        for key, dy in later.items():
            area = pygame.Rect(key)
            placed: list[pygame.Rect] = []
            for piece in pieces:
                inside = piece.clip(area)
                if not inside.width or not inside.height:
                    placed.append(piece)
                    continue
                if not area.contains(piece):
                    placed.append(piece)  # its part outside the area did not move (drawn again whole)
                placed.append(inside.move(0, dy).clip(area))
            pieces = placed
        result += pieces
    return result


def _no_scene() -> Scene | None:
    """No scene (what a weak reference to a scene gives once it is gone)."""
    return None


class Screen:
    """Draws a scene stack on a surface and feeds it pointer, key and text input."""

    def __init__(self, surface: pygame.Surface, theme: Theme, slop: int, long_press: float = 1.2,
                 copies: PictureCopies | None = None) -> None:
        self.full = surface
        self.surface = surface  # where scenes draw: the whole screen, or its lower part in reach mode
        self.offset = 0  # how far down the scenes' area starts
        self.size: tuple[int, int] = surface.get_size()
        self.theme = theme
        self.text = TextCache(theme, text_budget(self.size))
        self.images = ImageCache(picture_budget(self.size), copies=copies)
        self.stack = SceneStack()
        self.gestures = GestureTracker(slop, long_press)
        self._pressed: Widget | None = None
        self._unseen_press: tuple[Widget, pygame.Rect] | None = None  # pressed, and its damage, since the last frame
        self._scrolling: ScrollView | None = None
        self._panning: Widget | None = None  # a zoomed picture the finger drags (instead of the page)
        self._last_tap: tuple[float, Widget] | None = None  # for a double tap
        self._toast: tuple[str, float] | None = None
        # the scene a toast was said on (it ends with it), and the one the focus was last followed into: held
        # weakly, so a scene left is not kept alive by them with its widgets and the text cache they measured
        # with (the soak found a product page left long ago holding a whole text cache of a mode since left)
        self._toast_scene: Callable[[], Scene | None] = _no_scene
        self._toast_rect = pygame.Rect(0, 0, 0, 0)
        self._toast_short = ""  # the toast's shorter form, for a narrow status zone
        self._done = DoneMarks()  # the tapped button's "✓ Added", for a moment
        self._extra_damage: list[pygame.Rect] = []
        self._banner = ""  # reach mode: what the strip above the scenes says when the scene gives nothing
        self._banner_shown: tuple[tuple[str, ...], str, bool] | None = None
        self._banner_drawn: list[str] = []  # the strip's lines drawn (the last ones give way where they do not fit)
        self._banner_looks: list[tuple[str, bool]] = []  # and each one's size and weight
        self._banner_code: Widget | None = None  # the strip's QR code or picture, drawn again once made
        self.focus = Focus()
        # What the scenes show of the shopper (cart, comparison, member, language): when it changes, the
        # scenes under the top one are built again before they are shown (the top one rebuilds itself)
        self.shown_state: Callable[[], object] = lambda: None
        self._state_seen: object = None
        self._focus_scene: Callable[[], Scene | None] = _no_scene
        self._focus_drawn: pygame.Rect | None = None
        self.on_focus: Callable[[Widget], None] = lambda widget: None  # speech says the focused label
        self.now = 0.0

    # --- mode --------------------------------------------------------------------------------
    def set_mode(self, theme: Theme, top: int, banner: str = "") -> None:
        """Another theme, and scenes drawn from `top` down (reach: all controls in the lower part); the
        strip above shows `banner`. Every scene is built again, and the theme left lets go of its fonts."""
        if theme is not self.theme:
            self.theme.forget_fonts()
        self.theme = theme
        self.text = TextCache(theme, text_budget(self.full.get_size()))
        self.offset = top
        width, height = self.full.get_size()
        self.surface = self.full.subsurface(pygame.Rect(0, top, width, height - top)) if top else self.full
        self.size = self.surface.get_size()
        self._toast = None
        self._done.clear()
        self._drop_focus()
        self._focus_drawn = None
        self._banner = banner
        self._banner_shown = None  # drawn at the next render
        self.rebuild_all()

    def _local(self, pos: Point) -> Point:
        return (pos[0], pos[1] - self.offset)

    # --- input -----------------------------------------------------------------------------
    def pointer_down(self, pos: Point, now: float) -> None:
        """A finger (or the mouse button) went down."""
        self._drop_focus()
        pos = self._local(pos)
        if pos[1] < 0:
            return  # the banner above the scenes in reach mode: nothing to touch there
        self.gestures.down(pos, now)
        root = self.stack.top.tree(self.size)
        self._scrolling = self._scroll_view_at(root, pos)
        if self._scrolling is not None:
            self._scrolling.stop()
        hit = root.hit(pos)
        self._panning = hit if getattr(hit, "takes_drag", False) else None
        self._set_pressed(hit)

    def pointer_move(self, pos: Point, now: float) -> None:
        """The finger moved."""
        pos = self._local(pos)
        gesture = self.gestures.move(pos, now)
        if isinstance(gesture, DragMove):
            self._set_pressed(None)
            self._follow_rebuilt_view(pos)
            if self._panning is not None:
                self._panning.dragged(gesture.delta)  # type: ignore[attr-defined]
            elif self._scrolling is not None:
                self._scrolling.drag(gesture.delta[1])

    def _follow_rebuilt_view(self, pos: Point) -> None:
        """The scene was built again under the finger (the keyboard made way for a list): the drag goes on
        in the view now under it."""
        root = self.stack.top.tree(self.size)
        if self._scrolling is not None and self._scrolling.root() is not root:
            self._scrolling = self._scroll_view_at(root, pos)

    def pointer_up(self, pos: Point, now: float) -> None:
        """The finger left the glass."""
        pos = self._local(pos)
        gesture = self.gestures.up(pos, now)
        pressed = self._pressed
        self._set_pressed(None)
        panned, self._panning = self._panning is not None, None
        if isinstance(gesture, Tap):
            target = self.stack.top.tree(self.size).hit(gesture.pos)
            if target is not None and target is pressed and not target.enabled:
                self.toast(target.why_disabled, now)  # a disabled button says why it is
            elif target is not None and target is pressed and target.on_tap is not None:
                self._tapped(target, gesture.pos, now)
        elif isinstance(gesture, DragEnd) and not panned:
            self._follow_rebuilt_view(pos)
            sideways = gesture.swipe in ("left", "right")
            if self._scrolling is not None and self._scrolling.max_scroll > 0 and not sideways:
                self._scrolling.fling(gesture.velocity[1])
            elif gesture.swipe and not self._swipe_widget(gesture):
                self.stack.top.on_swipe(gesture.swipe)
        self._scrolling = None

    def _tapped(self, target: Widget, pos: Point, now: float) -> None:
        """A tap on `target`; the second of two quick taps on a widget that takes double taps is one."""
        double = getattr(target, "double_tapped", None)
        last, self._last_tap = self._last_tap, (now, target)
        if double is not None and last is not None and last[1] is target and now - last[0] <= DOUBLE_TAP_SECONDS:
            self._last_tap = None
            double(pos)
        elif target.on_tap is not None:
            self._run_tap(target.on_tap, pos)

    def _swipe_widget(self, gesture: DragEnd) -> bool:
        """A sideways swipe that started on a widget that takes swipes (a gallery's picture): True when it
        took it."""
        start = self.stack.top.tree(self.size).hit(gesture.start)
        swiped = getattr(start, "swiped", None)
        return bool(swiped(gesture.swipe)) if swiped is not None else False

    def pointer_cancel(self, pos: Point, now: float) -> None:
        """The finger's touch is no tap nor drag after all (a second finger came: a pinch): nothing it
        pressed is pressed, a scroll it began stops where it is."""
        self.gestures.cancel()
        self._set_pressed(None)
        self._panning = None
        if self._scrolling is not None:
            self._scrolling.stop()
        self._scrolling = None

    def pinch(self, pos: Point, factor: float, moved: tuple[int, int] = (0, 0)) -> bool:
        """Two fingers spread (`factor` > 1) or closed around `pos`, which moved by `moved`: a widget there
        that zooms takes it (and, zoomed, follows the fingers as a drag would move it)."""
        pos = self._local(pos)
        target = self.stack.top.tree(self.size).hit(pos)
        pinched = getattr(target, "pinched", None)
        if pinched is None:
            return False
        pinched(factor, pos)
        if moved != (0, 0) and getattr(target, "takes_drag", False):
            target.dragged(moved)  # type: ignore[union-attr]
        return True


    # --- keypad --------------------------------------------------------------------------------
    def focus_move(self, step: int) -> Widget | None:
        """The keypad's next (+1) or previous (-1): move the focus and say where it is."""
        self._follow_scene()
        widget = self.focus.move(self.stack.top.tree(self.size), self.size, step)
        self._damage_focus()
        if widget is not None:
            self.on_focus(widget)
        return widget

    def focus_activate(self) -> bool:
        """The keypad's select: tap the focused widget; False when nothing has the focus."""
        self._follow_scene()
        widget = self.focus.current(self.stack.top.tree(self.size), self.size)
        if widget is None or not widget.tappable or widget.on_tap is None:
            return False
        self._run_tap(widget.on_tap, widget.screen_rect().center)
        return True

    def _run_tap(self, action: Callable[[], None], pos: Point) -> None:
        """Run a tapped widget's action; a confirmation it gives may show on the widget at `pos`."""
        self._done.tapping = (self.stack.top, pos)
        try:
            action()
        finally:
            self._done.tapping = None

    def _follow_scene(self) -> None:
        """A new scene in front starts without a focus."""
        if self.stack.top is not self._focus_scene():
            self._focus_scene = weakref.ref(self.stack.top)
            self._drop_focus()

    def _drop_focus(self) -> None:
        if self.focus.widget is not None:
            self.focus.clear()
            self._damage_focus()

    def _damage_focus(self) -> None:
        if self._focus_drawn is not None:
            self._extra_damage.append(self._focus_drawn)
        rect = self.focus.rect
        self._focus_drawn = rect.inflate(self.theme.px(16), self.theme.px(16)) if rect is not None else None
        if self._focus_drawn is not None:
            self._extra_damage.append(self._focus_drawn)

    def _paint_focus(self, painter: Painter) -> None:
        if self._focus_drawn is None or self.focus.widget is None or self.stack.top is not self._focus_scene():
            return
        width = max(3, self.theme.px(6))
        pygame.draw.rect(painter.surface, self.theme.color("focus"), self._focus_drawn, width,
                         border_radius=self.theme.size("radius"))

    def _set_pressed(self, widget: Widget | None) -> None:
        if widget is self._pressed:
            return
        for old_or_new, state in ((self._pressed, False), (widget, True)):
            if old_or_new is None:
                continue
            old_or_new.pressed = state
            unseen = self._unseen_press
            if not state and unseen is not None and unseen[0] is old_or_new:
                # pressed and let go before a frame showed it (a swipe that starts on a card): its pixels
                # never changed, so it is not drawn again (twice, for a large card, in the swipe's first frame)
                unseen[1].width = 0
                self._unseen_press = None
                continue
            root = old_or_new.root()
            marked = len(root.damaged) if isinstance(root, Root) else -1
            old_or_new.invalidate()
            if state and isinstance(root, Root) and len(root.damaged) == marked + 1:
                self._unseen_press = (old_or_new, root.damaged[-1])
        self._pressed = widget

    @staticmethod
    def _scroll_view_at(root: Widget, pos: Point) -> ScrollView | None:
        found: ScrollView | None = None
        for widget in root.walk():
            if isinstance(widget, ScrollView) and widget.visible and widget.visible_rect().collidepoint(pos):
                found = widget  # the innermost one wins: walk is depth first
        return found

    # --- toasts ----------------------------------------------------------------------------
    def toast(self, text: str, now: float, done: str = "", short: str = "", outlined: bool = False) -> None:
        """Show a short message for a few seconds in the scene's status zone (the content makes room for
        it), or, on a scene without one, low on the screen above every control; it ends with the scene
        it was said on. With `done` (said in a tap's action: "Added"), the tapped button says "✓ Added"
        for a moment too, where the shopper looks (`outlined` rather than filled); `short` is the message's
        shorter form, for a status zone too narrow for it (without the product's name)."""
        if done:
            self._extra_damage += [rect for rect in [self._done.start(done, now, outlined)] if rect is not None]
        self._extra_damage.append(self._toast_rect)
        self._toast = (text, now + TOAST_SECONDS)
        self._toast_short = short
        self._toast_scene = weakref.ref(self.stack.top) if self.stack.scenes else _no_scene
        self._toast_rect = pygame.Rect(0, 0, 0, 0) if self._status_zone() else self._toast_box(text)
        self._extra_damage.append(self._toast_rect)

    def _status_zone(self) -> bool:
        """Show the toast (or none) in the top scene's status zone; False when its tree has none."""
        if not self.stack.scenes:
            return False
        root = self.stack.top.tree(self.size)
        return root.say(self._toast[0], self._toast_short) if self._toast else root.say("")

    @property
    def toast_text(self) -> str:
        """The message shown, or an empty string."""
        return self._toast[0] if self._toast else ""

    def _toast_lines(self, text: str) -> list[str]:
        size = self.theme.size("text")
        widest = self.size[0] - 2 * self.theme.size("margin") - self.theme.px(80)
        return self.text.wrap(text, size, widest, bold=True, max_lines=2)

    def _toast_box(self, text: str) -> pygame.Rect:
        size = self.theme.size("text")
        lines = self._toast_lines(text)
        width = max(self.text.width(line, size, True) for line in lines) + self.theme.px(80)
        height = self.text.line_height(size, True) * len(lines) + self.theme.px(48)
        box = pygame.Rect(0, 0, width, height)
        box.midbottom = (self.size[0] // 2, self.size[1] - self.theme.size("margin"))
        if not self.stack.scenes:
            return box
        controls = [rect for widget, rect in self.stack.top.tree(self.size).accessible(pygame.Rect((0, 0), self.size))
                    if widget.tappable and rect.height < self.size[1] // 2]  # not a backdrop that takes any touch
        gap = self.theme.size("gap")
        moved = True
        while moved and box.top > 0:  # up, past whatever control it would cover
            moved = False
            for control in controls:
                if box.colliderect(control.inflate(0, gap)):
                    box.bottom = control.top - gap
                    moved = True
        box.top = max(box.top, 0)
        return box

    def _paint_toast(self, painter: Painter) -> None:
        if not self._toast or not self._toast_rect.width:
            return
        text, _ = self._toast
        box = self._toast_rect
        size = self.theme.size("text")
        lines = self._toast_lines(text)
        radius = min(box.height // 2, self.theme.size("radius") * 2)
        pygame.draw.rect(painter.surface, self.theme.color("toast"), box, border_radius=radius)
        step = self.text.line_height(size, True)
        top = box.centery - step * len(lines) // 2
        for index, line in enumerate(lines):
            image = self.text.render(line, size, self.theme.color("on_toast"), True)
            painter.surface.blit(image, image.get_rect(midtop=(box.centerx, top + index * step)))

    # --- time and drawing ------------------------------------------------------------------
    def update(self, now: float, dt: float) -> bool:
        """Advance animations and timers; True while something moves."""
        self.now = now
        for widget in self.images.deliver():
            if isinstance(widget, Widget):
                widget.invalidate()
            if widget is self._banner_code and widget is not None:
                self._banner_shown = None  # the strip's QR code is made: the strip is drawn again
        if self._toast and (now >= self._toast[1] or not self.stack.is_top(self._toast_scene())):
            self._toast = None
            self._extra_damage.append(self._toast_rect)
            self._status_zone()
        ended = self._done.expire(now, self.stack.top if self.stack.scenes else None)
        if ended is not None:
            self._extra_damage.append(ended)
        state = self.shown_state()
        if state != self._state_seen:
            self._state_seen = state
            for scene in self.stack.scenes[:-1]:
                scene.rebuild()
        animating = False
        for scene in self.stack.visible():
            root = scene.tree(self.size)
            root.wake_at = None
            animating = root.animate(dt) or animating
            animating = scene.update(now) or animating
        return animating

    def next_deadline(self, now: float) -> float | None:
        """When a timer of this screen fires next."""
        deadlines = [d for d in (s.next_deadline(now) for s in self.stack.visible()) if d is not None]
        deadlines += [s.root.wake_at for s in self.stack.visible() if s.root is not None and s.root.wake_at is not None]
        if self._toast:
            deadlines.append(self._toast[1])
        if self._done.deadline is not None:
            deadlines.append(self._done.deadline)
        return min(deadlines) if deadlines else None

    @property
    def banner_lines(self) -> list[str]:
        """What the strip above the scenes says in reach mode (empty outside it)."""
        return list(self._banner_drawn) if self.offset and self._banner_shown else []

    @property
    def banner_looks(self) -> list[tuple[str, bool]]:
        """The size and weight (bold) of each of `banner_lines`, in its order."""
        return list(self._banner_looks) if self.offset and self._banner_shown else []

    def _paint_banner(self) -> bool:
        """The strip above the scenes in reach mode: what the scene in front shows in words (a product's
        name, price, where it is; a form's summary; the results of a search) and its QR code, else what
        the mode does; drawn again when that changes."""
        if not self.offset:
            return False
        top = self.stack.top if self.stack.scenes else None
        lines = top.banner() if top is not None else ()
        code = top.banner_code() if top is not None else ""
        picture = top.banner_picture() if top is not None and not code else ""
        shown = lines or (self._banner,)
        behind = top is not None and top.modal and top.banner_behind()  # dimmed as the screen under the modal
        if (shown, code or picture, behind) == self._banner_shown:
            return False
        self._banner_shown = (shown, code or picture, behind)
        width = self.full.get_width()
        strip = pygame.Rect(0, 0, width, self.offset)
        self.full.fill(self.theme.color("background"), strip)
        margin, gap = self.theme.size("margin"), self.theme.size("gap")
        beside = bool(code or picture)
        sizes = ("title", "text") if code else ("title", "title", "text") if picture else \
            ("headline", "title", "text") if lines else ("title",)
        # smaller words before a line gives way (the German tablet's share strip dropped its privacy line)
        ladder = [sizes, *(tuple(SMALLER.get(name, name) for name in sizes[:step]) + sizes[step:]
                           for step in range(1, len(sizes) + 1))]
        ladder += [tuple(SMALLER.get(name, name) for name in ladder[-1])]
        side = min(strip.height - 2 * margin, width // 2)
        self._banner_code = QrCode((0, 0, 0, 0), code, code) if code else \
            Picture((0, 0, 0, 0), picture) if picture else None
        qr = [square(self._banner_code, side)] if self._banner_code is not None else []

        def said(lines: tuple[str, ...], count: int, steps: tuple[str, ...]) -> tuple[list[Box], Box]:
            boxes = [text(Label((0, 0, 0, 0), line, size=steps[min(i, len(steps) - 1)],
                                bold=i < (1 if beside else 2),
                                wrap=True, align="left" if beside else "center", valign="top"), self.text, self.theme,
                          sizes=("title", "text"), max_lines=5 if beside else 3)  # beside a code: a narrow column
                     for i, line in enumerate(lines[:count])]
            words = column(*boxes, gap=gap, justify="center", height=flex())
            return boxes, row(*qr, words, gap=2 * margin, align="center", padding=Insets.all(margin), height=flex())

        # every line, as large as fits; else the last ones said on one line, one after the other (a short strip's
        # four products compared); else the last ones give way
        joined = [(*shown[:keep], " · ".join(shown[keep:])) for keep in range(len(shown) - 2, 0, -1)]
        candidates = [(form, len(form)) for form in (shown, *joined)] + \
            [(shown, count) for count in range(len(shown) - 1, 1, -1)]
        for form, count in candidates:
            fitting = next((made for made in (said(form, count, steps) for steps in ladder)
                            if made[1].natural(width)[1] <= strip.height), None)
            if fitting is not None:
                boxes, content = fitting
                break
        else:
            boxes, content = said(shown, 1, ladder[0])
        self._banner_drawn = [box.widget.label for box in boxes if box.widget is not None]
        self._banner_looks = [(box.widget.size_name, box.widget.bold) for box in boxes if isinstance(box.widget, Label)]
        layout(content, strip)
        painter = Painter(self.full, self.theme, self.text, self.images, strip)
        self.full.set_clip(strip)
        for box in [*qr, *boxes]:
            if box.widget is not None:
                box.widget.draw(painter, (0, 0))
        if behind:
            self._dim(strip, self.full)
        self.full.set_clip(None)
        return True

    def render(self) -> bool:
        """Draw what changed; False if nothing did (then nothing needs presenting)."""
        self.stack.dispose_closed()
        if self.stack.scenes and self._toast_scene() is self.stack.top:
            self._status_zone()  # a scene built again shows the status it had
        self._show_done()
        banner_drawn = self._paint_banner()
        scenes = self.stack.visible()
        roots = [scene.tree(self.size) for scene in scenes]
        damaged: list[pygame.Rect] = []
        extra, self._extra_damage = self._extra_damage, []
        for root in roots:
            damaged += moved_damage(root.damaged, root.shifts)
            totals: dict[tuple[int, int, int, int], int] = {}
            for area, dy, _ in root.shifts:  # several moves in one frame: one shift
                key = (area.x, area.y, area.w, area.h)
                totals[key] = totals.get(key, 0) + dy
            root.damaged, root.shifts = [], []
            for key, dy in totals.items():
                area = pygame.Rect(key)
                # what the screen itself was to draw inside the area moved with its pixels too
                extra += [r.move(0, dy) for r in extra if r.colliderect(area)]
                damaged += self._shift(area, dy)
        damaged += extra
        if self.stack.changed:
            damaged.append(pygame.Rect((0, 0), self.size))
            self.stack.changed = False
        self._unseen_press = None  # what is pressed now shows in this frame
        screen = pygame.Rect((0, 0), self.size)
        areas = merge_rects([widened(r.clip(screen), screen) for r in damaged if r.width > 0 and r.height > 0])
        if not areas:
            return banner_drawn
        self.images.frame_drawn()
        self.text.frame_drawn()
        for area in areas:
            painter = Painter(self.surface, self.theme, self.text, self.images, area)
            self.surface.set_clip(area)
            for scene, root in zip(scenes, roots):
                if scene.modal:
                    self._dim(area)
                root.draw(painter, (0, 0))
            self._paint_focus(painter)
            self._paint_toast(painter)
        self.surface.set_clip(None)
        return True

    def _show_done(self) -> None:
        """The tapped button's "✓ Added" on the button now at its place (the scene may have been built again)."""
        if self.stack.scenes:
            self._done.show(self.stack.top, self.stack.top.tree(self.size))

    def _shift(self, area: pygame.Rect, dy: int) -> list[pygame.Rect]:
        """Move drawn pixels for a scroll; returns what must still be drawn (the uncovered strip, the
        scroll bar, and a toast floating over the area)."""
        area = area.clip(pygame.Rect((0, 0), self.size))
        if abs(dy) >= area.height or self.stack.changed:
            return [area]
        self.surface.set_clip(area)
        self.surface.scroll(0, dy)
        self.surface.set_clip(None)
        strip = (pygame.Rect(area.x, area.bottom + dy, area.width, -dy) if dy < 0
                 else pygame.Rect(area.x, area.y, area.width, dy))
        bar = pygame.Rect(area.right - self.theme.px(30), area.y, self.theme.px(30), area.height)
        # a toast floats over the area: its pixels moved with the content and must be drawn over, and
        # the toast drawn again where it stays (else its edges streak across the list as it scrolls)
        toast = self._toast_rect
        extra = [toast, toast.move(0, dy)] if self._toast and toast.colliderect(area) else []
        return [strip, bar, *extra]

    def _dim(self, area: pygame.Rect, surface: pygame.Surface | None = None) -> None:
        """Darken what lies under a modal with the theme's overlay colour (on the scenes' surface, or `surface`:
        the strip above them). Blending in place rather than blitting a screen-sized translucent surface saves
        that surface: 8 MB at 1080x1920, 33 MB at 4K."""
        target = self.surface if surface is None else surface
        red, green, blue, alpha = self.theme.color("overlay")
        keep = 255 - alpha
        target.fill((keep, keep, keep), area, special_flags=pygame.BLEND_RGB_MULT)
        if red or green or blue:
            tint = (red * alpha // 255, green * alpha // 255, blue * alpha // 255)
            target.fill(tint, area, special_flags=pygame.BLEND_RGB_ADD)

    def rebuild_all(self) -> None:
        """Every scene builds its tree again when next shown (language or catalogue changed)."""
        for scene in self.stack.scenes:
            scene.rebuild()
        self.stack.changed = True

    def redraw_all(self) -> None:
        """Draw everything again on the next render."""
        self.stack.changed = True

    # --- automation ------------------------------------------------------------------------
    def accessible_tree(self) -> list[dict[str, Any]]:
        """Visible widgets of the top scene: role, label, bounds, enabled (and, a button that says for a moment
        what it did, `done`: the words it shows, "✓ Added" (or "✓" alone); a text or a button whose words take
        several lines, `lines`: each line as drawn)."""
        self._show_done()
        root = self.stack.top.tree(self.size)
        nodes = []
        measure = Painter(self.surface, self.theme, self.text, self.images, pygame.Rect((0, 0), self.size))
        for widget, rect in root.accessible(pygame.Rect((0, 0), self.size)):
            node: dict[str, Any] = {"role": widget.role, "label": widget.label,
                                    "bounds": [rect.x, rect.y + self.offset, rect.w, rect.h], "enabled": widget.enabled,
                                    "clipped": rect.size != widget.rect.size}  # partly scrolled out of view
            if isinstance(widget, Toggle):  # a tick box or a switch: on or off
                node["checked"] = widget.checked
            if isinstance(widget, (TextField, Toggle)) and widget.problem:  # a field marked: what is wrong with it
                node["problem"] = widget.problem
            if isinstance(widget, Status):  # what it shows: whole, or its short form, or cut with "…"
                shown, _ = widget.lines(self.theme, self.text, rect)
                node["shown"] = " ".join(shown)
                node["cut"] = any(line.endswith("…") for line in shown) and not widget.label.endswith("…")
            if isinstance(widget, Toggle) and widget.done:
                node["done"] = widget.done
            elif isinstance(widget, Button) and widget.done:  # as drawn: a bare "✓" where its words had no room
                node["done"] = widget.done_shown(self.theme, self.text,
                                                 widget.rect.inflate(-2 * widget.inset, -2 * widget.inset))[0]
            if isinstance(widget, Label) and widget.label:  # shown whole, or cut with "…"
                lines = widget.lines(measure, widget.rect.width)
                node["cut"] = any(line.endswith("…") for line in lines) and not widget.label.endswith("…")
                if len(lines) > 1:
                    node["lines"] = lines
            if isinstance(widget, Button) and type(widget).paint is Button.paint:  # its words on several lines
                cap = widget.rect.inflate(-2 * widget.inset, -2 * widget.inset)
                if lines := widget.wrapped(self.theme, self.text, cap):
                    node["lines"] = lines
            nodes.append(node)
        if self._toast and self._toast_rect.width:  # floating (no status zone): read out like a status
            box = self._toast_rect
            nodes.append({"role": "status", "label": self._toast[0],
                          "bounds": [box.x, box.y + self.offset, box.w, box.h], "enabled": True})
        return nodes

    def find(self, label: str) -> pygame.Rect | None:
        """Where on screen the first visible, enabled widget labelled `label` is."""
        root = self.stack.top.tree(self.size)
        for widget, rect in root.accessible(pygame.Rect((0, 0), self.size)):
            if widget.label == label and widget.enabled:
                return rect.move(0, self.offset)
        return None
