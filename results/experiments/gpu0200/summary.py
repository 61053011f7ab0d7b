"""The GPU recipe on corpus 0.20.0 (``gate.md``, written before training): each pair held to ``gpu_sizes``' gate
against the shipped arms measured here by the same commands and code (``ship{A,B}``), and the Pareto points.

Inputs, written by ``run.sh``: per tag (``A128``, ``B128``, ``A64``, ``B64``, ``ref``, ``shipA``, ``shipB``)
``measure_{tag}.json`` (corpus 0.20.0), ``measure090_{tag}.json`` (corpus 0.9.0, ``--dry-run``), ``places_{tag}.json``
(the Pelias harness, never fitted), ``calibration_{tag}.json`` and the probes ``{probe}_probe_{tag}.json``.
``speed.json`` is written here first when missing: every arm taking turns on the same 2,048 corpus 0.20.0 test texts
(``training.measure.interleaved_speed``: 2 threads, batch 64, best of 6 rounds; run with nothing else running).
Run: ``python results/experiments/gpu0200/summary.py`` from the repository root -> ``summary.json``, ``pareto.json``
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
from training.corpus_build import read_split  # noqa: E402
from training.measure import (  # noqa: E402
    SPEED_TEXTS,
    interleaved_speed,
    pareto,
    pareto_points,
    sizes_summary,
)

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22")  # gate.md, point 4
NEWEST = ("v23", "v24", "v25", "v26", "v27", "v28", "v29")  # gate.md, point 5: together no lower
SIZES = {"2x128": ("A128", "B128"), "2x64": ("A64", "B64")}  # in the gate's order
TAGS = ("shipA", "shipB", "A128", "B128", "A64", "B64", "ref")


def main() -> None:
    if not (HERE / "speed.json").is_file():
        texts = [e["text"] for e in read_split(ROOT / "corpus" / "0.20.0", "test")][:SPEED_TEXTS]
        folders = {t: str(ROOT / "runs" / "arms_gpu0200" / t) for t in TAGS}
        best = interleaved_speed(list(folders.values()), texts, threads=2, rounds=6)
        write_result(HERE / "speed.json", {t: round(best[f], 1) for t, f in folders.items()})
    speed = json.loads((HERE / "speed.json").read_text(encoding="utf-8"))
    summary = sizes_summary(HERE, "arms A/B at 2 x 128 and 2 x 64 trained from scratch on corpus 0.20.0 on one lent "
                                  "H200 (bf16, batch 512), vs the shipped stage-10 arms (ft0201); figures on corpus "
                                  "0.20.0 are under the key 'on_0190' that training.measure.pair_gate reads",
                            SIZES, speed, NOT_LOWER, NEWEST, "on_0200")
    write_result(HERE / "summary.json", summary)
    points = pareto_points(HERE, speed, (("shipped A 2x64 (CPU chain)", "shipA", "2x64"), ("A 2x64 (GPU)", "A64", "2x64"),
                                         ("A 2x128 (GPU)", "A128", "2x128"), ("ref 6x384 (GPU, bf16)", "ref", "6x384")))
    write_result(HERE / "pareto.json", {"corpus": "corpus/0.20.0", "threads": 2, "batch": 64, "points": points})
    pareto(points, HERE / "pareto.png")


if __name__ == "__main__":
    main()
