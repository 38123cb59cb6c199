"""The scene table of the display roles: which scene answers each route (kiosk/scenes/routes.py)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.codes.scan import CodeRules
from kiosk.scenes.browse import BrowseScene
from kiosk.scenes.cart import CartScene
from kiosk.scenes.checkout import CheckoutScene
from kiosk.scenes.collection import CollectionScene
from kiosk.scenes.compare import CompareScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.device_tests import DeviceTestScene
from kiosk.scenes.email import EmailScene
from kiosk.scenes.events import EventsScene
from kiosk.scenes.language_picker import LanguagePicker
from kiosk.scenes.offers import OfferScene, OffersScene
from kiosk.scenes.order_confirmed import OrderConfirmedScene
from kiosk.scenes.product import ProductScene
from kiosk.scenes.review import ReviewScene
from kiosk.scenes.routes import Routes
from kiosk.scenes.search import SearchScene
from kiosk.scenes.search_results import SearchResultsScene
from kiosk.scenes.share import ShareScene
from kiosk.scenes.staff_orders import StaffOrdersScene
from kiosk.scenes.staff_settings import StaffSettingsScene
from kiosk.scenes.store_map import StoreMapScene
from kiosk.ui.scene import Scene


def shop_routes(ctx: SceneContext, home: Callable[[], Scene], rules: CodeRules) -> Routes:
    """The routes every role shares; `home` is the role's own home scene."""
    return Routes(
        home=home,
        search=lambda: SearchScene(ctx),
        search_results=lambda query, department: SearchResultsScene(ctx, query, department),
        browse=lambda category: BrowseScene(ctx, category),
        collection=lambda collection: CollectionScene(ctx, collection),
        product=lambda sku, variant="": ProductScene(ctx, sku, variant),
        review=lambda sku: ReviewScene(ctx, sku),
        store_map=lambda aisles, title: StoreMapScene(ctx, aisles, title),
        compare=lambda: CompareScene(ctx),
        share=lambda skus: ShareScene(ctx, skus),
        email=lambda content, url: EmailScene(ctx, content, url),
        cart=lambda: CartScene(ctx),
        checkout=lambda: CheckoutScene(ctx),
        buy_now=lambda bought: CheckoutScene(ctx, bought),
        order_confirmed=lambda order, ordered, fulfilment, follow, emailed: OrderConfirmedScene(
            ctx, order, ordered, fulfilment, follow, emailed),
        language_picker=lambda: LanguagePicker(ctx),
        staff_orders=lambda: StaffOrdersScene(ctx),
        staff_settings=lambda: StaffSettingsScene(ctx),
        device_test=lambda kind: DeviceTestScene(ctx, rules, kind),
        offers=lambda: OffersScene(ctx),
        offer=lambda offer: OfferScene(ctx, offer),
        events=lambda: EventsScene(ctx),
    )
