"""What a shopper meant: typed words corrected against the catalogue's own words, and the departments a query names.

The words are the search index's, in every language of the pack, folded (no accents, lower case), each with
the number of products that have it. A word the shopper is still typing is compared with the beginnings of
those words ("chausu" with "chauss"), so a typo is forgiven before the word is finished. The distance is
rapidfuzz's optimal string alignment: one letter wrong, missing, extra, or two letters swapped ("trial",
"headlmap") counts as one edit.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from kiosk.core.language.text import fold
from kiosk.core.models import Category

SHORTEST_FORGIVEN = 4  # letters: a shorter word is taken as typed ("gps", "sac": too many words are one edit away)
TWO_EDITS_FROM = 12  # letters: a word this long may have two typos
LONGEST_PREFIX = 14  # letters: beginnings of words are kept up to this length; a longer word is compared whole
DEPARTMENT_WORD_FROM = 3  # letters: a typed word this long names a department whose name (or keyword) it begins


def edits_allowed(word: str) -> int:
    """How many typos a word of this length may have and still be corrected (0: none)."""
    if len(word) < SHORTEST_FORGIVEN:
        return 0
    return 2 if len(word) >= TWO_EDITS_FROM else 1


@dataclass(frozen=True)
class Correction:
    """A typed word and what it was taken for."""

    typed: str  # folded
    prefix: str  # the beginning of catalogue words that is searched instead
    word: str  # the commonest whole word beginning so, for "did you mean"


class Vocabulary:
    """The catalogue's words, for correcting what a shopper typed."""

    def __init__(self, words: Iterable[tuple[str, int]]) -> None:
        counted = {word: count for word, count in words if word and not word.isdigit()}
        self._words = sorted(counted)
        # every beginning of every word, by length, with how many products have a word beginning so
        self._beginnings: dict[int, dict[str, int]] = {}
        self._commonest: dict[str, tuple[int, str]] = {}  # beginning -> (products, the commonest word)
        for word, count in counted.items():
            for length in range(SHORTEST_FORGIVEN - 1, min(len(word), LONGEST_PREFIX) + 1):
                beginning = word[:length]
                by_length = self._beginnings.setdefault(length, {})
                by_length[beginning] = by_length.get(beginning, 0) + count
                if count > self._commonest.get(beginning, (0, ""))[0]:
                    self._commonest[beginning] = (count, word)
            if len(word) > LONGEST_PREFIX:
                self._beginnings.setdefault(len(word), {})[word] = count
                self._commonest[word] = (count, word)
        self._choices = {length: list(found) for length, found in self._beginnings.items()}

    def __len__(self) -> int:
        return len(self._words)

    def begins_a_word(self, folded: str) -> bool:
        """Whether some catalogue word begins with `folded` (or is it)."""
        at = bisect_left(self._words, folded)
        return at < len(self._words) and self._words[at].startswith(folded)

    def correct(self, typed: str) -> Correction | None:
        """What a word that begins no catalogue word was meant to be, or None (it is right, or too far from
        any word: "chaussurezz" is two edits from "chaussures", too many for its length)."""
        folded = fold(typed).strip()
        edits = edits_allowed(folded)
        if not edits or " " in folded or folded.isdigit() or self.begins_a_word(folded):
            return None
        best: tuple[int, int, int, str] | None = None
        for length in range(len(folded) - edits, len(folded) + edits + 1):
            choices = self._choices.get(length)
            if not choices:
                continue
            for beginning, distance, _ in process.extract(folded, choices, scorer=OSA.distance,
                                                           score_cutoff=edits, limit=None):
                rank = (int(distance), abs(length - len(folded)), -self._beginnings[length][beginning], beginning)
                if best is None or rank < best:
                    best = rank
        if best is None:
            return None
        prefix = best[3]
        word = prefix if self._is_word(prefix) else self._commonest[prefix][1]  # "tente", not "tentes"
        return Correction(folded, prefix, word)

    def _is_word(self, folded: str) -> bool:
        at = bisect_left(self._words, folded)
        return at < len(self._words) and self._words[at] == folded


def department_words(categories: Iterable[Category], stop_words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each folded word of the departments' names and keywords, in every language, with the departments it names."""
    named: dict[str, set[str]] = {}
    for category in categories:
        texts = [*category.name.values(), *category.keywords.values()]
        for word in fold(" ".join(texts)).split():
            if len(word) >= DEPARTMENT_WORD_FROM and word not in stop_words:
                named.setdefault(word, set()).add(category.id)
    return {word: frozenset(ids) for word, ids in named.items()}
