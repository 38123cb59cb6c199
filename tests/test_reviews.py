"""A review written at the kiosk reaches the backend through the outbox (a restart while the backend is
down loses nothing) and shows on the product page only once approved, marked as written in the store."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.order_backend import OrderBackend

TENT = "2001000001262"  # TEN-126
TEXT = "Montée en cinq minutes sous la pluie, parfaite."


def product_code(pack: Path, sku: str) -> str:
    return next(p["gtin"] for p in json.loads((pack / "products.json").read_text()) if p["sku"] == sku)


def config_for(folder: Path, pack: Path, backend_url: str) -> Path:
    text = DEFAULT_CONFIG.read_text().replace('# base_url = "https://backend.sentier.example/kiosk/v1"',
                                              f'base_url = "{backend_url}"\ntimeout_s = 1')
    text = text.replace("[outbox]\n", "[outbox]\nfirst_retry_s = 0.2\nmax_retry_s = 1\n")
    path = write_config(folder, text)
    path.write_text(path.read_text().replace(f'pack = "{REPO / "content" / "demo"}"', f'pack = "{pack}"'))
    return path


def page_text(pilot: Pilot) -> str:
    pilot.swipe((540, 1500), (540, 200), ms=100)  # down to the reviews
    pilot.advance(2, step=1 / 30)
    pilot.swipe((540, 1500), (540, 200), ms=100)
    pilot.advance(2, step=1 / 30)
    return " ".join(pilot.labels())


def test_a_review_is_moderated_before_it_shows_and_survives_a_restart(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "content" / "demo", pack)
    code = product_code(pack, "TEN-126")
    backend = OrderBackend()
    port, url = backend.server_port, backend.url
    backend.stop()  # down while the shopper writes
    config = load_config(config_for(tmp_path, pack, url))

    pilot = Pilot(config, "terminal")
    pilot.start_devices()
    pilot.tap(x=540, y=960)
    pilot.scan(code)
    page_text(pilot)
    pilot.tap("Écrire un avis")
    pilot.tap("4 étoiles")
    pilot.type(TEXT)
    pilot.tap("Suivant")
    pilot.type("Ada")
    pilot.tap("Publier")
    assert "une fois lu" in pilot.details()["toast"]
    assert TEXT not in page_text(pilot), "not shown before the store approved it"
    pilot.close()  # the kiosk restarts; the backend is still down

    backend = OrderBackend(port)
    try:
        pilot = Pilot(config, "terminal")
        pilot.start_devices()
        deadline = time.monotonic() + 10
        while not backend.reviews and time.monotonic() < deadline:
            pilot.app.step(block=False)
            time.sleep(0.05)
        [review] = backend.reviews.values()
        assert (review["sku"], review["stars"], review["text"], review["author"]) == ("TEN-126", 4, TEXT, "Ada")
        assert review["in_store"] is True and review["language"] == "fr"
        pilot.tap(x=540, y=960)
        pilot.scan(code)
        assert TEXT not in page_text(pilot)

        # The store approves it: the next content pack carries it, marked as written in the store
        reviews = json.loads((pack / "reviews.json").read_text())
        reviews.append({"id": review["id"], "sku": "TEN-126", "stars": 4, "author": "Ada", "language": "fr",
                        "text": TEXT, "date": "2026-11-21", "helpful": 0, "in_store": True})
        (pack / "reviews.json").write_text(json.dumps(reviews, ensure_ascii=False))
        assert pilot.reload_content() == []
        shown = page_text(pilot)
        assert TEXT in shown and "Ada · 21 nov. 2026 · écrit en magasin" in shown
        pilot.close()
    finally:
        backend.stop()
