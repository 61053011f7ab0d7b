"""Tokenizer: training, special ids, word-id round trips, corpus training + manifest measurements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.normalize import split_words
from model.tokenize import MASK_ID, PAD_ID, UNK_ID, WordTokenizer
from training.tokenizer import tokens_per_address, train_from_corpus, train_tokenizer

TEXTS = [
    "1745 T Street Southeast, Washington, DC 20020",
    "Apt #12, 30 w 26th st, ny, ny 10010",
    "ul. Piotrkowska 12/3, 90-001 Łódź, Polska",
    "Markgrafenstraße 22 A, 10117 Berlin, Deutschland",
    "12 Rue du Presbytère, 75002 Paris, France",
    "Rua Raul Leite, 65, Tapiraí - SP, 18180-000, Brazil",
    "福島県 郡山市 1-2-3",
    "Suite 300, 100 Main St & 2nd Ave",
] * 50

CASES = [
    ["12/3", "#12", "18180-000", "N6W23001", "1016-18"],
    ["ul.", "Piotrkowska", "Łódź", "Gdańsk", "Źródlana"],
    ["Straße", "Größe", "Müller-Weg", "10117"],
    ["Hôtel-de-Ville", "Presbytère", "Ç", "l'Église"],
    ["福島県", "郡山市", "東京都千代田区", "1-2-3"],
    [",", "Main", "St", ",", "#", "-", "/"],
]


@pytest.fixture(scope="module")
def tok():  # type: ignore[no-untyped-def]
    return train_tokenizer(TEXTS, vocab_size=300, min_frequency=1)


def test_special_token_ids(tok) -> None:  # type: ignore[no-untyped-def]
    assert (tok.token_to_id("[PAD]"), tok.token_to_id("[UNK]"), tok.token_to_id("[MASK]")) == (PAD_ID, UNK_ID, MASK_ID)
    WordTokenizer(tok)  # validates the ids


@pytest.mark.parametrize("words", CASES)
def test_word_ids_and_offsets_round_trip(tok, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    enc = tok.encode(words, is_pretokenized=True)
    wids = [w for w in enc.word_ids if w is not None]
    assert wids == sorted(wids) and set(wids) == set(range(len(words)))
    for (s, e), wid in zip(enc.offsets, enc.word_ids, strict=True):
        assert 0 <= s < e <= len(words[wid])
    # the pieces of each word cover it exactly (offsets are per word)
    for wid, word in enumerate(words):
        offs = [o for o, w in zip(enc.offsets, enc.word_ids, strict=True) if w == wid]
        if UNK_ID not in [i for i, w in zip(enc.ids, enc.word_ids, strict=True) if w == wid]:
            assert "".join(word[s:e] for s, e in offs) == word
    batch = WordTokenizer(tok, max_len=64).encode_words([words])
    assert batch.word_counts == [len(words)]
    firsts = batch.first_subword[0, : len(words)].tolist()
    assert firsts == sorted(set(firsts)) and firsts[0] == 0


def test_latin_diacritics_are_never_unknown(tok) -> None:  # type: ignore[no-untyped-def]
    words = ["Świętokrzyska", "Ærøskøbing", "Ştefan", "Nöbbelöv", "Žižkov"]
    ids = tok.encode(words, is_pretokenized=True).ids
    assert UNK_ID not in ids


def test_tokens_per_address(tok) -> None:  # type: ignore[no-untyped-def]
    m = tokens_per_address(tok, TEXTS[:8])
    assert m["n"] == 8 and 0 < m["mean"] <= m["max"] and m["p99"] <= m["max"]
    assert m["mean"] >= sum(len(split_words(t)) for t in TEXTS[:8]) / 8


def test_train_from_corpus_writes_manifest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for split in ("train", "dev", "test"):
        with (corpus / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for t in TEXTS[:40]:
                f.write(json.dumps({"text": t, "spans": [], "source": "x", "country": "", "record": t}) + "\n")
    (corpus / "manifest.json").write_text(json.dumps({"version": "9.9.9", "counts": {"splits": {"train": 40}}}))
    out = tmp_path / "tok"
    m = train_from_corpus(corpus, out, "0.0.1", vocab_size=300)
    assert (out / "tokenizer.json").is_file()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == m
    assert m["corpus_version"] == "9.9.9" and m["version"] == "0.0.1"
    meas = m["measurements"]
    assert meas["dev_tokens_per_address_mean"] > 0 and meas["dev_tokens_per_address_p99"] > 0
    assert 0.0 <= meas["harness_unk_rate"] <= 1.0 and meas["harness_inputs"] > 0
    WordTokenizer.from_file(out / "tokenizer.json")


def test_default_tokenizer_artifact() -> None:
    root = Path(__file__).resolve().parents[1] / "artifacts" / "tokenizer" / "0.1.0"
    if not (root / "tokenizer.json").is_file():
        pytest.skip("default tokenizer not trained")
    wt = WordTokenizer.from_file(root / "tokenizer.json")
    assert 4000 <= wt.vocab_size <= 16000
    m = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert m["vocab_size"] == wt.vocab_size and m["measurements"]["harness_unk_rate"] < 0.01


def test_hangul_syllables_keep_known_pieces_from_0_3_0() -> None:
    """Tokenizer >= 0.3.0 cuts Hangul words into syllables: a word with an unseen syllable keeps the others (the
    district's 구), where 0.2.0's WordPiece made the whole word one [UNK]."""
    from training.tokenizer import hangul_pieces

    assert hangul_pieces("0.3.0") and not hangul_pieces("0.2.0")
    korean = ["서울특별시 강남구 테헤란로 152", "부산광역시 수영구 광안로 12"] * 20
    new = train_tokenizer(korean, vocab_size=200, min_frequency=1, hangul_syllables=True)
    old = train_tokenizer(korean, vocab_size=200, min_frequency=1)
    words = ["해운대구"]  # 해, 운, 대 unseen; 구 seen
    assert new.encode(words, is_pretokenized=True).tokens == ["[UNK]", "[UNK]", "[UNK]", "구"]
    assert old.encode(words, is_pretokenized=True).tokens == ["[UNK]"]
    batch = WordTokenizer(new, max_len=64).encode_words([["테헤란로", "152"]])
    assert batch.first_subword[0, :2].tolist() == [0, 4]


def test_other_commas_are_encoded_as_commas() -> None:
    """The Arabic, fullwidth and ideographic commas have the subwords of ",", alone and in a sequence."""
    tok = WordTokenizer.from_file(Path(__file__).resolve().parents[1] / "artifacts" / "tokenizer" / "0.3.0" /
                                  "tokenizer.json")
    comma = tok.word_ids([","])[0]
    assert tok.word_ids(["،", "，", "、"]) == [comma, comma, comma]
    seq = tok._encode_sequences([["Riyadh", "،", "SA"], ["Riyadh", ",", "SA"]])
    assert seq.input_ids[0].tolist() == seq.input_ids[1].tolist()


def test_eastern_arabic_and_persian_digits_are_read_as_digits() -> None:
    """Tokenizer 0.3.0 has no piece for the Eastern Arabic or Persian digits: they are encoded as the ASCII digits
    (``model.normalize.token_text``), alone, inside a word and in a sequence, where they had been one [UNK]."""
    from model.tokenize import UNK_ID

    tok = WordTokenizer.from_file(Path(__file__).resolve().parents[1] / "artifacts" / "tokenizer" / "0.3.0" /
                                  "tokenizer.json")
    assert tok.tok.encode(["٤٥"], is_pretokenized=True).ids == [UNK_ID]  # the raw tokenizer: one unknown word
    assert tok.word_ids(["٤٥", "۱۲", "12ب"]) == tok.word_ids(["45", "12", "12ب"])
    seq = tok._encode_sequences([["شارع", "٤٥"], ["شارع", "45"]])
    assert seq.input_ids[0].tolist() == seq.input_ids[1].tolist()
