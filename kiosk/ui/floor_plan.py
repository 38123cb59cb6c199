"""The store's floor plan, drawn to fit its box: aisles, other places, highlighted aisles, "you are here"."""

from __future__ import annotations

import pygame

from kiosk.core.models import pick
from kiosk.core.pack.map_and_collections import Rect, StoreMap
from kiosk.ui.widgets import Painter, Widget


class FloorPlan(Widget):
    """A plan of the floor; the highlighted aisles stand out, a dot marks the display."""

    role = "image"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], plan: StoreMap, highlight: set[str],
                 here: tuple[float, float] | None, language: str, label: str, here_text: str) -> None:
        super().__init__(rect, label=label)
        self.plan = plan
        self.highlight = highlight
        self.here = here
        self.language = language
        self.here_text = here_text

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
        """Floor, places, aisles, then the highlighted ones and the dot on top."""
        theme, text = painter.theme, painter.text
        floor = self._to_screen((0, 0, self.plan.width, self.plan.depth), rect)
        pygame.draw.rect(painter.surface, theme.color("surface_alt"), floor, border_radius=theme.px(12))
        small = theme.size("small")
        for name, area in self.plan.places:
            box = self._to_screen(area, rect)
            pygame.draw.rect(painter.surface, theme.color("highlight"), box, border_radius=theme.px(8))
            label = text.render(text.ellipsize(pick(name, self.language), small, box.width - 8), small,
                                theme.color("muted"))
            painter.surface.blit(label, label.get_rect(center=box.center))
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
            letter = aisle[:1]
            columns[letter] = columns[letter].union(box) if letter in columns else box
        zones = {letter: pick(self.plan.zones[letter], self.language) if letter in self.plan.zones else letter
                 for letter in columns}
        room = {letter: column.width + theme.px(60) for letter, column in columns.items()}

        def cut(size: int) -> bool:
            return any(" ".join(text.wrap(zones[letter], size, room[letter], True, 2)) != zones[letter]
                       for letter in columns)

        size = small
        while size > small * 3 // 4 and cut(size):
            size -= 1  # long names (German, larger text) on two lines, all a little smaller, before any is cut
        step = text.line_height(size, True)
        for letter, column in columns.items():
            lines = text.wrap(zones[letter], size, room[letter], True, 2)
            for index, line in enumerate(lines):
                label = text.render(line, size, theme.color("text"), bold=True)
                bottom = column.top - theme.px(4) - (len(lines) - 1 - index) * step
                painter.surface.blit(label, label.get_rect(midbottom=(column.centerx, bottom)))
        if self.here is not None:
            scale, left, top = self._box(rect)
            centre = (left + round(self.here[0] * scale), top + round(self.here[1] * scale))
            radius = theme.px(18)
            pygame.draw.circle(painter.surface, theme.color("on_primary"), centre, radius + theme.px(5))
            pygame.draw.circle(painter.surface, theme.color("primary"), centre, radius)
            label = text.render(self.here_text, small, theme.color("primary"), bold=True)
            spot = label.get_rect(midtop=(centre[0], centre[1] + radius + theme.px(6)))
            painter.surface.blit(label, spot.clamp(floor))
