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
from itertools import accumulate

from rapidfuzz import process
from rapidfuzz.distance import OSA

from kiosk.core.language.text import fold
from kiosk.core.models import Category

SHORTEST_FORGIVEN = 4  # letters: a shorter word is taken as typed ("gps", "sac": too many words are one edit away),
# but for two letters swapped in a word of three ("gsp")
TWO_EDITS_FROM = 12  # letters: a word this long may have two typos
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
    """The catalogue's words, for correcting what a shopper typed.

    The first letter is taken as typed: shoppers rarely get it wrong, and comparing only with the words
    that begin with it keeps a correction under a millisecond with tens of thousands of words.
    """

    def __init__(self, words: Iterable[tuple[str, int]]) -> None:
        counted = dict(sorted((word, count) for word, count in words if word and not word.isdigit()))
        self._words = list(counted)
        self._documents = list(accumulate(counted.values(), initial=0))  # products with words[:i], summed
        # (length, first letter) -> the beginnings that long of the words starting with that letter, sorted
        self._beginnings: dict[tuple[int, str], list[str]] = {}

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
        if " " in folded or folded.isdigit() or self.begins_a_word(folded):
            return None
        if len(folded) == SHORTEST_FORGIVEN - 1:
            return self._swapped(folded)
        if not edits:
            return None
        best: tuple[int, int, int, str] | None = None
        for length in range(max(len(folded) - edits, SHORTEST_FORGIVEN - 1), len(folded) + edits + 1):
            for beginning, distance, _ in process.extract(folded, self._beginnings_of(length, folded[0]),
                                                           scorer=OSA.distance, score_cutoff=edits, limit=None):
                rank = (int(distance), abs(len(beginning) - len(folded)), -self._products(beginning), beginning)
                if best is None or rank < best:
                    best = rank
        if best is None:
            return None
        prefix = best[3]
        return Correction(folded, prefix, self._meant_word(prefix))

    def _swapped(self, folded: str) -> Correction | None:
        """A three-letter word with two letters swapped ("gsp": "gps"); any other typo in so short a word
        is a word of its own too often ("sac", "gel", "top")."""
        found = [swapped for swapped in dict.fromkeys(folded[:i] + folded[i + 1] + folded[i] + folded[i + 2:]
                                                      for i in range(len(folded) - 1))
                 if swapped != folded and self.begins_a_word(swapped)]
        if not found:
            return None
        prefix = max(found, key=lambda swapped: (self._products(swapped), swapped))
        return Correction(folded, prefix, self._meant_word(prefix))

    def _beginnings_of(self, length: int, letter: str) -> list[str]:
        """The beginnings of this length (a shorter word whole) of the words starting with `letter`, made on
        first use: a few milliseconds at most, once, rather than all of them when the catalogue opens."""
        found = self._beginnings.get((length, letter))
        if found is None:
            first, last = self._range(letter)
            found = self._beginnings[(length, letter)] = sorted({word[:length] for word in self._words[first:last]})
        return found

    def _range(self, beginning: str) -> tuple[int, int]:
        first = bisect_left(self._words, beginning)
        return first, bisect_left(self._words, beginning + "\U0010ffff", first)

    def _products(self, beginning: str) -> int:
        """How many times products have a word beginning so (a product with two such words counts twice)."""
        first, last = self._range(beginning)
        return self._documents[last] - self._documents[first]

    def _meant_word(self, beginning: str) -> str:
        """The word "did you mean" shows: the beginning itself when it is a word ("tente", not "tentes"),
        else the commonest word beginning so."""
        first, last = self._range(beginning)
        if first < len(self._words) and self._words[first] == beginning:
            return beginning
        counts = [self._documents[i + 1] - self._documents[i] for i in range(first, last)]
        return self._words[first + counts.index(max(counts))] if counts else beginning


def department_words(categories: Iterable[Category], stop_words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each folded word of the departments' names and keywords, in every language, with the departments it names."""
    named: dict[str, set[str]] = {}
    for category in categories:
        texts = [*category.name.values(), *category.keywords.values()]
        for word in fold(" ".join(texts)).split():
            if len(word) >= DEPARTMENT_WORD_FROM and word not in stop_words:
                named.setdefault(word, set()).add(category.id)
    return {word: frozenset(ids) for word, ids in named.items()}
