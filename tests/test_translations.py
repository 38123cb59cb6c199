"""Every interface text has a translation in every shipped language."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO

KEYWORDS = {"t": None, "N_": None, "texts": None}


def _source_texts() -> set[str]:
    found: set[str] = set()
    for folder in ("kiosk", "displays"):
        for _, _, message, _, _ in extract_from_dir(str(REPO / folder), method_map=[("**.py", "python")],
                                                    keywords=KEYWORDS):
            if isinstance(message, str) and message:
                found.add(message)
    return found


def test_no_shipped_language_misses_a_text() -> None:
    texts = _source_texts()
    assert "Search for a product" in texts and len(texts) > 60
    for catalogue in (REPO / "content" / "locale").glob("*/LC_MESSAGES/kiosk.po"):
        with catalogue.open("rb") as handle:
            translations = read_po(handle)
        missing = sorted(t for t in texts if not (translations.get(t) and translations.get(t).string))
        assert not missing, f"{catalogue}: no translation for {missing}"
