"""How a session ends: "I'm done" after a share or an order ends it at once, "An adviser is on the way"
holds it and can be cancelled (on a real Mosquitto broker), and "Are you still there?" counts down where
it can be seen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.mqtt import MOSQUITTO, Broker, Observer
from tests.scenes.test_ordering import ROAD_BIKE, add_to_cart, checkout
from tests.test_fleet import fleet_config_text, wait_connected


def test_im_done_after_a_share_ends_the_session_at_once(shopping: Pilot) -> None:
    for sku in ("RUN-113", "RUN-116"):
        product = shopping.app.shop.catalog.product(sku)
        assert product is not None
        shopping.scan(product.gtin)
        shopping.tap("Dans le comparateur")
    shopping.tap("Comparer (2)")
    shopping.tap("Envoyer sur mon téléphone")
    shopping.tap("J'ai terminé")
    assert shopping.scene == "attract"
    assert shopping.state()["session"]["compare"] == [] and shopping.app.display().session.started is False


def test_im_done_after_an_order_ends_the_session_and_the_number_reads_at_a_till(shopping: Pilot) -> None:
    add_to_cart(shopping, ROAD_BIKE)
    checkout(shopping, "0612345678")
    number = shopping.details()["number"]
    assert number in shopping.labels() and len(number) == len("LY-4K7-M2P")
    shopping.tap("J'ai terminé")
    assert shopping.scene == "attract" and shopping.state()["session"]["cart"] == []


def test_are_you_still_there_shows_a_countdown_that_empties(shopping: Pilot) -> None:
    shopping.advance(90.5)
    assert shopping.scene == "still_there"

    def bar() -> dict[str, object]:
        tree = shopping.request("tree")["displays"]["terminal"]["widgets"]
        return next(w for w in tree if w["role"] == "progressbar")

    first = bar()
    assert "20" in shopping.labels() and "20\u00a0s" in str(first["label"])
    shopping.advance(10)
    assert "10" in shopping.labels() and "10\u00a0s" in str(bar()["label"])
    shot = shopping.app.display().screen.surface
    x, y, w, h = first["bounds"]  # the bar's left half is filled, its right half is the empty track
    theme = shopping.app.display().screen.theme
    assert shot.get_at((x + w // 4, y + h // 2))[:3] == theme.color("accent")[:3]
    assert shot.get_at((x + w * 3 // 4, y + h // 2))[:3] == theme.color("divider")[:3]
    shopping.advance(11)
    assert shopping.scene == "attract"


@pytest.fixture
def fleet_pilot(tmp_path: Path, broker: Broker) -> Iterator[Pilot]:
    pilot = Pilot(load_config(write_config(tmp_path, fleet_config_text(broker.port))))
    pilot.start_devices()
    yield pilot
    pilot.close()


@pytest.mark.slow
@pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto")
def test_an_adviser_on_the_way_holds_the_session_and_can_be_cancelled(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, "kiosk/lyon-01/staff")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    try:
        fleet_pilot.scan("2001000001019")
        wait_connected(fleet_pilot)
        fleet_pilot.tap("Appeler un conseiller")
        observer.wait_for(lambda t, b: b.get("type") == "adviser", step=step)
        assert fleet_pilot.scene == "adviser_coming"
        fleet_pilot.advance(300)  # five minutes without a touch: the shopper waits, so does the session
        assert fleet_pilot.scene == "adviser_coming" and fleet_pilot.app.display().session.started
        fleet_pilot.tap("Annuler l'appel")
        cancelled, _ = observer.wait_for(lambda t, b: b.get("type") == "adviser_cancelled", step=step)
        assert cancelled["display"] == "terminal" and cancelled["location"] == "Entrance"
        assert fleet_pilot.scene == "product"
        fleet_pilot.advance(111)  # no adviser coming: the usual timeout again
        assert fleet_pilot.scene == "attract"
    finally:
        observer.close()
