"""Every interface text has a translation in every shipped language, and the kiosk loads that translation."""

from __future__ import annotations

import gettext
import re
import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.config.settings import LANGUAGES
from kiosk.core.i18n import Translations
from tests.conftest import REPO

KEYWORDS = {"t": None, "N_": None, "texts": None}
LOCALE = REPO / "content" / "locale"
SOURCES = [REPO / "kiosk", REPO / "displays"]


def _source_texts() -> set[str]:
    found: set[str] = set()
    for folder in SOURCES:
        for _, _, message, _, _ in extract_from_dir(str(folder), method_map=[("**.py", "python")],
                                                    keywords=KEYWORDS):
            if isinstance(message, str) and message:
                found.add(message)
    return found


def _catalogues() -> dict[str, dict[str, str]]:
    found = {}
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po")):
        with path.open("rb") as handle:
            found[path.parents[1].name] = {str(m.id): str(m.string) for m in read_po(handle) if m.id}
    return found


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_offered_language_but_english_has_a_catalogue() -> None:
    assert sorted(_catalogues()) == sorted(lang for lang in LANGUAGES if lang != "en") == ["de", "es", "fr", "it"]


def test_no_shipped_language_misses_a_text() -> None:
    texts = _source_texts()
    assert "Search for a product" in texts and len(texts) > 200
    for language, messages in _catalogues().items():
        missing = sorted(t for t in texts if not messages.get(t, "").strip())
        assert not missing, f"{language}: no translation for {missing}"


def test_translations_keep_every_field_of_the_english_text() -> None:
    for language, messages in _catalogues().items():
        wrong = [(source, text) for source, text in messages.items() if _fields(source) != _fields(text)]
        assert not wrong, f"{language}: fields differ in {wrong}"


def test_the_compiled_catalogues_the_kiosk_loads_match_the_po_files() -> None:
    translations = Translations(LOCALE, LANGUAGES)
    for language, messages in _catalogues().items():
        with (LOCALE / language / "LC_MESSAGES" / "kiosk.mo").open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = [source for source, text in messages.items() if compiled.gettext(source) != text]
        assert not stale, f"{language}: run `python3 content/tools/translations.py compile` ({stale[:3]}...)"
        assert translations[language]("Search for a product") == messages["Search for a product"]
    assert translations["en"]("Search for a product") == "Search for a product"


def test_no_text_is_translated_inside_an_f_string() -> None:
    # Babel cannot see t("...") inside an f-string, so such a text would never reach the catalogues.
    hidden = re.compile(r"""\bf(["']).*?\{[^}]*\bt\(""")
    found = [f"{path}:{number}" for folder in SOURCES for path in Path(folder).rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert not found, found
