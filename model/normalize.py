"""Text normalization and word splitting with character offsets.

The corpus builder and the service call these functions identically:

1. ``normalize``: Unicode NFC; a line break (``\n``, ``\r``, ``\r\n`` as ", ", vertical tab, form feed,
   NEL, line/paragraph separator) becomes a comma, since an address's lines are its parts; every other
   control, surrogate or non-character code point becomes one space. After NFC the length never changes,
   so offsets into the normalized text are offsets the client can use on the ``text`` echoed back.
2. ``split_words``: words are maximal runs of non-whitespace, except that "," and ";" are words of
   their own (they carry boundary information and are tagged ``O``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_WORD_RE = re.compile(r"[,;]|[^\s,;]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_CATEGORIES = {"Cc", "Cs", "Zl", "Zp", "Co", "Cn"}
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\x0b\x0c\x85\u2028\u2029", ","))


class Word(NamedTuple):
    text: str
    start: int
    end: int


def _clean_char(ch: str) -> str:
    if unicodedata.category(ch) in _BAD_CATEGORIES:
        return " "
    return ch


def normalize(text: str) -> str:
    """NFC + line breaks -> commas + other control/invalid code points -> space. Length-preserving after NFC."""
    # lone surrogates cannot be NFC-normalized; replace them first
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    text = text.replace("\r\n", ", ").translate(_LINE_BREAKS)
    return text if text.isprintable() else "".join(_clean_char(ch) for ch in text)


def split_words(text: str) -> list[Word]:
    """Split (already normalized) text into words with [start, end) character offsets."""
    return [Word(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def collapse_whitespace(text: str) -> str:
    """Single-space form used to compare component values."""
    return " ".join(text.split())
