"""Accessible mode: within reach, high contrast, longer sessions with a spoken warning, and espeak-ng
reading what has the keypad's focus."""

from __future__ import annotations

import shutil
import time
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from kiosk.ui.focus import targets
from kiosk.ui.widgets import Label, Painter
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import header_bar

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


@pytest.fixture
def speaking(tmp_path: Path) -> Iterator[Pilot]:
    """The terminal with speech rendered to WAV files in tmp_path/speech."""
    (tmp_path / "speech").mkdir()
    text = DEFAULT_CONFIG.read_text().replace('rate = 160 ', f'rate = 160\nrender_to = "{tmp_path / "speech"}"\n#')
    pilot = Pilot(load_config(write_config(tmp_path, text)), "terminal")
    pilot.start_devices()
    yield pilot
    pilot.close()


def wait_spoken(pilot: Pilot, count: int) -> list[tuple[str, str]]:
    speaker = pilot.app.shop.speaker
    deadline = time.monotonic() + 15
    while len(speaker.spoken) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return list(speaker.spoken)


def loudness(path: Path) -> float:
    with wave.open(str(path)) as sound:
        samples = array("h", sound.readframes(sound.getnframes()))
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


def test_the_accessible_button_puts_every_control_within_reach_in_high_contrast(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")  # on the attract loop
    assert pilot.scene == "home" and pilot.state()["session"]["accessible"] is True
    screen = pilot.app.display().screen
    assert screen.theme.color("background")[:3] == (0, 0, 0)
    for open_next in ("2001000001262", "Ajouter au panier", "Panier (1)", "Commander"):
        tree = pilot.request("tree")["displays"]["terminal"]["widgets"]
        controls = [w for w in tree if w["role"] == "button"]
        assert controls and all(w["bounds"][1] >= 1920 * 0.38 - 1 for w in controls), "all in the lower part"
        if open_next.isdigit():
            pilot.scan(open_next)
        else:
            pilot.tap(open_next)  # by the bounds the tree gives: taps land where the controls are drawn
    assert pilot.scene == "checkout"
    assert targets(screen.stack.top.tree(screen.size), screen.size)
    pilot.tap("Quitter le mode accessible")
    assert pilot.app.display().screen.offset == 0 and pilot.state()["session"]["accessible"] is False


@pytest.mark.slow  # a whole accessible session to its end: CI runs it
def test_sessions_last_longer_and_end_back_in_the_normal_mode(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")
    pilot.advance(150)
    assert pilot.scene == "home", "90 s is doubled"
    pilot.advance(40)
    assert pilot.scene == "still_there"
    pilot.advance(30)
    assert pilot.scene == "attract" and pilot.app.display().screen.offset == 0
    assert pilot.state()["session"]["accessible"] is False


def test_the_theme_left_lets_go_of_its_fonts(pilot: Pilot) -> None:
    # a theme's fonts, with the letters each has drawn, are about 2 MB at 1080x1920: the normal theme's stayed
    # loaded for the whole of an accessible session, beside the accessible theme's own
    display = pilot.app.display()
    normal = display.screen.theme
    assert normal.fonts_loaded > 0
    pilot.tap("Accessibilité")
    accessible = display.screen.theme
    assert accessible is not normal and accessible.fonts_loaded > 0, "the accessible screen is drawn in its own"
    assert normal.fonts_loaded == 0, "the normal theme holds no font during the accessible session"
    pilot.tap("Quitter le mode accessible")
    assert display.screen.theme is normal and normal.fonts_loaded > 0, "drawn in its fonts again"
    assert accessible.fonts_loaded == 0


@needs_espeak
def test_speech_says_what_has_the_focus_out_loud(speaking: Pilot, tmp_path: Path) -> None:
    speaking.tap("Accessibilité")
    wait_spoken(speaking, 1)
    speaking.key("down")
    focused = speaking.details()["focus"]
    spoken = wait_spoken(speaking, 2)
    assert spoken[-1] == ("fr", focused)
    files = sorted((tmp_path / "speech").glob("*.wav"))
    assert files and loudness(files[-1]) > 300, "a real voice, not silence"


@needs_espeak
def test_a_spoken_warning_comes_before_the_session_ends(speaking: Pilot) -> None:
    speaking.tap("Accessibilité")
    speaking.advance(181)
    assert speaking.scene == "still_there"
    spoken = wait_spoken(speaking, 2)
    assert spoken[-1][1].startswith("Vous êtes toujours là ?")


def header_title_lines(pilot: Pilot) -> list[str]:
    """The lines the header's title is drawn in."""
    screen = pilot.app.display().screen
    ctx = pilot.app.display().ctx
    bar = header_bar(screen.stack.top.tree(screen.size), (ctx.t("Accessibility"), ctx.t("Leave accessible mode")))
    assert bar is not None, "a header"
    title = next(w for w in bar.walk() if w.role == "heading")
    assert isinstance(title, Label)
    return title.lines(Painter(screen.surface, screen.theme, screen.text, screen.images, screen.surface.get_rect()))


def test_titles_and_totals_are_shown_whole_in_german_with_the_larger_text(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")
    pilot.tap("Langue")
    pilot.tap("Deutsch")
    pilot.scan("2001000001262")
    pilot.tap("In den Warenkorb")
    pilot.tap("Warenkorb (1)")
    assert " ".join(header_title_lines(pilot)) == "Ihr Warenkorb"
    assert "Gesamt 399,00\xa0€" in pilot.labels()
    pilot.tap("Bestellen")
    assert " ".join(header_title_lines(pilot)) == "Wie erreichen wir Sie?", "a crowded bar: smaller, two lines"
    assert "Sprache" in pilot.labels(), "the language button is still there, shown by its code"


def test_the_ideas_stay_on_the_shorter_home_of_accessible_mode(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")
    widgets = {w["label"]: w for w in pilot.request("tree")["displays"]["terminal"]["widgets"]}
    for idea in ("Un premier marathon", "Un week-end en montagne", "Aller au travail à vélo"):
        _, y, _, h = widgets[idea]["bounds"]
        assert y + h <= 1920 and h >= pilot.app.display().screen.theme.size("touch_target"), idea
    pilot.tap("Un premier marathon")
    assert pilot.scene == "collection"


def test_adding_a_shoe_without_a_size_brings_the_sizes_into_view(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")  # the shorter screen of reach mode: the page starts with the sizes
    pilot.scan("2001000001156")  # Racer Carbon Pro, in sizes 39 to 46
    widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
    assert "39" in [w["label"] for w in widgets if not w["clipped"]], "the sizes in the first view"
    pilot.swipe((540, 1250), (540, 780))  # the shopper reads on: the sizes scroll out of view
    pilot.advance(1)
    widgets = pilot.request("tree")["displays"]["terminal"]["widgets"]
    assert "39" not in [w["label"] for w in widgets if not w["clipped"]], "the sizes scrolled away"
    pilot.tap("Ajouter au panier")
    assert pilot.app.display().screen.toast_text == "", "the error is on the field, not a toast"
    assert pilot.details()["choice_missing"] is True
    assert {"Choisissez d'abord une taille", "39", "46"} <= set(pilot.labels()), "the size picker says so"
    pilot.tap("42")
    assert pilot.details()["choice_missing"] is False and "Choisissez une taille" in pilot.labels()
    pilot.tap("Ajouter au panier")
    assert [line["variant"] for line in pilot.state()["session"]["cart"]] == ["RUN-115-42"]


def test_the_strip_out_of_reach_shows_the_product_in_words(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")
    assert pilot.details()["banner"] == ["Mode accessible : tout est à portée de main, ci-dessous."]
    pilot.scan("2001000001026")
    name, price, where = pilot.details()["banner"]
    assert name == "Vélo de route Alto 900 Carbone" and price.startswith("2") and "€" in price
    assert "Rayon\xa0A6" in where and "stock" in where  # (the aisle never broken over two lines)
    pilot.key("back")
    assert pilot.details()["banner"] == ["Mode accessible : tout est à portée de main, ci-dessous."]


def test_the_strip_out_of_reach_shows_the_results_and_the_form_above_the_keyboard(pilot: Pilot) -> None:
    pilot.tap("Accessibilité")
    pilot.tap("Rechercher un produit")
    pilot.type("tente")
    results, *found = pilot.details()["banner"][1:]
    assert results == f"{pilot.details()['results']} produits" and len(found) >= 2, "the results, not one sentence"
    assert all("€" in line for line in found)
    pilot.key("back")
    pilot.scan("2001000001026")
    pilot.tap("Ajouter au panier")
    pilot.tap("Panier (1)")
    pilot.tap("Commander")
    total, articles, *rest = pilot.details()["banner"]
    assert total.startswith("Total") and articles == "Articles : 1" and "Par e-mail" in rest
    assert not any("☐" in line or "☑" in line for line in rest), "no box to tick out of reach, where none can"
    pilot.tap("Par téléphone")
    assert "Par téléphone" in pilot.details()["banner"], "the summary follows the form"


def test_in_reach_mode_the_share_code_is_within_reach_and_large(pilot: Pilot, tmp_path: Path) -> None:
    """A shopper in a wheelchair or a child holds the phone low: the code stays in the reach zone (it was in
    the strip above, out of reach), still large enough to scan from a step away."""
    pilot.tap("Accessibilité")
    pilot.scan("2001000001026")
    ctx = pilot.app.display().ctx
    ctx.show(ctx.routes.share([pilot.details()["product"]]))  # "Envoyer sur mon téléphone", below the fold
    pilot.advance(0.1)
    assert pilot.scene == "share"
    pilot.app.display().screen.images.wait()
    pilot.advance(0.5)
    assert pilot.details()["banner"][1] == "Visez le code avec l'appareil photo de votre téléphone."
    codes = [w for w in pilot.request("tree")["displays"]["terminal"]["widgets"] if w["role"] == "image"
             and w["label"] == "Code QR à ouvrir sur votre téléphone"]
    assert len(codes) == 1
    x, y, w, h = codes[0]["bounds"]
    assert y >= 1920 * 38 // 100 and w >= 500, "within reach, at least 500 px wide"
    picture = pilot.picture()
    light = [px for px in range(x, x + w, 4) if picture.get_at((px, y + h // 2))[0] > 200]
    assert light and max(light) - min(light) >= w // 2, "the code is drawn there"
