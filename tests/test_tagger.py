from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.labels import TAGS
from training.pass_rate import run_harness, score_case
from training.tiny import build_tiny_arm, make_toy_corpus, make_toy_tokenizer


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory):
    from model.tagger import Tagger

    root = tmp_path_factory.mktemp("tagger")
    corpus = make_toy_corpus(root / "corpus", n_train=800, n_dev=100, n_test=10)
    tok = make_toy_tokenizer(corpus, root / "tok" / "tokenizer.json")
    folder = build_tiny_arm(root / "arms" / "tiny", corpus, tok, steps=200, overrides=["model.max_len=12"])
    return Tagger.load(folder, intra_threads=1, inter_threads=1)


def test_parse_batch_contract(tagger) -> None:
    texts = ["12 Oak St, Salem, OR 97301", "", "  ", "1 Main Street Apt 4B, Portland"]
    results = tagger.parse_batch(texts)
    assert len(results) == 4 and tagger.name == "tiny"
    r = results[0]
    assert r.text == texts[0]
    assert [(c.label, c.value) for c in r.components] == [
        ("house_number", "12"), ("street", "Oak St"), ("locality", "Salem"), ("region", "OR"), ("postcode", "97301"),
    ]
    for c in r.components:
        assert r.text[c.start : c.end] == c.value and 0 < c.confidence <= 1
    assert [t.text for t in r.tokens] == ["12", "Oak", "St", ",", "Salem", ",", "OR", "97301"]
    assert all(t.label in TAGS and 0 < t.confidence <= 1 for t in r.tokens)
    assert results[1].components == [] and results[1].tokens == [] and results[2].tokens == []
    assert tagger.parse_batch([]) == []


@pytest.mark.parametrize("blank", ["", "   ", "\u0007", " \t\n "])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_texts_without_words_anywhere_in_a_batch(tagger, blank: str, where: str) -> None:
    # a text with no words at the end of a batch broke the per-text subword count (IndexError -> 500)
    texts = ["12 Oak St, Salem, OR 97301", "1 Main Street Apt 4B, Portland"]
    texts.insert({"first": 0, "middle": 1, "last": 2}[where], blank)
    got = tagger.parse_batch(texts)
    alone = [tagger.parse_batch([t])[0] for t in texts]
    assert [r.components for r in got] == [r.components for r in alone]
    assert got[texts.index(blank)].components == []


def test_words_beyond_max_len_are_outside(tagger) -> None:
    text = "12 Oak St, Salem, OR 97301 " + " ".join(["Springfield"] * 20)
    r = tagger.parse(text)
    assert len(r.tokens) == len(text.split()) + 2
    tail = r.tokens[-5:]
    assert all(t.label == "O" and t.confidence == 0.0 for t in tail)
    assert r.tokens[0].confidence > 0


def test_component_confidence_is_min_over_words(tagger) -> None:
    r = tagger.parse("12 Oak St, Salem")
    street = next(c for c in r.components if c.label == "street")
    words = [t for t in r.tokens if street.start <= t.start and t.end <= street.end]
    assert street.confidence <= min(t.confidence for t in words) + 1e-6


def test_harness_scoring(tagger, tmp_path: Path) -> None:
    case = {"input": "Main St & 2nd Ave", "expected": {"street": ["Main St", "2nd Ave"]}, "mode": "top_solution"}
    assert score_case(case, [("street", "Main  St"), ("street", "2nd Ave")])
    assert not score_case(case, [("street", "2nd Ave"), ("street", "Main St")])
    assert not score_case(case, [("street", "Main St")])
    case2 = {"input": "Rozenburg", "expected": {"locality": "Rozenburg"}, "mode": "all_solutions",
             "all_solutions": [[["locality", "Rozenburg"]], [["street", "Rozenburg"]]]}
    assert score_case(case2, [("street", "Rozenburg")]) and not score_case(case2, [("venue", "Rozenburg")])
    case3 = {"input": "10 Elm St", "expected": {"housenumber": "10", "street": "Elm St"}, "mode": "top_solution"}
    assert score_case(case3, [("house_number", "10"), ("street", "Elm St")])
    assert not score_case(case3, [("house_number", "10"), ("street", "Elm St"), ("locality", "x")])
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(case3) + "\n" + json.dumps(case) + "\n")
    res = run_harness(tagger, cases)
    assert res["total"] == 2 and 0 <= res["pass_rate"] <= 1
