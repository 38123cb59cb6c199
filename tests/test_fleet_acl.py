"""The fleet ACL template, loaded into a real Mosquitto: a device cannot command another nor read its events."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from tests.conftest import REPO
from tests.mqtt import MOSQUITTO

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
    acl += "\nuser lyon-01/window\ntopic write kiosk/lyon-01/staff\ntopic read kiosk/lyon-01/catalog\n"
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
