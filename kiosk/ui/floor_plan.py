"""The store's floor plan, drawn to fit its box: aisles, other places, highlighted aisles, "you are here",
and the way from there to the aisles."""

from __future__ import annotations

import math

import pygame

from kiosk.core.models import pick
from kiosk.core.pack.map_and_collections import Rect, StoreMap
from kiosk.core.wayfinding import Route
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Painter, Widget


class FloorPlan(Widget):
    """A plan of the floor; the highlighted aisles stand out, a dot marks the display."""

    role = "image"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], plan: StoreMap, highlight: set[str],
                 here: tuple[float, float] | None, language: str, label: str, here_text: str,
                 route: Route | None = None) -> None:
        super().__init__(rect, label=label)
        self.route = route  # the way from "you are here", drawn over the floor
        self.plan = plan
        self.highlight = highlight
        self.here = here
        self.language = language
        self.here_text = here_text
        self.words: list[tuple[str, pygame.Rect]] = []  # each line of words as last drawn, and where

    def _box(self, rect: pygame.Rect) -> tuple[float, int, int]:
        scale = min(rect.width / self.plan.width, rect.height / self.plan.depth)
        left = rect.x + round((rect.width - self.plan.width * scale) / 2)
        top = rect.y + round((rect.height - self.plan.depth * scale) / 2)
        return scale, left, top

    def _to_screen(self, area: Rect, rect: pygame.Rect) -> pygame.Rect:
        scale, left, top = self._box(rect)
        x, y, w, h = area
        return pygame.Rect(left + round(x * scale), top + round(y * scale), round(w * scale), round(h * scale))

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Floor, places, aisles, then the highlighted ones and the dot on top. Every word stays inside the
        floor and whole (a size smaller, or two lines, before it is cut), and "you are here" takes the
        side of its dot where it covers no other word."""
        theme, text = painter.theme, painter.text
        floor = self._to_screen((0, 0, self.plan.width, self.plan.depth), rect)
        pygame.draw.rect(painter.surface, theme.color("surface_alt"), floor, border_radius=theme.px(12))
        small = theme.size("small")
        taken: list[pygame.Rect] = []  # where words and aisles are drawn
        self.words = []
        dot = self._dot(rect, theme)
        for name, area in self.plan.places:
            box = self._to_screen(area, rect)
            said = pick(name, self.language)
            # a narrow place (a plan turned for a portrait screen: the tills on their side) lends its words the
            # room beside it (the aisles start a little further in), on their own backdrop
            size, lines = self._fit(text, said, small, max(box.width, floor.width * 9 // 40) - theme.px(12), 2,
                                    bold=False)
            step = text.line_height(size)
            words = pygame.Rect(0, 0, max(text.width(line, size) for line in lines), step * len(lines))
            words.center = box.center
            backdrop = box
            for _ in range(2):  # (kept inside the floor, the words may move onto the dot: then beside it, again)
                if dot is not None and words.colliderect(dot):  # the dot stands on the place: the words beside it
                    beside = words.move_to(midleft=(dot.right + theme.px(8), words.centery))
                    words = beside if beside.right <= floor.right else words.move_to(
                        midright=(dot.left - theme.px(8), words.centery))
                backdrop = box.union(words.inflate(theme.px(16), theme.px(6)))
                shift = backdrop.clamp(floor).topleft
                words.move_ip(shift[0] - backdrop.x, shift[1] - backdrop.y)
                backdrop = backdrop.clamp(floor)
            pygame.draw.rect(painter.surface, theme.color("highlight"), backdrop, border_radius=theme.px(8))
            for index, line in enumerate(lines):
                label = text.render(line, size, theme.color("muted"))
                spot = label.get_rect(midtop=(words.centerx, words.top + index * step))
                painter.surface.blit(label, spot)
                self.words.append((line, spot))
            taken.append(backdrop)
        columns: dict[str, pygame.Rect] = {}
        for aisle, area in self.plan.areas.items():
            box = self._to_screen(area, rect)
            lit = aisle in self.highlight
            pygame.draw.rect(painter.surface, theme.color("accent" if lit else "surface"), box,
                             border_radius=theme.px(6))
            pygame.draw.rect(painter.surface, theme.color("divider"), box, max(1, theme.px(2)),
                             border_radius=theme.px(6))
            if lit:
                label = text.render(aisle, small, theme.color("on_accent"), bold=True)
                painter.surface.blit(label, label.get_rect(center=box.center))
            taken.append(box)
            letter = aisle[:1]
            columns[letter] = columns[letter].union(box) if letter in columns else box
        if self.route is not None:
            self._paint_route(painter, rect)
        zones = {letter: pick(self.plan.zones[letter], self.language) if letter in self.plan.zones else letter
                 for letter in columns}
        # a zone's name has the room between the middles of its neighbours beside it (columns side by side), or
        # its own width where none stands beside it (a plan turned for a portrait screen: rows one under another)
        room = max(1, min((self._beside(letter, columns) for letter in columns), default=floor.width) - theme.px(8))
        # one size for all the names: the largest at which each shows whole (German, the larger text)
        size = min((self._fit(text, zones[letter], small, room, 2, bold=True)[0] for letter in columns), default=small)
        step = text.line_height(size, True)
        for letter, column in columns.items():
            lines = text.wrap(zones[letter], size, room, True, 2)
            for index, line in enumerate(lines):
                line = text.ellipsize(line, size, room, True)
                label = text.render(line, size, theme.color("text"), bold=True)
                bottom = column.top - theme.px(4) - (len(lines) - 1 - index) * step
                spot = label.get_rect(midbottom=(column.centerx, bottom)).clamp(floor)
                if self.route is not None:  # the way may run along the names: they stay readable over it
                    pygame.draw.rect(painter.surface, theme.color("surface_alt"), spot.inflate(theme.px(6), 0),
                                     border_radius=theme.px(4))
                painter.surface.blit(label, spot)
                self.words.append((line, spot))
                taken.append(spot)
        if self.here is not None:
            self._paint_here(painter, rect, floor, taken)

    @staticmethod
    def _beside(letter: str, columns: dict[str, pygame.Rect]) -> int:
        """How far the middle of a department's aisles is from the nearest of those level with them, or their
        own width when none is."""
        box = columns[letter]
        level = [abs(other.centerx - box.centerx) for name, other in columns.items()
                 if name != letter and other.top < box.bottom and box.top < other.bottom]
        return min(level, default=box.width)

    def _paint_route(self, painter: Painter, rect: pygame.Rect) -> None:
        """The way as a thick line along the corridors, rounded at its corners, with an arrow's head at
        its end, in the colour of "you are here"."""
        assert self.route is not None
        theme = painter.theme
        scale, left, top = self._box(rect)
        points = [(left + round(x * scale), top + round(y * scale)) for x, y in self.route.points]
        if len(points) < 2:
            return
        color, thick = theme.color("primary"), max(3, theme.px(10))
        pygame.draw.lines(painter.surface, color, False, points, thick)
        for point in points[1:-1]:
            pygame.draw.circle(painter.surface, color, point, thick // 2)
        (x0, y0), (x1, y1) = points[-2], points[-1]
        angle = math.atan2(y1 - y0, x1 - x0)
        head = thick * 3
        tip = (x1 + math.cos(angle) * head * 0.4, y1 + math.sin(angle) * head * 0.4)
        wings = [(tip[0] - math.cos(angle + turn) * head, tip[1] - math.sin(angle + turn) * head)
                 for turn in (0.5, -0.5)]
        pygame.draw.polygon(painter.surface, color, [tip, *wings])

    def _dot(self, rect: pygame.Rect, theme: Theme) -> pygame.Rect | None:
        """Where the "you are here" dot is drawn (None when the display does not know where it stands)."""
        if self.here is None:
            return None
        scale, left, top = self._box(rect)
        reach = theme.px(18) + theme.px(5)  # the dot and its ring
        return pygame.Rect(0, 0, 2 * reach, 2 * reach).move_to(center=(left + round(self.here[0] * scale),
                                                                       top + round(self.here[1] * scale)))

    @staticmethod
    def _fit(text: TextCache, said: str, size: int, width: int, max_lines: int, *, bold: bool) -> tuple[int, list[str]]:
        """The largest size from `size` down to two thirds of it at which `said` shows whole in `width` on
        at most `max_lines` lines, and its lines (cut with … at the smallest size if even that is short)."""
        smallest = size * 2 // 3
        while True:
            lines = text.wrap(said, size, width, bold, max_lines)
            if size <= smallest or (" ".join(lines) == said and all(text.width(line, size, bold) <= width
                                                                     for line in lines)):
                return size, [text.ellipsize(line, size, width, bold) for line in lines]
            size -= 1

    def _paint_here(self, painter: Painter, rect: pygame.Rect, floor: pygame.Rect, taken: list[pygame.Rect]) -> None:
        """The dot where the display stands, and "you are here" on the side of it that covers the fewest
        words and aisles (below, above, right, left), inside the floor."""
        theme, text = painter.theme, painter.text
        dot = self._dot(rect, theme)
        assert dot is not None
        centre, radius = dot.center, theme.px(18)
        pygame.draw.circle(painter.surface, theme.color("on_primary"), centre, radius + theme.px(5))
        pygame.draw.circle(painter.surface, theme.color("primary"), centre, radius)
        label = text.render(self.here_text, theme.size("small"), theme.color("primary"), bold=True)
        away = radius + theme.px(8)
        x, y = centre
        sides = [label.get_rect(midtop=(x, y + away)), label.get_rect(midbottom=(x, y - away)),
                 label.get_rect(midleft=(x + away, y)), label.get_rect(midright=(x - away, y))]

        def covered(spot: pygame.Rect) -> int:  # another word under it counts most: it would be unreadable
            def area(others: list[pygame.Rect]) -> int:
                return sum(spot.clip(other).width * spot.clip(other).height for other in others)
            return 1000 * area([words for _, words in self.words]) + area(taken)

        spot = min((side.clamp(floor) for side in sides), key=covered)  # the first side of the least covered
        backing = spot.inflate(theme.px(10), theme.px(4))
        pygame.draw.rect(painter.surface, theme.color("surface_alt"), backing, border_radius=theme.px(6))
        painter.surface.blit(label, spot)
        self.words.append((self.here_text, spot))
