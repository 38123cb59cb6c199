"""The way through the store: from "you are here" to an aisle (or through several), around the shelves.

The floor is cut into a grid of small cells; a cell a shelf stands on (an aisle's rectangle, and a little
room around it) cannot be walked through, nor where a department's name is written above its aisles;
tills, the workshop and the entrance can. The way is the
shortest walk on that grid (Dijkstra, eight directions, no corner cut), then pulled straight wherever
nothing stands between two of its points, so it reads as a few straight legs, like a route drawn by hand.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from kiosk.core.pack.map_and_collections import Rect, StoreMap

CELLS_ACROSS = 90  # the grid's cells along the plan's longer side (a demo plan's corridor: 6 cells wide)
SIGN_BAND = 0.025  # a department's name above its aisles, as a share of the plan's longer side
Point = tuple[float, float]
Cell = tuple[int, int]
STEPS = ((1, 0, 1.0), (-1, 0, 1.0), (0, 1, 1.0), (0, -1, 1.0),
         (1, 1, math.sqrt(2)), (1, -1, math.sqrt(2)), (-1, 1, math.sqrt(2)), (-1, -1, math.sqrt(2)))


@dataclass(frozen=True)
class Route:
    """The way in the plan's units: its legs' points from "you are here", and the aisles in the order they
    are reached; `length` is the walk's length (metres, on a plan drawn in metres)."""

    points: tuple[Point, ...]
    aisles: tuple[str, ...]
    length: float


class Floor:
    """The plan as a grid of cells that can or cannot be walked through."""

    def __init__(self, plan: StoreMap) -> None:
        self.plan = plan
        self.cell = max(plan.width, plan.depth) / CELLS_ACROSS
        self.columns = max(1, math.ceil(plan.width / self.cell))
        self.rows = max(1, math.ceil(plan.depth / self.cell))
        room = self.cell * 0.75  # a walker's shoulder from the shelf
        self.blocked = [[False] * self.columns for _ in range(self.rows)]
        for x, y, w, h in [*plan.areas.values(), *self._signs(plan)]:
            for row in range(self._index(y - room, self.rows), self._index(y + h + room, self.rows) + 1):
                for column in range(self._index(x - room, self.columns), self._index(x + w + room, self.columns) + 1):
                    self.blocked[row][column] = True

    @staticmethod
    def _signs(plan: StoreMap) -> list[Rect]:
        """Where the plan writes each department's name: a band above the aisles of its letter. The way goes
        round it, so that it never runs under a name."""
        groups: dict[str, Rect] = {}
        for aisle, (x, y, w, h) in plan.areas.items():
            gx, gy, gw, gh = groups.get(aisle[:1], (x, y, w, h))
            left, top = min(gx, x), min(gy, y)
            groups[aisle[:1]] = (left, top, max(gx + gw, x + w) - left, max(gy + gh, y + h) - top)
        band = SIGN_BAND * max(plan.width, plan.depth)
        return [(x, max(0.0, y - band), w, min(band, y)) for x, y, w, _ in groups.values() if y > 0]

    def _index(self, value: float, count: int) -> int:
        return min(count - 1, max(0, int(value / self.cell)))

    def cell_of(self, point: Point) -> Cell:
        """The cell a point of the plan is in."""
        return self._index(point[0], self.columns), self._index(point[1], self.rows)

    def centre(self, cell: Cell) -> Point:
        """The middle of a cell, in the plan's units."""
        return ((cell[0] + 0.5) * self.cell, (cell[1] + 0.5) * self.cell)

    def free(self, cell: Cell) -> bool:
        """Whether a cell is on the floor and nothing stands on it."""
        column, row = cell
        return 0 <= column < self.columns and 0 <= row < self.rows and not self.blocked[row][column]

    def nearest_free(self, cell: Cell) -> Cell | None:
        """The free cell closest to `cell` (a display drawn on a shelf's edge still starts somewhere)."""
        if self.free(cell):
            return cell
        for reach in range(1, max(self.columns, self.rows)):
            ring = [(cell[0] + dx, cell[1] + dy) for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)
                    if max(abs(dx), abs(dy)) == reach]
            found = [c for c in ring if self.free(c)]
            if found:
                return min(found, key=lambda c: (c[0] - cell[0]) ** 2 + (c[1] - cell[1]) ** 2)
        return None

    def beside(self, area: Rect) -> set[Cell]:
        """The free cells along an aisle's sides, where a shopper stands to take from it."""
        x, y, w, h = area
        reach = self.cell * 2.5
        first_column, last_column = self._index(x - reach, self.columns), self._index(x + w + reach, self.columns)
        first_row, last_row = self._index(y - reach, self.rows), self._index(y + h + reach, self.rows)
        return {(column, row) for row in range(first_row, last_row + 1)
                for column in range(first_column, last_column + 1) if self.free((column, row))}

    def walk(self, start: Cell, goals: dict[Cell, str], towards: list[Rect]) -> tuple[list[Cell], str] | None:
        """The shortest walk from `start` to the nearest of `goals` (cell -> aisle), and that aisle: A*,
        guided by the straight distance to the nearest of the aisles `towards` (never more than the walk)."""
        size, blocked, columns, rows = self.cell, self.blocked, self.columns, self.rows
        reach = 3.5  # cells: a goal cell stands this far from its aisle at most

        def guess(cell: Cell) -> float:
            x, y = (cell[0] + 0.5) * size, (cell[1] + 0.5) * size
            return max(0.0, min(math.hypot(max(ax - x, 0.0, x - ax - aw), max(ay - y, 0.0, y - ay - ah))
                                for ax, ay, aw, ah in towards) / size - reach)

        def free(column: int, row: int) -> bool:
            return 0 <= column < columns and 0 <= row < rows and not blocked[row][column]

        best: dict[Cell, float] = {start: 0.0}
        came: dict[Cell, Cell] = {}
        queue = [(guess(start), 0.0, start)]
        while queue:
            _, cost, cell = heapq.heappop(queue)
            if cost > best[cell]:
                continue
            if cell in goals:
                path = [cell]
                while path[-1] in came:
                    path.append(came[path[-1]])
                return path[::-1], goals[cell]
            column, row = cell
            for dx, dy, step in STEPS:
                nxt = (column + dx, row + dy)
                if not free(*nxt) or (dx and dy and not (free(column + dx, row) and free(column, row + dy))):
                    continue  # a shelf, or a shelf's corner it would cut
                if cost + step < best.get(nxt, math.inf):
                    best[nxt] = cost + step
                    came[nxt] = cell
                    heapq.heappush(queue, (cost + step + guess(nxt), cost + step, nxt))
        return None

    def in_sight(self, a: Cell, b: Cell) -> bool:
        """Whether the straight line between two cells' middles crosses only free cells."""
        (ax, ay), (bx, by) = self.centre(a), self.centre(b)
        samples = max(2, int(math.hypot(bx - ax, by - ay) / (self.cell / 3)))
        for index in range(samples + 1):
            share = index / samples
            if not self.free(self.cell_of((ax + (bx - ax) * share, ay + (by - ay) * share))):
                return False
        return True

    def straighten(self, path: list[Cell]) -> list[Cell]:
        """The path's corners only: from each corner, straight on as far as the path stays in sight."""
        kept = [path[0]]
        index = 0
        while index < len(path) - 1:
            ahead = index + 1
            while ahead + 1 < len(path) and self.in_sight(path[index], path[ahead + 1]):
                ahead += 1
            kept.append(path[ahead])
            index = ahead
        return kept


