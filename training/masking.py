"""Whole-word masking for MLM pre-training (numpy, on pre-tokenized batches).

For each row, ``round(mask_prob * n_words)`` words (at least one) are chosen uniformly without
replacement; every subword of a chosen word is a prediction target. Each chosen word is then, as a
whole, replaced by ``[MASK]`` (80%), by random non-special tokens (10%) or left unchanged (10%).
Targets are the original ids at chosen positions and ``-100`` elsewhere.
"""

from __future__ import annotations

import numpy as np

from model.tokenize import MASK_ID

IGNORE_INDEX = -100
N_SPECIAL = 3  # [PAD]=0 [UNK]=1 [MASK]=2


def mask_whole_words(
    input_ids: np.ndarray,
    word_ids: np.ndarray,
    rng: np.random.Generator,
    vocab_size: int,
    mask_prob: float = 0.15,
) -> tuple[np.ndarray, np.ndarray]:
    """input_ids [B,T] (0 = pad), word_ids [B,T] (word index per token, -1 = pad) -> (masked ids, targets)."""
    ids = input_ids.astype(np.int64, copy=True)
    targets = np.full(ids.shape, IGNORE_INDEX, dtype=np.int64)
    n_words = word_ids.max(axis=1) + 1  # [B]
    W = max(int(n_words.max()), 1)
    # choose k words per row: rank random keys, padding words (>= n_words) get +inf
    keys = rng.random((ids.shape[0], W))
    keys[np.arange(W)[None, :] >= n_words[:, None]] = np.inf
    ranks = keys.argsort(axis=1).argsort(axis=1)
    k = np.where(n_words > 0, np.maximum(1, np.rint(mask_prob * n_words)), 0)
    chosen = ranks < k[:, None]  # [B, W]
    # per chosen word: 0 = [MASK], 1 = random, 2 = keep
    action = rng.choice(3, size=(ids.shape[0], W), p=[0.8, 0.1, 0.1])
    valid = word_ids >= 0
    wid = np.where(valid, word_ids, 0)
    tok_chosen = np.take_along_axis(chosen, wid, axis=1) & valid
    tok_action = np.take_along_axis(action, wid, axis=1)
    targets[tok_chosen] = ids[tok_chosen]
    ids[tok_chosen & (tok_action == 0)] = MASK_ID
    rand_pos = tok_chosen & (tok_action == 1)
    ids[rand_pos] = rng.integers(N_SPECIAL, vocab_size, size=int(rand_pos.sum()))
    return ids, targets
