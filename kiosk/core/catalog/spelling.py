"""How the catalogue writes a word that search knows only folded (no accents, lower case).

Typos are corrected against the search index's words, which are folded: "did you mean" would say "velos"
for "Vélos", "fahrrader" for "Fahrräder". The word is shown as the catalogue's own texts write it instead:
its most common spelling, accents and all ("tente" rather than "tenté" where the tent is what is written
most), in the case the texts give it where its case says something: inside a sentence ("des vélos",
"die Uhren", "montre GPS") or in a brand's name ("Alpenrad"). A word seen only opening a name or a
sentence ("Chaussures de running") is shown in lower case, but in German, which writes its nouns with a
capital ("Laufschuhe").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kiosk.core.language.text import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = (".", "!", "?", ":", "\n")
CAPITALISED_NOUNS = frozenset({"de"})  # languages whose nouns keep their capital anywhere

Seen = Counter[tuple[str, bool]]  # (the word as written, whether its case says something) -> how often


def spellings(folded: str, texts: Iterable[str], names: Iterable[str] = ()) -> Seen:
    """How often each way of writing `folded` occurs in `texts` (sentences, titles) and `names` (brands: what
    they capitalise, they always do)."""
    found: Seen = Counter()
    for text, is_name in [*((text, False) for text in texts), *((name, True) for name in names)]:
        if len(text) < len(folded):
            continue
        for match in _WORD.finditer(text):
            token = match[0]
            # a letter more or less at most (a ligature folds to two letters); then the cheap tests first
            if abs(len(token) - len(folded)) > 1:
                continue
            lower = token.lower()
            if lower == folded or (not lower.isascii() and fold(lower).strip() == folded):
                before = text[:match.start()].rstrip()
                found[(token, is_name or not (before == "" or before.endswith(_SENTENCE_END)))] += 1
    return found


def usual_spelling(found: Seen, language: str = "") -> str | None:
    """The spelling to show of those `found` in texts in `language` (see the module's docstring); None when
    there are none."""
    if not found:
        return None
    by_letters: Counter[str] = Counter()
    for (token, _), count in found.items():
        by_letters[token.lower()] += count
    letters = max(by_letters, key=lambda lower: (by_letters[lower], lower))
    telling = Counter({token: count for (token, tells), count in found.items()
                       if tells and token.lower() == letters})
    if not telling and language in CAPITALISED_NOUNS:
        telling = Counter({token: count for (token, _), count in found.items() if token.lower() == letters})
    if not telling or letters in telling:
        return letters
    return max(telling, key=lambda token: (telling[token], token))
