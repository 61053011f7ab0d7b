"""Text normalization and word splitting with character offsets.

The corpus builder and the service call these functions identically:

1. ``normalize``: Unicode NFC; a line break (``\n``, ``\r``, ``\r\n`` as ", ", vertical tab, form feed,
   NEL, line/paragraph separator) becomes a comma, since an address's lines are its parts; the Japanese
   postal mark 〒 and every other control, surrogate or non-character code point become one space. After
   NFC the length never changes, so offsets into the normalized text are offsets the client can use on
   the ``text`` echoed back.
2. ``split_words``: words are maximal runs of non-whitespace, except that "," and ";" are words of
   their own (they carry boundary information and are tagged ``O``), as are the Arabic, fullwidth and
   ideographic commas "،", "，" and "、" (``COMMAS``: the tokenizer reads each as ","), and that a run
   with Han or kana characters is cut where an address's parts end (prefecture, city, ward, road, chōme,
   number), as Chinese and Japanese addresses are written without spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

# commas of other scripts: words of their own, which ``model.tokenize`` encodes as ","
COMMAS = {"\u060c": ",", "\uff0c": ",", "\u3001": ","}  # Arabic "،", fullwidth "，", ideographic "、"
SEPARATORS = frozenset({",", ";", "|", *COMMAS})  # the words that only separate an address's parts
# a word the tokenizer reads as another: the commas of other scripts and a bar or bullet alone as ",", a dash alone
# as "-" (the corpus writes "-" between an address's parts; typed text often has the en or em dash)
READ_AS = COMMAS | {"|": ",", "\u00a6": ",", "\u2022": ",", "\u00b7": ",", "\u2013": "-", "\u2014": "-", "\u2012": "-",
                    "\u2015": "-", "\u2212": "-"}
# Eastern Arabic and Persian digits, which tokenizer 0.3.0 has no piece for (a word with one was [UNK]): the tokenizer
# reads them as the ASCII digits they are (``token_text``)
DIGIT_FOLD = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                           "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9", "0123456789" * 2)
_WORD_RE = re.compile(r"[,;\u060c\uff0c\u3001]|[^\s,;\u060c\uff0c\u3001]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_CATEGORIES = {"Cc", "Cs", "Zl", "Zp", "Co", "Cn"}
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\x0b\x0c\x85\u2028\u2029", ","))


class Word(NamedTuple):
    text: str
    start: int
    end: int


def token_text(word: str) -> str:
    """What the tokenizer reads for ``word`` (a word of ``split_words``): ``READ_AS``' replacement, else the word with
    Eastern Arabic and Persian digits as ASCII digits (``DIGIT_FOLD``: "٤٥" as "45"). Spans and values keep the
    word as written."""
    return READ_AS.get(word) or word.translate(DIGIT_FOLD)


def _clean_char(ch: str) -> str:
    if unicodedata.category(ch) in _BAD_CATEGORIES:
        return " "
    return ch


def normalize(text: str) -> str:
    """NFC + line breaks -> commas + 〒 and other control/invalid code points -> space. Length-preserving
    after NFC."""
    # lone surrogates cannot be NFC-normalized; replace them first
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if "〒" in text:  # the Japanese postal mark: it marks the postcode and is no part of it
        text = text.replace("〒", " ")
    if text.isprintable():
        return text
    text = text.replace("\r\n", ", ").translate(_LINE_BREAKS)
    return text if text.isprintable() else "".join(_clean_char(ch) for ch in text)


# Chinese and Japanese addresses are written without spaces: a word with Han or kana characters is cut where
# the address's parts end (the spaced parts the corpus renders: "東京都 千代田区 丸の内 1丁目 2番3号"), so
# "東京都千代田区丸の内1丁目2番3号" has the same words. Parts, tried in this order at each position:
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PART = re.compile(
    r"東京都|北海道|京都府|大阪府|[^\d\W]{2,3}?県"  # Japanese prefectures
    r"|[^\d\W]+?州[省市县縣区區]"  # "郑州市", "贵州省": 州 ends many names, then the division's own word
    r"|[^\d\W]+?(?:特別市|特别市|広域市|自治区|自治州|[省县縣市区區町村郡镇鎮乡鄉])"  # divisions (都, 府: prefectures only)
    r"|[^\d\W]+?(?:大街|大道|[路街巷弄])"  # Chinese roads
    r"|\d+丁目"  # chōme
    r"|(?:\d+(?:[-－‐]\d+)*(?:番地|番|号|號|の)?)+"  # numbers: "2番3号", "1-1", "10000号"
    r"|[^\d\W]+|\d+|."  # the rest: a run of letters, of digits, one other character
)


_new = tuple.__new__


def split_words(text: str) -> list[Word]:
    """Split (already normalized) text into words with [start, end) character offsets."""
    if _CJK.search(text) is None:  # the usual text: one search, then whitespace words
        out = []
        for m in _WORD_RE.finditer(text):  # (a tuple made directly: 25% less than ``Word(...)`` per word)
            a, z = m.span()
            out.append(_new(Word, (text[a:z], a, z)))
        return out
    out = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if _CJK.search(word) is None or len(word) < 3:
            out.append(Word(word, m.start(), m.end()))
            continue
        base = m.start()
        out.extend(Word(p.group(), base + p.start(), base + p.end()) for p in _CJK_PART.finditer(word))
    return out


_OPEN, _CLOSE = "([{\uff08\uff3b", ")]}\uff09\uff3d"  # ( [ { and the fullwidth ( [ ; their closers
# quotation marks around a name: an opening mark and its closer ('"' and "'" close themselves)
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2039": "\u203a",
           "\u300c": "\u300d", "\u300e": "\u300f"}
_QUOTE_CLOSERS = frozenset(_QUOTES.values())
# labels whose value never ends with a full stop of its own, except in an abbreviation with stops inside ("U.S.A.")
# or a short one ("Ft."): a stop after "London" or "SW1A 2AA" ends the sentence, not the name
_STOP_LABELS = frozenset({"postcode", "locality", "suburb", "country"})
# a sign that designates a unit as "Apt" does: a first word of a unit's span that is kept ("# 26")
_DESIGNATOR_SIGNS = frozenset({"#", "\u2116"})  # "#", "№"


def _partner(text: str, i: int, a: int, z: int) -> int:
    """Index of the bracket that closes the opener at ``i`` (scanning on) or opens the closer at ``i`` (scanning back),
    within ``[a, z)``; -1 when none does."""
    step, inward, outward = (1, _OPEN, _CLOSE) if text[i] in _OPEN else (-1, _CLOSE, _OPEN)
    depth = 0
    for k in range(i, z if step == 1 else a - 1, step):
        if text[k] in inward:
            depth += 1
        elif text[k] in outward:
            depth -= 1
            if depth == 0:
                return k
    return -1


def _unwrap(text: str, a: int, z: int) -> tuple[int, int] | None:
    """``[a, z)`` less one layer of the brackets or quotation marks around it, else None."""
    first, last = text[a], text[z - 1]
    if first in _OPEN:
        close = _partner(text, a, a, z)
        if close == z - 1:
            return a + 1, z - 1
        if close == -1:
            return a + 1, z
    if last in _CLOSE and _partner(text, z - 1, a, z) == -1:
        return a, z - 1
    if first in _QUOTES:
        closer = _QUOTES[first]
        inner = text.find(closer, a + 1, z)
        if inner == z - 1:
            return a + 1, z - 1
        if inner == -1:
            return a + 1, z
    if last in _QUOTE_CLOSERS and not any(text[i] in _QUOTES and _QUOTES[text[i]] == last for i in range(a, z - 1)):
        return a, z - 1
    return None


def _bare_edge(text: str, a: int, z: int, label: str) -> tuple[int, int] | None:
    """``[a, z)`` less a first or last word with no letter or digit ("Springfield /" -> "Springfield"), else None.
    A unit's designator sign stays, as it does when written together ("# 26" as "#26", "Ste # 200")."""
    first = text.find(" ", a, z)
    if first != -1 and not any(ch.isalnum() for ch in text[a:first]) \
            and not (label == "unit" and text[a:first] in _DESIGNATOR_SIGNS):
        return first + 1, z
    last = text.rfind(" ", a, z)
    if last != -1 and not any(ch.isalnum() for ch in text[last + 1 : z]):
        return a, last
    return None


