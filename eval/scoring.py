"""Pure scoring functions shared by every runner (addrnet and the peers are scored by the same code).

Nothing here talks HTTP or reads files; everything is unit-tested in ``tests/test_eval_scoring.py``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from model.harness import (
    ComponentDict as ComponentDict,  # the one harness matcher, re-exported for the runners
)
from model.harness import components_to_dict as components_to_dict
from model.harness import harness_acceptable as harness_acceptable
from model.harness import harness_passes as harness_passes
from model.harness import pelias_expected_to_dict as pelias_expected_to_dict
from model.harness import pelias_solution_to_dict as pelias_solution_to_dict
from model.normalize import collapse_whitespace

# --------------------------------------------------------------------------------------------------
# proportions


def wilson_interval(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (95% by default). ``n == 0`` -> (0.0, 1.0)."""
    if n <= 0:
        return 0.0, 1.0
    if successes < 0 or successes > n:
        raise ValueError(f"successes={successes} outside [0, {n}]")
    p = successes / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    lo = 0.0 if successes == 0 else max(0.0, centre - half)
    hi = 1.0 if successes == n else min(1.0, centre + half)
    return lo, hi


def proportion(successes: int, n: int) -> dict[str, Any]:
    """A proportion with its Wilson 95% interval, the shape every sidecar uses."""
    lo, hi = wilson_interval(successes, n)
    return {"n": n, "successes": successes, "value": successes / n if n else 0.0, "ci95": [lo, hi]}


def diff_sigma(p_a: float, n_a: int, p_b: float, n_b: int) -> float:
    """σ of p_a - p_b for two independent proportions: sqrt(pA(1-pA)/nA + pB(1-pB)/nB)."""
    if n_a <= 0 or n_b <= 0:
        return float("inf")
    return math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)


def is_tie(delta: float, sigma: float) -> bool:
    """A difference is a tie when |Δ| < 2σ (or exactly zero)."""
    return delta == 0 or abs(delta) < 2 * sigma


# --------------------------------------------------------------------------------------------------
# place names

_FOLD_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_PUNCT_RE = re.compile(r"[^\w\s]")


def fold_place_name(name: str) -> str:
    """Normalize a place name for comparison: casefold, accent-fold, punctuation -> space,
    Saint/St, Mount/Mt, Fort/Ft folded, whitespace collapsed. "St. Louis" == "Saint Louis"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _PUNCT_RE.sub(" ", text.replace("'", "").replace("\u2019", ""))
    return " ".join(_FOLD_WORDS.get(w, w) for w in text.split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolation percentile (numpy's default), ``None`` for no values."""
    if not values:
        return None
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


# --------------------------------------------------------------------------------------------------
# component correctness, calibration, per-label P/R/F1


def span_key(c: Mapping[str, Any]) -> tuple[str, int, int]:
    return str(c["label"]), int(c["start"]), int(c["end"])


def value_key(c: Mapping[str, Any]) -> tuple[str, str]:
    return str(c["label"]), collapse_whitespace(str(c["value"]))


def mark_correct_by_span(predicted: Sequence[Mapping[str, Any]], gold: Iterable[tuple[str, int, int]]) -> list[bool]:
    gold_set = set(gold)
    return [span_key(p) in gold_set for p in predicted]


def mark_correct_by_value(predicted: Sequence[Mapping[str, Any]], gold: Iterable[tuple[str, str]]) -> list[bool]:
    gold_set = {(label, collapse_whitespace(value)) for label, value in gold}
    return [value_key(p) in gold_set for p in predicted]


CONF_THRESHOLD = 0.9


def calibration_metrics(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> dict[str, Any]:
    """Calibration of emitted components.

    - ``wrong_at_conf_ge_0.9`` = #(wrong and conf >= 0.9) / #(conf >= 0.9): the share of confident
      components that are wrong (``None`` when no component reaches 0.9).
    - ``share_of_wrong_at_conf_ge_0.9`` = #(wrong and conf >= 0.9) / #wrong (informational).
    - ``p90_conf_of_wrong``: 90th percentile (linear interpolation) of confidence over wrong components.
    - ``ece``: expected calibration error over ``bins`` equal-width bins [i/b, (i+1)/b), the last bin
      closed at 1.0: sum_b (n_b / N) * |accuracy_b - mean confidence_b|.
    """
    if len(confidences) != len(correct):
        raise ValueError("confidences and correct differ in length")
    n = len(confidences)
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if (lo <= c < hi) or (b == bins - 1 and c == hi)]
        if idx:
            acc = sum(1 for i in idx if correct[i]) / len(idx)
            conf = sum(confidences[i] for i in idx) / len(idx)
            ece += len(idx) / n * abs(acc - conf)
        else:
            acc = conf = None  # type: ignore[assignment]
        table.append({"lo": lo, "hi": hi, "n": len(idx), "accuracy": acc, "mean_confidence": conf})
    confident = [i for i, c in enumerate(confidences) if c >= CONF_THRESHOLD]
    wrong = [i for i in range(n) if not correct[i]]
    wrong_confident = [i for i in confident if not correct[i]]
    return {
        "n_components": n,
        "n_correct": n - len(wrong),
        "n_wrong": len(wrong),
        "n_conf_ge_0.9": len(confident),
        "n_wrong_conf_ge_0.9": len(wrong_confident),
        "wrong_at_conf_ge_0.9": len(wrong_confident) / len(confident) if confident else None,
        "share_of_wrong_at_conf_ge_0.9": len(wrong_confident) / len(wrong) if wrong else None,
        "p90_conf_of_wrong": percentile([confidences[i] for i in wrong], 90),
        "ece": ece if n else None,
        "bins": table,
    }


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision/recall/F1; ``None`` where undefined (no predictions / no gold)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    return {"tp": tp, "n_pred": n_pred, "n_gold": n_gold, "precision": p, "recall": r, "f1": f}


def component_prf(
    pairs: Iterable[tuple[Iterable[tuple[str, int, int]], Iterable[tuple[str, int, int]]]],
    labels: Sequence[str],
) -> dict[str, Any]:
    """Per-label and micro P/R/F1 over (predicted spans, gold spans) pairs, plus record exact match.
    A predicted span is a true positive when the same (label, start, end) is gold."""
    tp = dict.fromkeys(labels, 0)
    npred = dict.fromkeys(labels, 0)
    ngold = dict.fromkeys(labels, 0)
    records = exact = 0
    for pred, gold in pairs:
        p, g = set(pred), set(gold)
        records += 1
        exact += p == g
        for label, *_ in p:
            npred[label] = npred.get(label, 0) + 1
        for label, *_ in g:
            ngold[label] = ngold.get(label, 0) + 1
        for label, *_ in p & g:
            tp[label] = tp.get(label, 0) + 1
    per_label = {lab: prf(tp[lab], npred[lab], ngold[lab]) for lab in sorted(set(tp) | set(npred) | set(ngold))}
    micro = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    return {"per_label": per_label, "micro": micro, "exact_match": proportion(exact, records)}
