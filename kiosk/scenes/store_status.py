"""Whether the store is open, as the shop window says it, and what a closed store's window keeps to itself.

A shop window faces the street: while the store is open a passer-by can walk in, so its screens may say
where a product stands and how many are on the shelf; while it is closed they say when an order can be
collected instead (aisle, map and shelf stock mean nothing through a locked door).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core.hours.opening_hours import shop_state
from kiosk.scenes.context import SceneContext


@dataclass(frozen=True)
class StoreStatus:
    """Whether the store is open, said in two parts: "Closed" and "We open tomorrow at 09:30"."""

    open: bool
    headline: str
    detail: str
    opens_at: datetime | None = None  # closed: when the store opens (as the detail says it)

    @property
    def sentence(self) -> str:
        """Both parts on one line."""
        return f"{self.headline} · {self.detail}" if self.detail else self.headline


def store_status(ctx: SceneContext) -> StoreStatus:
    """The store's state now (core's rule), in the shopper's words."""
    state = shop_state(ctx.shop.hours, ctx.shop.closed_override, ctx.clock.now())
    t = ctx.t
    if state.open:
        closes = state.closes_at
        return StoreStatus(True, t("Open"), t("until {time}", time=ctx.fmt.time(closes.astimezone(ctx.shop.hours.zone)))
                           if closes else "")
    opens = state.opens_at
    return StoreStatus(False, t("Closed"), t("We open {when}", when=ctx.when(opens)) if opens else "", opens)


def in_store_shown(ctx: SceneContext) -> bool:
    """Whether this display may say what is inside the store (aisles, the map, stock on the shelf): a
    terminal always, a shop window only while the store is open."""
    return ctx.role != "window" or store_status(ctx).open


def ready_for_collection(ctx: SceneContext) -> datetime | None:
    """When an order placed now can be collected (preparation time, then the opening hours); None when
    the hours never open again."""
    preparation = timedelta(minutes=ctx.shop.config.orders.preparation_min)
    return ctx.shop.hours.ready_for_collection(ctx.clock.now(), preparation)


def collected_later(ctx: SceneContext, status: StoreStatus) -> str | None:
    """When an order placed now at a closed store can be collected, in words, where that is later than the
    opening `status` says ("11:00" on the opening's day, else "tomorrow at 11:00"); None where it is the
    opening itself, or never."""
    ready = ready_for_collection(ctx)
    if status.open or ready is None or ready == status.opens_at:
        return None
    zone = ctx.shop.hours.zone
    same_day = status.opens_at is not None and status.opens_at.astimezone(zone).date() == ready.astimezone(zone).date()
    return ctx.fmt.time(ready.astimezone(zone)) if same_day else ctx.when(ready)


def collect_line(ctx: SceneContext, stock: int) -> str:
    """What a closed window says instead of the shelf's stock: "Collect from tomorrow at 09:00" for what
    is in stock, "To order: we tell you when it is ready" for what is not."""
    t = ctx.t
    ready = ready_for_collection(ctx)
    if stock <= 0:
        return t("To order: we tell you when it is ready")
    if ready is None:
        return t("Delivered to your address") if ctx.shop.config.orders.delivery else ""
    return t("Collect from {when}", when=ctx.when(ready))
