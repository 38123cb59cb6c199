"""A real Mosquitto broker on loopback, and head office as an MQTT 5 client, for the fleet tests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.testing.broker import MOSQUITTO, Broker
from tests.inbox import Inbox

__all__ = ["BASE", "MOSQUITTO", "Broker", "Observer"]

BASE = "kiosk/lyon-01/terminal"


class Received(NamedTuple):
    """One MQTT message as head office got it: topic, JSON body, MQTT 5 properties."""

    topic: str
    body: Any
    properties: Any


def _body(payload: bytes) -> Any:
    """A message's JSON, or its bytes when it is not JSON (a test then sees what came instead of a dead thread)."""
    try:
        return json.loads(payload)
    except ValueError:
        return payload


class Observer:
    """Head office: an MQTT 5 client that keeps what it receives until a test takes it (none is dropped)."""

    def __init__(self, port: int, *topics: str, persistent: bool = False) -> None:
        self.inbox: Inbox[Received] = Inbox()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="head-office" if persistent else "",
                                  protocol=mqtt.MQTTv5)
        self.client.on_message = lambda c, u, m: self.inbox.put(Received(m.topic, _body(m.payload), m.properties))
        self.client.reconnect_delay_set(0.2, 1)
        properties = None
        if persistent:  # the broker keeps the subscriptions and queues messages across its restart
            properties = Properties(PacketTypes.CONNECT)
            properties.SessionExpiryInterval = 3600
        self.client.on_connect = lambda c, u, f, r, p: [c.subscribe(topic, qos=1) for topic in topics]
        self.client.connect("127.0.0.1", port, clean_start=not persistent, properties=properties)
        self.client.loop_start()
        time.sleep(0.2)  # subscribed before the test goes on

    def wait_for(self, accept: Callable[[str, dict[str, Any]], bool], timeout: float = 10,
                 step: Callable[[], None] | None = None) -> tuple[dict[str, Any], Any]:
        """The first message (already come or coming) that `accept(topic, body)` takes: its body and properties."""
        message = self.inbox.take(lambda m: accept(m.topic, m.body), timeout, step)
        return message.body, message.properties

    def wait_for_all(self, accepts: dict[str, Callable[[str, dict[str, Any]], bool]], timeout: float = 10,
                     step: Callable[[], None] | None = None) -> dict[str, dict[str, Any]]:
        """One message for each named predicate, in any order: their bodies by name."""
        found = self.inbox.take_all({name: lambda m, a=accept: a(m.topic, m.body)
                                     for name, accept in accepts.items()}, timeout, step)
        return {name: message.body for name, message in found.items()}

    def reply_to(self, correlation: bytes, timeout: float = 10,
                 step: Callable[[], None] | None = None) -> dict[str, Any]:
        """The reply that carries this MQTT 5 correlation data."""
        return self.inbox.take(lambda m: getattr(m.properties, "CorrelationData", None) == correlation,
                               timeout, step, what=f"the reply to {correlation!r}").body

    def command(self, name: str, payload: bytes, correlation: bytes) -> None:
        properties = Properties(PacketTypes.PUBLISH)
        properties.ResponseTopic = "office/replies"
        properties.CorrelationData = correlation
        self.client.publish(f"{BASE}/cmd/{name}", payload, qos=1, properties=properties)

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()
