"""The fleet link against a real Mosquitto broker on loopback."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import KIOSK
from tests.mqtt import BASE, MOSQUITTO, Broker, Observer

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"),
              pytest.mark.slow]  # a real broker round trip in every test: CI runs them, the quick loop not


def fleet_config_text(port: int) -> str:
    return DEFAULT_CONFIG.read_text().replace('# host = "broker.sentier.example"',
                                              f'host = "127.0.0.1"\nport = {port}\ndevice = "terminal"\n'
                                              f'keepalive_s = 5\ntelemetry_s = 1')


def wait_connected(pilot: Pilot, connected: bool = True) -> None:
    """Run the app until its fleet link says it is connected (or, with False, that it lost the broker)."""
    deadline = time.monotonic() + 10
    while bool(pilot.details()["devices"].get("broker")) != connected:
        assert time.monotonic() < deadline, f"the fleet link did not become {'up' if connected else 'down'}"
        pilot.app.step(block=False)
        time.sleep(0.05)


@pytest.fixture
def fleet_pilot(tmp_path: Path, broker: Broker) -> Iterator[Pilot]:
    pilot = Pilot(load_config(write_config(tmp_path, fleet_config_text(broker.port))))
    pilot.start_devices()
    yield pilot
    pilot.close()


def test_status_online_then_the_last_will_after_a_crash(tmp_path: Path, broker: Broker) -> None:
    observer = Observer(broker.port, f"{BASE}/status")
    process = subprocess.Popen([*KIOSK, "--headless", "--config",
                                str(write_config(tmp_path, fleet_config_text(broker.port)))], cwd=REPO,
                               env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    try:
        observer.wait_for(lambda topic, body: body["state"] == "online")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=5)
        killed_at = time.monotonic()
        observer.wait_for(lambda topic, body: body["state"] == "offline", timeout=10)
        assert time.monotonic() - killed_at < 8
    finally:
        if process.poll() is None:
            process.kill()
        observer.close()


def test_commands_get_correlated_replies(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, "office/replies")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731 - the app takes commands on its loop
    try:
        wait_connected(fleet_pilot)
        observer.command("ping", json.dumps({"id": "p1"}).encode(), b"c-1")
        reply, properties = observer.wait_for(lambda t, b: b.get("command") == "ping", step=step)
        assert reply["ok"] and reply["id"] == "p1" and properties.CorrelationData == b"c-1"

        observer.command("show_message", json.dumps({"text": "Fermeture dans 10 minutes"}).encode(), b"c-2")
        observer.wait_for(lambda t, b: b.get("command") == "show_message", step=step)
        assert fleet_pilot.details()["toast"] == "Fermeture dans 10 minutes"

        observer.command("screenshot", b"{}", b"c-3")
        shot, _ = observer.wait_for(lambda t, b: b.get("command") == "screenshot", step=step)
        png = base64.b64decode(shot["png"])
        picture = pygame.image.load(io.BytesIO(png))
        assert picture.get_size() == (1080, 1920)

        for name, payload, expected in (("ping", b"{not json", "bad JSON"), ("launch_rockets", b"{}", "unknown"),
                                        ("ping", b"{" + b" " * 70000 + b"}", "too large"),
                                        ("set_closed_override", b'{"closed": "maybe"}', "true, false or null")):
            observer.command(name, payload, b"bad")
            error, _ = observer.wait_for(lambda t, b, n=name: b.get("command") == n and not b["ok"], step=step)
            assert expected in error["error"]
        assert fleet_pilot.scene == "attract"  # none of it crashed the kiosk
    finally:
        observer.close()


def test_telemetry_has_no_personal_data(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, f"{BASE}/telemetry")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    try:
        fleet_pilot.scan("LOYALTY-1234")
        sample, _ = observer.wait_for(lambda t, b: b["scenes"]["terminal"] == "welcome", step=step)
        expected = {"uptime_s", "frame_p99_ms", "rss_mb", "cpu_percent", "devices", "outbox", "content_version"}
        assert expected <= set(sample)
        assert "Camille" not in json.dumps(sample) and "1234" not in json.dumps(sample)
    finally:
        observer.close()


def test_call_an_adviser_reaches_the_staff_topic(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, "kiosk/lyon-01/staff")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    try:
        fleet_pilot.scan("2001000001019")
        wait_connected(fleet_pilot)
        fleet_pilot.tap("Appeler un conseiller")
        call, _ = observer.wait_for(lambda t, b: b.get("type") == "adviser", step=step)
        assert call["display"] == "terminal" and call["location"] == "Entrance" and "time" in call
        assert fleet_pilot.scene == "adviser_coming" and "Un conseiller arrive" in fleet_pilot.labels()
        fleet_pilot.tap("Continuer en attendant")
        fleet_pilot.scan("4006381333931")  # valid, but not sold here
        assert fleet_pilot.scene == "unknown_code"
        fleet_pilot.tap("Appeler un conseiller")
        call, _ = observer.wait_for(lambda t, b: b.get("reason") == "unknown code", step=step)
    finally:
        observer.close()


def test_a_new_order_alerts_staff_without_personal_data(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, "kiosk/lyon-01/staff")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    try:
        wait_connected(fleet_pilot)
        fleet_pilot.scan("2001000001019")
        fleet_pilot.tap("Ajouter au panier")
        for label in ("Panier (1)", "Commander"):
            fleet_pilot.tap(label)
        fleet_pilot.type("ada@example.org")
        for label in ("Suivant", "Retrait au magasin", "Confirmer la commande"):
            fleet_pilot.tap(label)
        alert, _ = observer.wait_for(lambda t, b: b.get("type") == "order", step=step)
        assert alert["order"] == fleet_pilot.details()["order"] and alert["total_cents"] == 89900
        assert alert["fulfilment"] == "collect" and alert["device"] == "terminal"
        assert "ada" not in json.dumps(alert)
    finally:
        observer.close()


def test_head_office_closes_the_shop_window_and_opens_it_again(fleet_pilot: Pilot, broker: Broker) -> None:
    observer = Observer(broker.port, "office/replies")
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    window = fleet_pilot.app.display("window")
    try:
        wait_connected(fleet_pilot)
        assert window.state()["open"] is True  # Friday 11:00 in Lyon
        observer.command("set_closed_override", b'{"closed": true}', b"c-9")
        reply, _ = observer.wait_for(lambda t, b: b.get("command") == "set_closed_override", step=step)
        assert reply["ok"] and reply["displays"] == ["window"]
        assert window.state()["open"] is False and window.state()["status"] == "Fermé"
        observer.command("set_closed_override", b'{"closed": null}', b"c-10")
        observer.wait_for(lambda t, b: b.get("command") == "set_closed_override" and b["closed"] is None, step=step)
        assert window.state()["open"] is True
    finally:
        observer.close()


def test_after_a_broker_restart_it_is_back_online_and_sends_what_waited(fleet_pilot: Pilot, broker: Broker) -> None:
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    wait_connected(fleet_pilot)
    observer = Observer(broker.port, f"{BASE}/status", f"{BASE}/events", persistent=True)
    time.sleep(0.3)
    broker.stop()
    wait_connected(fleet_pilot, connected=False)
    fleet_pilot.tap(x=540, y=960)  # a session starts while the broker is away: its event waits
    broker.start()
    try:
        observer.wait_for_all({"event": lambda topic, body: topic.endswith("/events") and
                               body.get("event") == "session_started",
                               "online": lambda topic, body: topic.endswith("/status") and body["state"] == "online"},
                              timeout=40, step=step)
    finally:
        observer.close()


def test_live_price_and_stock_changes_reach_the_screen(fleet_pilot: Pilot, broker: Broker) -> None:
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    wait_connected(fleet_pilot)
    deadline = time.monotonic() + 10
    fleet_pilot.scan("2001000001019")
    assert "899,00\xa0€" in fleet_pilot.labels()
    office = Observer(broker.port)
    try:
        office.client.publish("kiosk/lyon-01/catalog", b"{garbage", qos=1)
        office.client.publish("kiosk/lyon-01/catalog", json.dumps({"sku": "BIK-101", "price": "-3"}).encode(), qos=1)
        office.client.publish("kiosk/lyon-01/catalog", json.dumps({"sku": "BIK-101", "price": "749.00",
                                                                   "stock": 2}).encode(), qos=1)
        while "749,00\xa0€" not in fleet_pilot.labels():
            assert time.monotonic() < deadline + 10, "the new price did not show"
            step()
            time.sleep(0.05)
        assert "Plus que 2 en magasin" in fleet_pilot.labels()
        assert fleet_pilot.scene == "product"  # the garbage before it was ignored
    finally:
        office.close()


class OldBroker:
    """A broker that speaks MQTT 3.1.1 only: a byte-level front to mosquitto that refuses an MQTT 5
    CONNECT as a 3.1.1 broker does (CONNACK "unacceptable protocol version") and passes the rest on."""

    def __init__(self, upstream: int) -> None:
        self.upstream = upstream
        self.levels: list[int] = []  # the protocol level of each CONNECT seen
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        header = client.recv(1)
        length, shift, raw = 0, 0, b""
        while True:
            byte = client.recv(1)
            raw += byte
            length |= (byte[0] & 0x7F) << shift
            shift += 7
            if not byte[0] & 0x80:
                break
        body = b""
        while len(body) < length:
            body += client.recv(length - len(body))
        level = body[6]  # after the protocol name "MQTT" and its 2-byte length
        self.levels.append(level)
        if level == 5:
            client.sendall(b"\x20\x02\x00\x01")  # CONNACK: unacceptable protocol version
            client.close()
            return
        upstream = socket.create_connection(("127.0.0.1", self.upstream))
        upstream.sendall(header + raw + body)
        for source, target in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.server.close()


def test_a_broker_without_mqtt5_gets_mqtt311(tmp_path: Path, broker: Broker) -> None:
    old = OldBroker(broker.port)
    observer = Observer(broker.port, f"{BASE}/reply/#", f"{BASE}/status")
    pilot = Pilot(load_config(write_config(tmp_path, fleet_config_text(old.port))), "terminal")
    pilot.start_devices()
    step = lambda: pilot.app.step(block=False)  # noqa: E731
    try:
        wait_connected(pilot)
        assert old.levels[0] == 5 and old.levels[-1] == 4, "MQTT 5 first, then 3.1.1"
        observer.wait_for(lambda t, b: t.endswith("/status") and b.get("state") == "online", step=step)
        assert pilot.app.shop.fleet.protocol == "3.1.1"
        observer.client.publish(f"{BASE}/cmd/ping", json.dumps({"id": "old-1"}).encode(), qos=1)
        reply, _ = observer.wait_for(lambda t, b: t == f"{BASE}/reply/ping", step=step)
        assert reply["ok"] and reply["id"] == "old-1"
    finally:
        observer.close()
        pilot.close()
        old.close()
