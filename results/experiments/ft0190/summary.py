"""Arms A and B fine-tuned on corpus 0.19.0 (its ``v19`` source: corpus 0.17.0's ``v17`` kinds, and 0.18.0's two new
kinds broadened and twice as often; usaddress a little more) from the shipped corpus 0.14.0 arms, then averaged with
them (alpha 0.5): the one candidate per arm, held to the gate of ``gate.md`` (written before training).

Inputs, written by ``run.sh``: ``wise_measure_{A,B}.json`` (corpus 0.19.0), ``wise_measure090_{A,B}.json`` (corpus
0.9.0, ``--dry-run``), ``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``,
and the probes ``wise_{v9,...,v22}_probe_{A,B}.json``; the shipped arms' figures as ``results/experiments/ft0180``
quotes them (its ``summary.json``, ``shipped_0140``) and ``results/experiments/v22_probe/s34_*``.
Run: ``python results/experiments/ft0190/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import round_summary  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19",
             "v21")  # gate.md, point 4
HIGHER = "v20"  # gate.md, point 5
INFO = "v22"  # written before the candidates were trained: information, not a gate point

EXPERIMENT = ("fine-tune on corpus 0.19.0 (v19) from the corpus 0.14.0 arms, averaged with the start (alpha "
              "0.5), vs those arms")


def main() -> None:
    out = round_summary(HERE, EXPERIMENT, "ft0180", "shipped_0140",
                        ("shipped_0140", "averaged_0190"), NOT_LOWER, HIGHER, (INFO,), "s34")
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
