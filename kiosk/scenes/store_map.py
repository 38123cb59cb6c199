"""Where it is in the store: the floor plan with the aisles lit, "you are here", the way there, and a
legend."""

from __future__ import annotations

from typing import Any

from kiosk.core.models import pick
from kiosk.core.pack.map_and_collections import StoreMap
from kiosk.core.wayfinding import Route, quarter_turn, quarter_turn_point, route
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.store_status import in_store_shown
from kiosk.ui.floor_plan import FloorPlan
from kiosk.ui.layout import Box, Insets, column, fixed, flex, leaf, row
from kiosk.ui.widgets import Root


class StoreMapScene(ShopScene):
    """The plan, as big as the screen allows, the way from this display to the aisles drawn on it, and one
    line per lit aisle (in the order the way reaches them)."""

    name = "store_map"

    def __init__(self, ctx: SceneContext, aisles: list[str], title: str) -> None:
        super().__init__(ctx)
        self.aisles = aisles
        self.title = title
        self._route: Route | None = None
        self._route_made = False

    @property
    def route(self) -> Route | None:
        """The way from "you are here" through the lit aisles (made once: the plan does not move), on the plan
        as it is drawn (turned on a portrait screen)."""
        plan, here = self._plan()
        if not self._route_made and plan is not None and here is not None:
            self._route = route(plan, here, self.aisles)
        self._route_made = True
        return self._route

    def _plan(self) -> tuple[StoreMap | None, tuple[float, float] | None]:
        """The plan as drawn on this display, and "you are here" on it: a store wider than deep is turned a
        quarter on a portrait screen, where it then fills the width and most of the height (at its own
        proportions it took a third of the screen); the words on it stay upright."""
        plan, here = self.ctx.shop.catalog.store_map(), self.ctx.map_position
        if plan is None or not self._turned(plan):
            return plan, here
        return quarter_turn(plan), quarter_turn_point(plan, here) if here is not None else None

    def _turned(self, plan: StoreMap) -> bool:
        """Whether the plan is drawn larger turned a quarter, in the room the scene has under its header and
        above the aisles' lines."""
        width, height = self.ctx.size
        if self.wide(self.ctx.size) or plan.width <= plan.depth:
            return False
        theme = self.ctx.theme
        margin, gap = theme.size("margin"), theme.size("gap")
        room_w = width - 2 * margin
        said = column(*self._legend(plan, self.aisles, self.ctx.map_position is not None), gap=gap)
        room_h = height - theme.size("header") - 2 * margin - said.natural(room_w)[1] - gap
        # turned only where it pays clearly (a fifth larger): the plan as the store draws it reads more easily
        return min(room_w / plan.depth, room_h / plan.width) > 1.2 * min(room_w / plan.width, room_h / plan.depth)

    def _legend(self, plan: StoreMap, ordered: list[str], numbered: bool) -> list[Box]:
        """One line per aisle to go to (numbered in the order the way reaches them), and the hint to follow
        the line."""
        ctx, t, kit = self.ctx, self.ctx.t, self.kit
        legend: list[Box] = []
        for number, aisle in enumerate(ordered[:8], start=1):
            zone = plan.zones.get(aisle[:1])
            said = t("Aisle {aisle}", aisle=aisle) + (f" · {pick(zone, ctx.lang)}" if zone else "")
            legend.append(kit.words(f"{number}. {said}" if len(ordered) > 1 and numbered else said, size="title",
                                    bold=True, sizes=("button", "text"), max_lines=3))
        if numbered:
            legend.append(kit.words(t("Follow the line from “You are here”."), color="muted", max_lines=3))
        return legend

    def details(self) -> dict[str, Any]:
        """The lit aisles, whether this display knows where it stands, and the way drawn (its aisles in
        order and its corners in the plan's units)."""
        way = self.route
        return {"aisles": self.aisles, "you_are_here": bool(self.ctx.map_position),
                "route": list(way.aisles) if way else [], "route_points": [list(p) for p in way.points] if way
                else []}

    def build(self, size: tuple[int, int]) -> Root:
        """Header, plan (as large as the room allows, at its own proportions) and the aisles to go to;
        on a wide screen the aisles stand beside the plan, in a column a quarter of the width."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        plan, here = self._plan()
        if plan is None or not in_store_shown(ctx):  # (a closed store's window offers no map)
            return self.screen(size, self.title, column(kit.words(t("This store has no map yet."), align="center"),
                                                        padding=Insets.all(2 * margin)))
        way = self.route
        label = t("Store map: {aisles} highlighted", aisles=", ".join(self.aisles))
        drawn = FloorPlan((0, 0, 0, 0), plan, set(self.aisles), here, ctx.lang, label, t("You are here"), way)
        ordered = [*(way.aisles if way else ()), *(a for a in self.aisles if not way or a not in way.aisles)]
        legend = self._legend(plan, ordered, way is not None)
        wide = self.wide(size)
        tallest = round((width - 2 * margin) * plan.depth / plan.width)  # the plan's own proportions
        if wide:
            shown = leaf(drawn, width=flex(), height=flex())
            content: Box = row(shown, column(*legend, gap=gap, width=fixed(width // 4)), gap=2 * gap,
                               padding=Insets.all(margin), height=flex())
        else:  # the plan first: the hint only where the plan keeps its full size (not in a short reach zone)
            room = size[1] - theme.size("header") - 2 * margin
            if way is not None and tallest + column(*legend, gap=gap).natural(width - 2 * margin)[1] + 2 * gap > room:
                legend.pop()
            shown = leaf(drawn, height=flex(max=tallest))
            content = column(shown, *legend, gap=gap, padding=Insets.all(margin), height=flex())
        return self.screen(size, self.title, content)
