"""Name normalization for gazetteer lookups (one concern: turning a name into its lookup key).

``normalize_name`` is applied identically when loading the gazetteer and when resolving a query:
NFKD + drop combining marks (accent folding: "Montréal" -> "montreal"), casefold, apostrophes
removed ("O'Fallon" -> "ofallon"), every other non-alphanumeric character becomes a space
("St.-Louis" -> "st louis"), whitespace collapsed. The result is at most ``MAX_NAME_CHARS`` long.
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
    key = " ".join("".join(out).casefold().split())
    return key[:MAX_NAME_CHARS]


def fold_accents(text: str) -> str:
    """Display form without diacritics ("Montréal" -> "Montreal"), case and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def edit_distance(a: str, b: str, max_dist: int) -> int:
    """Optimal-string-alignment distance (Levenshtein + adjacent transposition), capped.

    Returns ``max_dist + 1`` as soon as the distance is known to exceed ``max_dist``.
    """
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > max_dist:
        return max_dist + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ca = a[i - 1]
        row_min = i
        for j in range(1, lb + 1):
            cb = b[j - 1]
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            if v < row_min:
                row_min = v
        if row_min > max_dist:
            return max_dist + 1
        prev2, prev = prev, cur
    return min(prev[lb], max_dist + 1)


def similarity(a: str, b: str, max_dist: int = 3) -> float:
    """1 - distance / longer length, in [0, 1]; 0 when the distance exceeds ``max_dist``."""
    d = edit_distance(a, b, max_dist)
    if d > max_dist:
        return 0.0
    return 1.0 - d / max(len(a), len(b), 1)
