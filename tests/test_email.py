"""Email through the outbox to a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot, PilotError
from tests.conftest import DEFAULT_CONFIG, write_config

ADDRESS = "camille.martin@example.org"


class Inbox:
    """Collects what the SMTP server receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def start_smtp(smtp_port: int) -> Iterator[Callable[[], Inbox]]:
    controllers: list[Controller] = []

    def start() -> Inbox:
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


def mail_pilot(folder: Path, smtp_port: int) -> Pilot:
    text = DEFAULT_CONFIG.read_text().replace('host = ""', f'host = "127.0.0.1"\nport = {smtp_port}\n'
                                              f'security = "none"\nsender = "Sentier <kiosk@sentier.example>"')
    pilot = Pilot(load_config(write_config(folder, text)))
    pilot.start_devices()
    return pilot


def share_by_email(pilot: Pilot, consent: bool = True) -> None:
    for code in ("2001000001019", "2001000001026"):
        pilot.scan(code)
        pilot.tap("Dans le comparateur")
    pilot.tap("Comparer (2)")
    pilot.tap("Envoyer sur mon téléphone")
    pilot.tap("Me l'envoyer par e-mail")
    pilot.type(ADDRESS)
    if consent:
        pilot.tap("J'accepte de recevoir cet e-mail (obligatoire)")
        pilot.tap("Envoyer")


def wait_for(condition: Callable[[], bool], timeout: float, pilot: Pilot | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        if pilot is not None:
            pilot.app.step(block=False)  # let the app take in what its threads posted
        time.sleep(0.05)


def test_the_email_arrives_with_text_and_html_and_the_address_is_then_erased(
        tmp_path: Path, smtp_port: int, start_smtp: Callable[[], Inbox]) -> None:
    inbox = start_smtp()
    pilot = mail_pilot(tmp_path, smtp_port)
    try:
        share_by_email(pilot)
        assert pilot.scene == "share" and "boîte mail" in pilot.details()["toast"]
        wait_for(lambda: len(inbox.messages) == 1, 10)
        message = inbox.messages[0]
        assert inbox.recipients == [[ADDRESS]]
        assert message["Subject"] == "Votre sélection chez Sentier & Cie"
        plain = message.get_body(preferencelist=("plain",))
        rich = message.get_body(preferencelist=("html",))
        assert plain is not None and rich is not None
        for part in (plain.get_content(), rich.get_content()):
            assert "Vélo de route Alto 520" in part and "Vélo de route Alto 900 Carbone" in part
            assert "#1." in part  # the share link
        wait_for(lambda: pilot.app.shop.outbox.counts()["sent"] == 1, 5)
        assert ADDRESS.encode() not in (tmp_path / "outbox.db").read_bytes()
    finally:
        pilot.close()


def test_nothing_is_sent_without_consent(tmp_path: Path, smtp_port: int, start_smtp: Callable[[], Inbox]) -> None:
    inbox = start_smtp()
    pilot = mail_pilot(tmp_path, smtp_port)
    try:
        share_by_email(pilot, consent=False)
        details = pilot.details()
        assert (details["scene"], details["valid"], details["consent"], details["marketing"]) == (
            "email", True, False, False)  # the marketing box starts unticked
        send = next(w for w in pilot.request("tree")["displays"]["terminal"]["widgets"] if w["label"] == "Envoyer")
        assert send["enabled"] is False
        with pytest.raises(PilotError):
            pilot.tap("Envoyer")
        time.sleep(0.5)
        assert inbox.messages == [] and pilot.app.shop.outbox.counts()["pending"] == 0
    finally:
        pilot.close()


@pytest.mark.slow  # a server down, a restart, retries: CI runs it
def test_with_the_server_down_the_email_goes_out_later_even_across_a_restart(
        tmp_path: Path, smtp_port: int, start_smtp: Callable[[], Inbox]) -> None:
    first = mail_pilot(tmp_path, smtp_port)
    share_by_email(first)
    wait_for(lambda: first.details()["devices"].get("mail server") is False, 10, first)
    assert first.app.shop.outbox.counts()["pending"] == 1
    first.close()  # the kiosk stops with the email still waiting

    inbox = start_smtp()
    second = mail_pilot(tmp_path, smtp_port)
    try:
        wait_for(lambda: len(inbox.messages) == 1, 10)
        assert inbox.recipients == [[ADDRESS]]
    finally:
        second.close()


def test_an_order_emails_the_shopper_and_the_store(tmp_path: Path, smtp_port: int,
                                                   start_smtp: Callable[[], Inbox]) -> None:
    inbox = start_smtp()
    text = DEFAULT_CONFIG.read_text().replace('host = ""', f'host = "127.0.0.1"\nport = {smtp_port}\n'
                                              f'security = "none"\nsender = "Sentier <kiosk@sentier.example>"')
    text = text.replace('# store_email = "commandes@sentier.example"', 'store_email = "commandes@sentier.example"')
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    pilot.start_devices()
    try:
        pilot.tap(x=540, y=960)
        pilot.scan("2001000001156")
        pilot.tap("43")
        pilot.tap("Ajouter au panier")
        pilot.tap("Panier (1)")
        pilot.tap("Commander")
        pilot.type(ADDRESS)
        for label in ("Suivant", "Retrait au magasin", "Confirmer la commande"):
            pilot.tap(label)
        order, number = pilot.details()["order"], pilot.details()["number"]
        assert number in pilot.labels()  # the number read out at the till: "LY-4K7-M2P"
        assert "Une confirmation arrive" in " ".join(pilot.labels())
        deadline = time.monotonic() + 10
        while len(inbox.messages) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        by_recipient = {tuple(r): m for r, m in zip(inbox.recipients, inbox.messages, strict=True)}
        shopper = by_recipient[(ADDRESS,)]
        assert number in shopper["Subject"]
        plain = shopper.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "Racer Carbon Pro (Taille 43)" in plain and "229,00" in plain, "the size said as a size"
        assert "aujourd'hui à 12:00" in plain and f"https://sentier.example/orders/{order}" in plain
        store = by_recipient[("commandes@sentier.example",)]
        assert "Nouvelle commande" in store["Subject"] and ADDRESS in store.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    finally:
        pilot.close()


def test_the_email_says_the_size_chosen_in_text_and_html(tmp_path: Path, smtp_port: int,
                                                         start_smtp: Callable[[], Inbox]) -> None:
    inbox = start_smtp()
    pilot = mail_pilot(tmp_path, smtp_port)
    try:
        pilot.scan("2001000001156")  # Racer Carbon Pro
        pilot.tap("42")
        pilot.tap("Dans le comparateur")
        pilot.scan("2001000001019")  # a road bike: no size
        pilot.tap("Dans le comparateur")
        pilot.tap("Comparer (2)")
        pilot.tap("Envoyer sur mon téléphone")
        pilot.tap("Me l'envoyer par e-mail")
        pilot.type(ADDRESS)
        pilot.tap("J'accepte de recevoir cet e-mail (obligatoire)")
        pilot.tap("Envoyer")
        wait_for(lambda: len(inbox.messages) == 1, 10)
        plain = inbox.messages[0].get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
        rich = inbox.messages[0].get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
        assert "Racer Carbon Pro (Taille 42):" in plain
        assert "Vélo de route Alto 520:" in plain, "nothing said for a product without a size"
        assert "Racer Carbon Pro</div><div style='font-size:14px;font-weight:bold;color:#1b1b1b'>Taille 42</div>" \
            in rich
    finally:
        pilot.close()
