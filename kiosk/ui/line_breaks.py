"""Where a text breaks into lines: on as few lines as breaking where the next word does not fit gives, and
among the ways of filling that many lines, the one that keeps together the words that belong together ("Sacs
à dos", "Trail Ascent 3", "10 lettres", "Camille !"). A break between them is only made when there is no
other way in that many lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence

NEVER = 1000  # a line that starts with a sign that closes what precedes it ("!", "»", "€"), or ends with one that
# opens what follows ("«", "„"): made only where no other break gives the same number of lines
NUMBER_APART = 30  # a number apart from the word it ends ("Ascent / 3") or counts ("10 / lettres")
ALONE = 30  # a line of one short word ("dos", "Pro", "Sie.") or a number alone
LETTER_AT_END = 50  # a line that ends with a one-letter word ("à", "y", "×", "&")
NAME_SPLIT = 20  # between two words of a name ("Racer / Carbon Pro", "Gang / B1")
SHORT_AT_END = 10  # a line that ends with a two-letter word ("de", "au", "zu", "Se")
SHORT_WORD = 4  # letters and digits of a word short enough not to stand alone on a line

CLOSING = set("!?:;»“”)]}€%·,.…")  # signs that belong to the word before them
OPENING = set("«„“‚([{")  # signs that belong to the word after them


def _core(word: str) -> str:
    """The word's letters and digits (its signs left out)."""
    return "".join(ch for ch in word if ch.isalnum())


def _is_number(word: str) -> bool:
    """A number, with its signs ("3", "2000", "(0)", "17:15", "1.489,99"): not a word ending in a full stop
    ("2026." ends a sentence)."""
    stripped = word.strip("()")
    return bool(stripped) and stripped[0].isdigit() and stripped[-1].isdigit() and \
        all(ch.isdigit() or ch in ".,:'" for ch in stripped)


def _is_name_word(word: str) -> bool:
    """A word that can be part of a name: capitalised, or letters with a digit ("Carbon", "B1"), not a number
    (see `break_cost`)."""
    core = _core(word)
    return bool(core) and not core.isdigit() and (core[0].isupper() or any(ch.isdigit() for ch in core)) and \
        word[-1].isalnum()


def _counts(number: str, following: str) -> bool:
    """Whether `number` counts the word after it ("10 lettres", "1 produit"), not ends a name ("Ascent 3")."""
    return _is_number(number) and following[:1].isalpha() and following[:1].islower()


def break_cost(before: str, after: str, following: str = "") -> int:
    """How bad a break between the words `before` and `after` is (0: a good place); `following`: the word after
    `after`."""
    stripped_after, stripped_before = after.strip(), before.strip()
    if not stripped_after or after[0] == " " or all(ch in CLOSING for ch in stripped_after):
        return NEVER
    if stripped_before and all(ch in OPENING for ch in stripped_before):
        return NEVER
    cost = 0
    if (_is_number(stripped_after) and not _counts(stripped_after, following.strip())) or _is_number(stripped_before):
        cost += NUMBER_APART
    core = _core(stripped_before)
    if (len(core) == 1 and core.isalpha() and stripped_before[-1] not in CLOSING) or \
            stripped_before in ("&", "×", "+", "-", "–"):
        cost += LETTER_AT_END
    elif len(core) == 2 and core.isalpha() and stripped_before[-1].isalpha():
        cost += SHORT_AT_END
    if _is_name_word(stripped_before) and _is_name_word(stripped_after):
        cost += NAME_SPLIT
    return cost


def line_cost(words: Sequence[str]) -> int:
    """How bad a line of these words is, on a text of several lines: one short word or a number alone."""
    if len(words) == 1:
        word = words[0].strip()
        if _is_number(word) or len(_core(word)) <= SHORT_WORD - (0 if word[-1:] in CLOSING else 1):
            return ALONE
    return 0


