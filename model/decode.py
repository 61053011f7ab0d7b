"""Decoding word-level tag scores into BIO tags and spans (numpy only; shared by serving and training).

- ``softmax``: numerically stable softmax over the last axis.
- ``bio_repair``: argmax tags are made valid BIO: an ``I-X`` that does not continue a ``B-X``/``I-X``
  word becomes ``B-X``. Repair never changes a word's label, so it is a single vectorized pass.
- ``viterbi``: with a CRF (``labels.json`` ``crf_transitions`` [from, to], ``crf_start``, ``crf_end``),
  the best-scoring tag path over the raw logits (the CRF emissions), batched over rows.
- ``decode``: one of the two for a padded batch [B, W, K] with per-row word counts.
- ``tag_spans``: BIO tag ids -> (label, first_word, last_word) spans.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.labels import LABELS, NUM_TAGS, TAGS

TAG_LABEL: list[str | None] = [None] + [lab for lab in LABELS for _ in (0, 1)]  # tag id -> label
_LABEL_ID = np.array([-1] + [i for i in range(len(LABELS)) for _ in (0, 1)], dtype=np.int64)
_IS_I = np.array([t.startswith("I-") for t in TAGS])
assert len(TAG_LABEL) == NUM_TAGS


@dataclass(frozen=True)
class CRFParams:
    transitions: np.ndarray  # [K, K], [from, to]
    start: np.ndarray  # [K]
    end: np.ndarray  # [K]

    @classmethod
    def from_labels(cls, labels: dict) -> CRFParams | None:
        if labels.get("crf_transitions") is None:
            return None
        return cls(
            np.asarray(labels["crf_transitions"], dtype=np.float32),
            np.asarray(labels["crf_start"], dtype=np.float32),
            np.asarray(labels["crf_end"], dtype=np.float32),
        )


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def bio_repair(tags: np.ndarray) -> np.ndarray:
    """tags [..., W] int -> same shape; orphan ``I-X`` -> ``B-X`` (B-X id = I-X id - 1)."""
    tags = np.asarray(tags, dtype=np.int64)
    labels = _LABEL_ID[tags]
    prev = np.full_like(labels, -1)
    prev[..., 1:] = labels[..., :-1]
    orphan = _IS_I[tags] & (prev != labels)
    return np.where(orphan, tags - 1, tags)


def viterbi(emissions: np.ndarray, lengths: np.ndarray, crf: CRFParams) -> np.ndarray:
    """emissions [B, W, K], lengths [B] -> best tag ids [B, W] (positions >= length are 0)."""
    B, W, K = emissions.shape
    out = np.zeros((B, W), dtype=np.int64)
    if W == 0 or B == 0:
        return out
    lengths = np.asarray(lengths)
    score = crf.start[None] + emissions[:, 0]
    back = np.zeros((B, W, K), dtype=np.int64)
    for i in range(1, W):
        cand = score[:, :, None] + crf.transitions[None]  # [B, from, to]
        idx = cand.argmax(axis=1)
        nxt = np.take_along_axis(cand, idx[:, None, :], axis=1)[:, 0] + emissions[:, i]
        active = (i < lengths)[:, None]
        score = np.where(active, nxt, score)
        back[:, i] = idx
    score = score + crf.end[None]
    tag = score.argmax(axis=1)
    rows = np.arange(B)
    for i in range(W - 1, -1, -1):
        at = i == lengths - 1
        cur = np.where(at, tag, out[:, i])
        inside = i < lengths - 1
        if i + 1 < W:
            cur = np.where(inside, back[rows, i + 1, out[:, i + 1]], cur)
        out[:, i] = np.where(i < lengths, cur, 0)
    return out


def decode(
    logits: np.ndarray, lengths: np.ndarray, crf: CRFParams | None = None, temperature: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """logits [B, W, K] at words -> (tag ids [B, W], softmax(logits / temperature) [B, W, K]).

    The temperature rescales confidences only: tags come from the raw logits."""
    raw = logits.astype(np.float32, copy=False)
    probs = softmax(raw / np.float32(temperature) if temperature != 1.0 else raw)
    if crf is None:
        tags = bio_repair(probs.argmax(axis=-1))
    else:
        tags = viterbi(raw, lengths, crf)
    return tags, probs


def tag_spans(tags: np.ndarray | list[int]) -> list[tuple[str, int, int]]:
    """BIO tag ids of one row -> [(label, first_word, last_word)] (orphan I- starts a span)."""
    spans: list[tuple[str, int, int]] = []
    cur: list = []  # [label, first, last]
    for i, t in enumerate(tags):
        t = int(t)
        label = TAG_LABEL[t]
        if label is not None and _IS_I[t] and cur and cur[0] == label and cur[2] == i - 1:
            cur[2] = i
            continue
        if cur:
            spans.append((cur[0], cur[1], cur[2]))
            cur = []
        if label is not None:
            cur = [label, i, i]
    if cur:
        spans.append((cur[0], cur[1], cur[2]))
    return spans
