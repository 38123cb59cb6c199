"""Head office's kiosk-fleet against whatever a device can publish on its own topics, through a real
Mosquitto: a status nested 100,000 deep, one of 10 MB, long fields and an unreadable reply. Its MQTT
thread lives on and the rest of the fleet is still listed."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import paho.mqtt.client as mqtt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.fleet_cli import FIELD_CHARS, Fleet, cut
from kiosk.fleet_cli import main as fleet_main
from tests.mqtt import MOSQUITTO, Broker

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"), pytest.mark.slow]
NESTED = b'{"state": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
HUGE = json.dumps({"state": "online", "time": "x" * 10_000_000}).encode()
LONG = json.dumps({"state": "online " * 50, "time": "2026-12-02T10:00:00+00:00\ud800"}).encode()  # no terminal
# prints a lone surrogate, which JSON allows


def device(port: int, name: str) -> mqtt.Client:
    """A device of store lyon-01 (a raw MQTT client: it publishes what it likes on its own topics)."""
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"device-{name}", protocol=mqtt.MQTTv5)
    client.connect("127.0.0.1", port)
    client.loop_start()
    return client


@pytest.fixture
def hostile_fleet(broker: Broker) -> Iterator[dict[str, mqtt.Client]]:
    devices = {name: device(broker.port, name) for name in ("nested", "huge", "long", "good")}
    statuses = {"nested": NESTED, "huge": HUGE, "long": LONG,
                "good": json.dumps({"state": "online", "time": "2026-12-02T10:00:00+00:00"}).encode()}
    for name, payload in statuses.items():
        devices[name].publish(f"kiosk/lyon-01/{name}/status", payload, qos=1, retain=True).wait_for_publish(30)
    devices["long"].publish("kiosk/lyon-01/long/telemetry", b'{"uptime_s": ' + b"9" * 4000 + b"}", qos=1,
                            retain=True).wait_for_publish(5)  # a number too long for a listing
    yield devices
    for client in devices.values():
        client.loop_stop()
        client.disconnect()


def test_the_fleet_is_listed_whatever_its_devices_publish(broker: Broker, hostile_fleet: dict[str, mqtt.Client],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = fleet_main(["--host", "127.0.0.1", "--port", str(broker.port), "--json", "--wait", "3", "list"])
    listed = {row["device"]: row for row in json.loads(capsys.readouterr().out)}
    assert code == 0 and set(listed) == {"nested", "huge", "long", "good"}
    assert listed["good"]["state"] == "online" and listed["good"]["since"] == "2026-12-02T10:00:00+00:00"
    assert listed["nested"]["state"] == listed["huge"]["state"] == "unreadable"
    assert listed["long"]["state"].startswith("online online") and listed["long"]["state"].endswith("…")
    assert listed["long"]["since"] == "2026-12-02T10:00:00+00:00?", "printable"
    assert all(len(str(value)) <= FIELD_CHARS for row in listed.values() for value in row.values())

    fleet_main(["--host", "127.0.0.1", "--port", str(broker.port), "--wait", "3", "list"])  # the table too
    table = capsys.readouterr().out
    assert max(len(line) for line in table.splitlines()) < 20 * FIELD_CHARS and "good" in table


def test_its_network_thread_lives_on_and_an_unreadable_reply_is_said(broker: Broker,
                                                                    hostile_fleet: dict[str, mqtt.Client]) -> None:
    fleet = Fleet("127.0.0.1", broker.port, "kiosk")
    try:
        assert {d.device for d in fleet.survey(wait_s=3)} == {"nested", "huge", "long", "good"}
        assert fleet.client._thread is not None and fleet.client._thread.is_alive()

        def answer(client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
            properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
            properties.CorrelationData = message.properties.CorrelationData
            client.publish(message.properties.ResponseTopic, NESTED, qos=1, properties=properties)

        nested = hostile_fleet["nested"]
        nested.on_message = answer
        nested.subscribe("kiosk/lyon-01/nested/cmd/+", qos=1)
        time.sleep(0.3)
        correlation = fleet.send("lyon-01", "nested", "ping", {})
        reply = fleet.wait({correlation: ("lyon-01", "nested")}, 10)[("lyon-01", "nested")]
        assert reply is not None and reply["ok"] is False and "unreadable reply" in reply["error"]

        hostile_fleet["good"].publish("kiosk/lyon-01/good/status", b'{"state": "offline"}', qos=1).wait_for_publish(5)
        deadline = time.monotonic() + 5
        while fleet.devices[("lyon-01", "good")].status.get("state") != "offline":
            assert time.monotonic() < deadline, "head office stopped hearing the fleet"
            time.sleep(0.05)
        assert fleet.client._thread.is_alive()
    finally:
        fleet.close()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**60, max_value=10**60) | st.floats() | st.text(max_size=80),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
payloads = (st.binary(max_size=200)
            | json_values.map(lambda v: json.dumps(v).encode())
            | st.dictionaries(st.sampled_from(["state", "time", "content_version", "uptime_s", "faults"]),
                              json_values, max_size=5).map(lambda v: json.dumps(v).encode())
            | st.sampled_from([b'{"state": 1e400}', b'{"state": NaN}', b'{"state": "' + b"9" * 5000 + b'"}',
                               b'{"uptime_s": ' + b"9" * 4000 + b"}", b"\xff\xfe", b'{"state": "\\ud800"}']))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(topic=st.sampled_from(["status", "telemetry"]), payload=payloads)
def test_whatever_a_device_publishes_the_fleet_is_listed(broker: Broker, hostile_fleet: dict[str, mqtt.Client],
                                                         topic: str, payload: bytes) -> None:
    fleet = Fleet("127.0.0.1", broker.port, "kiosk")
    try:
        hostile_fleet["long"].publish(f"kiosk/lyon-01/long/{topic}", payload, qos=1, retain=True).wait_for_publish(5)
        listed = {d.device: d.row() for d in fleet.survey(wait_s=0.3)}
        assert listed["good"]["state"] == "online", "the rest of the fleet is still listed"
        if topic == "status" and payload:  # it came (retained), and was read or said unreadable
            assert listed["long"]["state"] != cut("online " * 50)
        assert all(len(str(value)) <= FIELD_CHARS for row in listed.values() for value in row.values())
        json.dumps(list(listed.values()), ensure_ascii=False).encode()  # --json can print it
        assert fleet.client._thread is not None and fleet.client._thread.is_alive()
    finally:
        fleet.close()
