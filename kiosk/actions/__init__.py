"""What the shopper does, one call per use case: place an order, write a review, send an email, save a
list, sign up to an event, erase what the kiosk knows of them.

Scenes gather the shopper's answers and call one action (`ctx.actions`); an action talks to core (the
rules), writes to the durable outbox, wakes its senders and tells head office, so no scene touches the
outbox or builds a payload. `ShopperActions` is the one door.
"""

from kiosk.actions.shopper_actions import OrderAnswers, ShopperActions

__all__ = ["OrderAnswers", "ShopperActions"]
