"""Never lose an order: the kiosk is killed (SIGKILL) at random points while shoppers order and while
the outbox delivers; after restarts, each order a shopper saw confirmed reaches the backend exactly
once, and none whose "Confirm" was never tapped does."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from kiosk.automation.server import request
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.kiosk_process import start_kiosk
from tests.order_backend import OrderBackend

KILLS = 50
ROAD_BIKE = "2001000001019"


def kiosk_config(folder: Path, backend: OrderBackend) -> Path:
    text = DEFAULT_CONFIG.read_text().replace(
        '# base_url = "https://backend.sentier.example/kiosk/v1"', f'base_url = "{backend.url}"\ntimeout_s = 1')
    text = text.replace("[outbox]\n", "[outbox]\nfirst_retry_s = 0.2\nmax_retry_s = 1\n")
    return write_config(folder, text)


def start(config: Path, sock: Path) -> subprocess.Popen[bytes]:
    return start_kiosk(config, sock, "--display", "terminal", output=subprocess.DEVNULL)


def ask(sock: Path, **message: object) -> dict[str, object]:
    reply = request(sock, message, timeout=5)
    if not reply.get("ok"):
        raise RuntimeError(reply.get("error"))
    return reply


class Shopper:
    """Orders one road bike after another, noting which orders were confirmed on screen."""

    def __init__(self, sock: Path, first: int) -> None:
        self.sock = sock
        self.number = first
        self.confirm_tapped: list[str] = []  # emails whose "Confirm order" tap was sent
        self.confirmed: list[str] = []  # ... and the shopper saw "Order confirmed"

    def run(self) -> None:
        try:
            while True:
                self.order_one()
        except (OSError, RuntimeError, json.JSONDecodeError):
            return  # the kiosk was killed

    def order_one(self) -> None:
        sock = self.sock
        email = f"shopper{self.number}@example.org"
        self.number += 1
        ask(sock, cmd="tap", x=540, y=960)
        ask(sock, cmd="scan", data=ROAD_BIKE)
        ask(sock, cmd="tap", label="Ajouter au panier")
        ask(sock, cmd="tap", label="Panier (1)")
        ask(sock, cmd="tap", label="Commander")
        ask(sock, cmd="type", text=email)
        ask(sock, cmd="tap", label="Suivant")
        ask(sock, cmd="tap", label="Retrait au magasin")
        self.confirm_tapped.append(email)
        ask(sock, cmd="tap", label="Confirmer la commande")
        displays = ask(sock, cmd="state")["displays"]
        assert isinstance(displays, dict) and displays["terminal"]["scene"] == "order_confirmed"
        self.confirmed.append(email)
        ask(sock, cmd="tap", label="J'ai terminé")


@pytest.mark.e2e
@pytest.mark.slow
def test_confirmed_orders_reach_the_backend_exactly_once_across_sigkills(tmp_path: Path) -> None:
    backend = OrderBackend()
    rng = random.Random(20261122)
    config = kiosk_config(tmp_path, backend)
    sock = tmp_path / "kiosk.sock"
    tapped: list[str] = []
    confirmed: list[str] = []
    number = 0
    try:
        for kill in range(KILLS):
            process = start(config, sock)
            shopper = Shopper(sock, number)
            worker = threading.Thread(target=shopper.run)
            worker.start()
            time.sleep(rng.uniform(0.05, 1.5))  # somewhere in a checkout, or while the outbox delivers
            process.send_signal(signal.SIGKILL)
            process.wait()
            worker.join(timeout=10)
            tapped += shopper.confirm_tapped
            confirmed += shopper.confirmed
            number = shopper.number
            if kill % 10 == 9:  # the backend also goes away for a while, and comes back
                backend.mode = "error" if kill % 20 == 9 else "ok"
        backend.mode = "ok"
        process = start(config, sock)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            arrived = {body["contact"]["email"] for body in backend.orders.values()}
            if set(confirmed) <= arrived:
                break
            time.sleep(0.2)
        process.terminate()
        assert process.wait(timeout=10) == 0
    finally:
        backend.stop()

    by_email: dict[str, list[str]] = {}
    for key, body in backend.orders.items():
        by_email.setdefault(body["contact"]["email"], []).append(key)
    assert len(confirmed) >= 20, "the test must place enough orders to mean something"
    missing = [email for email in confirmed if email not in by_email]
    assert not missing, f"confirmed orders lost: {missing}"
    twice = {email: keys for email, keys in by_email.items() if len(keys) > 1}
    assert not twice, f"orders recorded twice: {twice}"
    never_confirmed = set(by_email) - set(tapped)
    assert not never_confirmed, f"orders reached the backend without the shopper confirming: {never_confirmed}"
    resent = len(backend.posts) - len(backend.orders)
    print(f"{KILLS} kills, {len(confirmed)} orders confirmed, {len(tapped) - len(confirmed)} killed between "
          f"'Confirm' and the reply ({len(set(tapped) & set(by_email)) - len(confirmed)} of them kept), "
          f"{resent} deliveries repeated after a kill and recognised by their key")
