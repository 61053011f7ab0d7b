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


def test_isotonic_maps_are_monotone_and_reduce_ece() -> None:
    from model.calibration import Calibrator, ece, isotonic, p90_wrong

    rng = np.random.default_rng(2)
    conf = rng.uniform(0.3, 1.0, 20000)
    truth = conf**3  # an over-confident model: right with probability conf^3
    ok = rng.uniform(size=conf.size) < truth
    xs, ys = isotonic(conf, ok)
    assert all(b >= a for a, b in zip(ys, ys[1:], strict=False)) and all(b >= a for a, b in zip(xs, xs[1:], strict=False))
    cal = Calibrator.fit(["street"] * conf.size, conf, ok)
    mapped = np.array([cal("street", c) for c in conf])
    assert ece(mapped, ok) < 0.02 < ece(conf, ok)
    assert p90_wrong(mapped, ok) < p90_wrong(conf, ok)  # type: ignore[operator]
    # unknown labels use the default map; round trip through the manifest form
    again = Calibrator.from_manifest({"calibration": cal.to_json()})
    assert again is not None and again("venue", 0.9) == cal("venue", 0.9) == cal("street", 0.9)
    assert Calibrator.from_manifest({"calibration": {"method": "none"}}) is None


def test_reliability_bins_count_every_component() -> None:
    from model.calibration import reliability

    conf = np.array([0.05, 0.15, 0.95, 0.99, 1.0])
    ok = np.array([0, 0, 1, 1, 0], dtype=bool)
    bins = reliability(conf, ok, 10)
    assert sum(b["n"] for b in bins) == 5 and bins[-1]["n"] == 3 and abs(bins[-1]["accuracy"] - 2 / 3) < 1e-12
