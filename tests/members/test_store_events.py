"""Store events from the pack: the places left shown, a sign-up at the kiosk (a name, an email or a phone
number, explicit consent) through the outbox to `POST /events/{id}/signups` on a real HTTP backend, and
nothing of the shopper kept once it is delivered."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.members.member_backend import MemberBackend

WORKSHOP = "Atelier : réparer sa crevaison"  # weekly on Wednesday, 8 places, 7 taken


@pytest.fixture
def backend() -> Iterator[MemberBackend]:
    server = MemberBackend()
    yield server
    server.stop()


@pytest.fixture
def kiosk(tmp_path: Path, backend: MemberBackend) -> Iterator[Pilot]:
    text = DEFAULT_CONFIG.read_text().replace('# base_url = "https://backend.sentier.example/kiosk/v1"',
                                              f'base_url = "{backend.url}"\ntimeout_s = 2')
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    pilot.start_devices()
    yield pilot
    pilot.close()


def test_the_events_to_come_show_their_places_left(shopping: Pilot) -> None:
    shopping.tap("Ateliers, sorties et événements")
    assert shopping.scene == "events"
    assert shopping.details()["events"] == [("EV-RUN-SAT", 8), ("EV-BIKE-WED", 1), ("EV-TRAIL-TALK", 37)]
    labels = shopping.labels()
    assert "Sortie running du samedi" in labels and "demain à 09:30" in labels  # Friday 20 November, 10:00 UTC
    assert "8 places restantes" in labels and "1 place restante" in labels


def test_a_sign_up_needs_consent_and_reaches_the_backend_through_the_outbox(
        kiosk: Pilot, backend: MemberBackend, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.tap(x=540, y=960)
    kiosk.tap("Ateliers, sorties et événements")
    kiosk.tap(f"S'inscrire à {WORKSHOP}")
    assert kiosk.scene == "event_signup"
    kiosk.type("Camille")
    kiosk.tap("Suivant")
    kiosk.type("camille@example.org")
    assert kiosk.details()["ready"] is False  # no consent, no sign-up
    kiosk.tap("J'accepte d'être contacté(e) au sujet de cet événement uniquement (obligatoire)")
    kiosk.tap("S'inscrire")
    assert kiosk.scene == "events" and "Vous êtes inscrit(e)" in kiosk.details()["toast"]
    assert ("EV-BIKE-WED", 0) in kiosk.details()["events"] and "Complet" in kiosk.labels()

    deadline = time.monotonic() + 10
    while "EV-BIKE-WED" not in backend.signups and time.monotonic() < deadline:
        kiosk.app.step(block=False)
        time.sleep(0.02)
    [signup] = backend.signups["EV-BIKE-WED"]
    assert signup["name"] == "Camille" and signup["contact"] == {"email": "camille@example.org"}
    assert signup["consent"] is True and signup["date"] == "2026-11-25"
    assert ("POST", "/v1/events/EV-BIKE-WED/signups") in backend.requests
    while any(item.state != "sent" for item in kiosk.app.shop.outbox.items()) and time.monotonic() < deadline:
        time.sleep(0.02)
    [kept] = [item for item in kiosk.app.shop.outbox.items() if item.kind == "signup"]
    assert kept.state == "sent" and "name" not in kept.payload and "contact" not in kept.payload
    assert kept.payload["event"] == "EV-BIKE-WED"  # the place stays counted
    assert "camille@example.org" not in caplog.text and "Camille" not in caplog.text


def test_a_full_event_takes_no_sign_up(kiosk: Pilot) -> None:
    kiosk.tap(x=540, y=960)
    kiosk.tap("Ateliers, sorties et événements")
    display = kiosk.app.display()
    event = next(e for e in kiosk.app.shop.catalog.events() if e.id == "EV-BIKE-WED")
    start = datetime(2026, 11, 25, 18, 30)
    assert display.ctx.actions.sign_up(event, start, "Ana", "", "+33612345678", True) is True
    assert display.ctx.actions.sign_up(event, start, "Léo", "", "+33612345679", True) is False  # full
    assert display.ctx.actions.sign_up(event, start, "Léo", "", "+33612345679", False) is False
