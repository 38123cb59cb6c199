"""Keep the interface's gettext catalogues in step with the code, and compile them.

    python3 content/tools/translations.py update    # new texts into every kiosk.po, obsolete ones out
    python3 content/tools/translations.py compile   # every kiosk.po to the kiosk.mo the kiosk loads

English is the source language, so there is no English catalogue. After `update`, a new text has an
empty translation in every language until someone writes it; the tests refuse an empty one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "kiosk" / "shipped" / "locale"
SOURCES = ("kiosk", "displays")
KEYWORDS: dict[str, tuple[int, ...] | None] = {"t": None, "N_": None, "texts": None, "plural": (1, 2)}
PO_WIDTH = 120


Text = str | tuple[str, str]  # a text, or a (singular, plural) pair for `t.plural`


def source_texts() -> list[Text]:
    """Every interface text the code marks for translation, in order of first appearance."""
    found: dict[Text, None] = {}
    for folder in SOURCES:
        for _, _, message, _, _ in extract_from_dir(str(REPO / folder), method_map=[("**.py", "python")],
                                                    keywords=KEYWORDS):
            if isinstance(message, str) and message:
                found[message] = None
            elif isinstance(message, tuple) and all(message):
                found[(message[0], message[1])] = None
    return list(found)


def untranslated(catalogue: Catalog) -> list[Text]:
    """The texts with no translation, or a plural with an empty form."""
    empty: list[Text] = []
    for message in catalogue:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all((form or "").strip() for form in forms):  # a new text has no string yet (None)
            empty.append(message.id)
    return empty


def catalogues() -> list[Path]:
    """The .po file of every shipped language."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po"))


def read_catalogue(path: Path) -> Catalog:
    """One language's catalogue."""
    with path.open("rb") as handle:
        return read_po(handle, locale=path.parents[1].name)


def update() -> None:
    """Add the code's new texts to every catalogue and drop the ones the code no longer uses."""
    template = Catalog(project="store-kiosk")
    for text in source_texts():
        template.add(text)
    for path in catalogues():
        catalogue = read_catalogue(path)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        catalogue.fuzzy = False  # the header: a fuzzy one would be left out of the compiled file
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=PO_WIDTH, omit_header=False, include_previous=False)
        empty = untranslated(catalogue)
        print(f"{path.relative_to(REPO)}: {len(catalogue)} texts, {len(empty)} to translate")


def compile_all() -> None:
    """Write kiosk.mo beside every kiosk.po (the kiosk loads the compiled file)."""
    for path in catalogues():
        catalogue = read_catalogue(path)
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalogue, use_fuzzy=False)
        print(f"{path.with_suffix('.mo').relative_to(REPO)}: {len(catalogue)} texts")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("update", "compile"))
    action = parser.parse_args().action
    update() if action == "update" else compile_all()


if __name__ == "__main__":
    main()
