"""Stage 12 try: arms A and B fine-tuned on corpus 0.21.0 a second time, from the stage-11 (ft0210) arms, then averaged
with them (alpha 0.5): the one candidate per arm, held to the gate of ``gate.md`` (written before training).

Inputs, written by ``run.sh`` (``finetune_round.sh``): ``wise_*_{A,B}.json`` as in ``ft0210``, and the probes
``wise_{v9,...,v33}_probe_{A,B}.json``; the baseline: the stage-11 arms as ``ft0210/summary.json`` quotes them
(``averaged_0210``) with ``v33_probe/s42_{A,B}.json`` (measured at stop 42, before training); the stage-8 arms' real
text from ``gpu_sizes/measure090_ship{A,B}.json`` (point 2) and the stage-9 arms' harness from ``ft0200/summary.json``
(point 6). Run: ``python results/experiments/ft0211/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import drift_points, earlier_shipped, gate_summary  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31", "v32")  # gate.md, point 4
HIGHER = "v33"  # gate.md, point 5

EXPERIMENT = ("a second fine-tune on corpus 0.21.0 (v21) from the shipped ft0210 arms, averaged with them (alpha 0.5), "
              "vs those arms")


def main() -> None:
    summary = HERE.parent / "ft0210" / "summary.json"

    def shipped(arm: str) -> dict:
        return earlier_shipped(summary, arm, "averaged_0210", (HIGHER,), "s42")

    names = ("shipped_0210", "averaged_0211")
    out = gate_summary(HERE, EXPERIMENT, shipped, "on_0210", NOT_LOWER, HIGHER, (), names, probe_slack=1)
    drift_points(out, HERE.parent, names, harness_round=("ft0200", "averaged_0200"))
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
