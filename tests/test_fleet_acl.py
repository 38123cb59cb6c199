"""The shipped fleet ACL (config/mosquitto/acl.conf) loaded into a real Mosquitto with a login per device:
a device cannot command another nor read its events, and the whole MQTT contract (DESIGN §4) works under
it between real kiosks and head office's kiosk-fleet."""

from __future__ import annotations

import json
import os
import queue
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.automation.server import request
from kiosk.fleet_cli import main as fleet_main
from tests.conftest import REPO, write_config
from tests.inbox import Inbox
from tests.kiosk_process import start_kiosk
from tests.mqtt import MOSQUITTO
from tests.test_fleet import fleet_config_text

pytestmark = [pytest.mark.skipif(MOSQUITTO is None or shutil.which("mosquitto_passwd") is None,
                                 reason=".ci/run installs Debian's mosquitto"), pytest.mark.slow]
DEVICES = {"lyon-01/entrance": "pw-a", "lyon-01/window": "pw-b", "head-office": "pw-h"}


@pytest.fixture
def secured_broker(tmp_path: Path) -> Iterator[int]:
    passwords = tmp_path / "kiosk.passwd"
    for user, password in DEVICES.items():
        subprocess.run(["mosquitto_passwd", "-b", *(["-c"] if not passwords.exists() else []), str(passwords),
                        user, password], check=True, capture_output=True)
    acl = (REPO / "config" / "mosquitto" / "acl.conf").read_text()
    acl += "\n" + device_block(acl, "lyon-01/entrance", "lyon-01/window")
    (tmp_path / "acl.conf").write_text(acl)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    user = "user root\n" if os.geteuid() == 0 else ""
    (tmp_path / "mosquitto.conf").write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {passwords}\n"
        f"acl_file {tmp_path / 'acl.conf'}\n{user}")
    os.chmod(passwords, 0o600)
    process = subprocess.Popen([str(MOSQUITTO), "-c", str(tmp_path / "mosquitto.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 5
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=5)


def device_block(acl: str, template: str, user: str) -> str:
    """The ACL's per-device block, made for `user` from the shipped one of `template` as an installer would."""
    block = acl[acl.index(f"user {template}\n"):].split("\n\n")[0]
    store, new_store = template.split("/")[0], user.split("/")[0]
    return block.replace(f"user {template}", f"user {user}").replace(f"/{store}/", f"/{new_store}/") + "\n"


def client(port: int, user: str) -> tuple[mqtt.Client, queue.Queue[tuple[str, bytes]]]:
    received: queue.Queue[tuple[str, bytes]] = queue.Queue()
    connection = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=user.replace("/", "-"), protocol=mqtt.MQTTv5)
    connection.username_pw_set(user, DEVICES[user])
    connection.on_message = lambda c, u, m: received.put((m.topic, m.payload))
    connection.connect("127.0.0.1", port)
    connection.loop_start()
    return connection, received


def test_a_device_reaches_only_its_own_topics(secured_broker: int) -> None:
    entrance, entrance_inbox = client(secured_broker, "lyon-01/entrance")
    window, window_inbox = client(secured_broker, "lyon-01/window")
    office, office_inbox = client(secured_broker, "head-office")
    try:
        office.subscribe("kiosk/#", qos=1)
        window.subscribe("kiosk/lyon-01/window/cmd/#", qos=1)
        entrance.subscribe("kiosk/lyon-01/window/events", qos=1)  # B's events: not for A
        time.sleep(0.5)
        entrance.publish("kiosk/lyon-01/window/cmd/restart", b"{}", qos=1).wait_for_publish(2)
        entrance.publish("kiosk/lyon-01/entrance/events", b'{"event": "a"}', qos=1).wait_for_publish(2)
        window.publish("kiosk/lyon-01/window/events", b'{"event": "b"}', qos=1).wait_for_publish(2)
        office.publish("kiosk/lyon-01/window/cmd/ping", b"{}", qos=1).wait_for_publish(2)
        time.sleep(1.0)
        office_topics = set()
        while not office_inbox.empty():
            office_topics.add(office_inbox.get()[0])
        assert "kiosk/lyon-01/entrance/events" in office_topics  # A writes its own subtree
        assert "kiosk/lyon-01/window/events" in office_topics
        assert "kiosk/lyon-01/window/cmd/restart" not in office_topics  # A cannot command B
        assert [t for t, _ in list(window_inbox.queue)] == ["kiosk/lyon-01/window/cmd/ping"]  # only head office can
        assert entrance_inbox.empty()  # A cannot read B's events
    finally:
        for connection in (entrance, window, office):
            connection.loop_stop()
            connection.disconnect()


def kiosk_config(folder: Path, port: int, user: str) -> Path:
    """The demo store's config for device `user` ("store/device"), logging in as itself."""
    device = user.split("/")[1]
    text = fleet_config_text(port).replace('device = "terminal"',
                                           f'device = "{device}"\nusername = "{user}"\npassword = "{DEVICES[user]}"')
    folder.mkdir()
    return write_config(folder, text)


def head_office(port: int) -> tuple[mqtt.Client, Inbox[tuple[str, Any]]]:
    """Head office's login, subscribed to the whole fleet: what comes waits in an inbox (none dropped)."""
    inbox: Inbox[tuple[str, Any]] = Inbox()
    connection = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="head-office-observer", protocol=mqtt.MQTTv5)
    connection.username_pw_set("head-office", DEVICES["head-office"])
    connection.on_message = lambda c, u, m: inbox.put((m.topic, _body(m.payload)))
    connection.connect("127.0.0.1", port)
    connection.subscribe("kiosk/#", qos=1)
    connection.loop_start()
    return connection, inbox


