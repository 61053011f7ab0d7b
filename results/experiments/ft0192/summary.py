"""Arms A and B fine-tuned a third time on corpus 0.19.0, from the shipped (ft0191) arms, then averaged with them
(alpha 0.5): the one candidate per arm, held to the gate of ``gate.md`` (written before training).

Inputs, written by ``run.sh``: ``wise_measure_{A,B}.json`` (corpus 0.19.0), ``wise_measure090_{A,B}.json`` (corpus
0.9.0, ``--dry-run``), ``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``,
and the probes ``wise_{v9,...,v24}_probe_{A,B}.json``; the shipped arms' figures as ``results/experiments/ft0191``
quotes them (its ``summary.json``, ``averaged_0191``) and ``results/experiments/v24_probe/s36_*``; point 2's second
half against the stage-7 arms as ``ft0190/summary.json`` quotes them (``averaged_0190``).
Run: ``python results/experiments/ft0192/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import GATE_ROWS_TOLERANCE, round_summary  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22", "v23")  # gate.md, point 4
HIGHER = "v24"  # gate.md, point 5

EXPERIMENT = ("a third fine-tune on corpus 0.19.0 (v19) from the shipped ft0191 arms, averaged with them (alpha "
              "0.5), vs those arms")


def main() -> None:
    out = round_summary(HERE, EXPERIMENT, "ft0191", "averaged_0191", ("shipped_0191", "averaged_0192"), NOT_LOWER,
                        HIGHER, (), "s36")
    stage7 = json.loads((HERE.parent / "ft0190" / "summary.json").read_text(encoding="utf-8"))
    passed = True
    for arm in ("A", "B"):  # gate.md, point 2's second half: no drift from the stage-7 arms, one round at a time
        new, old = out[f"arm_{arm}"]["averaged_0192"], stage7[f"arm_{arm}"]["averaged_0190"]
        n = new["real_test_n"]
        rows = round(new["on_090"]["real_test_exact"] * n), round(old["on_090"]["real_test_exact"] * n)
        out[f"arm_{arm}"]["gate"]["real_text_within_2_rows_of_stage_7"] = rows[0] >= rows[1] - GATE_ROWS_TOLERANCE
        passed = passed and all(out[f"arm_{arm}"]["gate"].values())
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
