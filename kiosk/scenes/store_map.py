"""Where it is in the store: the floor plan with the aisles lit and "you are here", and a legend."""

from __future__ import annotations

from typing import Any

from kiosk.core.models import pick
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.floor_plan import FloorPlan
from kiosk.ui.widgets import Label, Root


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
        """Header, plan, legend."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        root = Root((0, 0, width, height))
        y = self.header(root, self.title) + margin
        plan = ctx.shop.catalog.store_map()
        if plan is None:
            root.add(Label((margin, y, width - 2 * margin, theme.px(80)), t("This store has no map yet."),
                           align="center"))
            return root
        legend_h = theme.px(70) * min(8, len(self.aisles)) + theme.px(20)
        plan_h = min(height - y - legend_h - margin, round((width - 2 * margin) * plan.depth / plan.width))
        label = t("Store map: {aisles} highlighted", aisles=", ".join(self.aisles))
        root.add(FloorPlan((margin, y, width - 2 * margin, plan_h), plan, set(self.aisles), ctx.map_position,
                           ctx.lang, label, t("You are here")))
        y += plan_h + theme.px(20)
        for aisle in self.aisles[:8]:
            zone = plan.zones.get(aisle[:1])
            text = t("Aisle {aisle}", aisle=aisle) + (f" · {pick(zone, ctx.lang)}" if zone else "")
            root.add(Label((margin, y, width - 2 * margin, theme.px(60)), text, size="title", bold=True))
            y += theme.px(70)
        return root
