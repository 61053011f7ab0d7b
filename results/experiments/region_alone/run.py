"""An address whose one place is a region: which ``region_alone_penalty`` (nats; 0 = none) should decoding charge?

"100 broadway new york" reads "new york" as the region (0.53 against 0.47 for the locality): a path with a street or
a house number, a region and no locality. The rule, set before any figure: each shipped arm parses the first 30,000
rows of corpus 0.20.0's ``dev`` split at each penalty (``--phase dev``); the value is the one with arm A's highest
exact match (the smaller on a tie), and it ships only if it gains at least 0.05 pp on dev for both arms. Then, once,
``--phase test --value X``: ``test`` (30,000 rows), ``real_test`` and the Pelias harness (never fitted) at 0 and X;
it ships only if neither arm loses on the test split, more than one real-text row, or a harness case.

Figures: exact match, region and locality F1 (``training.measure.per_country``), harness pass-rate
(``training.pass_rate.run_harness``), and the share of rows decoding sends to ``beam``.

Run from the repository root: ``python results/experiments/region_alone/run.py --phase dev`` (then ``--phase test
--value X``) -> ``region_alone_<phase>.json`` here.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import model.decode as decode  # noqa: E402
from bench.common import now, write_result  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.measure import per_country  # noqa: E402
from training.pass_rate import run_harness  # noqa: E402

CORPUS = ROOT / "corpus" / "0.20.0"
ROWS = 30_000
PENALTIES = (0.0, 0.25, 0.5, 1.0, 2.0, 3.0)


def figures(tagger: Tagger, rows: list[dict]) -> dict[str, float]:
    seen = [0, 0]
    beam_rows = decode._beam_rows

    def counted(tags, lengths, params):  # type: ignore[no-untyped-def]
        out = beam_rows(tags, lengths, params)
        seen[0] += len(out)
        seen[1] += len(lengths)
        return out

    decode._beam_rows = counted  # type: ignore[assignment]
    try:
        m = per_country(tagger, rows)
    finally:
        decode._beam_rows = beam_rows  # type: ignore[assignment]
    return {"exact": round(m["exact_match"], 5), "region_f1": round(m["per_label"]["region"]["f1"], 4),
            "locality_f1": round(m["per_label"]["locality"]["f1"], 4),
            "beam_share": round(seen[0] / max(1, seen[1]), 4)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--phase", choices=("dev", "test"), required=True)
    ap.add_argument("--value", type=float, default=None)
    a = ap.parse_args()
    names = ("dev",) if a.phase == "dev" else ("test", "real_test")
    splits = {s: list(read_split(CORPUS, s))[:ROWS] for s in names}
    out: dict[str, object] = {"date": now(), "corpus": "0.20.0", "rows_max": ROWS, "phase": a.phase, "arms": {}}
    for arm in ("A", "B"):
        tagger = Tagger.load(ROOT / "artifacts" / "arms" / arm)
        params = tagger.crf
        res: dict[str, object] = {}
        if a.phase == "dev":
            for pen in PENALTIES:
                tagger.crf = replace(params, region_alone_penalty=pen)
                res[str(pen)] = figures(tagger, splits["dev"])
        else:
            assert a.value is not None
            for pen in (0.0, a.value):
                tagger.crf = replace(params, region_alone_penalty=pen)
                res[str(pen)] = {"test": figures(tagger, splits["test"]),
                                 "real_test": figures(tagger, splits["real_test"]),
                                 "harness": round(run_harness(tagger)["pass_rate"], 4)}
        out["arms"][arm] = res  # type: ignore[index]
        print(arm, res, flush=True)
    if a.phase == "dev":
        dev_a = out["arms"]["A"]  # type: ignore[index]
        best = max(PENALTIES, key=lambda p: (dev_a[str(p)]["exact"], -p))
        gains = {arm: round(100 * (out["arms"][arm][str(best)]["exact"] - out["arms"][arm]["0.0"]["exact"]), 3)  # type: ignore[index]
                 for arm in ("A", "B")}
        out["chosen"] = {"value": best, "gain_pp": gains, "ships": best > 0 and all(g >= 0.05 for g in gains.values())}
    write_result(HERE / f"region_alone_{a.phase}.json", out, echo=False)
    print(out.get("chosen"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
