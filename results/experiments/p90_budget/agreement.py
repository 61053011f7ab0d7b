"""Would a second arm flag the confident errors? (issue 11's p90-of-wrong target, an ensemble as the way out)

Both shipped arms parse ``real_test``. For every component of one arm (served confidence: the arm's calibration maps),
this counts whether it is right (against ``training.data.gold_spans``), whether the other arm's parse holds the same
component (label and span), and whether its confidence is above 0.8. If the other arm agreed with few of the confident
errors, a confidence lowered on disagreement could move them below 0.8; where both arms make the same confident error,
no such combination can.

Run from the repository root: ``python results/experiments/p90_budget/agreement.py [--corpus corpus/0.20.0]``
-> ``results/experiments/p90_budget/agreement.json``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.data import gold_spans  # noqa: E402


def parses(tagger: Tagger, texts: list[str], batch: int = 128) -> list:
    out: list = []
    for i in range(0, len(texts), batch):
        out += tagger.parse_batch(texts[i : i + batch])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="corpus/0.20.0")
    a = ap.parse_args()
    rows = list(read_split(a.corpus, "real_test"))
    texts = [r["text"] for r in rows]
    arms = {name: parses(Tagger.load(ROOT / "artifacts" / "arms" / name), texts) for name in ("A", "B")}
    out: dict = {"date": now(), "corpus": a.corpus, "split": "real_test", "rows": len(rows), "arms": {}}
    for name, other in (("A", "B"), ("B", "A")):
        counts: Counter[str] = Counter()
        for ex, mine, theirs in zip(rows, arms[name], arms[other], strict=True):
            gold = gold_spans(ex)
            held = {(c.label, c.start, c.end) for c in theirs.components}
            for c in mine.components:
                key = (c.label, c.start, c.end)
                counts[f"{'right' if key in gold else 'wrong'}_{'above' if c.confidence > 0.8 else 'at_most'}_0.8_"
                       f"other_{'agrees' if key in held else 'differs'}"] += 1
        wrong = sum(v for k, v in counts.items() if k.startswith("wrong"))
        out["arms"][name] = {"other_arm": other, "wrong": wrong, "allowed_wrong_above_0.8": wrong // 10,
                             **dict(sorted(counts.items()))}
    write_result(HERE / "agreement.json", out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
