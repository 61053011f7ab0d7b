"""Collects this folder's runs into summary.json: the arms trained on one lent H200 (corpus 0.5.0, bf16,
batch 512), without and with the place table, beside the CPU-trained arms they replace, the distilled
students and the 6 x 384 reference, all measured on corpus 0.5.0 and the Pelias harness (never fitted).

Inputs, written by the project's commands (see README "Reproducing the shipped arms"):
- ``export_{A,B}_noplaces.json``, ``export_{A,B}_distilled.json``, ``export_ref.json``: ``addrnet export``;
- ``measure_{A,B}_noplaces.json``, ``measure_{A,B}_distilled.json``, ``measure_ref.json``,
  ``measure_{A,B}.json``: ``addrnet measure`` (the last two on the shipped arms, with the place table);
- ``calibration_{A,B}_noplaces.json``, ``calibration_{A,B}.json``: ``addrnet calibrate``;
- ``places_{A,B}.json``: ``addrnet places`` (the ratio's choice and the harness with the table);
- the CPU arms' figures from ``results/experiments/corpus050/summary.json``.
Run: ``python results/experiments/gpu050/summary.py`` from the repository root.
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


def _load(name: str) -> Any:
    path = HERE / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _measure(name: str) -> dict[str, Any] | None:
    m = _load(name)
    return None if m is None else headline(m) | {"addresses_per_s_1_thread": round(m["speed"]["addresses_per_s"])}


def _calibration(name: str) -> dict[str, Any]:
    c = _load(name)
    return calibration_headline(c) | {"real_test_accuracy": round(c["real_test"][c["method"]]["accuracy"], 4)}


def main() -> None:
    cpu = json.loads((ROOT / "results/experiments/corpus050/summary.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {"experiment": "GPU-trained 2 x 64 arms (corpus 0.5.0) with and without the place table, "
                           "against the CPU-trained arms, the distilled students and the 6 x 384 reference",
                           "plan": {k: v for k, v in _load("gpu_plan.json").items() if k != "lanes"}}
    for arm in ("A", "B"):
        places = _load(f"places_{arm}.json")
        out[f"arm_{arm}"] = {
            "cpu_arm": {**cpu[f"arm_{arm}"]["corpus_050"], "harness": round(cpu[f"arm_{arm}"]["harness_050"], 4),
                        "calibration": cpu[f"arm_{arm}"]["calibration_050"]},
            "gpu_no_places": {**(_measure(f"measure_{arm}_noplaces.json") or {}),
                              "harness": round(_load(f"export_{arm}_noplaces.json")["pelias_harness"]["pass_rate"], 4),
                              "calibration": _calibration(f"calibration_{arm}_noplaces.json")},
            "gpu_places_shipped": {**(_measure(f"measure_{arm}.json") or {}),
                                   "harness": round(places["pelias_harness"]["pass_rate"], 4),
                                   "calibration": _calibration(f"calibration_{arm}.json"),
                                   "place_ratio": places["ratio"], "place_choice_rows": places["rows"],
                                   "place_choice_exact_rows": places["exact_rows"]},
            "gpu_distilled_6400_steps": {**(_measure(f"measure_{arm}_distilled.json") or {}),
                                         "harness": round(_load(f"export_{arm}_distilled.json")["pelias_harness"]["pass_rate"], 4)},
        }
    ref = _load("export_ref.json")
    out["reference_6x384"] = {**(_measure("measure_ref.json") or {}), "harness": round(ref["pelias_harness"]["pass_rate"], 4),
                              "dev_f1": round(ref["dev_f1"], 4)}
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
