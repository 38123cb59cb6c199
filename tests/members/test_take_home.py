"""The take-home phone page, opened in real headless Chromium at a phone's size (390x844) from a real
HTTP host serving the page with the pack's pictures beside it: each product with its picture, key specs,
aisle and "buy online" link, the store's address and today's hours, and four products compared."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.services.share_server import ShareServer
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, REPO, write_config

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--hide-scrollbars")
SHOES = ("RUN-113", "RUN-116", "RUN-112", "RUN-119")
SHOTS = Path(tempfile.gettempdir()) / "take-home"


@pytest.fixture
def host() -> Iterator[ShareServer]:
    """The phone page's static host, with the demo pack's pictures beside it."""
    server = ShareServer("127.0.0.1:0", REPO / "kiosk" / "shipped" / "web", REPO / "content" / "demo")
    server.start()
    yield server
    server.close()


def shared_link(tmp_path: Path, base_url: str, skus: tuple[str, ...]) -> str:
    text = DEFAULT_CONFIG.read_text().replace('base_url = "http://127.0.0.1:8765/"', f'base_url = "{base_url}"\n'
                                              'product_url = "https://www.sentier.example/p/{sku}"')
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    try:
        pilot.tap(x=540, y=960)
        for sku in skus:
            product = pilot.app.shop.catalog.product(sku)
            assert product is not None
            pilot.scan(product.gtin)
            pilot.tap("Dans le comparateur")
        if len(skus) > 1:
            pilot.tap(f"Comparer ({len(skus)})")
        pilot.tap("Envoyer sur mon téléphone")
        return str(pilot.details()["url"])
    finally:
        pilot.close()


def chromium(*arguments: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000",
                               *arguments], capture_output=True, text=True, timeout=90)
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason=".ci/run installs Debian's chromium; install it to run this")
@pytest.mark.slow  # real Chromium, seconds: CI runs it
def test_the_phone_page_shows_four_compared_products_with_their_pictures_at_390_px(
        tmp_path: Path, host: ShareServer) -> None:
    base = f"http://127.0.0.1:{host.port}/"
    url = shared_link(tmp_path, base, SHOES)
    dom = chromium("--window-size=390,844", "--dump-dom", url)
    for sku in SHOES:
        # from the page's own host, not through the link (the pack's own file: the demo's are JPEG)
        assert re.search(rf'src="{re.escape(base)}images/{sku}\.(png|jpg|webp)"', dom), sku
        assert f'href="https://www.sentier.example/p/{sku}"' in dom
    assert dom.count('class="product"') == 4 and "Acheter en ligne" in dom
    assert "12 rue de la République, 69002 Lyon" in dom and "Aujourd'hui : 09:30–20:00" in dom
    assert "Rayon B6" in dom and 'class="specs"' in dom and 'class="row"' in dom
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / "phone-390x844.png"
    chromium("--window-size=390,844", f"--screenshot={shot}", url)
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (390, 844)
    # the first product's picture is drawn (not the empty box of a picture that did not load)
    colours = {picture.get_at((x, y))[:3] for x in range(30, 110, 4) for y in range(110, 200, 4)}
    assert len(colours) > 8, "the product's picture shows"
    chromium("--window-size=390,2400", f"--screenshot={SHOTS / 'phone-390-full.png'}", url)  # for a person to look at
