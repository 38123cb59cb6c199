"""Head office's command line for the fleet, on the kiosks' MQTT contract (DESIGN §4):

    kiosk-fleet --host broker.example list [--store lyon-01]
    kiosk-fleet --host broker.example send lyon-01/terminal ping
    kiosk-fleet --host broker.example send lyon-01 show_message '{"text": "Closing in 10 minutes"}'
    kiosk-fleet --host broker.example screenshot lyon-01/terminal shot.png [--display window]
    kiosk-fleet --host broker.example publish-content lyon-01,paris-02 2026.12.1 --url https://.../pack.tar

`list` reads the retained status of every device and the telemetry that comes within `--wait`
seconds; `send` to a store sends to each of its devices and waits for each correlated reply;
`publish-content` names, retained, the version each store (a canary group first) should run. A table
in the terminal, `--json` for scripts.

Replies come on each device's own reply topic ({prefix}/{store}/{device}/reply/{name}), the one the
shipped broker ACL (config/mosquitto/acl.conf) lets a device write, and are taken only from the device
that was asked. Whatever a device publishes is read defensively: a status or telemetry that is too
large, not JSON or nested too deep is shown as unreadable, and the rest of the fleet is still listed.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import os
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from kiosk.core.json_input import parse_json_object
from kiosk.services.fleet_link import no_delay

log = logging.getLogger("kiosk.fleet_cli")
MAX_STATUS_BYTES = 64 * 1024  # a device's status or telemetry sample is a few hundred bytes
MAX_REPLY_BYTES = 64 * 1024 * 1024  # a 4K screenshot, base64, is a few MB
FIELD_CHARS = 40  # a listing cuts longer fields
UNREADABLE = {"state": "unreadable"}


def cut(value: object, limit: int = FIELD_CHARS) -> object:
    """A value as a listing shows it: numbers as they are, anything else as printable text of at most `limit`
    characters (a lone surrogate, which JSON allows and no terminal prints, becomes "?")."""
    if isinstance(value, int | float) and not isinstance(value, bool) and len(str(value)) <= limit:
        return value
    text = "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_json(payload: bytes | bytearray, limit: int) -> dict[str, Any] | None:
    """A device's JSON object, or None when it is too large, not JSON, nested too deep, or not an object."""
    if len(payload) > limit:
        return None
    try:
        return parse_json_object(bytes(payload), "message")
    except ValueError:
        return None


@dataclass
class Device:
    """What head office knows of one kiosk."""

    store: str
    device: str
    status: dict[str, Any] = field(default_factory=dict)
    telemetry: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The device as one line of the list, each field cut to a listing's width."""
        faults = self.telemetry.get("faults", {})
        row = {"store": self.store, "device": self.device, "state": self.status.get("state", "?"),
               "since": self.status.get("time", ""), "content": self.telemetry.get("content_version", ""),
               "uptime_s": self.telemetry.get("uptime_s", ""), "frame_p99_ms": self.telemetry.get("frame_p99_ms", ""),
               "errors": faults.get("errors", "") if isinstance(faults, dict) else "",
               "refused": self.telemetry.get("content_refused", "")}
        return {key: cut(value) for key, value in row.items()}