def trim_span(text: str, a: int, z: int, label: str) -> tuple[int, int]:
    """A component's span ``[a, z)`` without the punctuation around it that is not the name's. The tagger labels
    words, which are cut at spaces and commas only, so a province written "Milano (MI)" is a word "(MI)", a venue
    may be quoted and an address may end with a full stop:

    - brackets or quotation marks that enclose the whole span go ("(MI)" -> "MI", '"Hotel Adlon"' -> "Hotel Adlon"),
      as does an opening one at its start or a closing one at its end that the span does not close or open;
      brackets a name holds stay ("Frankfurt (Oder)");
    - a first or last word with no letter or digit goes ("Springfield /" -> "Springfield"), except a unit's
      designator sign ("# 26" stays, as "#26" does);
    - a full stop at the end of a postcode, locality, suburb or country goes ("London." -> "London"), unless its
      last word is an abbreviation: a stop inside it ("U.S.A.") or shorter than three letters ("Ft.").

    A span with no letter or digit at all ("|", "–") names nothing: the result is empty (``a == z``).
    """
    if text[a].isalnum() and text[z - 1].isalnum():
        return a, z  # the usual span: a letter or digit at each end leaves nothing to trim
    if not any(ch.isalnum() for ch in text[a:z]):
        return a, a  # punctuation alone ("|", "–"): no component
    while z - a > 1:
        cut = _unwrap(text, a, z)
        if cut is None:
            cut = _bare_edge(text, a, z, label)
        if cut is None:
            break
        na, nz = cut
        while na < nz and text[na].isspace():
            na += 1
        while nz > na and text[nz - 1].isspace():
            nz -= 1
        if nz <= na:
            break
        a, z = na, nz
    if label in _STOP_LABELS and z - a > 1 and text[z - 1] == ".":
        word = text[max(text.rfind(" ", a, z - 1) + 1, a) : z - 1]
        if len(word) >= 3 and "." not in word:
            z -= 1
    return a, z


def trimmed_spans(text: str, spans: Iterable[Sequence[Any]]) -> set[tuple[str, int, int]]:
    """Gold ``(label, start, end)`` spans of ``text`` as the tagger reports them: each through ``trim_span``, and
    none of punctuation alone (the measures compare them with the parse's components)."""
    out = ((str(label), *trim_span(text, int(s), int(e), str(label))) for label, s, e in spans)
    return {sp for sp in out if sp[1] < sp[2]}


def collapse_whitespace(text: str) -> str:
    """Single-space form used to compare component values."""
    return " ".join(text.split())
