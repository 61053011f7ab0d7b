"""``model.decode.decode`` takes a row's greedy path only where it is exactly Viterbi's (``greedy_tags``): the
tags equal those of ``greedy=False`` (Viterbi on every row) on real logits, random ones, near ties and
invalid greedy paths, for batches of one row and of many."""

from __future__ import annotations

import numpy as np
import pytest

from model.decode import CRFParams, decode, greedy_tags, log_softmax
from model.labels import NUM_TAGS, TAG_TO_ID

PLAIN = CRFParams.for_labels(None)


def _same(logits: np.ndarray, lengths: np.ndarray, crf: CRFParams = PLAIN) -> None:
    fast, probs = decode(logits, lengths, crf, temperature=1.7)
    slow, probs_slow = decode(logits, lengths, crf, temperature=1.7, greedy=False)
    np.testing.assert_array_equal(fast, slow)
    np.testing.assert_array_equal(probs, probs_slow)
    for b in range(len(lengths)):  # one row alone decodes as in its batch
        np.testing.assert_array_equal(decode(logits[b : b + 1], lengths[b : b + 1], crf)[0][0], fast[b])


@pytest.mark.parametrize("seed", range(6))
def test_greedy_rows_are_viterbi_rows(seed: int) -> None:
    rng = np.random.default_rng(seed)
    B, W = 24, 14
    logits = rng.normal(0, 3, size=(B, W, NUM_TAGS)).astype(np.float32)
    lengths = rng.integers(0, W + 1, size=B)
    # confident rows with valid paths (the usual case): B-street I-street ... O ...
    for b in range(0, B, 2):
        logits[b, :, TAG_TO_ID["O"]] += 8
        logits[b, 1, TAG_TO_ID["B-street"]] += 20
        logits[b, 2, TAG_TO_ID["I-street"]] += 20
    logits[3, 0, TAG_TO_ID["I-street"]] += 30  # an I- that starts the row: Viterbi's
    logits[5, 4] = 1.0  # a tie at one word
    logits[7, 2, TAG_TO_ID["B-locality"]] = logits[7, 2].max() + 1e-6  # a near tie
    logits[9, 3] = np.nan  # non-finite scores stay Viterbi's
    _same(logits, lengths)


def test_near_ties_and_invalid_paths_go_to_viterbi() -> None:
    em = log_softmax(np.zeros((3, 4, NUM_TAGS), dtype=np.float32))
    em[0] += np.eye(NUM_TAGS, dtype=np.float32)[TAG_TO_ID["O"]] * 5  # clear O everywhere
    em[1] += np.eye(NUM_TAGS, dtype=np.float32)[TAG_TO_ID["I-street"]] * 5  # I- after nothing: invalid
    _, rest = greedy_tags(em, np.array([4, 4, 4]))
    assert rest.tolist() == [1, 2]  # row 2: all tags tie


def test_real_logits(tiny_arms_dir: object) -> None:
    from pathlib import Path

    from bench.inputs import INPUTS
    from model.normalize import normalize, split_words
    from model.tagger import Tagger

    tagger = Tagger.load(Path(str(tiny_arms_dir)) / "tiny")
    texts = INPUTS.read_text(encoding="utf-8").splitlines()[:300]
    for i in range(0, len(texts), 50):
        words = [[w.text for w in split_words(normalize(t))] for t in texts[i : i + 50]]
        logits, counts, _ = tagger.word_logits(words)
        _same(logits, counts, tagger.crf)
