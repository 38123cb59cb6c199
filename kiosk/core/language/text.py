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