def _body(payload: bytes) -> Any:
    try:
        return json.loads(payload)
    except ValueError:
        return payload


def wait_for(inbox: Inbox[tuple[str, Any]], accept: Callable[[str, dict[str, Any]], bool],
             timeout: float = 15) -> dict[str, Any]:
    """The first message (come or coming, in any order; the others stay) that `accept(topic, body)` takes."""
    _, body = inbox.take(lambda m: isinstance(m[1], dict) and accept(*m), timeout)
    return dict(body)


@pytest.mark.e2e
def test_the_mqtt_contract_works_under_the_shipped_acl(tmp_path: Path, secured_broker: int,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    office, inbox = head_office(secured_broker)
    kiosks = {user: start_kiosk(kiosk_config(tmp_path / user.replace("/", "-"), secured_broker, user),
                                tmp_path / f"{user.replace('/', '-')}.sock", "--display",
                                "terminal" if user.endswith("entrance") else "window", output=subprocess.DEVNULL)
              for user in ("lyon-01/entrance", "lyon-01/window")}
    entrance_socket = tmp_path / "lyon-01-entrance.sock"
    logins = ["--host", "127.0.0.1", "--port", str(secured_broker), "--username", "head-office",
              "--password", DEVICES["head-office"], "--json", "--wait", "1.5"]

    def fleet(*arguments: str) -> tuple[int, Any]:
        code = fleet_main([*logins, *arguments])
        return code, json.loads(capsys.readouterr().out)

    try:
        for device in ("entrance", "window"):  # status, retained, and telemetry
            wait_for(inbox, lambda t, b, d=device: t == f"kiosk/lyon-01/{d}/status" and b["state"] == "online")
            wait_for(inbox, lambda t, b, d=device: t == f"kiosk/lyon-01/{d}/telemetry")
        code, listed = fleet("list")
        assert code == 0 and {(row["device"], row["state"], row["content"]) for row in listed} == {
            ("entrance", "online", "2026.11.1"), ("window", "online", "2026.11.1")}

        code, replies = fleet("send", "lyon-01", "ping")  # commands in, correlated replies out
        assert code == 0 and sorted(r["device"] for r in replies if r["ok"] and r["pong"]) == ["entrance", "window"]
        code, shown = fleet("send", "lyon-01/window", "show_message", '{"text": "Fermeture dans 10 minutes"}')
        assert code == 0 and shown[0]["shown_on"] == ["window"]
        code, shot = fleet("screenshot", "lyon-01/entrance", str(tmp_path / "entrance.png"))
        assert code == 0 and shot["ok"] and (tmp_path / "entrance.png").read_bytes()[:4] == b"\x89PNG"

        assert request(entrance_socket, {"cmd": "scan", "data": "2001000001019"})["ok"]  # events
        wait_for(inbox, lambda t, b: t == "kiosk/lyon-01/entrance/events" and b.get("event") == "product_scanned")
        assert request(entrance_socket, {"cmd": "tap", "label": "Appeler un conseiller"})["ok"]  # the staff topic
        call = wait_for(inbox, lambda t, b: t == "kiosk/lyon-01/staff")
        assert call["type"] == "adviser" and call["display"] == "terminal"
        assert request(entrance_socket, {"cmd": "tap", "label": "Continuer en attendant"})["ok"]  # back to the product

        office.publish("kiosk/lyon-01/catalog", json.dumps({"sku": "BIK-101", "price": "749.00"}).encode(), qos=1)
        deadline = time.monotonic() + 10  # live prices
        while "749,00\xa0€" not in [w.get("label") for w in request(entrance_socket, {"cmd": "tree"})[
                "displays"]["terminal"]["widgets"]]:
            assert time.monotonic() < deadline, "the new price did not reach the screen"
            time.sleep(0.1)

        code, _ = fleet("publish-content", "lyon-01", "2026.12.1")  # the retained content version
        assert code == 0
        for device in ("entrance", "window"):
            wait_for(inbox, lambda t, b, d=device: t == f"kiosk/lyon-01/{d}/telemetry"
                     and b.get("content_offered") == "2026.12.1")

        kiosks["lyon-01/window"].kill()  # the last will, under its own login
        wait_for(inbox, lambda t, b: t == "kiosk/lyon-01/window/status" and b["state"] == "offline")
    finally:
        office.loop_stop()
        office.disconnect()
        for process in kiosks.values():
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=10)


def test_kiosk_fleet_says_why_it_cannot_work(secured_broker: int, capsys: pytest.CaptureFixture[str]) -> None:
    logins = ["--host", "127.0.0.1", "--port", str(secured_broker), "--username", "head-office"]
    with pytest.raises(SystemExit) as refused:
        fleet_main([*logins, "--password", "wrong", "list"])
    assert "refused the connection: Not authorized (check --username and --password)" in str(refused.value)
    os.environ["KIOSK_FLEET_PASSWORD"] = DEVICES["head-office"]  # not on the command line, where others see it
    try:
        assert fleet_main([*logins, "--json", "--wait", "0.2", "list"]) == 0
        assert json.loads(capsys.readouterr().out) == []
        with pytest.raises(SystemExit) as refused:
            fleet_main([*logins, "send", "lyon-01", "show_message", "{text: 1}"])
    finally:
        del os.environ["KIOSK_FLEET_PASSWORD"]
    assert refused.value.code == 2 and "'{text: 1}': not a JSON line" in capsys.readouterr().err
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nobody = probe.getsockname()[1]
    with pytest.raises(SystemExit) as refused:
        fleet_main(["--host", "127.0.0.1", "--port", str(nobody), "list"])
    assert f"cannot reach the broker 127.0.0.1:{nobody}" in str(refused.value)
