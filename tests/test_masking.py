from __future__ import annotations

import numpy as np

from model.tokenize import MASK_ID
from training.masking import IGNORE_INDEX, mask_whole_words


def _batch(rng: np.random.Generator, B: int = 400, vocab: int = 500) -> tuple[np.ndarray, np.ndarray]:
    ids = np.zeros((B, 40), dtype=np.int64)
    wids = np.full((B, 40), -1, dtype=np.int64)
    for b in range(B):
        t = 0
        for w in range(int(rng.integers(5, 15))):
            for _ in range(int(rng.integers(1, 4))):
                if t < 40:
                    ids[b, t] = rng.integers(3, vocab)
                    wids[b, t] = w
                    t += 1
    return ids, wids


def test_whole_word_masking_statistics() -> None:
    rng = np.random.default_rng(0)
    ids, wids = _batch(rng)
    masked, targets = mask_whole_words(ids, wids, np.random.default_rng(1), vocab_size=500, mask_prob=0.15)
    chosen = targets != IGNORE_INDEX
    # targets are the original ids; padding never chosen
    assert (targets[chosen] == ids[chosen]).all()
    assert not chosen[wids < 0].any()
    assert (masked[wids < 0] == 0).all()
    # whole words: every token of a word shares the decision and the 80/10/10 action
    n_words_chosen = 0
    actions = {"mask": 0, "random": 0, "keep": 0}
    for b in range(ids.shape[0]):
        nw = int(wids[b].max()) + 1
        k = 0
        for w in range(nw):
            pos = wids[b] == w
            assert chosen[b, pos].all() or not chosen[b, pos].any()
            if chosen[b, pos].all():
                k += 1
                if (masked[b, pos] == MASK_ID).all():
                    actions["mask"] += 1
                elif (masked[b, pos] == ids[b, pos]).all():
                    actions["keep"] += 1
                else:
                    actions["random"] += 1
            else:
                assert (masked[b, pos] == ids[b, pos]).all()
        assert k == max(1, round(0.15 * nw))
        n_words_chosen += k
    total_words = int((wids.max(1) + 1).sum())
    assert abs(n_words_chosen / total_words - 0.15) < 0.03
    frac = {a: c / n_words_chosen for a, c in actions.items()}
    assert abs(frac["mask"] - 0.8) < 0.05
    # a random replacement can coincide with the original id; allow a little slack
    assert abs(frac["random"] - 0.1) < 0.04 and abs(frac["keep"] - 0.1) < 0.04
    assert masked.min() >= 0 and masked.max() < 500
