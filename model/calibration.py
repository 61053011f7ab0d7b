"""Component-confidence calibration (numpy only): isotonic maps per label, and the measures.

A component's raw confidence (the minimum over its words of the predicted tag's softmax probability) is
mapped to the probability that the component is exactly right (label and span), by a monotone
piecewise-linear map fitted with pool-adjacent-violators (isotonic regression) on a calibration split of
real-text rows (``training/calibrate.py``). Labels with fewer than ``MIN_PER_LABEL`` calibration
components use the map fitted on all labels. The maps travel in the arm manifest (``calibration``):
``{"method": "isotonic", "maps": {label: [[x...], [y...]]}, "default": [[x...], [y...]]}``.

Measures: ``ece`` (expected calibration error over equal-width bins), ``p90_wrong`` (90th percentile of
the confidence of wrong components) and ``reliability`` (per-bin mean confidence, accuracy and count).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

MIN_PER_LABEL = 150


def isotonic(conf: np.ndarray, correct: np.ndarray, prior_weight: float = 2.0) -> tuple[list[float], list[float]]:
    """Fit a non-decreasing map conf -> P(correct). Returns knots (x, y) for ``np.interp``."""
    order = np.argsort(conf, kind="stable")
    x = np.asarray(conf, dtype=np.float64)[order]
    y = np.asarray(correct, dtype=np.float64)[order]
    prior = float(y.mean()) if len(y) else 0.5
    # blocks: [sum_y, n, sum_x]
    sums: list[float] = []
    ns: list[float] = []
    xs: list[float] = []
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        sums.append(yi)
        ns.append(1.0)
        xs.append(xi)
        while len(sums) > 1 and sums[-2] / ns[-2] >= sums[-1] / ns[-1]:
            s, n, sx = sums.pop(), ns.pop(), xs.pop()
            sums[-1] += s
            ns[-1] += n
            xs[-1] += sx
    kx = [sx / n for sx, n in zip(xs, ns, strict=True)]
    ky = [(s + prior_weight * prior) / (n + prior_weight) for s, n in zip(sums, ns, strict=True)]
    ky = list(np.maximum.accumulate(np.asarray(ky))) if ky else ky  # the prior can break monotonicity
    return [float(v) for v in kx], [float(v) for v in ky]


@dataclass
class Calibrator:
    maps: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)
    default: tuple[list[float], list[float]] | None = None

    @classmethod
    def from_manifest(cls, manifest: dict[str, Any]) -> Calibrator | None:
        cal = manifest.get("calibration") or {}
        if cal.get("method") != "isotonic":
            return None
        maps = {k: (list(v[0]), list(v[1])) for k, v in (cal.get("maps") or {}).items()}
        d = cal.get("default")
        return cls(maps, (list(d[0]), list(d[1])) if d else None)

    def to_json(self) -> dict[str, Any]:
        return {"method": "isotonic", "maps": {k: [x, y] for k, (x, y) in sorted(self.maps.items())},
                "default": [self.default[0], self.default[1]] if self.default else None}

    def __call__(self, label: str, conf: float) -> float:
        m = self.maps.get(label) or self.default
        if not m or not m[0]:
            return conf
        return float(np.interp(conf, m[0], m[1]))

    @classmethod
    def fit(cls, labels: list[str], conf: np.ndarray, correct: np.ndarray, min_per_label: int = MIN_PER_LABEL) -> Calibrator:
        conf, correct = np.asarray(conf, dtype=np.float64), np.asarray(correct, dtype=np.float64)
        lab = np.asarray(labels)
        maps = {}
        for name in sorted(set(labels)):
            sel = lab == name
            if sel.sum() >= min_per_label:
                maps[name] = isotonic(conf[sel], correct[sel])
        return cls(maps, isotonic(conf, correct) if len(conf) else None)


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    conf, correct = np.asarray(conf, dtype=np.float64), np.asarray(correct, dtype=np.float64)
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        sel = idx == b
        n = int(sel.sum())
        out.append({"lo": b / bins, "hi": (b + 1) / bins, "n": n,
                    "confidence": float(conf[sel].mean()) if n else 0.0,
                    "accuracy": float(correct[sel].mean()) if n else 0.0})
    return out


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 15) -> float:
    conf = np.asarray(conf, dtype=np.float64)
    if not len(conf):
        return 0.0
    return float(sum(r["n"] * abs(r["confidence"] - r["accuracy"]) for r in reliability(conf, correct, bins)) / len(conf))


def p90_wrong(conf: np.ndarray, correct: np.ndarray) -> float | None:
    wrong = np.asarray(conf, dtype=np.float64)[~np.asarray(correct, dtype=bool)]
    return float(np.quantile(wrong, 0.9)) if len(wrong) else None
