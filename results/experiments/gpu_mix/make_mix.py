"""The training mix of ``gpu_mix``: corpus 0.19.0's train split and corpus 0.9.0's, every other row of each, in turns
(one row of 0.19.0, one of 0.9.0), text and spans only; corpus 0.19.0's first 3,000 dev rows; and corpus 0.19.0's
manifest with ``train_mix`` added. Both corpora must be built (README). The eval files are out of both.

Run from the repository root: ``python results/experiments/gpu_mix/make_mix.py OUT_DIR`` (e.g. ``corpus/mix0919``).
"""

from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def slim(line: str) -> str:
    r = json.loads(line)
    return json.dumps({"text": r["text"], "spans": r["spans"]}, ensure_ascii=False) + "\n"


def main(out: str) -> None:
    dest = Path(out)
    dest.mkdir(parents=True, exist_ok=True)
    new, old = ROOT / "corpus" / "0.19.0", ROOT / "corpus" / "0.9.0"
    rows = 0
    with (new / "train.jsonl").open(encoding="utf-8") as a, (old / "train.jsonl").open(encoding="utf-8") as b, \
            (dest / "train.jsonl").open("w", encoding="utf-8") as w:
        for la, lb in zip(islice(a, 0, None, 2), islice(b, 1, None, 2), strict=False):
            w.write(slim(la) + slim(lb))
            rows += 2
    with (new / "dev.jsonl").open(encoding="utf-8") as a, (dest / "dev.jsonl").open("w", encoding="utf-8") as w:
        w.writelines(slim(line) for line in islice(a, 3000))
    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    manifest["train_mix"] = {"train": "every other row of corpus 0.19.0's and of corpus 0.9.0's train splits, in turns",
                             "rows": rows, "dev": "corpus 0.19.0's first 3,000 dev rows",
                             "made_by": "results/experiments/gpu_mix/make_mix.py"}
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    print(json.dumps({"out": str(dest), "train_rows": rows}))


if __name__ == "__main__":
    main(sys.argv[1])
