"""Every interface text has a translation in every shipped language, and the kiosk loads that translation."""

from __future__ import annotations

import gettext
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.config import load_config
from kiosk.config.settings import LANGUAGES
from kiosk.core.language.i18n import Translations
from kiosk.core.messages import DeviceStatusChanged
from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.conftest import DEFAULT_CONFIG, REPO, write_config

KEYWORDS: dict[str, tuple[int, ...] | None] = {"t": None, "N_": None, "texts": None, "plural": (1, 2)}
LOCALE = REPO / "kiosk" / "shipped" / "locale"
SOURCES = [REPO / "kiosk", REPO / "displays"]
Text = str | tuple[str, ...]  # a text, or the (singular, plural) of `t.plural`


def _source_texts() -> set[Text]:
    found: set[Text] = set()
    for folder in SOURCES:
        for _, _, message, _, _ in extract_from_dir(str(folder), method_map=[("**.py", "python")],
                                                    keywords=KEYWORDS):
            if message and all(message):
                found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalogues() -> dict[str, dict[Text, tuple[str, ...]]]:
    """Each language's translations; a text's forms (one, or one per plural form)."""
    found = {}
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po")):
        with path.open("rb") as handle:
            found[path.parents[1].name] = {
                m.id if isinstance(m.id, str) else tuple(m.id): m.string if isinstance(m.string, tuple) else (m.string,)
                for m in read_po(handle) if m.id}
    return found


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_offered_language_but_english_has_a_catalogue() -> None:
    assert sorted(_catalogues()) == sorted(lang for lang in LANGUAGES if lang != "en") == ["de", "es", "fr", "it"]


def test_no_shipped_language_misses_a_text() -> None:
    texts = _source_texts()
    assert "Search for a product" in texts and ("{count} product", "{count} products") in texts
    assert len(texts) > 200
    for language, messages in _catalogues().items():
        missing = sorted(str(t) for t in texts if not all(form.strip() for form in messages.get(t, ("",))))
        assert not missing, f"{language}: no translation for {missing}"
        plurals = [t for t in texts if isinstance(t, tuple)]
        assert all(len(messages[t]) == 2 for t in plurals), f"{language}: a plural without its two forms"


