"""Mail from the kiosk (its own process) to a real SMTP server that greylists and refuses: a temporary
refusal is retried, a permanent one held for staff, no address is kept in an error, and nothing
personal stays in the outbox once an email is sent."""

from __future__ import annotations

import json
import queue
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from kiosk.automation.server import request
from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.core.orders.outbox import Outbox
from kiosk.services.mail import MailSender
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.kiosk_process import start_kiosk
from tests.test_email import Inbox, free_port

SHOPPER = "camille.martin@example.org"
STORE = "commandes@sentier.example"
REFUSED = "nobody@nowhere.example"


class FussyInbox(Inbox):
    """Greylists the store's address once (450), refuses REFUSED for good (550), takes the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.greylisted: list[str] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address == REFUSED:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address == STORE and address not in self.greylisted:
            self.greylisted.append(address)
            return f"450 4.2.0 <{address}>: Recipient address rejected: Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def ask(sock: Path, **message: Any) -> dict[str, Any]:
    reply = request(sock, message)
    assert reply["ok"], reply
    return reply


def emails(outbox: Path) -> list[tuple[str, dict[str, Any], str]]:
    with sqlite3.connect(outbox) as db:
        rows = db.execute("SELECT state, payload, last_error FROM outbox WHERE kind = 'email'").fetchall()
    return [(state, json.loads(payload), error) for state, payload, error in rows]


@pytest.fixture
def fussy() -> Iterator[tuple[FussyInbox, str]]:
    """The fussy SMTP server on loopback, and the demo config's text pointed at it."""
    port = free_port()
    inbox = FussyInbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    yield inbox, DEFAULT_CONFIG.read_text().replace('host = ""', f'host = "127.0.0.1"\nport = {port}\n'
                                                    'security = "none"\nsender = "Sentier <kiosk@sentier.example>"')
    server.stop()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.mark.e2e
@pytest.mark.slow  # a real SMTP server's retries, seconds: CI runs it
def test_greylisting_is_retried_refusals_are_held_and_nothing_personal_stays(
        tmp_path: Path, fussy: tuple[FussyInbox, str]) -> None:
    inbox, text = fussy
    text = text.replace('# store_email = "commandes@sentier.example"', f'store_email = "{STORE}"')
    text = text.replace("[outbox]\n", "[outbox]\nfirst_retry_s = 0.2\nmax_retry_s = 1\n")
    sock = tmp_path / "kiosk.sock"
    process = start_kiosk(write_config(tmp_path, text), sock, "--display", "terminal", output=subprocess.DEVNULL)
    outbox = tmp_path / "outbox.db"
    try:
        ask(sock, cmd="tap", x=540, y=960)
        ask(sock, cmd="scan", data="2001000001019")
        for label in ("Ajouter au panier", "Panier (1)", "Commander"):
            ask(sock, cmd="tap", label=label)
        ask(sock, cmd="type", text=SHOPPER)
        for label in ("Suivant", "Retrait au magasin", "Confirmer la commande", "J'ai terminé"):
            ask(sock, cmd="tap", label=label)
        wait_for(lambda: inbox.greylisted == [STORE], "the store's address was greylisted")
        wait_for(lambda: len(inbox.messages) == 2, "the greylisted email was retried and delivered")
        assert sorted(r[0] for r in inbox.recipients) == sorted([SHOPPER, STORE])
        wait_for(lambda: [state for state, _, _ in emails(outbox)] == ["sent", "sent"], "both marked sent")
        for _, payload, _ in emails(outbox):
            assert set(payload) & {"to", "text", "html"} == set(), "no address and no body once sent"
            assert SHOPPER not in json.dumps(payload)

        ask(sock, cmd="tap", x=540, y=960)  # a comparison emailed to an address the server refuses for good
        for code in ("2001000001019", "2001000001026"):
            ask(sock, cmd="scan", data=code)
            ask(sock, cmd="tap", label="Dans le comparateur")
        for label in ("Comparer (2)", "Envoyer sur mon téléphone", "Me l'envoyer par e-mail"):
            ask(sock, cmd="tap", label=label)
        ask(sock, cmd="type", text=REFUSED)
        ask(sock, cmd="tap", label="J'accepte de recevoir cet e-mail (obligatoire)")
        ask(sock, cmd="tap", label="Envoyer")
        wait_for(lambda: "held" in [state for state, _, _ in emails(outbox)], "a 550 holds the email for staff")
        held = next(row for row in emails(outbox) if row[0] == "held")
        assert "550" in held[2] and REFUSED not in held[2] and "nowhere" not in held[2]
        assert all(SHOPPER not in error and STORE not in error for _, _, error in emails(outbox))
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0


def test_the_retry_back_off_follows_the_injected_clock(tmp_path: Path, fussy: tuple[FussyInbox, str]) -> None:
    """Back-off is tested by moving a clock, not by sleeping: a greylisted email waits on the clock."""
    inbox, text = fussy
    config = load_config(write_config(tmp_path, text))
    clock = ManualClock()
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.add("email", {"to": STORE, "subject": "s", "text": "t", "html": "<p>t</p>"}, clock.now().timestamp())
    sender = MailSender(config.mail, outbox.path, queue.Queue().put, (60.0, 600.0), clock)
    sender.start()
    try:
        wait_for(lambda: inbox.greylisted == [STORE], "greylisted at the first try")
        time.sleep(0.5)
        assert inbox.messages == [] and outbox.items()[0].state == "pending", "no retry before the clock moves"
        clock.advance(61)  # past the first back-off (30-60 s with jitter)
        sender.wake()
        wait_for(lambda: len(inbox.messages) == 1, "retried once the clock passed the back-off")
    finally:
        sender.stop()
        outbox.close()
