"""Printing a slip on an ESC/POS network printer, stood in for by a TCP server on loopback."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config

PAPER_QUERY = b"\x10\x04\x04"  # DLE EOT 4: paper sensor status
PAPER_OK, PAPER_OUT = b"\x12", b"\x72"


class FakePrinter:
    """Accepts connections on port 9100-style TCP, answers the paper query, keeps every byte."""

    def __init__(self, paper: bytes) -> None:
        self.paper = paper
        self.received = bytearray()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(3)
                while True:
                    try:
                        data = connection.recv(4096)
                    except OSError:
                        break
                    if not data:
                        break
                    self.received += data
                    if data.endswith(PAPER_QUERY):
                        connection.sendall(self.paper)

    def close(self) -> None:
        self.server.close()


def printing_pilot(folder: Path, port: int) -> Pilot:
    text = DEFAULT_CONFIG.read_text().replace('# address = "tcp:192.168.1.50:9100"',
                                              f'address = "tcp:127.0.0.1:{port}"\ntimeout_s = 2')
    pilot = Pilot(load_config(write_config(folder, text)))
    pilot.start_devices()
    return pilot


def print_comparison(pilot: Pilot, size: str = "") -> str:
    for code in ("2001000001019", "2001000001033", *(["2001000001156"] if size else [])):
        pilot.scan(code)
        if size and code == "2001000001156":  # Racer Carbon Pro, in the size chosen
            pilot.tap(size)
        pilot.tap("Dans le comparateur")
    pilot.tap(f"Comparer ({3 if size else 2})")
    pilot.tap("Envoyer sur mon téléphone")
    pilot.tap("L'imprimer")
    deadline = time.monotonic() + 10
    while pilot.details()["toast"] in ("", "Impression…"):
        assert time.monotonic() < deadline, "no answer from the printer service"
        pilot.app.step(block=False)
        time.sleep(0.05)
    return str(pilot.details()["toast"])


@pytest.fixture
def printer(request: pytest.FixtureRequest) -> Iterator[FakePrinter]:
    fake = FakePrinter(request.param)
    yield fake
    fake.close()


@pytest.mark.parametrize("printer", [PAPER_OK], indirect=True)
def test_a_slip_prints_the_products_and_the_qr_code(tmp_path: Path, printer: FakePrinter) -> None:
    pilot = printing_pilot(tmp_path, printer.port)
    try:
        assert "Imprimé" in print_comparison(pilot)
        data = bytes(printer.received)
        assert b"Alto 520" in data and b"Strada G" in data and b"Sentier & Cie" in data
        assert b"\x1d(k" in data  # the printer's own QR command
        assert b"#1." in data  # carrying the share link
        assert data.rstrip().endswith(b"\x1dV\x00")  # and the paper is cut
    finally:
        pilot.close()


@pytest.mark.parametrize("printer", [PAPER_OK], indirect=True)
def test_the_slip_says_the_size_chosen_under_its_product(tmp_path: Path, printer: FakePrinter) -> None:
    pilot = printing_pilot(tmp_path, printer.port)
    try:
        assert "Imprimé" in print_comparison(pilot, size="43")
        data = bytes(printer.received)
        assert b"Racer Carbon Pro" in data
        after = data[data.index(b"Racer Carbon Pro"):]
        assert b"Taille 43" in after[:120], "the size on the line under the product's name"
    finally:
        pilot.close()


@pytest.mark.parametrize("printer", [PAPER_OUT], indirect=True)
def test_out_of_paper_offers_the_qr_code_or_email(tmp_path: Path, printer: FakePrinter) -> None:
    pilot = printing_pilot(tmp_path, printer.port)
    try:
        message = print_comparison(pilot)
        assert "plus de papier" in message and "code QR" in message
        assert b"Alto 520" not in bytes(printer.received)  # nothing printed
        assert pilot.scene == "share"
    finally:
        pilot.close()


def test_an_offline_printer_offers_the_qr_code_or_email(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there
    pilot = printing_pilot(tmp_path, port)
    try:
        assert "ne répond pas" in print_comparison(pilot)
        pilot.app.step(block=False)
        assert pilot.details()["devices"]["printer"] is False
    finally:
        pilot.close()


def test_without_the_printer_extra_staff_are_told_and_shoppers_offered_no_printing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "escpos", None)  # as if installed without `.[printer]`: python-escpos absent
    pilot = printing_pilot(tmp_path, 9)
    try:
        pilot.app.step(block=False)
        assert "pip install 'store-kiosk[printer]'" in caplog.text, "the log tells IT what to install"
        pilot.scan("STAFF-0042")
        for digit in "2580":
            pilot.tap(digit)
        pilot.tap("Voir les appareils")
        labels = pilot.labels()
        assert "Imprimante de tickets" in labels and "Déconnecté" in labels
        assert "Son pilote n'est pas installé sur ce PC : voir le guide d'installation" in labels
        pilot.tap("Retour")
        pilot.tap("Retour")
        for code in ("2001000001019", "2001000001033"):
            pilot.scan(code)
            pilot.tap("Dans le comparateur")
        pilot.tap("Comparer (2)")
        pilot.tap("Envoyer sur mon téléphone")
        assert pilot.scene == "share" and "L'imprimer" not in pilot.labels()
    finally:
        pilot.close()
