"""What a scan or a card does on the terminal: members greeted, staff badges, devices shown to staff."""

from __future__ import annotations

import json

import pytest

from kiosk.core.messages import DeviceStatusChanged
from kiosk.testing.pilot import Pilot


def test_a_loyalty_card_greets_the_member_with_their_offers(pilot: Pilot) -> None:
    pilot.present_card("04a2b3c4d5e6f7", ("text:LOYALTY-1234",))
    assert pilot.scene == "welcome"
    labels = pilot.labels()
    assert "Bonjour Camille !" in labels and "1\u202f240 points" in labels
    assert pilot.details()["offers"][0] == "OFF-RUN-15"  # her favourite department first
    state = pilot.state()
    assert state["session"]["identified"] is True
    assert "Camille" not in json.dumps(state) and "1234" not in json.dumps(state)  # no personal data published
    pilot.tap("Commencer mes achats")
    assert pilot.scene == "home" and "Bonjour Camille !" in pilot.labels()


def test_not_me_signs_out_and_forgets_the_member(pilot: Pilot) -> None:
    pilot.scan("LOYALTY-5678")
    assert "Bonjour Hugo !" in pilot.labels()
    pilot.tap("Pas moi ? Déconnexion")
    assert pilot.scene == "attract"
    assert pilot.state()["session"]["identified"] is False
    assert pilot.app.display().session.member is None


def test_an_unknown_member_or_card_is_said_kindly(shopping: Pilot) -> None:
    shopping.scan("LOYALTY-0000")
    assert shopping.scene == "home" and "carte de fidélité" in shopping.details()["toast"]
    shopping.present_card("0102030405060708", ("uri:https://example.org/x",))
    assert "n'est pas une de nos cartes" in shopping.details()["toast"]


def test_the_session_end_forgets_the_member(pilot: Pilot) -> None:
    pilot.scan("LOYALTY-1234")
    pilot.advance(90 + 20 + 1)
    assert pilot.scene == "attract" and pilot.app.display().session.member is None


def test_a_staff_badge_opens_the_pin_pad_then_the_device_status(pilot: Pilot) -> None:
    pilot.app.handle_message(DeviceStatusChanged("scanner /dev/ttyACM0", False, "not found"))
    pilot.scan("STAFF-0042")
    assert pilot.scene == "pin_pad"
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance"
    pilot.tap("Voir les appareils")
    assert pilot.scene == "devices"
    labels = pilot.labels()
    assert "Déconnecté" in labels and "Lecteur de codes-barres · /dev/ttyACM0" in labels
    assert "Introuvable : vérifiez qu'il est branché" in labels, "in staff's words, in their language"
    pilot.app.handle_message(DeviceStatusChanged("scanner /dev/ttyACM0", True))
    pilot.advance(0.1)
    assert "Connecté" in pilot.labels()
    assert pilot.state()["displays"]["terminal"]["devices"]["scanner /dev/ttyACM0"] is True


@pytest.mark.slow  # five tries and the lock's time: CI runs it
def test_five_wrong_pins_lock_the_pad(pilot: Pilot) -> None:
    pilot.scan("STAFF-0042")
    for _ in range(5):
        for digit in "1111":
            pilot.tap(digit)
    assert "Clavier verrouillé" in pilot.labels()
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "pin_pad" and pilot.details()["locked"] is True
    pilot.advance(31)
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance"


def test_garbage_from_a_scanner_is_ignored(shopping: Pilot) -> None:
    reply = shopping.request("scan", data="\x01\x02garbage\x7f")
    assert reply["ignored"] is True and shopping.scene == "home" and shopping.details()["toast"] == ""
