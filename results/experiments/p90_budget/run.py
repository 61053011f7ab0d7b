"""How many wrong components above 0.8 does a calibrated arm expect, against what issue 11's p90 target allows?

For the served arm's parses of ``real_test`` (the arm's corpus), each predicted component's served confidence
``c`` is the probability that it is right if the arm is calibrated, so the expected number of wrong components
with ``c > 0.8`` is the sum of ``1 - c`` over them. The p90-of-wrong target (<= 0.80) allows at most a tenth of
all wrong components above 0.8. Both are written with the observed count, for each arm.

Run from the repository root: ``python results/experiments/p90_budget/run.py [--corpus corpus/0.20.0]``
-> ``results/experiments/p90_budget/p90_budget.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.calibration import ece, p90_wrong  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.calibrate import component_outcomes  # noqa: E402
from training.corpus_build import read_split  # noqa: E402


def outcomes(tagger: Tagger, rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """Served confidence and rightness of every predicted component: ``training.calibrate.component_outcomes`` (raw
    confidences), then the arm's calibration maps when it ships them."""
    labels, conf, ok = component_outcomes(tagger, rows)
    cal = tagger.calibrator
    if cal is not None:
        conf = np.array([cal(label, c) for label, c in zip(labels, conf, strict=True)])
    return conf, ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="corpus/0.20.0")
    ap.add_argument("--arms", nargs="*", default=["artifacts/arms/A", "artifacts/arms/B"])
    a = ap.parse_args()
    rows = list(read_split(a.corpus, "real_test"))
    out: dict[str, object] = {"date": now(), "corpus": a.corpus, "split": "real_test", "rows": len(rows), "arms": {}}
    for folder in a.arms:
        conf, ok = outcomes(Tagger.load(folder), rows)
        above = conf > 0.8
        wrong = int((~ok).sum())
        out["arms"][Path(folder).name] = {  # type: ignore[index]
            "components": int(len(conf)), "wrong": wrong, "ece": ece(conf, ok), "p90_wrong": p90_wrong(conf, ok),
            "above_0.8": int(above.sum()), "expected_wrong_above_0.8": round(float((1 - conf[above]).sum()), 1),
            "observed_wrong_above_0.8": int((above & ~ok).sum()), "allowed_wrong_above_0.8": wrong // 10,
        }
    write_result(HERE / "p90_budget.json", out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
