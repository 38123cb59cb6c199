"""A real Mosquitto broker on loopback, and head office as an MQTT 5 client, for the fleet tests."""

from __future__ import annotations

import json
import queue
import time
from collections.abc import Callable, Iterator
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.testing.broker import MOSQUITTO, Broker

__all__ = ["BASE", "MOSQUITTO", "Broker", "Observer"]

BASE = "kiosk/lyon-01/terminal"


class Observer:
    """Head office: an MQTT 5 client that records what it receives."""

    def __init__(self, port: int, *topics: str, persistent: bool = False) -> None:
        self.received: queue.Queue[tuple[str, Any, Any]] = queue.Queue()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="head-office" if persistent else "",
                                  protocol=mqtt.MQTTv5)
        self.client.on_message = lambda c, u, m: self.received.put((m.topic, m.payload, m.properties))
        self.client.reconnect_delay_set(0.2, 1)
        properties = None
        if persistent:  # the broker keeps the subscriptions and queues messages across its restart
            properties = Properties(PacketTypes.CONNECT)
            properties.SessionExpiryInterval = 3600
        self.client.on_connect = lambda c, u, f, r, p: [c.subscribe(topic, qos=1) for topic in topics]
        self.client.connect("127.0.0.1", port, clean_start=not persistent, properties=properties)
        self.client.loop_start()
        time.sleep(0.2)  # subscribed before the test goes on

    def messages(self, timeout: float, step: Callable[[], None] | None) -> Iterator[tuple[str, Any, Any]]:
        """What arrives (topic, JSON body, properties) until `timeout`; `step` runs the app meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            if step is not None:
                step()
            try:
                topic, payload, properties = self.received.get(timeout=0.05)
            except queue.Empty:
                assert time.monotonic() < deadline, "nothing came"
                continue
            yield topic, json.loads(payload), properties

    def wait_for(self, accept: Callable[[str, dict[str, Any]], bool], timeout: float = 10,
                 step: Callable[[], None] | None = None) -> tuple[dict[str, Any], Any]:
        for topic, body, properties in self.messages(timeout, step):
            if accept(topic, body):
                return body, properties
        raise AssertionError("unreachable")

    def reply_to(self, correlation: bytes, timeout: float = 10,
                 step: Callable[[], None] | None = None) -> dict[str, Any]:
        """The reply that carries this MQTT 5 correlation data."""
        for _, body, properties in self.messages(timeout, step):
            if getattr(properties, "CorrelationData", None) == correlation:
                return body
        raise AssertionError("unreachable")

    def command(self, name: str, payload: bytes, correlation: bytes) -> None:
        properties = Properties(PacketTypes.PUBLISH)
        properties.ResponseTopic = "office/replies"
        properties.CorrelationData = correlation
        self.client.publish(f"{BASE}/cmd/{name}", payload, qos=1, properties=properties)

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()
