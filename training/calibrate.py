"""Post-hoc temperature scaling of the tagger's confidences.

Training with label smoothing 0.1 caps the predicted tag's probability near 0.9 even when the model is
almost always right, so raw softmax confidences are under-confident. One scalar temperature ``T``,
fitted on the dev split by minimizing the negative log-likelihood of the gold word tags, rescales the
logits (``softmax(logits / T)``). It never changes the predicted tags, only the confidences. The
serving tagger reads ``T`` from the artifact manifest (``temperature``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.labels import TAG_TO_ID


def nll(logits: np.ndarray, gold: np.ndarray, temperature: float) -> float:
    z = logits / temperature
    z = z - z.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return float(-logp[np.arange(len(gold)), gold].mean())


def fit_temperature(logits: np.ndarray, gold: np.ndarray, lo: float = 0.05, hi: float = 5.0, iters: int = 60) -> float:
    """Golden-section search of T in [lo, hi] minimizing the NLL (convex in 1/T)."""
    phi = (np.sqrt(5) - 1) / 2
    a, b = np.log(lo), np.log(hi)
    c, d = b - phi * (b - a), a + phi * (b - a)
    fc, fd = nll(logits, gold, float(np.exp(c))), nll(logits, gold, float(np.exp(d)))
    for _ in range(iters):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - phi * (b - a)
            fc = nll(logits, gold, float(np.exp(c)))
        else:
            a, c, fc = c, d, fd
            d = a + phi * (b - a)
            fd = nll(logits, gold, float(np.exp(d)))
    return float(np.exp((a + b) / 2))


def dev_word_logits(tagger: Any, examples: list[dict], batch_size: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Word-level logits of the serving tagger and the gold tag ids, over examples."""
    from training.data import example_words_tags

    all_logits, all_gold = [], []
    for b0 in range(0, len(examples), batch_size):
        part = [example_words_tags(ex) for ex in examples[b0 : b0 + batch_size]]
        logits, counts, _ = tagger.word_logits([[w.text for w in words] for words, _ in part])
        for b, (_, tags) in enumerate(part):
            n = int(counts[b])
            all_logits.append(logits[b, :n])
            all_gold.append(np.array([TAG_TO_ID[t] for t in tags[:n]], dtype=np.int64))
    return np.concatenate(all_logits).astype(np.float64), np.concatenate(all_gold)


def calibrate(tagger: Any, examples: list[dict]) -> dict[str, float]:
    logits, gold = dev_word_logits(tagger, examples)
    t = fit_temperature(logits, gold)
    return {"temperature": t, "dev_words": int(len(gold)), "dev_nll_t1": nll(logits, gold, 1.0),
            "dev_nll": nll(logits, gold, t)}
