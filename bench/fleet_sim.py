"""A fleet of simulated kiosks against one Mosquitto on loopback: the kiosks' own fleet-link code
(kiosk/services/fleet_link.py), without a renderer, and head office's (kiosk/fleet_cli.py). Prints JSON:

- the command round trip to one device and to all of them, p50 and p99;
- how long a content version published for every store takes to reach every kiosk;
- the broker's CPU and memory with the fleet connected and sending telemetry every 30 s;
- how long after a broker restart every kiosk is online again.

    python -m bench.fleet_sim [KIOSKS] [SECONDS_OF_TELEMETRY]     (default 1000 kiosks, 60 s)
"""

from __future__ import annotations

import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kiosk.config.settings import FleetConfig
from kiosk.core.messages import CommandReceived, ContentOffered
from kiosk.fleet_cli import Fleet
from kiosk.services.fleet_link import FleetLink
from kiosk.testing.broker import Broker, raise_file_limit

DEVICES_PER_STORE = 10


class Kiosk:
    """One simulated kiosk: the real fleet link, and a loop that answers its commands at once."""

    def __init__(self, port: int, store: str, device: str, offers: dict[str, float]) -> None:
        config = FleetConfig(host="127.0.0.1", port=port, keepalive_s=30, telemetry_s=30)
        self.name = f"{store}/{device}"
        self.offers = offers
        self.link = FleetLink(config, store, device, self.post)

    def post(self, message: object) -> None:
        """What the fleet link hands the app: commands answered on the spot, content offers noted."""
        if isinstance(message, CommandReceived):
            self.link.reply(message, {"ok": True, "pong": True} if message.name == "ping" else
                            {"ok": False, "error": "not simulated"})
        elif isinstance(message, ContentOffered):
            self.offers.setdefault(self.name, time.monotonic())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def _wait_online(fleet: Fleet, count: int, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        online = sum(1 for d in fleet.survey("+", 0.5) if d.status.get("state") == "online")
        if online >= count:
            return time.monotonic() - started
    return float("nan")


PER_PROCESS = 200  # paho waits on select(), which sees no file descriptor past 1024: kiosks in groups


def _group(port: int, names: list[str], telemetry_s: float, pipe: Connection) -> None:
    """A process of simulated kiosks: started, their telemetry sent, their content offers timed."""
    offers: dict[str, float] = {}
    kiosks = [Kiosk(port, *name.split("/"), offers) for name in names]
    for kiosk in kiosks:
        kiosk.link.start()
    pipe.send("started")
    reported = False
    next_sample = time.monotonic()
    index = 0
    while not pipe.poll(0.01):
        if time.monotonic() >= next_sample:  # every kiosk every telemetry_s, spread over the period
            kiosks[index].link.telemetry({"uptime_s": 1, "frame_p99_ms": 3.0, "content_version": "2026.12.1"})
            index = (index + 1) % len(kiosks)
            next_sample += telemetry_s / len(kiosks)
        if not reported and len(offers) == len(kiosks):
            pipe.send(("offers", max(offers.values())))
            reported = True
    for kiosk in kiosks:
        kiosk.link.stop()
    pipe.send("stopped")


def simulate(count: int, telemetry_s: float) -> dict[str, Any]:
    """Run the fleet and measure it."""
    raise_file_limit()
    results: dict[str, Any] = {"kiosks": count}
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as work:
        broker = Broker(Path(work), "max_queued_messages 10000\nset_tcp_nodelay true\n", many_clients=True)
        broker.start()
        stores = [f"store-{index:03d}" for index in range(max(1, count // DEVICES_PER_STORE))]
        names = [f"{stores[index % len(stores)]}/kiosk-{index:04d}" for index in range(count)]
        started = time.monotonic()
        groups = []
        for first in range(0, count, PER_PROCESS):
            ours, theirs = context.Pipe()
            process = context.Process(target=_group, args=(broker.port, names[first:first + PER_PROCESS],
                                                           telemetry_s, theirs), daemon=True)
            process.start()
            groups.append((process, ours))
        for _, pipe in groups:
            pipe.recv()
        head_office = Fleet("127.0.0.1", broker.port, "kiosk", connect_timeout_s=60)
        try:
            _wait_online(head_office, count, 120)
            results["all_online_s"] = round(time.monotonic() - started, 2)
            store, device = names[0].split("/")
            times = []
            for _ in range(50):
                sent = time.monotonic()
                head_office.wait({head_office.send(store, device, "ping", {}): (store, device)}, 10)
                times.append((time.monotonic() - sent) * 1000)
            results["round_trip_one_ms"] = {"p50": round(statistics.median(times), 2),
                                            "p99": round(_percentile(times, 0.99), 2)}
            rounds = []
            for _ in range(3):
                sent = time.monotonic()
                correlations = {head_office.send(*name.split("/"), "ping", {}): (name.split("/")[0],
                                                                                 name.split("/")[1])
                                for name in names}
                replies = head_office.wait(correlations, 60)
                rounds.append((time.monotonic() - sent, sum(r is not None for r in replies.values())))
            results["round_trip_all"] = {"median_s": round(statistics.median(r[0] for r in rounds), 2),
                                         "answered": min(r[1] for r in rounds)}
            published = time.monotonic()
            for name in stores:
                head_office.publish_content(name, "2026.12.1", "", False)
            arrivals = [pipe.recv() for _, pipe in groups]
            results["content_to_all_s"] = round(max(a[1] for a in arrivals) - published, 2)
            cpu, rss = broker.usage(min(telemetry_s * 2, 60))
            results["broker_cpu_percent"], results["broker_rss_mb"] = round(cpu, 1), round(rss, 1)
            head_office.close()
            broker.stop()
            time.sleep(1)
            restarted = time.monotonic()
            broker.start()
            head_office = Fleet("127.0.0.1", broker.port, "kiosk", connect_timeout_s=60)
            again = _wait_online(head_office, count, 120)
            results["back_online_after_restart_s"] = round(time.monotonic() - restarted, 2) if again == again \
                else None
        finally:
            head_office.close()
            for _, pipe in groups:
                pipe.send("stop")
            for process, _ in groups:
                process.join(timeout=30)
            broker.stop()
    return results


if __name__ == "__main__":
    print(json.dumps(simulate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
                              float(sys.argv[2]) if len(sys.argv) > 2 else 30.0)))
