"""The fleet link (paho-mqtt 2.x): head office sees every device and acts on it (DESIGN §4 topics).

    {prefix}/{store}/{device}/status      retained online/offline, with a last will
    {prefix}/{store}/{device}/telemetry   every N seconds
    {prefix}/{store}/{device}/events      analytics, never personal data
    {prefix}/{store}/{device}/cmd/{name}  commands in; replies on the MQTT 5 response topic, else .../reply/{name}
    {prefix}/{store}/staff                staff calls
    {prefix}/{store}/content              retained: the content version the store should run

paho's network thread only turns messages into CommandReceived posts; commands are carried out on
the main loop, which calls reply(). The session is persistent, subscriptions are renewed on every
connection, and events published while offline wait in a bounded buffer.

A command that arrives retained is never run (a retained `restart` would restart the kiosk each time
it came back): it is refused once, in the log, the reply and a `command_refused` event. An empty
payload is how MQTT clears a retained message, not a command.
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
import threading
from collections import deque
from collections.abc import Callable
from datetime import UTC
from decimal import Decimal
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.subscribeoptions import SubscribeOptions

from kiosk.core.hours.clock import Clock, SystemClock
from kiosk.core.json_input import parse_json_object
from kiosk.core.messages import CatalogChanged, CommandReceived, ContentOffered, DeviceStatusChanged, Message

log = logging.getLogger(__name__)
MAX_COMMAND_BYTES = 64 * 1024
EVENT_BUFFER = 1000
RETAINED = ("arrived retained: not run (a retained command would run again at every reconnection); "
            "clear it with an empty retained message on its topic")
WATCH_EVERY_S = 1.0  # how often the main loop checks that paho's network thread lives
RETAINED_REMEMBERED = 256  # retained commands already refused, not refused (and said) again


def no_delay(client: mqtt.Client) -> None:
    """Send small messages at once (paho leaves Nagle's algorithm on: a command's reply waited ~40 ms
    for the broker's delayed acknowledgement)."""
    sock = client.socket()
    if isinstance(sock, socket.socket) and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def parse_content_offer(payload: bytes | bytearray) -> ContentOffered | None:
    """{"version": "2026.12.1", "url": "https://...", "rollback": false} from the retained content topic (an
    offer of an http:// URL comes through, to be refused and reported by the fetch)."""
    if len(payload) > MAX_COMMAND_BYTES or not payload:
        return None
    try:
        body = parse_json_object(bytes(payload), "content offer")
    except ValueError:
        return None
    version, url, rollback = body.get("version"), body.get("url", ""), body.get("rollback", False)
    if not isinstance(version, str) or not version or not isinstance(url, str) or not isinstance(rollback, bool):
        return None
    return ContentOffered(version[:64], url, rollback)  # the URL exactly as offered (the payload is bounded)


def parse_catalog_change(payload: bytes | bytearray) -> CatalogChanged | None:
    """{"sku": "BIK-101", "price": "799.00", "stock": 3} (price and stock each optional); None if invalid."""
    try:
        data = parse_json_object(bytes(payload), "catalog change")
        sku = data["sku"]
        price = data.get("price")
        stock = data.get("stock")
        cents = None if price is None else int(Decimal(str(price)) * 100)
        if not isinstance(sku, str) or (cents is not None and cents <= 0) or (
                stock is not None and (not isinstance(stock, int) or stock < 0)) or (cents is None and stock is None):
            return None
    except (ValueError, KeyError, TypeError, ArithmeticError):
        return None
    return CatalogChanged(sku, cents, stock)


def _only_id(payload: bytes | bytearray) -> dict[str, Any]:
    """The command's "id" alone (for the reply to a command that is not run), if it can be read."""
    try:
        body = parse_json_object(bytes(payload), "command") if len(payload) <= MAX_COMMAND_BYTES else {}
    except ValueError:
        return {}
    return {"id": body["id"]} if "id" in body else {}


STORE_MESSAGES: dict[str, tuple[str, Callable[[bytes | bytearray], Message | None]]] = {
    "catalog": ("catalog change", parse_catalog_change),
    "content": ("content offer", parse_content_offer),
}  # {prefix}/{store}/{name}: what it is, and how it is read


class FleetLink:
    """One device's connection to the fleet broker."""

    available = True

    def __init__(self, config: Any, store: str, device: str, post: Callable[[Message], None],
                 clock: Clock | None = None) -> None:
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.post = post
        self.base = f"{config.prefix}/{store}/{device}"
        self.store_topic = f"{config.prefix}/{store}"
        self.connected = False
        self._buffer: deque[tuple[str, bytes]] = deque(maxlen=EVENT_BUFFER)
        self._lock = threading.Lock()
        self.client_id = f"kiosk-{store}-{device}"
        self.protocol = config.protocol
        self.network_restarts = 0
        self._next_watch = 0.0
        self._looping = False  # paho's network thread should be running
        self._retained_refused: dict[str, str] = {}  # command topic -> digest of the retained payload refused
        self.client = self._make_client(self.protocol)

    def _make_client(self, protocol: str) -> mqtt.Client:
        v5 = protocol == "5"
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id,
                             protocol=mqtt.MQTTv5 if v5 else mqtt.MQTTv311, clean_session=None if v5 else False)
        client.will_set(f"{self.base}/status", self._status_payload("offline"), qos=1, retain=True)
        config = self.config
        if config.username:
            client.username_pw_set(config.username, config.password or None)
        if config.ca_file:
            client.tls_set(ca_certs=config.ca_file, certfile=config.cert_file or None, keyfile=config.key_file or None)
        client.reconnect_delay_set(1, 30)
        client.suppress_exceptions = True  # a callback that raises anyway is logged, and the message still acknowledged
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        return client

    def start(self) -> None:
        """Connect in the background; paho reconnects by itself."""
        properties = None
        if self.protocol == "5":
            properties = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
            properties.SessionExpiryInterval = 24 * 3600  # a persistent session: commands wait for us
        clean_start = False if self.protocol == "5" else mqtt.MQTT_CLEAN_START_FIRST_ONLY
        self.client.connect_async(self.config.host, self.config.port, keepalive=self.config.keepalive_s,
                                  clean_start=clean_start, properties=properties)
        self.client.loop_start()
        self._looping = True

    def _fall_back_to_311(self, old: mqtt.Client) -> None:
        """The broker does not speak MQTT 5: the same link again in 3.1.1 (no correlation data, replies
        on the reply topic with the command's id)."""
        self._looping = False
        old.disconnect()
        old.loop_stop()
        log.warning("the broker %s:%s refused MQTT 5: falling back to MQTT 3.1.1", self.config.host, self.config.port)
        self.protocol = "3.1.1"
        self.client = self._make_client(self.protocol)
        self.start()

    def stop(self) -> None:
        """Say offline (retained) and disconnect cleanly."""
        self._looping = False
        if self.connected:
            sent = self.client.publish(f"{self.base}/status", self._status_payload("offline"), qos=1, retain=True)
            sent.wait_for_publish(2)
        self.client.disconnect()
        self.client.loop_stop()

    def _status_payload(self, state: str) -> bytes:
        return json.dumps({"state": state, "time": self._time()}).encode()

    def _time(self) -> str:
        return self.clock.now().astimezone(UTC).isoformat(timespec="seconds")

    # --- paho's thread ----------------------------------------------------------------------------
    def _on_connect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any) -> None:
        if self.protocol == "5" and reason == "Unsupported protocol version":
            threading.Thread(target=self._fall_back_to_311, args=(client,), name="mqtt fallback", daemon=True).start()
            return
        if reason.is_failure:
            self.post(DeviceStatusChanged("broker", False, str(reason)))
            return
        no_delay(client)
        if self.protocol == "5":  # a retained command keeps its flag even when it is published while we listen,
            # and is not sent again when the persistent session's subscription is renewed
            client.subscribe(f"{self.base}/cmd/+", options=SubscribeOptions(
                qos=1, retainAsPublished=True, retainHandling=SubscribeOptions.RETAIN_SEND_IF_NEW_SUB))
        else:
            client.subscribe(f"{self.base}/cmd/+", qos=1)
        client.subscribe(f"{self.store_topic}/catalog", qos=1)
        client.subscribe(f"{self.store_topic}/content", qos=1)  # retained: the version this store should run
        client.publish(f"{self.base}/status", self._status_payload("online"), qos=1, retain=True)
        with self._lock:
            self.connected = True
            waiting, self._buffer = list(self._buffer), deque(maxlen=EVENT_BUFFER)
        for topic, payload in waiting:
            client.publish(topic, payload, qos=1)
        self.post(DeviceStatusChanged("broker", True, f"{self.config.host}:{self.config.port}"))

    def _on_disconnect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any) -> None:
        with self._lock:
            self.connected = False
        self.post(DeviceStatusChanged("broker", False, str(reason)))

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        """Whatever arrives is answered and acknowledged: nothing in a payload may raise in paho's thread
        (it would end that thread, leave the command unacknowledged, and the broker would send it again)."""
        try:
            self._take(message)
        except Exception as error:
            log.error("fleet: a message on %s could not be handled: %s", message.topic, type(error).__name__)

    def _take(self, message: mqtt.MQTTMessage) -> None:
        store_message = STORE_MESSAGES.get(message.topic.removeprefix(self.store_topic + "/"))
        if store_message is not None:  # the store's live prices and stock, or the content version to run
            what, parse = store_message
            parsed = parse(message.payload)
            if parsed is None:
                log.warning("ignored an unreadable %s (%d bytes)", what, len(message.payload))
            else:
                self.post(parsed)
            return
        name = message.topic.rsplit("/", 1)[-1][:64]
        props = getattr(message, "properties", None)
        reply_topic = self._reply_topic(getattr(props, "ResponseTopic", None), name)
        correlation = getattr(props, "CorrelationData", None)
        if not message.payload:
            self._retained_refused.pop(message.topic, None)
            log.info("fleet: an empty message on %s is not a command (it clears a retained one)", message.topic)
            return
        if message.retain:
            self._refuse_retained(message, CommandReceived(name, _only_id(message.payload), reply_topic, correlation,
                                                           RETAINED))
            return
        if len(message.payload) > MAX_COMMAND_BYTES:
            self.post(CommandReceived(name, {}, reply_topic, correlation, "payload too large"))
            return
        try:
            payload = parse_json_object(bytes(message.payload) or b"{}", "command")
        except ValueError as error:
            self.post(CommandReceived(name, {}, reply_topic, correlation, f"bad JSON: {error}"))
            return
        self.post(CommandReceived(name, payload, reply_topic, correlation))

    def _reply_topic(self, asked: object, name: str) -> str:
        """Where the reply goes: the MQTT 5 response topic, unless it is one this kiosk listens to (its
        reply would come back to it as a command or a store message) or not a topic one can publish to."""
        own = f"{self.base}/reply/{name}"
        if not isinstance(asked, str) or not asked or len(asked) > 1024 or "+" in asked or "#" in asked:
            return own
        listened = (f"{self.base}/cmd/+", *(f"{self.store_topic}/{store}" for store in STORE_MESSAGES))
        if any(mqtt.topic_matches_sub(topic, asked) for topic in listened):
            log.warning("fleet: a command asked for its reply on %s, which this kiosk reads: replied on %s", asked, own)
            return own
        return asked

    def _refuse_retained(self, message: mqtt.MQTTMessage, refusal: CommandReceived) -> None:
        """A retained command is not run; said once per retained payload, not at every reconnection."""
        digest = hashlib.sha256(message.payload).hexdigest()
        if self._retained_refused.get(message.topic) == digest:
            return
        if len(self._retained_refused) >= RETAINED_REMEMBERED:
            self._retained_refused.pop(next(iter(self._retained_refused)))
        self._retained_refused[message.topic] = digest
        log.warning("fleet: the command %r on %s arrived retained and was not run (it would run again at every "
                    "reconnection); clear it with an empty retained message on that topic", refusal.name, message.topic)
        self.event("command_refused", command=refusal.name, reason="retained")
        self.post(refusal)

    def watch(self, now: float) -> None:
        """From the main loop: paho's network thread must be alive; a dead one is restarted and reported."""
        if now < self._next_watch:
            return
        self._next_watch = now + WATCH_EVERY_S
        thread = getattr(self.client, "_thread", None)  # paho keeps no public handle (None once it ended)
        if not self._looping or (thread is not None and thread.is_alive()):
            return
        self.network_restarts += 1
        log.error("fleet: the MQTT network thread had died; restarted (%d so far)", self.network_restarts)
        self.post(DeviceStatusChanged("broker", False, "network thread restarted"))
        self.client._thread = None
        self.client.loop_start()

    # --- any thread -------------------------------------------------------------------------------
    def reply(self, command: CommandReceived, answer: dict[str, Any]) -> None:
        """Send a command's answer, correlated by MQTT 5 correlation data and the command's "id"."""
        body = {"command": command.name, **({"id": command.payload["id"]} if "id" in command.payload else {}),
                **answer}
        properties = None
        if command.correlation is not None and self.protocol == "5":
            properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
            properties.CorrelationData = command.correlation
        self.client.publish(command.reply_topic, json.dumps(body).encode(), qos=1, properties=properties)

    def publish(self, topic: str, body: dict[str, Any], buffer: bool = True) -> None:
        """Publish on the device's subtree; while offline, events wait in a bounded buffer."""
        payload = json.dumps(body, ensure_ascii=False).encode()
        full = f"{self.base}/{topic}"
        with self._lock:
            if not self.connected:
                if buffer:
                    self._buffer.append((full, payload))
                return
        self.client.publish(full, payload, qos=1)

    def event(self, name: str, **fields: Any) -> None:
        """An analytics event (callers pass no personal data)."""
        self.publish("events", {"event": name, "time": self._time(), **fields})

    def telemetry(self, values: dict[str, Any]) -> None:
        """A telemetry sample (not buffered: an old sample is worth little)."""
        self.publish("telemetry", values, buffer=False)

    def staff_call(self, body: dict[str, Any]) -> None:
        """A staff call or a new-order alert, on the store's staff topic."""
        self.client.publish(f"{self.store_topic}/staff", json.dumps(body, ensure_ascii=False).encode(), qos=1)
