"""A command that arrives retained is never run, and said once; an empty payload (how MQTT clears a retained
message) is not a command. Against a real Mosquitto, with the kiosk in-process."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.mqtt import BASE, MOSQUITTO, Broker, Observer
from tests.test_fleet import fleet_config_text, wait_connected

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"),
              pytest.mark.slow]  # a real broker round trip in every test: CI runs them, the quick loop not


def start(tmp_path: Path, broker: Broker) -> Pilot:
    pilot = Pilot(load_config(write_config(tmp_path, fleet_config_text(broker.port))))
    pilot.start_devices()
    wait_connected(pilot)
    return pilot


@pytest.fixture
def office(broker: Broker) -> Iterator[Observer]:
    observer = Observer(broker.port, "office/replies", f"{BASE}/events", f"{BASE}/reply/#")
    yield observer
    observer.close()


def publish_retained(office: Observer, name: str, payload: bytes) -> None:
    properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
    properties.ResponseTopic = "office/replies"
    properties.CorrelationData = b"retained-" + name.encode()
    office.client.publish(f"{BASE}/cmd/{name}", payload, qos=1, retain=True,
                          properties=properties).wait_for_publish(5)


def drain(office: Observer, pilot: Pilot, seconds: float) -> list[tuple[str, dict[str, object]]]:
    """Everything that came, and comes within `seconds` while the app runs (taken: the inbox is empty after)."""
    received = office.inbox.rest(seconds, step=lambda: pilot.app.step(block=False))
    office.inbox.unclaimed.clear()
    return [(m.topic, m.body if isinstance(m.body, dict) else {"bytes": m.body}) for m in received]


def refusals(received: list[tuple[str, dict[str, object]]]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    replies = [body for topic, body in received if topic == "office/replies"]
    events = [body for topic, body in received if body.get("event") == "command_refused"]
    return replies, events


def test_a_retained_restart_is_not_run_and_said_once(tmp_path: Path, broker: Broker, office: Observer,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    pilot = start(tmp_path, broker)
    try:
        with caplog.at_level(logging.INFO, logger="kiosk.services.fleet_link"):
            publish_retained(office, "restart", b"{}")  # published while the kiosk listens
            replies, events = refusals(drain(office, pilot, 1.5))
            assert pilot.app.running, "the kiosk did not restart"
            assert len(replies) == 1 and replies[0]["ok"] is False and "retained" in str(replies[0]["error"])
            assert events == [{"event": "command_refused", "command": "restart", "reason": "retained",
                               "time": events[0]["time"]}]

            broker.stop()  # the kiosk comes back: the retained command comes with it, and is not said again
            broker.start()
            wait_connected(pilot, False)
            wait_connected(pilot)
            assert refusals(drain(office, pilot, 1.5)) == ([], [])
            assert pilot.app.running
        said = [r for r in caplog.records if "arrived retained" in r.getMessage()]
        assert len(said) == 1 and said[0].levelno == logging.WARNING
    finally:
        pilot.close()

    restarted = start(tmp_path, broker)  # the kiosk's process starts again: its session remembers
    try:
        assert refusals(drain(office, restarted, 1.5)) == ([], [])
        assert restarted.app.running
    finally:
        restarted.close()


def test_a_retained_command_waiting_before_the_kiosk_started_is_not_run(tmp_path: Path, broker: Broker,
                                                                        office: Observer) -> None:
    publish_retained(office, "restart", b'{"id": "r1"}')
    pilot = start(tmp_path, broker)
    try:
        replies, events = refusals(drain(office, pilot, 1.5))
        assert pilot.app.running
        assert [(r["ok"], r["id"]) for r in replies] == [(False, "r1")] and len(events) == 1
    finally:
        pilot.close()


def test_an_empty_payload_is_not_a_command(tmp_path: Path, broker: Broker, office: Observer,
                                           caplog: pytest.LogCaptureFixture) -> None:
    pilot = start(tmp_path, broker)
    try:
        publish_retained(office, "restart", b"{}")
        assert len(refusals(drain(office, pilot, 1.0))[0]) == 1
        with caplog.at_level(logging.INFO, logger="kiosk.services.fleet_link"):
            publish_retained(office, "restart", b"")  # head office clears it, as MQTT does
            office.command("restart", b"", b"empty")  # and an empty one, not retained
            received = drain(office, pilot, 1.5)
        assert pilot.app.running, "an empty payload restarted the kiosk"
        assert [topic for topic, _ in received] == [], "no reply, no event: it was not a command"
        assert sum("is not a command" in r.getMessage() for r in caplog.records) == 2

        publish_retained(office, "restart", b"{}")  # retained again after it was cleared: said again
        replies, events = refusals(drain(office, pilot, 1.5))
        assert len(replies) == 1 and len(events) == 1 and pilot.app.running
        office.command("ping", b"{}", b"still")
        assert office.reply_to(b"still", step=lambda: pilot.app.step(block=False))["ok"]
    finally:
        pilot.close()


def test_a_reply_is_never_sent_where_the_kiosk_listens(tmp_path: Path, broker: Broker) -> None:
    pilot = start(tmp_path, broker)
    watcher = Observer(broker.port, f"{BASE}/cmd/#", f"{BASE}/reply/#")
    try:
        properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
        properties.ResponseTopic = f"{BASE}/cmd/ping"  # its reply would come back to it as a command
        properties.CorrelationData = b"loop"
        watcher.client.publish(f"{BASE}/cmd/ping", b"{}", qos=1, properties=properties)
        received = drain(watcher, pilot, 1.5)
        assert [(topic, body.get("ok")) for topic, body in received] == [(f"{BASE}/cmd/ping", None),
                                                                         (f"{BASE}/reply/ping", True)]
    finally:
        watcher.close()
        pilot.close()
