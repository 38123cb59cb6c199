"""The shopper's actions at one display: each gathers nothing, decides nothing on screen, and keeps what
must not be lost in the outbox before it returns (DESIGN §5: only then may the shopper see "done")."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from kiosk.core.hours.clock import Clock
from kiosk.core.models import Member
from kiosk.core.orders.order import DeliveryAddress, Order, new_order_id
from kiosk.core.orders.place_order import PlacedOrder, Voice, place
from kiosk.core.pack.events import StoreEvent, occurrence
from kiosk.core.shopper.cart import Cart
from kiosk.core.shopper.member_offers import offers_on
from kiosk.core.shopper.saved_lists import SavedList, list_payload
from kiosk.core.shopper.session import MAX_COMPARE, ShopperSession
from kiosk.core.shopper.share_mail import compose
from kiosk.shared.shop import Shop

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrderAnswers:
    """What the shopper answered at the checkout (personal data: never logged)."""

    email: str = ""
    phone: str = ""  # E.164
    collect_from: datetime | None = None  # collect at the store from then; None: delivery
    delivery: DeliveryAddress | None = None
    marketing_opt_in: bool = False


class ShopperActions:
    """One call per thing the shopper does at display `display`, for the session in front of it."""

    def __init__(self, shop: Shop, session: ShopperSession, clock: Clock, display: str,
                 when: Callable[[object], str]) -> None:
        self.shop = shop
        self.session = session
        self.clock = clock
        self.display = display
        self.when = when  # "tomorrow at 09:30" in the shopper's language

    # --- the outbox: the one place a shopper's action is written ---------------------------------
    def _keep(self, items: list[tuple[str, dict[str, Any], str]]) -> None:
        """Write items to the outbox in one transaction (durably), then wake their senders."""
        self.shop.outbox.add_many(items, self.clock.now().timestamp())
        self.shop.outbox_added()

    # --- orders ------------------------------------------------------------------------------------
    def draft_order(self, answers: OrderAnswers, cart: Cart | None = None) -> Order:
        """The order of `cart` (the session's by default) as it would be placed now, without its number (for
        the checkout's summary)."""
        return self._order(answers, "", cart if cart is not None else self.session.cart)

    def _order(self, answers: OrderAnswers, order_id: str, cart: Cart) -> Order:
        shop = self.shop
        return Order(id=order_id, store=shop.config.store.id, device=self.display, placed_at=self.clock.now(),
                     language=self.session.language, currency=shop.catalog.currency,
                     lines=tuple(cart.lines), email=answers.email, phone=answers.phone,
                     collect_from=answers.collect_from, delivery=answers.delivery,
                     marketing_opt_in=answers.marketing_opt_in, to_order=self.to_order(cart))

    def to_order(self, cart: Cart | None = None) -> bool:
        """Whether an article of `cart` (the session's by default) is not on the shelf as many times as it is
        ordered (its size's or colour's stock, else the product's, as the catalogue has it now): the store
        orders it first, so no collection time can be promised."""
        catalog = self.shop.catalog
        for line in (cart if cart is not None else self.session.cart).lines:
            if line.variant is not None:
                now = next((v for v in catalog.variants(line.sku) if v.sku == line.variant.sku), line.variant)
                stock = now.stock
            else:
                product = catalog.product(line.sku)
                stock = product.stock if product is not None else 0
            if stock < line.quantity:
                return True
        return False

    def place_order(self, answers: OrderAnswers, cart: Cart | None = None) -> PlacedOrder:
        """Place the cart as an order: kept durably with its emails, staff told, the cart emptied. `cart` is
        the session's by default, or one article's ("Buy now", which leaves the session's cart as it was)."""
        shop, language = self.shop, self.session.language
        cart = cart if cart is not None else self.session.cart
        store_language = shop.config.store.default_language
        order_id = new_order_id(shop.config.store.id)
        placed = place(self._order(answers, order_id, cart), store_name=shop.config.store.name,
                       follow_url_template=shop.config.orders.follow_url, mail=shop.mail_enabled,
                       store_email=shop.config.orders.store_email,
                       shopper=Voice(shop.t(language), shop.formatter(language).price, self.when),
                       store=Voice(shop.t(store_language), shop.formatter(store_language).price, self.when))
        order = placed.order
        self._keep(list(placed.items))
        log.info("order %s kept in the outbox (%d articles)", order.id, sum(line.quantity for line in order.lines))
        shop.fleet.staff_call(placed.alert)
        shop.event("order_placed", display=self.display, articles=cart.count, total_cents=order.total_cents)
        cart.clear()
        return placed

    # --- members -------------------------------------------------------------------------------------
    def sign_in(self, loyalty_id: str) -> Member | None:
        """Identify the member of a loyalty card or code (None: unknown): their offers on today price the
        cart from now on."""
        member = self.shop.catalog.member(loyalty_id)
        if member is not None:
            self.session.member = member
            self.session.cart.apply_offers(tuple(offers_on(self.shop.catalog.offers(), member.tier, self.today())))
            self.session.saved_lists = ()
            self.session.lists_ticket = uuid.uuid4().hex
            self.shop.backend.member_lists(member.loyalty_id, self.session.lists_ticket)
        return member

    def lists_came_back(self, ticket: str, lists: tuple[SavedList, ...]) -> bool:
        """The backend gave back a member's saved lists: kept for the session when they are the member's in
        front (`ticket`), with only the products the catalogue still has; False when they are not."""
        if not ticket or ticket != self.session.lists_ticket or self.session.member is None:
            return False
        known = {product.sku for product in self.shop.catalog.products(
            list(dict.fromkeys(sku for saved in lists for sku in saved.skus)))}
        kept = [replace(saved, skus=tuple(sku for sku in saved.skus if sku in known)) for saved in lists]
        self.session.saved_lists = tuple(saved for saved in kept if saved.skus)
        return True

    def save_list(self, skus: list[str]) -> bool:
        """Keep products (a comparison, a product, a cart) in the member's account, through the outbox to
        `POST /members/{id}/lists`; False when no member is signed in or these were saved already."""
        member = self.session.member
        chosen = tuple(dict.fromkeys(skus))
        if member is None or not chosen or chosen in self.session.saved_here:
            return False
        list_id = str(uuid.uuid4())
        kind = "compare" if 2 <= len(chosen) <= MAX_COMPARE else "list"
        shop = self.shop
        self._keep([("member_list", list_payload(list_id, member.loyalty_id, kind, list(chosen),
                                                 store=shop.config.store.id, device=self.display,
                                                 language=self.session.language, saved_at=self.clock.now()),
                     list_id)])
        self.session.saved_here = self.session.saved_here | {chosen}
        shop.event("list_saved", display=self.display, kind=kind, products=len(chosen))
        return True

    def today(self) -> date:
        """The store's day now."""
        return self.clock.now().astimezone(self.shop.hours.zone).date()

    # --- an adviser ----------------------------------------------------------------------------------
    def call_adviser(self, reason: str) -> bool:
        """Ask for a member of staff to come to this display (nothing about the shopper); False when there
        is no one to ask."""
        return self.shop.call_adviser(self.display, self._location(), reason)

    def cancel_adviser(self) -> None:
        """The shopper no longer needs the adviser they called: staff are told."""
        self.shop.fleet.staff_call({"type": "adviser_cancelled", "display": self.display, "location": self._location(),
                                    "time": self.clock.now().astimezone(UTC).isoformat(timespec="seconds")})
        self.shop.event("adviser_cancelled", display=self.display)

    def _location(self) -> str:
        return self.shop.config.display(self.display).location if self.display else ""

    # --- store events --------------------------------------------------------------------------------
    def places_left(self, event: StoreEvent, start: datetime) -> int:
        """The places still free on the event's day `start`, those taken at this kiosk counted."""
        day = occurrence(start)
        here = sum(1 for item in self.shop.outbox.items() if item.kind == "signup"
                   and item.payload.get("event") == event.id and item.payload.get("date") == day)
        return event.places_left(here)

    def sign_up(self, event: StoreEvent, start: datetime, name: str, email: str, phone: str, consent: bool) -> bool:
        """Sign the shopper up to the event on `start`'s day, through the outbox to `POST /events/{id}/signups`;
        False (nothing kept) without their explicit consent, a name and a contact, or with no place left."""
        if not (consent and name.strip() and (email or phone)) or self.places_left(event, start) <= 0:
            return False
        signup_id = str(uuid.uuid4())
        payload = {"id": signup_id, "event": event.id, "date": occurrence(start), "name": name.strip(),
                   "contact": {"email": email} if email else {"phone": phone}, "consent": True,
                   "store": self.shop.config.store.id, "device": self.display, "language": self.session.language,
                   "signed_up_at": self.clock.now().isoformat(timespec="seconds")}
        self._keep([("signup", payload, signup_id)])
        self.shop.event("event_signup", display=self.display, event=event.id)
        return True

    # --- reviews -------------------------------------------------------------------------------------
    def write_review(self, sku: str, stars: int, text: str, author: str) -> str:
        """A review for the backend's moderation (`POST /reviews`); returns its id."""
        review_id = str(uuid.uuid4())
        payload = {"id": review_id, "sku": sku, "stars": stars, "text": text.strip(), "author": author.strip(),
                   "language": self.session.language, "store": self.shop.config.store.id, "device": self.display,
                   "written_at": self.clock.now().isoformat(timespec="seconds"), "in_store": True}
        self._keep([("review", payload, review_id)])
        self.shop.event("review_written", display=self.display, sku=sku, stars=stars)
        return review_id

    # --- emails ----------------------------------------------------------------------------------------
    def send_email(self, address: str, content: dict[str, Any], url: str, marketing_opt_in: bool) -> None:
        """The shared selection (`content`, the share payload, and its link) by email, in the shopper's
        language."""
        language = self.session.language
        formatter = self.shop.formatter(language)
        subject, text, html = compose(content, url, self.shop.t(language), formatter.price, formatter.day_month,
                                      self.shop.config.share.base_url)
        self._keep([("email", {"to": address, "subject": subject, "text": text, "html": html,
                               "marketing_opt_in": marketing_opt_in}, "")])

    # --- the end of a session ------------------------------------------------------------------------
    def erase_shopper(self) -> None:
        """Forget the shopper: language, comparison, cart, member card, accessible mode (what scenes typed
        goes with the scenes, which the display closes)."""
        self.session.wipe()
        self.shop.event("session_ended", display=self.display)
