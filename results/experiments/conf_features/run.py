"""Can another raw component confidence reach issue 11's p90-of-wrong target (<= 0.80) once calibrated?

For the served arm's parses of ``real_calib`` (fit) and ``real_test`` (measure) of the shipped arms' corpus (0.19.0;
first run at stop 30 on corpus 0.5.0's arms), each predicted component gets several raw confidences built from the
same softmax (temperature as served):
- ``min``: the least probability of its words' tags (what the tagger serves);
- ``prod``: the product of those probabilities;
- ``*_bnd``: times / min with the probability that the component does not go on into the next word
  (1 - P(next word is I-label));
- ``*_nb``: times / min with the top-tag probability of the words either side (boundary certainty).
Each is calibrated per label with ``model.calibration.Calibrator.fit`` on real_calib (as the arms are) and
measured on real_test: ECE and the p90 confidence of wrong components, before and after calibration.

Run from the repository root: ``python results/experiments/conf_features/run.py [--arm artifacts/arms/A]``
-> ``results/experiments/conf_features/conf_features_<arm>.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.calibration import Calibrator, ece, p90_wrong  # noqa: E402
from model.decode import decode, tag_spans  # noqa: E402
from model.labels import TAG_TO_ID  # noqa: E402
from model.normalize import normalize, split_words  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.corpus import read_split  # noqa: E402


def features(tagger: Tagger, rows: list[dict]) -> list[tuple[str, dict[str, float], bool]]:
    out = []
    for b0 in range(0, len(rows), 128):
        part = rows[b0 : b0 + 128]
        norm = [normalize(r["text"]) for r in part]
        words = [split_words(t) for t in norm]
        logits, counts, _ = tagger.word_logits([[w.text for w in ws] for ws in words])
        tags, probs = decode(logits, counts, tagger.crf, temperature=tagger.temperature)
        for b, row in enumerate(part):
            n, ws, p = int(counts[b]), words[b], probs[b, : int(counts[b])]
            gold = {(lab, s, e) for lab, s, e in row["spans"]}
            for label, a, z in tag_spans(tags[b, :n]):
                tp = [float(p[w, tags[b, w]]) for w in range(a, z + 1)]
                mn, pr = min(tp), float(np.prod(tp))
                stays = 1.0 - float(p[z + 1, TAG_TO_ID["I-" + label]]) if z + 1 < n else 1.0
                nb = min([float(p[w].max()) for w in (a - 1, z + 1) if 0 <= w < n] or [1.0])
                v = {"min": mn, "prod": pr, "min_bnd": min(mn, stays), "prod_bnd": pr * stays, "min_nb": min(mn, nb),
                     "min_bnd_nb": min(mn, stays, nb), "prod_bnd_nb": pr * stays * nb}
                out.append((label, v, (label, ws[a].start, ws[z].end) in gold))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arm", default="artifacts/arms/A")
    ap.add_argument("--corpus", default="corpus/0.19.0")
    args = ap.parse_args()
    tagger = Tagger.load(args.arm)

    fit = features(tagger, list(read_split(args.corpus, "real_calib")))
    test = features(tagger, list(read_split(args.corpus, "real_test")))
    fit_labels, fit_ok = [lab for lab, _, _ in fit], np.array([c for _, _, c in fit])
    ok = np.array([c for _, _, c in test])

    def measured(conf: np.ndarray) -> dict[str, float]:
        return {"ece": round(ece(conf, ok), 4), "p90_wrong": round(p90_wrong(conf, ok) or 0, 4)}

    result: dict[str, Any] = {"date": now(), "arm": args.arm, "corpus": args.corpus, "fit_components": len(fit),
                              "test_components": len(test), "test_wrong": int((~ok).sum()), "variants": {}}
    calibrated: dict[str, np.ndarray] = {}
    for name in fit[0][1]:
        cal = Calibrator.fit(fit_labels, np.array([v[name] for _, v, _ in fit]), fit_ok)
        calibrated[name] = np.array([cal(lab, v[name]) for lab, v, _ in test])
        result["variants"][name] = {"raw": measured(np.array([v[name] for _, v, _ in test])),
                                    "calibrated": measured(calibrated[name])}
    # with calibrated confidences c, the expected number of wrong components above 0.8 is sum(1 - c) there
    c = calibrated["min"]
    result["served_min_calibrated"] = {"expected_wrong_above_0.8": round(float((1 - c[c > 0.8]).sum()), 1),
                                       "observed_wrong_above_0.8": int((~ok & (c > 0.8)).sum()),
                                       "allowed_for_p90_0.8": round(0.1 * int((~ok).sum()), 1)}
    arm = Path(args.arm).name
    write_result(HERE / f"conf_features_{arm}.json", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
