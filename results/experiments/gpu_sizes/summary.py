"""Encoder sizes on corpus 0.19.0 (GPU): each pair held to the gate of ``gate.md`` (written before training) against
the shipped arms, measured here by the same commands and code (``ship{A,B}``); and the Pareto points.

Inputs, written by ``run.sh``: per tag (``A128``, ``B128``, ``A96``, ``B96``, ``ref``, ``shipA``, ``shipB``)
``measure_{tag}.json`` (corpus 0.19.0), ``measure090_{tag}.json`` (corpus 0.9.0, ``--dry-run``),
``places_{tag}.json`` (the Pelias harness, never fitted), ``calibration_{tag}.json`` and the probes
``{probe}_probe_{tag}.json``; ``speed.json`` (``speed.py``: every arm in turns on the same texts, 2 threads).
Run: ``python results/experiments/gpu_sizes/summary.py`` from the repository root -> ``summary.json``, ``pareto.json``
and ``pareto.png``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import pareto, pareto_points, sizes_summary  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22")  # gate.md, point 4
NEWEST = ("v23", "v24", "v25")  # gate.md, point 5: together no lower
SIZES = {"2x128": ("A128", "B128"), "2x96": ("A96", "B96")}


def main() -> None:
    speed = json.loads((HERE / "speed.json").read_text(encoding="utf-8"))
    summary = sizes_summary(HERE, "arms A/B at 2 x 128 and 2 x 96 trained from scratch on corpus 0.19.0 on one lent "
                                  "H200 (bf16, batch 512), vs the shipped stage-8 arms (ft0191)",
                            SIZES, speed, NOT_LOWER, NEWEST, "on_0190")
    write_result(HERE / "summary.json", summary)
    points = pareto_points(HERE, speed, (("shipped A 2x64", "shipA", "2x64"), ("A 2x96", "A96", "2x96"),
                                         ("A 2x128", "A128", "2x128"), ("ref 6x384", "ref", "6x384")))
    write_result(HERE / "pareto.json", {"corpus": "corpus/0.19.0", "threads": 2, "batch": 64, "points": points})
    pareto(points, HERE / "pareto.png")


if __name__ == "__main__":
    main()
