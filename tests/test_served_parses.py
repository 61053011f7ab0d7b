"""The speed work changes no parse: on a fixed set, what the service answers (one at a time, concurrently
micro-batched, cached, through /parse/batch in length buckets) and what ``Tagger.parse_batch`` returns
equal a plain reference: each text alone, encoded as one word sequence by the HF tokenizer (no word
cache), one ONNX run, ``model.decode``."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from bench.inputs import INPUTS
from model.artifact import load_artifact, rewrite_artifact
from model.decode import alternatives, decode, tag_spans
from model.labels import TAGS
from model.normalize import normalize, split_words, trim_span
from model.places import PLACE_K, PLACE_LABELS, place_hashes
from model.tagger import Tagger

GOLDEN = Path(__file__).parent / "golden"
EDGE = [
    "1 " * 70,  # more words than max_len subwords
    "Main St " * 40,
    "x",
    "10 Main St\u0000\u0007 Springfield IL",
    "Markgrafenstraße 12, 10117 Berlin, Deutschland",
    "東京都千代田区丸の内1-9-1",
    "PO Box 123, Anchorage AK 99501",
    "  12   Oak  Ave ,, Portland ;OR 97201  ",
]


def fixed_set() -> list[str]:
    texts = [json.loads(line)["input"] for f in sorted(GOLDEN.glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += INPUTS.read_text(encoding="utf-8").splitlines()[:150]
    return list(dict.fromkeys(texts + EDGE))


def reference(tagger: Tagger, text: str) -> dict[str, Any]:
    norm = normalize(text)
    ws = split_words(norm)
    enc = tagger.tokenizer._encode_sequences([[w.text for w in ws]])
    (logits,) = tagger.session.run(["logits"], {"input_ids": enc.input_ids, "attention_mask": enc.attention_mask})
    word_logits = logits[0, np.maximum(enc.first_subword[0], 0)][None]
    n = enc.word_counts[0]
    tags, probs = decode(word_logits, np.array([n]), tagger.crf, temperature=tagger.temperature)
    row = tags[0, :n].tolist()
    places = [(norm[ws[a].start : ws[z].end], label) for label, a, z in tag_spans(row) if label in PLACE_LABELS]
    if tagger.places is not None and places and not tagger.places.known(*map(list, zip(*places, strict=True))).all():
        paths = alternatives(word_logits[0], n, tagger.crf, temperature=tagger.temperature, k=PLACE_K)["paths"]
        q = tagger._choose(norm, ws)(paths)
        row = q["tags"] if q is not None else row
    comps = []
    for label, a, z in tag_spans(row):  # a component's span leaves out the brackets around it
        start, end = trim_span(norm, ws[a].start, ws[z].end, label)
        if start == end:  # punctuation alone names nothing
            continue
        comps.append({"label": label, "value": norm[start:end], "start": start, "end": end,
                      "confidence": min(float(probs[0, i, row[i]]) for i in range(a, z + 1))})
    tokens = [(w.text, TAGS[row[i]] if i < n else "O") for i, w in enumerate(ws)]
    return {"text": norm, "components": comps, "tokens": tokens}


def same(got: dict[str, Any], ref: dict[str, Any]) -> None:
    assert got["text"] == ref["text"]
    key = [(c["label"], c["value"], c["start"], c["end"]) for c in got["components"]]
    assert key == [(c["label"], c["value"], c["start"], c["end"]) for c in ref["components"]], ref["text"]
    for c, r in zip(got["components"], ref["components"], strict=True):
        assert abs(c["confidence"] - r["confidence"]) < 1e-5, (ref["text"], c, r)


@pytest.fixture(scope="module")
def tagger(tiny_arms_dir: Path) -> Tagger:
    return Tagger.load(tiny_arms_dir / "tiny")


@pytest.fixture(scope="module")
def refs(tagger: Tagger) -> dict[str, dict[str, Any]]:
    return {t: reference(tagger, t) for t in fixed_set()}


def test_parse_batch_equals_reference(tagger: Tagger, refs: dict[str, dict[str, Any]]) -> None:
    texts = list(refs)
    assert len(texts) > 2 * 64  # several length buckets
    for res in (tagger.parse_batch(texts), tagger.parse_batch(texts[::-1])[::-1]):
        for t, r in zip(texts, res, strict=True):
            comps = [{"label": c.label, "value": c.value, "start": c.start, "end": c.end, "confidence": c.confidence}
                     for c in r.components]
            same({"text": r.text, "components": comps}, refs[t])
            assert [(k.text, k.label) for k in r.tokens] == refs[t]["tokens"]


@pytest.fixture(scope="module")
def places_tagger(tiny_arms_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    """The tiny arm with a small place table and ratio 0: every unknown place is re-read if it can be."""
    import shutil

    folder = tmp_path_factory.mktemp("placed") / "tiny"
    shutil.copytree(tiny_arms_dir / "tiny", folder)
    table = folder.parent / "places.npy"
    np.save(table, place_hashes([("place", "Berlin"), ("place", "Portland"), ("place", "Paris"), ("place", "Springfield"),
                                 ("place", "Anchorage"), ("country", "Deutschland"), ("region", "OR")]))
    art = load_artifact(folder)
    rewrite_artifact(folder, labels={**art.labels, "decode": {**(art.labels.get("decode") or {}), "place_ratio": 0.0}},
                     places_path=table)
    return Tagger.load(folder)


def test_parse_batch_with_places_equals_reference(places_tagger: Tagger, refs: dict[str, dict[str, Any]]) -> None:
    texts = list(refs)
    placed = {t: reference(places_tagger, t) for t in texts}
    assert sum(placed[t]["components"] != refs[t]["components"] for t in texts) >= 3  # the table re-read some
    for res in (places_tagger.parse_batch(texts), places_tagger.parse_batch(texts[::-1])[::-1]):
        for t, r in zip(texts, res, strict=True):
            comps = [{"label": c.label, "value": c.value, "start": c.start, "end": c.end, "confidence": c.confidence}
                     for c in r.components]
            same({"text": r.text, "components": comps}, placed[t])
    for t in texts[:60]:  # the resolver's first reading is the parse
        alt = places_tagger.parse_alternatives(t)
        assert [(c["label"], c["start"], c["end"]) for c in alt["paths"][0]["components"]] == [
            (c["label"], c["start"], c["end"]) for c in placed[t]["components"]]


def test_served_parses_equal_reference(live_server: str, refs: dict[str, dict[str, Any]]) -> None:
    texts = list(refs)
    with httpx.Client(base_url=live_server, timeout=30) as client:
        batch = client.post("/parse/batch", json={"texts": texts})
        assert batch.status_code == 200, batch.text
        for t, got in zip(texts, batch.json()["results"], strict=True):
            same(got, refs[t])
            assert "tokens" not in got

        def one(t: str) -> dict[str, Any]:
            r = client.post("/parse", json={"text": t})
            assert r.status_code == 200, r.text
            return r.json()

        with ThreadPoolExecutor(16) as pool:  # concurrent requests share ONNX runs
            for t, got in zip(texts, pool.map(one, texts), strict=True):
                same(got, refs[t])
        for t in texts[:40]:  # again: answered from the cache
            same(one(t), refs[t])
        for t in texts[:20]:
            r = client.post("/parse", json={"text": t}, params={"tokens": "true"}).json()
            same(r, refs[t])
            assert [(k["text"], k["label"]) for k in r["tokens"]] == refs[t]["tokens"]
