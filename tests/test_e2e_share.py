"""Take it home, end to end: compare 3 products in the kiosk process, share, read the QR code from a
real screenshot, and open the link in real headless Chromium at a phone's size."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
import zxingcpp

from kiosk.automation.server import request
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.kiosk_process import start_kiosk

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def port() -> int:
    """The loopback port the kiosk serves its phone page on."""
    return free_port()


@pytest.fixture
def sharing_kiosk(tmp_path: Path, port: int) -> Iterator[Path]:
    text = DEFAULT_CONFIG.read_text().replace('base_url = "http://127.0.0.1:8765/"',
                                              f'base_url = "http://127.0.0.1:{port}/"\nserve = "127.0.0.1:{port}"')
    sock = tmp_path / "kiosk.sock"
    process = start_kiosk(write_config(tmp_path, text), sock, output=None)
    yield sock
    process.terminate()
    process.wait(timeout=10)


def read_qr(path: Path) -> str:
    picture = pygame.image.load(str(path))
    width, height = picture.get_size()  # zxing-cpp reads a buffer shaped (height, width, 3): no numpy needed
    pixels = memoryview(pygame.image.tobytes(picture, "RGB")).cast("B", (height, width, 3))
    # QR codes only: the drawn product pictures' stripes and spokes can read as a one-dimensional barcode
    found = zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, "exactly one QR code on the share screen"
    return str(found[0].text)


def phone_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                 "--window-size=390,844", "--virtual-time-budget=5000", "--dump-dom", url],
                                capture_output=True, text=True, timeout=60)
    return result.stdout


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium; install it to run this")
@pytest.mark.slow  # real Chromium, seconds: CI runs it (the broken link keeps Chromium in the quick loop)
def test_a_comparison_travels_to_the_phone_by_qr_code(sharing_kiosk: Path, tmp_path: Path) -> None:
    products = {"2001000001019": "Vélo de route Alto 520", "2001000001026": "Vélo de route Alto 900 Carbone",
                "2001000001033": "Vélo gravel Strada G"}
    for code in products:
        assert request(sharing_kiosk, {"cmd": "scan", "data": code})["ok"]
        assert request(sharing_kiosk, {"cmd": "tap", "label": "Dans le comparateur"})["ok"]
    assert request(sharing_kiosk, {"cmd": "tap", "label": "Comparer (3)"})["ok"]
    assert request(sharing_kiosk, {"cmd": "tap", "label": "Envoyer sur mon téléphone"})["ok"]
    shot = tmp_path / "share.png"
    assert request(sharing_kiosk, {"cmd": "screenshot", "path": str(shot)})["ok"]

    url = read_qr(shot)
    assert url.startswith("http://127.0.0.1:") and "#1." in url
    dom = re.sub(r"\s+", " ", phone_dom(url).replace("\u202f", " ").replace("\xa0", " ").replace("&nbsp;", " "))
    for name in products.values():
        assert name in dom
    for price in ("899,00 €", "2 198,99 €", "1 299,00 €"):
        assert price in dom
    assert "Votre comparaison" in dom and "Ce qui les distingue" in dom


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium; install it to run this")
def test_a_broken_link_says_so_on_the_phone(sharing_kiosk: Path, port: int) -> None:
    dom = phone_dom(f"http://127.0.0.1:{port}/#1.garbage")
    assert "incomplete" in dom or "incomplet" in dom


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium; install it to run this")
@pytest.mark.slow  # real Chromium, seconds: CI runs it (the broken link keeps Chromium in the quick loop)
def test_the_sizes_chosen_show_on_the_phone_with_the_comparison(sharing_kiosk: Path, tmp_path: Path) -> None:
    for code, size in (("2001000001156", "42"), ("2001000001125", "39")):  # Racer Carbon Pro, Trail Ascent 3
        assert request(sharing_kiosk, {"cmd": "scan", "data": code})["ok"]
        assert request(sharing_kiosk, {"cmd": "tap", "label": size})["ok"]
        assert request(sharing_kiosk, {"cmd": "tap", "label": "Dans le comparateur"})["ok"]
    assert request(sharing_kiosk, {"cmd": "tap", "label": "Comparer (2)"})["ok"]
    assert request(sharing_kiosk, {"cmd": "tap", "label": "Envoyer sur mon téléphone"})["ok"]
    shot = tmp_path / "share.png"
    assert request(sharing_kiosk, {"cmd": "screenshot", "path": str(shot)})["ok"]
    dom = re.sub(r"\s+", " ", phone_dom(read_qr(shot)))
    assert '<div class="choice">Taille 42</div>' in dom and '<div class="choice">Taille 39</div>' in dom
    assert "Votre choix" in dom, "the comparison says which size of each"


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium; install it to run this")
@pytest.mark.slow  # real Chromium, seconds: CI runs it (the broken link keeps Chromium in the quick loop)
def test_a_product_shared_after_choosing_its_size_shows_that_size(sharing_kiosk: Path, tmp_path: Path) -> None:
    assert request(sharing_kiosk, {"cmd": "scan", "data": "2001000001156"})["ok"]  # Racer Carbon Pro
    reply = request(sharing_kiosk, {"cmd": "tap", "label": "44"})
    assert reply["ok"], reply
    reply = request(sharing_kiosk, {"cmd": "tap", "label": "Envoyer sur mon téléphone"})
    assert reply["ok"], (reply, request(sharing_kiosk, {"cmd": "state"}))
    shot = tmp_path / "share.png"
    assert request(sharing_kiosk, {"cmd": "screenshot", "path": str(shot)})["ok"]
    dom = re.sub(r"\s+", " ", phone_dom(read_qr(shot)))
    assert "Racer Carbon Pro" in dom and '<div class="choice">Taille 44</div>' in dom
