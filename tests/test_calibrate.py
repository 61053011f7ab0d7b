"""Temperature scaling: the fit recovers a known temperature and never changes the decoded tags."""

from __future__ import annotations

import numpy as np

from model.decode import decode
from training.calibrate import fit_temperature, nll


def test_fit_recovers_the_temperature_that_generated_the_labels() -> None:
    rng = np.random.default_rng(0)
    true_logits = rng.normal(0, 3, size=(20000, 5))
    p = np.exp(true_logits - true_logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    gold = np.array([rng.choice(5, p=row) for row in p])
    scaled = true_logits * 2.5  # an over-confident model: its logits are 2.5x too large
    t = fit_temperature(scaled, gold)
    assert abs(t - 2.5) < 0.15
    assert nll(scaled, gold, t) < nll(scaled, gold, 1.0)


def test_temperature_changes_confidence_not_tags() -> None:
    rng = np.random.default_rng(1)
    logits = rng.normal(0, 4, size=(3, 6, 25)).astype(np.float32)
    lengths = np.array([6, 4, 2])
    tags1, p1 = decode(logits, lengths)
    tags2, p2 = decode(logits, lengths, temperature=0.5)
    assert (tags1 == tags2).all()
    assert (p2.max(-1) >= p1.max(-1) - 1e-6).all() and (p2.max(-1) > p1.max(-1)).any()
