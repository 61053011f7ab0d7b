from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.normalize import collapse_whitespace, normalize, split_words, trim_span

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


# Chinese and Japanese addresses are written without spaces: their words are the parts the corpus renders
CJK_WORDS = [
    ("東京都千代田区丸の内1丁目2番3号", ["東京都", "千代田区", "丸の内", "1丁目", "2番3号"]),
    ("京都府京都市左京区", ["京都府", "京都市", "左京区"]),
    ("北京市东城区东长安街1号", ["北京市", "东城区", "东长安街", "1号"]),
    ("广东省深圳市南山区深南大道10000号", ["广东省", "深圳市", "南山区", "深南大道", "10000号"]),
    ("郑州市,贵州省", ["郑州市", ",", "贵州省"]),
    ("台北市信義區市府路1號", ["台北市", "信義區", "市府路", "1號"]),
    ("市川市", ["市川市"]),
    ("東京都 千代田区 丸の内 1丁目 2番3号", ["東京都", "千代田区", "丸の内", "1丁目", "2番3号"]),
    ("서울특별시 중구", ["서울특별시", "중구"]),  # Korean is written with spaces: whitespace words
]


@pytest.mark.parametrize(("text", "words"), CJK_WORDS, ids=[w[0] for w in CJK_WORDS])
def test_cjk_words(text: str, words: list[str]) -> None:
    got = split_words(normalize(text))
    assert [w.text for w in got] == words
    assert all(text[w.start : w.end] == w.text for w in got)


def test_postal_mark_is_a_space() -> None:
    assert normalize("〒100-0005 東京都") == " 100-0005 東京都"
    assert [w.text for w in split_words(normalize("〒100-0005"))] == ["100-0005"]


# the commas of other scripts are words of their own, as "," is ("فهد،" was one word with its comma)
OTHER_COMMAS = [
    ("شارع الملك فهد، الرياض", ["شارع", "الملك", "فهد", "،", "الرياض"]),
    ("Calle Mayor 5，Madrid", ["Calle", "Mayor", "5", "，", "Madrid"]),
    ("丸の内1丁目、東京", ["丸の内", "1丁目", "、", "東京"]),
]


@pytest.mark.parametrize(("text", "words"), OTHER_COMMAS, ids=[w[0] for w in OTHER_COMMAS])
def test_other_commas(text: str, words: list[str]) -> None:
    assert [w.text for w in split_words(normalize(text))] == words


@pytest.mark.parametrize(
    ("span", "label", "value"),
    [
        ("(MI)", "region", "MI"),  # a province code in brackets after its town
        ("(Québec)", "region", "Québec"),
        ("((x))", "region", "x"),
        ("(Port Moresby)", "county", "Port Moresby"),
        ("（東京）", "region", "東京"),  # fullwidth brackets
        ("(a", "locality", "a"),  # an opening bracket the span does not close
        ("b)", "locality", "b"),
        ("Frankfurt (Oder)", "locality", "Frankfurt (Oder)"),  # brackets a name holds stay
        ("Kokos-(Keeling-)Inseln", "country", "Kokos-(Keeling-)Inseln"),
        ("(Kreis 2) / Enge", "suburb", "(Kreis 2) / Enge"),
        ("()", "region", ""),  # punctuation alone names nothing
        ("|", "suburb", ""),
        ("Springfield /", "locality", "Springfield"),  # a last word with no letter or digit
        ("# 26", "unit", "# 26"),  # a unit's designator sign stays, as in "#26" and "Ste # 200"
        ("№ 5", "unit", "№ 5"),
        ("# 26", "house_number", "26"),  # only a unit's
        ("APT 1 #", "unit", "APT 1"),  # and only first
        ('"Hotel Adlon"', "venue", "Hotel Adlon"),  # quotation marks around a name
        ("«Café Central»", "venue", "Café Central"),
        ("„Zur Post“", "venue", "Zur Post"),
        ("Joe's", "venue", "Joe's"),  # an apostrophe is no quotation mark
        ("London.", "locality", "London"),  # a full stop that ends the sentence
        ("SW1A 2AA.", "postcode", "SW1A 2AA"),
        ("United Kingdom.", "country", "United Kingdom"),
        ("U.S.A.", "country", "U.S.A."),  # an abbreviation keeps its stops
        ("Ft.", "locality", "Ft."),
        ("Main St.", "street", "Main St."),  # a street's last word is often an abbreviation
        ("Calif.", "region", "Calif."),
        ("MI", "region", "MI"),
    ],
)
def test_trim_span(span: str, label: str, value: str) -> None:
    text = f"x {span} y"
    a, z = trim_span(text, 2, 2 + len(span), label)
    assert text[a:z] == value
