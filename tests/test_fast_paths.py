"""The vectorized serving paths (issue 14) give exactly what the plain ones give: the O(K) Viterbi step of
plain BIO transitions, the batch repeat check, batch span finding and the numpy packing of subword ids."""

from __future__ import annotations

import numpy as np
import pytest

from model import decode as D
from model import tokenize as T
from model.normalize import normalize, split_words
from training.tokenizer import train_tokenizer

RNG_SEEDS = range(6)


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_bio_step_equals_general_step(seed: int) -> None:
    rng = np.random.default_rng(seed)
    crf = D.CRFParams.for_labels(None)
    assert D._plain_bio(crf)
    for trial in range(40):
        B, W = int(rng.integers(1, 50)), int(rng.integers(1, 30))
        logits = (rng.standard_normal((B, W, D.NUM_TAGS)) * [1, 5, 30][trial % 3]).astype(np.float32)
        if trial % 4 == 0:
            logits = np.round(logits)  # ties: the first best tag wins in both
        lengths = rng.integers(0, W + 1, size=B)
        em = D.log_softmax(logits)
        back_g, score_g = D._general_back(em, lengths, crf)
        back_b, score_b = D._bio_back(em, lengths, crf)
        assert np.array_equal(score_g, score_b)
        active = np.arange(W)[None, :] < lengths[:, None]
        active[:, 0] = False  # position 0 has no pointer
        assert np.array_equal(back_g[active], back_b[active])


def test_learned_transitions_take_the_general_step() -> None:
    labels = {"decode": {"transition_weight": 1.0, "transitions": np.full((D.NUM_TAGS, D.NUM_TAGS), 0.5).tolist(),
                         "start": [0.0] * D.NUM_TAGS}}
    assert not D._plain_bio(D.CRFParams.for_labels(labels))


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_batch_spans_and_repeats_equal_row_by_row(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(60):
        B, W = int(rng.integers(1, 30)), int(rng.integers(1, 25))
        tags = rng.integers(0, D.NUM_TAGS, size=(B, W)) * (rng.random((B, W)) < 0.7)
        lengths = rng.integers(0, W + 1, size=B)
        rows, first, last, lab = D.row_spans(tags.copy(), lengths)
        want = [(b, D.LABELS.index(label), a, z) for b in range(B) for label, a, z in D.tag_spans(tags[b, : lengths[b]])]
        assert list(zip(rows.tolist(), lab.tolist(), first.tolist(), last.tolist(), strict=True)) == want
        for b in range(B):
            tags[b, lengths[b]:] = 0  # decode leaves O past a row's end
        for alone in (False, True):
            assert D._beam_rows(tags, lengths, alone) == [
                b for b in range(B) if lengths[b] and D._needs_beam(tags[b, : lengths[b]], alone)]


def test_numpy_packing_equals_the_word_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["1745 T Street Southeast, Washington, DC 20020", "Markgrafenstraße 22 A, 10117 Berlin",
             "福島県 郡山市 1-2-3", "x", "Suite 300, 100 Main St & 2nd Ave"]
    tok = T.WordTokenizer(train_tokenizer(texts * 20, vocab_size=200, min_frequency=1), max_len=12)
    rng = np.random.default_rng(0)
    for _ in range(30):
        batch = [[w.text for w in split_words(normalize(texts[i]))] for i in rng.integers(0, len(texts), 9)]
        batch += [["1"] * 20, []]  # past max_len; no words
        ids = tok.word_ids([w for ws in batch for w in ws])
        fast = tok._pack_words(ids, [len(ws) for ws in batch])
        monkeypatch.setattr(T, "PACK_VECTOR_MIN_WORDS", 10**9)
        slow = tok.encode_words(batch, ids)
        monkeypatch.undo()
        for a, b in ((fast.input_ids, slow.input_ids), (fast.attention_mask, slow.attention_mask),
                     (fast.first_subword, slow.first_subword)):
            assert a.dtype == b.dtype and np.array_equal(a, b)
        assert fast.word_counts == slow.word_counts
