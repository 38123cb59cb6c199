"""'Save to my account': a signed-in member's comparison goes to their account through the outbox
(`POST /members/{id}/lists` on a real HTTP backend), and comes back at their next visit when the backend
gives it back; nothing of it stays with the kiosk or in its log."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.members.member_backend import MemberBackend


@pytest.fixture
def backend() -> Iterator[MemberBackend]:
    server = MemberBackend()
    yield server
    server.stop()


@pytest.fixture
def kiosk(tmp_path: Path, backend: MemberBackend) -> Iterator[Pilot]:
    text = DEFAULT_CONFIG.read_text().replace('# base_url = "https://backend.sentier.example/kiosk/v1"',
                                              f'base_url = "{backend.url}"\ntimeout_s = 2')
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    pilot.start_devices()
    yield pilot
    pilot.close()


def run_until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Run the loop (it takes the backend's answers) until `condition`, in real time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pilot.app.step(block=False)
        if condition():
            return True
        time.sleep(0.02)
    return False


def compare_two(pilot: Pilot) -> list[str]:
    skus = ["RUN-113", "RUN-116"]
    for sku in skus:
        product = pilot.app.shop.catalog.product(sku)
        assert product is not None
        pilot.scan(product.gtin)
        pilot.tap("Dans le comparateur")
    pilot.tap("Comparer (2)")
    pilot.tap("Envoyer sur mon téléphone")
    assert pilot.scene == "share"
    return skus


def test_a_saved_comparison_reaches_the_account_and_comes_back_at_the_next_visit(
        kiosk: Pilot, backend: MemberBackend, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.scan("LOYALTY-1234")
    kiosk.tap("Commencer mes achats")
    skus = compare_two(kiosk)
    kiosk.tap("Enregistrer dans mon compte")
    assert "Enregistré dans votre compte" in kiosk.labels()  # done once: the button says so
    assert run_until(kiosk, lambda: "1234" in backend.lists)
    [saved] = backend.lists["1234"]
    assert saved["kind"] == "compare" and saved["skus"] == skus and saved["member"] == "1234"
    assert ("POST", "/v1/members/1234/lists") in backend.requests
    # once delivered, the kiosk keeps nothing that names the member
    assert run_until(kiosk, lambda: all(item.state == "sent" for item in kiosk.app.shop.outbox.items()))
    assert all("member" not in item.payload for item in kiosk.app.shop.outbox.items())

    kiosk.tap("J'ai terminé")  # the next person sees nothing of it
    assert kiosk.scene == "attract" and kiosk.state()["session"]["compare"] == []

    kiosk.scan("LOYALTY-1234")  # the next visit
    assert kiosk.scene == "welcome"
    assert run_until(kiosk, lambda: bool(kiosk.details().get("saved_lists")))
    assert ("GET", "/v1/members/1234/lists") in backend.requests
    labels = kiosk.labels()
    assert "Enregistré dans votre compte" in labels
    title = next(label for label in labels if label.startswith("Votre comparaison du "))
    kiosk.tap(title)
    assert kiosk.scene == "compare" and kiosk.state()["session"]["compare"] == skus
    logged = caplog.text + json.dumps(kiosk.state())
    assert "1234" not in logged.replace("LOYALTY-1234", "")  # (the scanned code itself is the test's)


def test_another_members_late_lists_are_not_shown(kiosk: Pilot, backend: MemberBackend) -> None:
    """Camille saved a list; Hugo signs in after her: her lists never show on his welcome."""
    backend.lists["1234"] = [{"id": "L1", "kind": "compare", "skus": ["RUN-113", "RUN-116"],
                              "saved_at": "2026-11-12T10:00:00+01:00"}]
    kiosk.scan("LOYALTY-1234")
    kiosk.tap("Pas moi ? Déconnexion")  # before her answer is taken
    kiosk.scan("LOYALTY-5678")
    assert run_until(kiosk, lambda: ("GET", "/v1/members/5678/lists") in backend.requests)
    run_until(kiosk, lambda: False, 0.5)
    assert kiosk.details()["saved_lists"] == []


def test_without_a_card_there_is_nothing_to_save(kiosk: Pilot) -> None:
    kiosk.tap(x=540, y=960)
    compare_two(kiosk)
    assert "Enregistrer dans mon compte" not in kiosk.labels()
