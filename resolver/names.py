"""Name normalization for gazetteer lookups (one concern: turning a name into its lookup key).

``normalize_name`` is applied identically when loading the gazetteer and when resolving a query:
NFKD + drop combining marks (accent folding: "Montréal" -> "montreal"), casefold, apostrophes
removed ("O'Fallon" -> "ofallon"), every other non-alphanumeric character becomes a space
("St.-Louis" -> "st louis"), whitespace collapsed; letters written with full stops between them are one word
("N.Y." -> "ny", "R.I." -> "ri", "N.S.W." -> "nsw"), as the code they abbreviate is written. The result is at most
``MAX_NAME_CHARS`` long.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MAX_NAME_CHARS = 200
_APOSTROPHES = {"'", "’", "‘", "`", "´", "ʻ", "ʼ"}


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Lookup key of a place name (accent-folded, lowercase, punctuation-free)."""
    decomposed = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    for ch in decomposed:
        if ch in _APOSTROPHES:
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        if ch.isalnum():
            out.append(ch)
        else:
            out.append(" ")
    words = "".join(out).casefold().split()
    if len(words) > 1 and "." in text and all(len(w) == 1 for w in words):  # "N.Y.": an abbreviation, not 2 words
        return "".join(words)
    key = " ".join(words)
    return key[:MAX_NAME_CHARS]


def fold_accents(text: str) -> str:
    """Display form without diacritics ("Montréal" -> "Montreal"), case and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def latin_accented(text: str) -> bool:
    """A Latin name written with diacritics ("València", "Kraków"): not ASCII, and ASCII without its marks."""
    return not text.isascii() and fold_accents(text).isascii()
