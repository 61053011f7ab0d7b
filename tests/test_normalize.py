from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from model.normalize import collapse_whitespace, normalize, split_words

# arbitrary unicode plus a bias towards the hard cases: combining marks, CJK, emoji, controls
hard = st.sampled_from(list("e\u0301\u0308a\u0327 ,;#-/\t\n\r\x00\x07\u200b\u200d\u3000東京都渋谷区😀👩‍👩‍👧ŁódźStraße"))
texts = st.lists(st.one_of(st.characters(), hard), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_offsets_round_trip(raw: str) -> None:
    text = normalize(raw)
    assert text == unicodedata.normalize("NFC", text)
    words = split_words(text)
    prev_end = 0
    for w in words:
        assert text[w.start : w.end] == w.text
        assert w.start >= prev_end and w.end > w.start
        assert not any(ch.isspace() for ch in w.text)
        prev_end = w.end
    # everything that is not whitespace is inside some word
    covered = "".join(w.text for w in words)
    assert covered == "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(texts)
def test_normalize_is_length_preserving_after_nfc_and_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once
    assert all(unicodedata.category(ch) not in {"Cc", "Cs"} for ch in once)


def test_examples() -> None:
    text = normalize("1745 T Street SE,Washington,\tDC 20020")
    assert [w.text for w in split_words(text)] == ["1745", "T", "Street", "SE", ",", "Washington", ",", "DC", "20020"]
    assert normalize("Cafe\u0301") == "Café"
    assert normalize("a\x00b") == "a b"
    assert normalize("221B Baker Street\nLondon\r\nNW1 6XE\u2028UK\n") == "221B Baker Street,London, NW1 6XE,UK,"
    assert collapse_whitespace("  Rue  du\tPresbytère ") == "Rue du Presbytère"
