"""A suburb with no locality: which ``suburb_alone_penalty`` (nats; 0 = none) should decoding charge?

Each shipped arm parses the first 30,000 rows of corpus 0.20.0's ``dev`` split (where the value is chosen) at each
penalty, then ``test`` (30,000 rows), ``real_test`` and the Pelias harness (never fitted) at 0 and the chosen value:
exact match, suburb and locality F1 (``training.measure.per_country``), harness pass-rate
(``training.pass_rate.run_harness``).

Run from the repository root: ``python results/experiments/suburb_alone/run.py`` -> ``suburb_alone.json`` here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.decode import SUBURB_ALONE_PENALTY  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.measure import per_country  # noqa: E402
from training.pass_rate import run_harness  # noqa: E402

CORPUS = ROOT / "corpus" / "0.20.0"
ROWS = 30_000
PENALTIES = (0.0, 1.0, 2.0, 3.0, 5.0, 8.0)


def figures(tagger: Tagger, rows: list[dict]) -> dict[str, float]:
    m = per_country(tagger, rows)
    return {"exact": round(m["exact_match"], 5), "suburb_f1": round(m["per_label"]["suburb"]["f1"], 4),
            "locality_f1": round(m["per_label"]["locality"]["f1"], 4)}


def main() -> int:
    splits = {s: list(read_split(CORPUS, s))[:ROWS] for s in ("dev", "test", "real_test")}
    out: dict[str, object] = {"date": now(), "corpus": "0.20.0", "rows_max": ROWS, "arms": {}}
    for arm in ("A", "B"):
        tagger = Tagger.load(ROOT / "artifacts" / "arms" / arm)
        params = tagger.crf
        res: dict[str, object] = {"dev": {}}
        for pen in PENALTIES:
            tagger.crf = replace(params, suburb_alone_penalty=pen)
            res["dev"][str(pen)] = figures(tagger, splits["dev"])  # type: ignore[index]
        for pen in (0.0, SUBURB_ALONE_PENALTY):
            tagger.crf = replace(params, suburb_alone_penalty=pen)
            res[f"at {pen}"] = {"test": figures(tagger, splits["test"]),
                                "real_test": figures(tagger, splits["real_test"]),
                                "harness": round(run_harness(tagger)["pass_rate"], 4)}
        out["arms"][arm] = res  # type: ignore[index]
        print(arm, res, flush=True)
    out["shipped"] = SUBURB_ALONE_PENALTY
    write_result(HERE / "suburb_alone.json", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
