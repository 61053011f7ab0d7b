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
from training.measure import calibration_headline, headline  # noqa: E402

ROWS_TOLERANCE = 2  # real-text rows (of 1,468) a candidate may lose: gate.md, point 2
TEST_TOLERANCE = 0.001  # corpus 0.9.0 test split exact match a candidate may lose: gate.md, point 3


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def gate(new: dict[str, Any], old: dict[str, Any]) -> dict[str, bool]:
    """``gate.md``, point by point."""
    m, n = new["on_090"], new["real_test_n"]
    countries = [c for c in m["real_test_per_country"].values() if c["n"] >= 100]
    return {
        "targets": all(c["exact"] >= 0.95 for c in countries) and new["on_0120"]["suburb_f1"] >= 0.9
        and new["on_0120"]["county_f1"] >= 0.9 and new["harness"] >= 0.80
        and new["calibration"]["real_test_ece"] <= 0.02,
        "real_text_within_2_rows": round(m["real_test_exact"] * n) >= round(old["on_090"]["real_test_exact"] * n)
        - ROWS_TOLERANCE,
        "test_090_within_0.1pp": m["test_exact"] >= old["on_090"]["test_exact"] - TEST_TOLERANCE,
        "v9_probe_not_lower": new["v9_probe"] >= old["v9_probe"],
        "v11_probe_not_lower": new["v11_probe"] >= old["v11_probe"],
        "v12_probe_higher": new["v12_probe"] > old["v12_probe"],
    }


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
               "v9_probe": _load(shipped_dir / f"wise_v9_probe_{arm}.json")["right"],
               "v11_probe": _load(probe11 / f"shipped_{arm}.json")["right"],
               "v12_probe": _load(probe12 / f"shipped_{arm}.json")["full"]}
        new = {"on_0120": headline(_load(HERE / f"wise_measure_{arm}.json")),
               "on_090": headline(_load(HERE / f"wise_measure090_{arm}.json")),
               "harness": _load(HERE / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(HERE / f"wise_calibration_{arm}.json")),
               "v9_probe": _load(HERE / f"wise_v9_probe_{arm}.json")["right"],
               "v11_probe": _load(HERE / f"wise_v11_probe_{arm}.json")["right"],
               "v12_probe": _load(HERE / f"wise_v12_probe_{arm}.json")["full"],
               "real_test_n": _load(HERE / f"wise_measure090_{arm}.json")["real_test_metrics"]["n"]}
        checks = gate(new, old)
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {"shipped_090": old, "averaged_0120": new, "gate": checks}
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
