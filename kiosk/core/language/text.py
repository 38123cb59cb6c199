"""Text as search compares it: lower case, accents removed, punctuation as spaces ("Vélo-cargo" -> "velo cargo")."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case `text`, strip accents and turn punctuation into spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", bare)


# Characters that draw nothing yet change how a text reads: bidi embeddings, overrides and isolates
# ("\u202e" reverses what follows), zero-width spaces and joiners, word joiners, the byte order mark,
# soft hyphens, interlinear annotations; and control characters, which draw boxes. A pack's texts keep
# none of them (line breaks stay; a tab becomes a space).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def visible_text(text: str) -> str:
    """`text` without bidi controls, zero-width and other invisible characters (tabs become spaces)."""
    return _INVISIBLE.sub("", text.replace("\t", " "))


# An email address, or a run of 6+ digits (a phone, a loyalty or card number)
_PERSONAL = re.compile(r"[^\s@'\"<>:;,]+@[^\s@'\"<>:;,]+|\+?\d[\d .-]{4,}\d")


def without_personal_data(text: str) -> str:
    """`text` with anything that looks like an email address or a phone or card number replaced by "…",
    for what is logged or kept (an error a server sent back may quote the address it refused)."""
    return _PERSONAL.sub("…", text)


HIDDEN = "•••"  # what stands for the hidden letters of an address (as many whatever their number)


def glimpse_of_email(address: str) -> str:
    """What may be written large of an address being typed, where people around read it too: its first
    letters (one for a short name, two otherwise) and its domain whole ("da•••@example.org"); the name's
    other letters, and how many they are, stay hidden. Enough for the shopper to see that the address is
    theirs and to check its domain; the whole address shows in the field, within reach."""
    name, at, domain = address.partition("@")
    if not name:
        return address
    first = name[:1] if len(name) <= 4 else name[:2]
    return f"{first}{HIDDEN}{at}{domain}"
