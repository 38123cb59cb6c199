"""The routes between scenes: each name with the factory of its scene, typed by what it takes.

Scenes open one another only through `ctx.routes` (`ctx.show(ctx.routes.product(sku))`), never by
importing each other, so the scenes form no import cycle and a display role chooses which scene
answers each route (the shop window has its own home). The role fills this table (displays/).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.core.models import Offer
from kiosk.core.pack.map_and_collections import Collection
from kiosk.core.shopper.cart import Cart
from kiosk.ui.scene import Scene


class ProductRoute(Protocol):
    """Opens a product's page, with one of its variants chosen (a size's or a colour's SKU) or none."""

    def __call__(self, sku: str, variant: str = "") -> Scene: ...


@dataclass(frozen=True)
class Routes:
    """Route name -> scene factory, bound to one display's context."""

    home: Callable[[], Scene]
    search: Callable[[], Scene]
    search_results: Callable[[str, str], Scene]  # what was searched, a department of its results or ""
    browse: Callable[[str], Scene]  # a category id
    collection: Callable[[Collection], Scene]
    product: ProductRoute
    review: Callable[[str], Scene]  # a SKU
    store_map: Callable[[list[str], str], Scene]  # aisles to show, title
    compare: Callable[[], Scene]
    share: Callable[[list[str]], Scene]  # SKUs
    email: Callable[[dict[str, Any], str], Scene]  # what to send, the link shown
    cart: Callable[[], Scene]
    checkout: Callable[[], Scene]
    buy_now: Callable[[Cart], Scene]  # one article's order, its checkout without the shopper's cart
    order_confirmed: Callable[[str, tuple[str, ...], str, str, bool], Scene]  # order id, its lines, fulfilment,
    # follow link, emailed
    language_picker: Callable[[], Scene]
    staff_orders: Callable[[], Scene]
    staff_settings: Callable[[], Scene]
    device_test: Callable[[str], Scene]  # "scan" or "card"
    offers: Callable[[], Scene]  # the member's offers on today
    offer: Callable[[Offer], Scene]  # one offer's products
    events: Callable[[], Scene]  # the store's events, to sign up to
