"""Staff on the spot: the hidden gesture, the maintenance menu and what it does."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.core.messages import Quit
from kiosk.pilot import Pilot


def open_menu(pilot: Pilot) -> None:
    for _ in range(5):
        pilot.tap(x=1075, y=5)  # five quick taps in the top-right corner
    assert pilot.scene == "pin_pad"
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance"


def test_five_taps_in_the_corner_open_the_pin_pad(pilot: Pilot) -> None:
    for _ in range(4):
        pilot.tap(x=1075, y=5)
    assert pilot.scene != "pin_pad"
    pilot.tap(x=1075, y=5)
    assert pilot.scene == "pin_pad"


def test_slow_or_scattered_taps_do_not(pilot: Pilot) -> None:
    pilot.tap(x=540, y=960)  # starts the session
    for _ in range(4):
        pilot.tap(x=1075, y=5)
        pilot.advance(1.0)
    pilot.tap(x=1075, y=5)
    assert pilot.scene != "pin_pad"


def test_the_menu_shows_the_outbox_and_exports_it(pilot: Pilot) -> None:
    pilot.app.shop.queue("email", {"to": "x@example.org", "subject": "s", "text": "t", "html": "h"}, 0.0)
    open_menu(pilot)
    assert pilot.details()["outbox"]["pending"] == 1
    assert "1 en attente, 0 bloqué(s), 0 envoyé(s)" in pilot.labels()
    pilot.tap("Exporter en CSV")
    exported = Path(pilot.details()["message"].split("Exporté dans ", 1)[1])
    text = exported.read_text()
    assert "email" in text and "pending" in text and "x@example.org" not in text  # no personal data
    pilot.tap("Réessayer maintenant")
    assert "relancés" in pilot.details()["message"]


def test_content_reload_keeps_the_catalogue_when_nothing_changed(pilot: Pilot) -> None:
    open_menu(pilot)
    pilot.tap("Recharger")
    assert "Contenu rechargé" in pilot.details()["message"]
    assert pilot.app.shop.catalog.product_count() == 66


def test_test_page_and_exit(pilot: Pilot) -> None:
    open_menu(pilot)
    pilot.tap("Afficher la mire")
    assert pilot.scene == "test_page"
    pilot.tap(x=540, y=960)
    assert pilot.scene == "maintenance"
    pilot.tap("Quitter la borne")
    assert any(isinstance(m, Quit) for m in list(pilot.app.messages.queue)) or not pilot.app.running


def test_the_log_shows_recent_lines_without_personal_data(pilot: Pilot) -> None:
    pilot.scan("\x01\x02")  # garbage: ignored, and nothing is logged about its content
    pilot.scan("LOYALTY-1234")  # a member: their number and name are never logged
    logging.getLogger("kiosk.test").warning("printer out of paper")
    open_menu(pilot)
    pilot.tap("Afficher le journal")
    labels = pilot.labels()
    assert any("printer out of paper" in label for label in labels)
    assert not any("1234" in label or "Camille" in label for label in labels)
