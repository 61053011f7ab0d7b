"""Arms A and B fine-tuned on corpus 0.15.0 (its ``v15`` source: corpus 0.14.0's ``v14`` kinds, post boxes twice as
often, phone numbers, postcodes with their word, country letters, Hong Kong floors, Canada Post's French form, Irish
counties) from the shipped corpus 0.14.0 arms, then averaged with them (alpha 0.5): the one candidate per arm, held
to the gate of ``gate.md`` (written before training).

Inputs, written by the project's commands (as ``results/experiments/ft0140``, with 0.15.0 for 0.14.0, runs/*0150):
``wise_measure_{A,B}.json`` (corpus 0.15.0), ``wise_measure090_{A,B}.json`` (corpus 0.9.0, ``--dry-run``),
``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``, and the probes
``wise_{v9,...,v17}_probe_{A,B}.json``; the shipped arms' figures from ``results/experiments/ft0140`` (``wise_*``;
corpus 0.9.0's test split with today's decode: ``ship_measure090_{A,B}.json`` here) and
``results/experiments/{v16,v17}_probe/s33_*``.
Run: ``python results/experiments/ft0150/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import gate_summary, shipped_figures  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15")  # gate.md, point 4: no lower than shipped
HIGHER = "v16"  # gate.md, point 4: the probe that must be higher
INFO = "v17"  # written while the candidates trained: information, not a gate point

EXPERIMENT = ("fine-tune on corpus 0.15.0 (v15) from the corpus 0.14.0 arms, averaged with the start (alpha "
              "0.5), vs those arms")


def main() -> None:
    def shipped(arm: str) -> dict[str, Any]:
        return shipped_figures(HERE.parent, "ft0140", arm, (*NOT_LOWER, HIGHER, INFO),
                               HERE / f"ship_measure090_{arm}.json")

    out = gate_summary(HERE, EXPERIMENT, shipped, "on_0150", NOT_LOWER, HIGHER, (INFO,),
                       ("shipped_0140", "averaged_0150"))
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
