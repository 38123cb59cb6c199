"""Hostile fleet commands through a real Mosquitto: every one is answered and acknowledged, the kiosk
never goes deaf, and a dead network thread is brought back."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.kiosk_process import start_kiosk
from tests.mqtt import BASE, MOSQUITTO, Broker, Observer
from tests.test_fleet import fleet_config_text, wait_connected

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"),
              pytest.mark.slow]  # a real broker round trip in every test: CI runs them, the quick loop not
NESTED = b"[" * 5000 + b"]" * 5000  # 10 KB: raised RecursionError in paho's thread


@pytest.mark.e2e
def test_a_deeply_nested_command_is_answered_and_the_kiosk_still_hears_after_a_restart(
        tmp_path: Path, broker: Broker) -> None:
    config = write_config(tmp_path, fleet_config_text(broker.port))
    sock = tmp_path / "kiosk.sock"
    observer = Observer(broker.port, "office/replies", f"{BASE}/status")
    process = start_kiosk(config, sock, "--display", "terminal", output=subprocess.DEVNULL)
    try:
        observer.wait_for(lambda topic, body: topic.endswith("/status") and body["state"] == "online")
        observer.command("ping", b"{}", b"warm-up")
        assert observer.reply_to(b"warm-up")["ok"]
        for payload in (NESTED, b'{"a": ' + NESTED + b"}", b"1e400", b'{"id": NaN}'):
            observer.command("ping", payload, b"hostile")
            reply = observer.reply_to(b"hostile")
            assert reply["ok"] is False and "bad JSON" in reply["error"]
        observer.command("ping", b"{}", b"after")
        assert observer.reply_to(b"after")["ok"], "the kiosk still answers"
        process.terminate()
        assert process.wait(timeout=5) == 0
        process = start_kiosk(config, sock, "--display", "terminal", output=subprocess.DEVNULL)
        observer.wait_for(lambda topic, body: topic.endswith("/status") and body["state"] == "online")
        observer.command("ping", b"{}", b"restarted")
        assert observer.reply_to(b"restarted")["ok"], "no unacknowledged command made it deaf after a restart"
    finally:
        process.terminate()
        process.wait(timeout=5)
        observer.close()


@pytest.fixture
def fleet_pilot(tmp_path: Path, broker: Broker) -> Iterator[Pilot]:
    pilot = Pilot(load_config(write_config(tmp_path, fleet_config_text(broker.port))))
    pilot.start_devices()
    wait_connected(pilot)
    yield pilot
    pilot.close()


@pytest.fixture
def office(broker: Broker) -> Iterator[Observer]:
    observer = Observer(broker.port, "office/replies")
    yield observer
    observer.close()


def test_a_dead_network_thread_is_restarted_and_reported(fleet_pilot: Pilot, office: Observer) -> None:
    fleet = fleet_pilot.app.shop.fleet
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    fleet.client.loop_stop()  # paho's thread ends, as it did when a callback raised
    office.command("ping", b"{}", b"after-death")
    assert office.reply_to(b"after-death", step=step)["ok"]
    assert fleet.network_restarts == 1
    assert fleet_pilot.app.telemetry()["faults"]["fleet_restarts"] == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=15)
NAMES = ["ping", "show_message", "set_closed_override", "reload_content", "screenshot", "launch", "", "é"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(st.sampled_from(NAMES), json_values | st.dictionaries(st.sampled_from(["id", "text", "closed", "display"]),
                                                             json_values, max_size=3))
def test_fuzzed_commands_each_get_one_reply(fleet_pilot: Pilot, office: Observer, name: str, payload: Any) -> None:
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    correlation = uuid.uuid4().bytes
    office.command(name or "empty", json.dumps(payload).encode(), correlation)
    reply = office.reply_to(correlation, step=step)
    assert isinstance(reply["ok"], bool)
    assert office.inbox.rest(settle=0.05, step=step) == [], "exactly one reply"


def test_reload_content_is_answered_once_the_import_in_the_worker_ends(fleet_pilot: Pilot, office: Observer) -> None:
    step = lambda: fleet_pilot.app.step(block=False)  # noqa: E731
    office.command("reload_content", b"{}", b"reload-1")
    office.command("reload_content", b"{}", b"reload-2")  # while the first import may still run
    first, second = office.reply_to(b"reload-1", timeout=20, step=step), office.reply_to(b"reload-2", step=step)
    assert first["reloaded"] is True and first["content_version"] == "2026.11.1"
    assert second.get("reloaded") is True or "already running" in second["error"]
    assert office.inbox.rest(settle=0.2, step=step) == [], "one reply each"
