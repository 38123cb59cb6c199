"""kiosk-fleet commands a kiosk whose link speaks MQTT 3.1.1 (an older broker, or protocol = "3.1.1"): with no
correlation data, the reply is matched by the command's id, on the device's own reply topic."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.fleet_cli import Fleet
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.mqtt import MOSQUITTO, Broker
from tests.test_fleet import fleet_config_text, wait_connected

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"), pytest.mark.slow]


def test_a_kiosk_on_mqtt_311_answers_kiosk_fleet(tmp_path: Path, broker: Broker) -> None:
    text = fleet_config_text(broker.port).replace('device = "terminal"', 'device = "terminal"\nprotocol = "3.1.1"')
    pilot = Pilot(load_config(write_config(tmp_path, text)))
    pilot.start_devices()
    fleet = Fleet("127.0.0.1", broker.port, "kiosk")
    try:
        wait_connected(pilot)
        assert pilot.app.shop.fleet.protocol == "3.1.1"
        correlation = fleet.send("lyon-01", "terminal", "ping", {})
        deadline = time.monotonic() + 10
        while correlation not in fleet.replies:
            assert time.monotonic() < deadline, "no reply came"
            pilot.app.step(block=False)
            time.sleep(0.02)
        reply = fleet.wait({correlation: ("lyon-01", "terminal")}, 0)[("lyon-01", "terminal")]
        assert reply is not None and reply["ok"] and reply["pong"] and reply["id"] == correlation.hex()
    finally:
        fleet.close()
        pilot.close()
