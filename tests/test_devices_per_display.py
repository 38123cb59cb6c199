"""Two terminals and a shop window in one kiosk process, each with its own scanner on a real
pseudo-terminal: a scan opens the product on its own display only, never on all of them."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.automation.server import request
from tests.conftest import write_config
from tests.drivers.test_serial_scanner import SOCAT, Line
from tests.kiosk_process import start_kiosk

pytestmark = pytest.mark.skipif(SOCAT is None, reason="socat is installed by .ci/run; install it to run these")
ROAD_BIKE, CARBON_BIKE = "2001000001019", "2001000001026"
SECOND_TERMINAL = '''
[[displays]]
name = "checkout"
role = "terminal"
size = [1080, 1920]
theme = "{theme}"
location = "Tills"
'''


def scenes(sock: Path) -> dict[str, Any]:
    reply = request(sock, {"cmd": "state"})
    assert reply["ok"], reply
    return {name: (shown["scene"], shown.get("product")) for name, shown in reply["displays"].items()}


@pytest.mark.e2e
def test_a_scan_opens_the_product_only_on_the_display_its_scanner_stands_at(tmp_path: Path) -> None:
    lines = {name: Line(tmp_path / name) for name in ("entrance", "tills", "glass")}
    for name, line in lines.items():
        (tmp_path / name).mkdir()
        line.plug()
    config = write_config(tmp_path)
    text = config.read_text()
    scanners = "".join(f'\n[[devices.scanners]]\naddress = "{lines[n].device}"\ndisplay = "{d}"\n'
                       for n, d in (("entrance", "terminal"), ("tills", "checkout"), ("glass", "window")))
    text = text.replace('address = "sim:"     #', 'display = "terminal"\naddress = "sim:"     #')
    text += scanners + SECOND_TERMINAL.format(theme="default")
    config.write_text(text)
    sock = tmp_path / "kiosk.sock"
    process = start_kiosk(config, sock, output=(tmp_path / "kiosk.log").open("wb"))
    try:
        deadline = time.monotonic() + 5
        while not all(request(sock, {"cmd": "state", "display": "terminal"})["displays"]["terminal"]["devices"]
                      .get(f"scanner {line.device}") for line in lines.values()):
            assert time.monotonic() < deadline, "the three scanners did not connect"
            time.sleep(0.05)
        lines["entrance"].send(ROAD_BIKE.encode() + b"\r")
        wait = time.monotonic() + 5
        while scenes(sock)["terminal"] != ("product", "BIK-101"):
            assert time.monotonic() < wait, scenes(sock)
            time.sleep(0.05)
        assert scenes(sock)["checkout"][0] == "attract" and scenes(sock)["window"][0] == "attract"

        lines["tills"].send(CARBON_BIKE.encode() + b"\r")
        wait = time.monotonic() + 5
        while scenes(sock)["checkout"] != ("product", "BIK-102"):
            assert time.monotonic() < wait, scenes(sock)
            time.sleep(0.05)
        assert scenes(sock)["terminal"] == ("product", "BIK-101"), "the entrance's page did not change"

        lines["glass"].send(CARBON_BIKE.encode() + b"\r")  # the window takes no scans
        time.sleep(0.5)
        shown = scenes(sock)
        assert shown["window"][0] == "attract" and shown["terminal"] == ("product", "BIK-101")
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
        for line in lines.values():
            line.unplug()