def quarter_turn(plan: StoreMap) -> StoreMap:
    """The plan turned a quarter clockwise (a store wider than deep, on a portrait screen): what ran left to
    right runs top to bottom, so the departments' columns become rows, read from the top."""
    def turn(area: Rect) -> Rect:
        x, y, w, h = area
        return (plan.depth - y - h, x, h, w)

    return StoreMap(plan.depth, plan.width, {aisle: turn(area) for aisle, area in plan.areas.items()},
                    dict(plan.zones), tuple((name, turn(area)) for name, area in plan.places))


def quarter_turn_point(plan: StoreMap, point: Point) -> Point:
    """Where a point of `plan` ("you are here") is on `quarter_turn(plan)`."""
    return (plan.depth - point[1], point[0])


def route(plan: StoreMap, here: Point, aisles: list[str]) -> Route | None:
    """The way from `here` to each of `aisles` (those on the plan), the nearest first, then the nearest from
    there; None when there is nowhere to go or no way there."""
    floor = Floor(plan)
    start = floor.nearest_free(floor.cell_of(here))
    wanted = [aisle for aisle in dict.fromkeys(aisles) if aisle in plan.areas]
    if start is None or not wanted:
        return None
    points: list[Point] = [here]
    reached: list[str] = []
    length = 0.0
    while wanted:
        goals = {cell: aisle for aisle in wanted for cell in floor.beside(plan.areas[aisle])}
        found = floor.walk(start, goals, [plan.areas[aisle] for aisle in wanted])
        if found is None:
            break
        path, aisle = found
        for cell in floor.straighten(path)[1:] if len(path) > 1 else path:
            point = floor.centre(cell)
            length += math.dist(points[-1], point)
            points.append(point)
        reached.append(aisle)
        wanted.remove(aisle)
        start = path[-1]
    if not reached:
        return None
    return Route(tuple(points), tuple(reached), length)