def test_each_text_is_translated_once_in_each_catalogue() -> None:
    # Helpers append entries by hand; a second entry for the same text would win or lose by its place in the
    # file, so a translator's fix to the first one could silently show nothing.
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po")):
        ids = re.findall(r'^msgid (".*")$', path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        twice = sorted({text for text in ids if ids.count(text) > 1 and text != '""'})
        assert not twice, f"{path.relative_to(REPO)}: translated twice: {twice}"


def test_translations_keep_every_field_of_the_english_text() -> None:
    for language, messages in _catalogues().items():
        wrong = [(source, forms) for source, forms in messages.items()
                 if any(_fields(form) != _fields(source if isinstance(source, str) else source[-1]) for form in forms)]
        assert not wrong, f"{language}: fields differ in {wrong}"


def test_the_compiled_catalogues_the_kiosk_loads_match_the_po_files() -> None:
    translations = Translations(LOCALE, LANGUAGES)
    for language, messages in _catalogues().items():
        with (LOCALE / language / "LC_MESSAGES" / "kiosk.mo").open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = [source for source, forms in messages.items()
                 if isinstance(source, str) and (compiled.gettext(source),) != forms]
        stale += [source for source, forms in messages.items() if not isinstance(source, str)
                  and (compiled.ngettext(source[0], source[1], 1), compiled.ngettext(source[0], source[1], 2)) != forms]
        assert not stale, f"{language}: run `python3 content/tools/translations.py compile` ({stale[:3]}...)"
        assert translations[language]("Search for a product") == messages["Search for a product"][0]
    assert translations["en"]("Search for a product") == "Search for a product"


def test_counts_take_the_singular_or_the_plural_of_each_language() -> None:
    translations = Translations(LOCALE, LANGUAGES)
    said = {lang: [translations[lang].plural("{count} product", "{count} products", n) for n in (0, 1, 2)]
            for lang in LANGUAGES}
    assert said["en"] == ["0 products", "1 product", "2 products"]
    assert said["fr"] == ["0 produit", "1 produit", "2 produits"]  # French: 0 takes the singular
    assert said["de"] == ["0 Produkte", "1 Produkt", "2 Produkte"]


def test_no_text_is_translated_inside_an_f_string() -> None:
    # Babel cannot see t("...") inside an f-string, so such a text would never reach the catalogues.
    hidden = re.compile(r"""\bf(["']).*?\{[^}]*\bt\(""")
    found = [f"{path}:{number}" for folder in SOURCES for path in Path(folder).rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert not found, found


def _labels_of_fixed_screens(folder: Path, language: str) -> dict[str, set[str]]:
    """The labels of the screens made of interface texts only (the keyboard on both of its pages, the
    staff's PIN pad, menu and devices screen), in a session in `language`."""
    text = DEFAULT_CONFIG.read_text(encoding="utf-8").replace('default_language = "fr"',
                                                              f'default_language = "{language}"')
    # a tablet short enough that its accessible checkout puts the keyboard's digits on a second page in every
    # language (at 800x1200 and 800x1000 most keep them on their first since the strip over the reach zone
    # gives way to the content on a short screen)
    text = re.sub(r"^size = \[1080, 1920\]", "size = [800, 900]", text, count=1, flags=re.M)
    (folder / language).mkdir()
    pilot = Pilot(load_config(write_config(folder / language, text)), "terminal")
    try:
        shown: dict[str, set[str]] = {}
        display = pilot.app.display()
        pilot.tap(x=400, y=450)
        # the checkout's contact in the tablet's reach zone: its keyboard's digits go to a second page
        display.set_accessible(True)
        put_in_cart(display.ctx, "RUN-112")
        display.ctx.show(display.ctx.routes.checkout())
        pilot.advance(0.1)
        shown["keyboard, letters"] = set(pilot.labels())
        pilot.tap(translations[language]("Digits and signs"))
        shown["keyboard, signs"] = set(pilot.labels())
        display.set_accessible(False)
        display.ctx.show(display.ctx.routes.search())
        pilot.advance(0.1)
        shown["keyboard"] = set(pilot.labels())
        # what the demo's pretend devices and an unreachable mail server report, as their threads post it
        for status in (DeviceStatusChanged("scanner sim:", True, "simulated"),
                       DeviceStatusChanged("mail server", False, "localhost:25: [Errno 111] Connection refused")):
            pilot.app.post(status)
        display.staff.open_pin_pad()
        pilot.advance(0.1)
        shown["PIN pad"] = set(pilot.labels())
        for digit in "2580":
            pilot.tap(digit)
        shown["staff menu"] = set(pilot.labels())
        display.staff.open_device_status()
        pilot.advance(0.1)
        shown["devices"] = set(pilot.labels())
        return shown
    finally:
        pilot.close()


translations = Translations(LOCALE, LANGUAGES)


@pytest.mark.slow  # every screen walked in every language: CI runs it
def test_screens_of_interface_texts_say_every_word_in_the_sessions_language(tmp_path: Path) -> None:
    # A text the code never marked for translation shows the same in every language: on these screens
    # (no product names, no reviews), a worded label that an English session shows too is one, unless
    # it is the language's own translation of a text (German "Name", "OK").
    english = _labels_of_fixed_screens(tmp_path, "en")
    assert "Shift" in english["keyboard"] and "Digits and signs" in english["keyboard, letters"]
    for language in (lang for lang in LANGUAGES if lang != "en"):
        own = {form for forms in _catalogues()[language].values() for form in forms}
        for screen, labels in _labels_of_fixed_screens(tmp_path, language).items():
            untranslated = sorted(label for label in labels & english[screen]  # ".fr", "@gmail.com": no words
                                  if sum(ch.isalpha() for ch in label) > 1 and label not in own
                                  and not label.startswith((".", "@")))
            assert not untranslated, f"{language}, {screen}: {untranslated} not translated"
