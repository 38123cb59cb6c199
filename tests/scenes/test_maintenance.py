"""Staff on the spot: the hidden gesture, the maintenance menu and what it does."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pygame
import pytest

from kiosk.core.messages import Quit
from kiosk.testing.pilot import Pilot


def open_menu(pilot: Pilot, right: int = 1080) -> None:
    """Five quick taps in the top-right corner of a screen `right` pixels wide, then the PIN."""
    for _ in range(5):
        pilot.tap(x=right - 5, y=5)
    assert pilot.scene == "pin_pad"
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance"


def reload_from_menu(pilot: Pilot) -> None:
    """Tap "Reload": the import runs in a worker while the menu says so; run the loop until it ends."""
    pilot.tap("Recharger")
    if pilot.app.shop.importing:  # (an unchanged pack may be done before the next frame)
        assert pilot.details()["message"] == "Import du nouveau contenu…"
    deadline = time.monotonic() + 30
    while pilot.app.shop.importing:
        assert time.monotonic() < deadline, "the import did not end"
        pilot.advance(0.05)
        time.sleep(0.01)


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
    pilot.app.shop.outbox.add("email", {"to": "x@example.org", "subject": "s", "text": "t", "html": "h"}, 0.0)
    open_menu(pilot)
    assert pilot.details()["outbox"]["pending"] == 1
    assert "1 en attente, 0 bloqué(s), 0 envoyé(s)" in pilot.labels()
    pilot.tap("Exporter en CSV")
    exported = Path(pilot.details()["message"].split("Exporté dans ", 1)[1])
    text = exported.read_text()
    assert "email" in text and "pending" in text and "x@example.org" not in text  # no personal data
    pilot.tap("Relancer")
    assert "relancés" in pilot.details()["message"]


def test_content_reload_keeps_the_catalogue_when_nothing_changed(pilot: Pilot) -> None:
    open_menu(pilot)
    reload_from_menu(pilot)
    assert "Contenu rechargé" in pilot.details()["message"]
    assert pilot.scene == "maintenance" and pilot.app.shop.catalog.product_count() == 66


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


def test_settings_change_the_next_session_and_survive_a_restart(pilot: Pilot, config) -> None:
    open_menu(pilot)
    pilot.tap("Modifier les réglages")
    pilot.tap("Les visites commencent en English")
    pilot.tap("120 s")
    assert pilot.details()["default_language"] == "en" and pilot.details()["idle_timeout_s"] == 120
    pilot.app.display().end_session()
    assert pilot.state()["session"]["language"] == "en"
    pilot.tap(x=540, y=960)
    pilot.advance(100)
    assert pilot.scene == "home", "the session now lasts 120 s without a touch"
    pilot.advance(25)
    assert pilot.scene == "still_there"
    pilot.close()
    again = Pilot(config, "terminal")
    try:
        assert again.state()["session"]["language"] == "en"
    finally:
        again.close()


def test_the_shop_window_can_be_closed_from_the_menu(tmp_path: Path) -> None:
    from kiosk.config import load_config
    from tests.conftest import write_config

    both = Pilot(load_config(write_config(tmp_path)))  # the terminal and the window, one process
    try:
        open_menu(both)
        both.tap("Modifier les réglages")
        both.tap("Fermé")
        window = both.app.display("window").state()
        assert window["open"] is False and window["status"] == "Fermé"
        both.tap("Suivre les horaires")
        assert both.app.display("window").state()["open"] is True
    finally:
        both.close()


def test_scan_and_card_tests_show_each_read_without_personal_data(pilot: Pilot) -> None:
    open_menu(pilot)
    pilot.tap("Test scanner")
    pilot.scan("2001000001019")
    pilot.scan("LOYALTY-12345678")
    pilot.scan("4006381333931")
    reads = pilot.details()["reads"]
    assert reads[2].endswith("Vélo de route Alto 520") and "non" not in reads[2]
    assert "12345678" not in " ".join(reads) and "carte de fidélité ••••••78" in reads[1]
    assert reads[0].endswith("inconnu ici")
    assert pilot.scene == "scan_test", "a scan during the test opens nothing"
    pilot.tap("Retour")
    pilot.tap("Test carte")
    pilot.present_card("04a2b3c4d5e6f7", ("text:LOYALTY-1234",))
    [read] = pilot.details()["reads"]
    assert "carte de fidélité ••34" in read and "04a2b3c4" not in read  # the reader's UID stays hashed


def test_staff_see_waiting_orders_and_mark_one_handled(pilot: Pilot, config) -> None:
    from tests.scenes.test_ordering import ROAD_BIKE, add_to_cart, checkout

    pilot.tap(x=540, y=960)
    add_to_cart(pilot, ROAD_BIKE)
    order = checkout(pilot, "0612345678")
    pilot.tap("J'ai terminé")
    open_menu(pilot)
    pilot.tap("Commandes (1)")
    assert pilot.details()["orders"] == [(order, "pending")]
    labels = pilot.labels()
    assert "+33612345678" in labels and any("1 × Vélo de route Alto 520" in label for label in labels)
    pilot.tap(f"Traitée : {order}")
    assert pilot.details()["orders"] == []
    from kiosk.core.orders.outbox import Outbox

    kept = Outbox(Path(config.path(config.outbox.path))).item(order)
    assert kept is not None and kept.state == "sent" and "contact" not in kept.payload


@pytest.mark.slow  # two imports and two starts: CI runs it
def test_content_rolls_back_to_the_previous_import_and_stays_there(tmp_path: Path) -> None:
    import json
    import shutil

    from kiosk.config import load_config
    from tests.conftest import REPO, write_config

    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    text = write_config(tmp_path).read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"')
    (tmp_path / "kiosk.toml").write_text(text)
    config = load_config(tmp_path / "kiosk.toml")
    pilot = Pilot(config, "terminal")
    try:
        manifest = json.loads((pack / "pack.json").read_text())
        manifest["version"] = "2026.12.1"
        (pack / "pack.json").write_text(json.dumps(manifest))
        open_menu(pilot)
        reload_from_menu(pilot)
        assert pilot.app.shop.catalog.version == "2026.12.1"
        pilot.tap("Revenir en arrière")
        assert pilot.app.shop.catalog.version == "2026.11.1"
        assert "Retour à la version 2026.11.1" in pilot.details()["message"]
    finally:
        pilot.close()
    again = Pilot(config, "terminal")
    try:
        assert again.app.shop.catalog.version == "2026.11.1", "staff's roll back holds across a restart"
    finally:
        again.close()


def test_the_test_page_covers_the_whole_screen(pilot: Pilot, tmp_path: Path) -> None:
    open_menu(pilot)
    pilot.tap("Afficher la mire")
    picture = pilot.picture()
    widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
    note = next(w for w in widgets if w["label"] == "Touchez n'importe où pour fermer la mire")  # how to leave
    said = pygame.Rect(note["bounds"]).inflate(80, 80)  # the words and their box
    lower = {picture.get_at((x, y))[:3] for x in range(5, 1080, 97) for y in range(1000, 1900, 89)
             if not said.collidepoint(x, y)}
    assert lower <= {(0, 0, 0), (128, 128, 128)}, "only the grid on black below the bars, none of the menu"