class Fleet:
    """An MQTT 5 client of head office."""

    def __init__(self, host: str, port: int, prefix: str, *, username: str = "", password: str = "",
                 ca_file: str = "", connect_timeout_s: float = 10.0) -> None:
        self.prefix = prefix
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"head-office-{uuid.uuid4().hex[:8]}",
                                  protocol=mqtt.MQTTv5)
        if username:
            self.client.username_pw_set(username, password or None)
        if ca_file:
            self.client.tls_set(ca_certs=ca_file)
        self.client.suppress_exceptions = True  # nothing a device sends may end the network thread
        self.devices: dict[tuple[str, str], Device] = {}
        self.replies: dict[bytes, dict[str, Any]] = {}
        self._asked: dict[bytes, str] = {}  # correlation -> the reply topic of the device that was asked
        self._listening: set[str] = set()  # stores whose devices' replies this client is subscribed to
        self._changed = threading.Condition()
        self._acknowledged: set[int] = set()  # message ids of the subscriptions the broker has taken
        self._marks: set[str] = set()  # this client's own survey marks, come back through the broker
        self._mark_topic = f"{prefix}/_head-office/{uuid.uuid4().hex}"  # two levels: no device's topic
        self.client.on_message = self._on_message
        self.client.on_subscribe = self._on_subscribe
        connected = threading.Event()
        refused: list[str] = []

        def on_connect(client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any) -> None:
            if reason.is_failure:  # a wrong login, or one the broker does not know
                refused.append(str(reason))
            else:
                no_delay(self.client)
            connected.set()

        self.client.on_connect = on_connect
        try:
            self.client.connect(host, port, keepalive=30)
        except OSError as error:
            raise SystemExit(f"cannot reach the broker {host}:{port}: {error.strerror or error}") from None
        self.client.loop_start()
        if not connected.wait(connect_timeout_s):
            self.client.loop_stop()
            raise SystemExit(f"the broker {host}:{port} did not answer")
        if refused:
            self.close()
            raise SystemExit(f"the broker {host}:{port} refused the connection: {refused[0]}"
                             f"{' (check --username and --password)' if 'authori' in refused[0] else ''}")

    def close(self) -> None:
        """Disconnect."""
        self.client.disconnect()
        self.client.loop_stop()

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            self._take(message)
        except Exception as error:  # logged, never raised into paho's network thread
            log.error("a message on %.200s could not be read: %s", message.topic, type(error).__name__)

    def _take(self, message: mqtt.MQTTMessage) -> None:
        if message.topic == self._mark_topic:
            with self._changed:
                self._marks.add(message.payload.decode("ascii", "replace"))
                self._changed.notify_all()
            return
        parts = message.topic.removeprefix(f"{self.prefix}/").split("/")  # store, device, what[, name]
        if len(parts) == 3 and parts[2] in ("status", "telemetry"):
            store, device, what = parts
            body = read_json(message.payload, MAX_STATUS_BYTES) if message.payload else {}
            if body is None:
                log.warning("%s/%s sent an unreadable %s (%d bytes)", cut(store), cut(device), what,
                            len(message.payload))
            with self._changed:
                known = self.devices.setdefault((store, device), Device(store, device))
                setattr(known, what, body if body is not None else UNREADABLE if what == "status" else {})
                self._changed.notify_all()
        elif len(parts) == 4 and parts[2] == "reply":
            self._take_reply(message)

    def _take_reply(self, message: mqtt.MQTTMessage) -> None:
        body = read_json(message.payload, MAX_REPLY_BYTES)
        correlation = getattr(message.properties, "CorrelationData", None)
        if correlation is None and body is not None and isinstance(body.get("id"), str):
            try:  # an MQTT 3.1.1 kiosk has no correlation data: it answers with the command's id
                correlation = bytes.fromhex(body["id"])
            except ValueError:
                return
        with self._changed:
            if correlation is None or self._asked.get(bytes(correlation)) != message.topic:
                return  # not ours, or from another device than the one asked, or a second reply
            del self._asked[bytes(correlation)]
            self.replies[bytes(correlation)] = body if body is not None else {
                "ok": False, "error": f"an unreadable reply ({len(message.payload)} bytes)"}
            self._changed.notify_all()

    def _on_subscribe(self, client: mqtt.Client, userdata: Any, mid: int, reasons: Any, properties: Any) -> None:
        with self._changed:
            self._acknowledged.add(mid)
            self._changed.notify_all()

    def survey(self, store: str = "+", wait_s: float = 2.0, timeout_s: float = 30.0) -> list[Device]:
        """The devices (of one store, or all) from the retained status and the telemetry within `wait_s`.

        The `wait_s` counts from the last retained message: once the broker has taken the subscription it
        queues every retained status, then a mark this client sends itself, which therefore comes back after
        them. A slow link or a busy machine (a device's 10 MB status) leaves no device out (up to `timeout_s`)."""
        _result, mid = self.client.subscribe([(f"{self.prefix}/{store}/+/status", 1),
                                              (f"{self.prefix}/{store}/+/telemetry", 0), (self._mark_topic, 1)])
        deadline = time.monotonic() + timeout_s
        mark = uuid.uuid4().hex
        with self._changed:
            self._changed.wait_for(lambda: mid in self._acknowledged, timeout_s)
            self._acknowledged.discard(mid)
        self.client.publish(self._mark_topic, mark.encode(), qos=1)
        with self._changed:
            self._changed.wait_for(lambda: mark in self._marks, max(0.0, deadline - time.monotonic()))
            self._marks.discard(mark)
        time.sleep(wait_s)
        with self._changed:
            return sorted(self.devices.values(), key=lambda d: (d.store, d.device))

    def send(self, store: str, device: str, name: str, payload: dict[str, Any]) -> bytes:
        """Send one command; returns its correlation id. The reply is awaited on the device's own reply
        topic (the command's "id" is the correlation too, for a kiosk on MQTT 3.1.1)."""
        correlation = uuid.uuid4().bytes
        reply_topic = f"{self.prefix}/{store}/{device}/reply/{name}"
        with self._changed:
            self._asked[correlation] = reply_topic
        if store not in self._listening:  # the broker takes it before the command that follows
            self._listening.add(store)
            self.client.subscribe(f"{self.prefix}/{store}/+/reply/+", qos=1)
        payload = {"id": correlation.hex(), **payload}
        properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
        properties.ResponseTopic = reply_topic
        properties.CorrelationData = correlation
        self.client.publish(f"{self.prefix}/{store}/{device}/cmd/{name}", json.dumps(payload).encode(), qos=1,
                            properties=properties)
        return correlation

    def wait(self, correlations: dict[bytes, tuple[str, str]], timeout_s: float) -> dict[tuple[str, str], Any]:
        """The replies to `correlations` that came within `timeout_s` (a missing one: None)."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while not all(c in self.replies for c in correlations) and time.monotonic() < deadline:
                self._changed.wait(max(0.0, deadline - time.monotonic()))
            return {target: self.replies.get(c) for c, target in correlations.items()}

    def publish_content(self, store: str, version: str, url: str, rollback: bool) -> None:
        """Name, retained, the content version a store should run."""
        body = {"version": version, **({"url": url} if url else {}), **({"rollback": True} if rollback else {})}
        info = self.client.publish(f"{self.prefix}/{store}/content", json.dumps(body).encode(), qos=1, retain=True)
        info.wait_for_publish(10)


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(nothing)"
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


def _targets(fleet: Fleet, target: str, wait_s: float) -> list[tuple[str, str]]:
    """"store/device", or "store" for each device of the store seen in the retained status."""
    if "/" in target:
        store, device = target.split("/", 1)
        return [(store, device)]
    return [(d.store, d.device) for d in fleet.survey(target, wait_s)]


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(prog="kiosk-fleet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--prefix", default="kiosk")
    parser.add_argument("--username", default="")
    parser.add_argument("--password", default=os.environ.get("KIOSK_FLEET_PASSWORD", ""),
                        help="or $KIOSK_FLEET_PASSWORD (other users of the machine can read a command line)")
    parser.add_argument("--ca-file", default="")
    parser.add_argument("--json", action="store_true", help="JSON on standard output, for scripts")
    parser.add_argument("--wait", type=float, default=2.0, help="seconds to gather the retained status")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for replies")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="the fleet: online or offline, content, telemetry, errors")
    listing.add_argument("--store", default="+")
    send = commands.add_parser("send", help="a command to a device (store/device) or to a whole store")
    send.add_argument("target")
    send.add_argument("name")
    send.add_argument("payload", nargs="?", default="{}")
    shot = commands.add_parser("screenshot", help="a device's screen as PNG")
    shot.add_argument("target")
    shot.add_argument("out", type=Path)
    shot.add_argument("--display", default="")
    content = commands.add_parser("publish-content", help="the content version stores should run (retained)")
    content.add_argument("stores", help="a store, or several separated by commas (a canary group first)")
    content.add_argument("version")
    content.add_argument("--url", default="", help="where the signed pack of that version is (https)")
    content.add_argument("--rollback", action="store_true", help="allow stores to go back to an older version")
    args = parser.parse_args(argv)
    if args.command == "send":
        try:
            args.payload = parse_json_object(args.payload, "command's payload")
        except ValueError as error:
            parser.error(f"{args.payload!r}: {error} (such as '{{\"text\": \"Closing soon\"}}')")
    fleet = Fleet(args.host, args.port, args.prefix, username=args.username, password=args.password,
                  ca_file=args.ca_file)
    try:
        result: Any
        if args.command == "list":
            result = [device.row() for device in fleet.survey(args.store, args.wait)]
            text = _table(result)
        elif args.command in ("send", "screenshot"):
            payload = args.payload if args.command == "send" else \
                ({"display": args.display} if args.display else {})
            name = args.name if args.command == "send" else "screenshot"
            targets = _targets(fleet, args.target, args.wait)
            sent = {fleet.send(store, device, name, payload): (store, device) for store, device in targets}
            replies = fleet.wait(sent, args.timeout)
            if args.command == "screenshot":
                reply = next(iter(replies.values()), None) or {"ok": False, "error": "no reply"}
                if reply.get("ok"):
                    args.out.write_bytes(base64.b64decode(reply["png"]))
                    reply = {"ok": True, "display": reply.get("display"), "saved": str(args.out)}
                result = reply
                text = json.dumps(result)
            else:
                result = [{"store": s, "device": d, **(r if r is not None else {"ok": False, "error": "no reply"})}
                          for (s, d), r in replies.items()]
                text = _table([{k: (json.dumps(v) if isinstance(v, dict | list) else v) for k, v in row.items()}
                               for row in result])
        else:
            stores = [s for s in args.stores.split(",") if s]
            for store in stores:
                fleet.publish_content(store, args.version, args.url, args.rollback)
            result = {"published": args.version, "stores": stores}
            text = f"version {args.version} published to {', '.join(stores)}"
        print(json.dumps(result, ensure_ascii=False) if args.json else text)
        failed = isinstance(result, list) and any(isinstance(r, dict) and r.get("ok") is False for r in result)
        return 1 if failed or (isinstance(result, dict) and result.get("ok") is False) else 0
    finally:
        fleet.close()


if __name__ == "__main__":
    sys.exit(main())
