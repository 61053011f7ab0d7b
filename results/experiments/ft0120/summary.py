"""Arms A and B fine-tuned on corpus 0.12.0 (its ``v12`` source: cities with their postal district, plot and erf
numbers, Mexican colonias and short state names, Indian areas, states and PIN codes, Japanese addresses written
whole) from the shipped corpus 0.9.0 arms, then averaged with them (alpha 0.5): the one candidate per arm, held to the
gate of ``gate.md`` (written before training).

Inputs, written by the project's commands (as ``results/experiments/ft0110``, with 0.12.0 for 0.11.0, runs/*0120):
``wise_measure_{A,B}.json`` (corpus 0.12.0), ``wise_measure090_{A,B}.json`` (corpus 0.9.0, ``--dry-run``),
``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``,
``wise_v9_probe_{A,B}.json``, ``wise_v11_probe_{A,B}.json``, ``wise_v12_probe_{A,B}.json``; the shipped arms'
figures from ``results/experiments/ft090`` (``wise_*``: the arms shipped now) and
``results/experiments/v1{1,2}_probe/shipped_*``.
Run: ``python results/experiments/ft0120/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import calibration_headline, candidate_figures, gate_checks, headline, probe_right  # noqa: E402

NOT_LOWER = ('v9', 'v11')  # gate.md, point 4: probes no lower than the shipped arm's
HIGHER = "v12"  # gate.md, point 4: the probe that must be higher


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def gate(new: dict[str, Any], old: dict[str, Any]) -> dict[str, bool]:
    """``gate.md``, point by point (``training.measure.gate_checks``)."""
    return gate_checks(new, old, "on_0120", NOT_LOWER, HIGHER)


def main() -> None:
    shipped_dir, probe11, probe12 = HERE.parent / "ft090", HERE.parent / "v11_probe", HERE.parent / "v12_probe"
    out: dict[str, Any] = {"experiment": "fine-tune on corpus 0.12.0 (v12), averaged with the start (alpha 0.5), vs the "
                                         "shipped corpus 0.9.0 arms", "steps": 4000, "lr": 1.5e-4, "alpha": 0.5,
                           "config": "training/configs/finetune64.toml"}
    passed = True
    for arm in ("A", "B"):
        old = {"on_090": headline(_load(shipped_dir / f"wise_measure_{arm}.json")),
               "harness": _load(shipped_dir / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(shipped_dir / f"wise_calibration_{arm}.json")),
               "v9_probe": probe_right(shipped_dir / f"wise_v9_probe_{arm}.json"),
               "v11_probe": probe_right(probe11 / f"shipped_{arm}.json"),
               "v12_probe": probe_right(probe12 / f"shipped_{arm}.json")}
        new = candidate_figures(HERE, arm, "on_0120", ("v9", "v11", "v12"))
        checks = gate(new, old)
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {"shipped_090": old, "averaged_0120": new, "gate": checks}
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
