"""Stage 10 try: arms A and B fine-tuned on corpus 0.20.0 a second time, from the stage-9 (ft0200) arms, then averaged
with them (alpha 0.5): the one candidate per arm, held to the gate of ``gate.md`` (written before training).

Inputs, written by ``run.sh`` (``finetune_round.sh``): ``wise_*_{A,B}.json`` as in ``ft0200``, and the probes
``wise_{v9,...,v27}_probe_{A,B}.json``; the baseline: the stage-9 arms as ``ft0200/summary.json`` quotes them
(``averaged_0200``) with ``v27_probe/s37_{A,B}.json``; the stage-8 arms' real text from
``gpu_sizes/measure090_ship{A,B}.json`` (point 2's second half).
Run: ``python results/experiments/ft0201/summary.py`` from the repository root -> ``summary.json``.
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
             "v21", "v22", "v23", "v24", "v25", "v26")  # gate.md, point 4
HIGHER = "v27"  # gate.md, point 5

EXPERIMENT = ("a second fine-tune on corpus 0.20.0 (v20) from the shipped ft0200 arms, averaged with them (alpha "
              "0.5), vs those arms")


def main() -> None:
    summary = HERE.parent / "ft0200" / "summary.json"

    def shipped(arm: str) -> dict:
        return earlier_shipped(summary, arm, "averaged_0200", (HIGHER,), "s37")

    names = ("shipped_0200", "averaged_0201")
    out = gate_summary(HERE, EXPERIMENT, shipped, "on_0200", NOT_LOWER, HIGHER, (), names, probe_slack=1)
    drift_points(out, HERE.parent, names)
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
