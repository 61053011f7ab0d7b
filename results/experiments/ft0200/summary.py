"""Stage 9: arms A and B fine-tuned on corpus 0.20.0 from the shipped (ft0191) arms, then averaged with them (alpha
0.5): the one candidate per arm, held to the gate of ``gate.md`` (written before training).

Inputs, written by ``run.sh`` (``finetune_round.sh``): ``wise_measure_{A,B}.json`` (corpus 0.20.0),
``wise_measure090_{A,B}.json`` (corpus 0.9.0, ``--dry-run``), ``wise_places_{A,B}.json`` (the Pelias harness, never
fitted), ``wise_calibration_{A,B}.json`` and the probes ``wise_{v9,...,v26}_probe_{A,B}.json``; the baseline, the
shipped arms measured by the same code: ``results/experiments/gpu_sizes/*_ship{A,B}.json`` and
``results/experiments/v26_probe/s37_{A,B}.json``.
Run: ``python results/experiments/ft0200/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import candidate_figures, gate_summary, probe_right  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22", "v23", "v24", "v25")  # gate.md, point 4
HIGHER = "v26"  # gate.md, point 5


EXPERIMENT = ("stage 9: a fine-tune on corpus 0.20.0 (v20) from the shipped ft0191 arms, averaged with them (alpha "
              "0.5), vs those arms measured by the same code")


def shipped(arm: str) -> dict:
    """The stage-8 arm as ``gpu_sizes`` measured it with this session's code, and its ``v26_probe``."""
    old = candidate_figures(HERE.parent / "gpu_sizes", f"ship{arm}", "on_0190", NOT_LOWER, prefix="")
    return old | {f"{HIGHER}_probe": probe_right(HERE.parent / f"{HIGHER}_probe" / f"s37_{arm}.json")}


def main() -> None:
    out = gate_summary(HERE, EXPERIMENT, shipped, "on_0200", NOT_LOWER, HIGHER, (), ("shipped_0191", "averaged_0200"),
                       probe_slack=1)
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