def greedy(words: Sequence[str], fits: Callable[[str], bool]) -> list[int]:
    """The index after each line's last word, each line as full as it can be (a word wider than the room alone
    on its line, whole)."""
    ends: list[int] = []
    current = ""
    for index, word in enumerate(words):
        attempt = f"{current} {word}" if current else word
        if fits(attempt) or not current:
            current = attempt
        else:
            ends.append(index)
            current = word
    ends.append(len(words))
    return ends


def break_lines(text: str, width_of: Callable[[str], int], width: int) -> list[str]:
    """One paragraph of `text` (no newline) broken into lines no wider than `width` (`width_of`: a text's width;
    see the module): as many lines as filling each line in turn gives, the breaks chosen so that the fewest
    words that belong together are parted; of equally good ways, the one whose first lines are fullest."""
    words = text.split(" ")

    def fits(line: str) -> bool:
        return width_of(line) <= width

    ends = greedy(words, fits)
    if len(ends) > 1 and _total(words, ends) > 0:
        ends = _best(words, len(ends), _Room(words, width_of, width)) or ends
    return [" ".join(words[start:end]) for start, end in zip([0, *ends], ends)]


class _Room:
    """Whether words[start:end] fit on a line: added up from the words' widths and the spaces', measured whole
    only where that sum comes within a few pixels of the room (a font may kern across a space)."""

    NEAR = 4

    def __init__(self, words: Sequence[str], width_of: Callable[[str], int], width: int) -> None:
        self.words, self.width_of, self.width = words, width_of, width
        self.space = width_of(" ")
        self.before = [0]  # the widths of the words before each, added up
        for word in words:
            self.before.append(self.before[-1] + width_of(word))

    def fits(self, start: int, end: int) -> bool:
        """Whether words[start:end] fit (one word always does: alone on its line, whole)."""
        if end - start == 1:
            return True
        about = self.before[end] - self.before[start] + self.space * (end - start - 1)
        if abs(about - self.width) > self.NEAR:
            return about < self.width
        return self.width_of(" ".join(self.words[start:end])) <= self.width


def _total(words: Sequence[str], ends: Sequence[int]) -> int:
    """The cost of the lines that end before each of `ends`."""
    starts = [0, *ends[:-1]]
    cost = sum(line_cost(words[s:e]) for s, e in zip(starts, ends))
    return cost + sum(break_cost(*words[e - 1:e + 2]) for e in ends[:-1])


def _best(words: Sequence[str], count: int, room: _Room) -> list[int] | None:
    """The ends of the `count` lines of least cost (ties: the fullest first lines), None when none fit."""
    total = len(words)
    parted = [0, *(break_cost(*words[end - 1:end + 2]) for end in range(1, total)), 0]  # a break before each word
    alone = [line_cost(words[index:index + 1]) for index in range(total)]  # each word on a line of its own
    # the lines that fit, from each word: the ends after it, in order, as far as the room goes
    ends_from = []
    for start in range(total):
        ends = [start + 1]
        while ends[-1] < total and room.fits(start, ends[-1] + 1):
            ends.append(ends[-1] + 1)
        ends_from.append(ends)
    # best[k][i]: (cost, ends) of words[i:] on k lines; ends compared so that later first breaks win ties
    best: list[dict[int, tuple[int, tuple[int, ...]]]] = [{total: (0, ())}]
    for lines in range(1, count + 1):
        row: dict[int, tuple[int, tuple[int, ...]]] = {}
        for start in range(total - 1, -1, -1):
            choice: tuple[int, tuple[int, ...]] | None = None
            for end in ends_from[start]:
                rest = best[lines - 1].get(end)
                if rest is None:
                    continue
                cost = rest[0] + parted[end] + (alone[start] if end == start + 1 else 0)
                if choice is None or cost < choice[0] or (cost == choice[0] and end > choice[1][0]):
                    choice = (cost, (end, *rest[1]))
            if choice is not None:
                row[start] = choice
        best.append(row)
    found = best[count].get(0)
    return None if found is None else list(found[1])
