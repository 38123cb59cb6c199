"""Where it is in the store: the floor plan with the aisles lit and "you are here", and a legend."""

from __future__ import annotations

from typing import Any

from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.floor_plan import FloorPlan
from kiosk.ui.layout import Insets, column, fixed, flex, leaf, row
from kiosk.ui.widgets import Root


class StoreMapScene(ShopScene):
    """The plan, as big as the screen allows, with one line per lit aisle."""

    name = "store_map"

    def __init__(self, ctx: SceneContext, aisles: list[str], title: str) -> None:
        super().__init__(ctx)
        self.aisles = aisles
        self.title = title

    def details(self) -> dict[str, Any]:
        """The lit aisles, and whether this display knows where it stands."""
        return {"aisles": self.aisles, "you_are_here": bool(self.ctx.map_position)}

    def build(self, size: tuple[int, int]) -> Root:
        """Header, plan (as large as the room allows, at its own proportions) and the aisles to go to;
        on a wide screen the aisles stand beside the plan."""
        ctx, theme, t, kit = self.ctx, self.ctx.theme, self.ctx.t, self.kit
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        plan = ctx.shop.catalog.store_map()
        if plan is None:
            return self.screen(size, self.title, column(kit.words(t("This store has no map yet."), align="center"),
                                                        padding=Insets.all(2 * margin)))
        label = t("Store map: {aisles} highlighted", aisles=", ".join(self.aisles))
        drawn = FloorPlan((0, 0, 0, 0), plan, set(self.aisles), ctx.map_position, ctx.lang, label, t("You are here"))
        legend = []
        for aisle in self.aisles[:8]:
            zone = plan.zones.get(aisle[:1])
            legend.append(kit.words(t("Aisle {aisle}", aisle=aisle) + (f" · {pick(zone, ctx.lang)}" if zone
                                                                              else ""), size="title", bold=True,
                                    sizes=("button",), max_lines=2))
        wide = self.wide(size)
        plan_w = (width - 2 * margin) * 2 // 3 if wide else width - 2 * margin
        tallest = round(plan_w * plan.depth / plan.width)  # the plan's own proportions
        shown = leaf(drawn, width=fixed(plan_w) if wide else None, height=flex(max=tallest))
        content = (row(shown, column(*legend, gap=gap // 2), gap=2 * gap, padding=Insets.all(margin),
                       height=flex()) if wide else
                   column(shown, *legend, gap=gap // 2, padding=Insets.all(margin), height=flex()))
        return self.screen(size, self.title, content)
