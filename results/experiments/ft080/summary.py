"""Arms A and B fine-tuned on the CPU from the corpus 0.7.0 GPU arms on corpus 0.8.0 (its ``v8`` source: US and
Canadian units written with a USPS designator alone, and the contrast of towns written "St ..", "Ft .." after the
street), then averaged with the arms they started from (WiSE-FT, alpha 0.5: ``addrnet train average``), against the
corpus 0.7.0 arms, on the same sets. The averaged arms are the shipped ones.

Gate, fixed before any candidate was measured: a candidate replaces the arms only if both arms keep every target of
issue 11 the old arms meet (real-text exact >= 95% per country with >= 100 rows, suburb and county F1 >= 0.9 on the
test split, Pelias harness >= 80% (never fitted), real-text ECE <= 0.02) and neither arm's real-text exact match
falls. Candidates, in order: (1) corpus 0.8.0 without the contrast, 3,000 steps: passed, but read "St"/"Ft" after a
street as a unit (files overwritten by (2)); (2) with the contrast, 4,000 steps (``finetuned``): A's harness 79.84%,
failed; (3) (2) averaged with the start (``averaged``): passed, shipped.

Inputs, written by the project's commands (this folder; README "Reproducing the shipped arms"):
- ``export_{A,B}.json``: ``addrnet export --run runs/ft080/<arm>`` after ``addrnet train from-arm`` (the shipped
  arm's ONNX weights as a checkpoint, ``training/from_arm.py``) and ``addrnet train tagger --config
  training/configs/finetune64.toml --corpus corpus/0.8.0 --finetune-from runs/from-arm/<arm>`` (4,000 steps at lr
  1.5e-4, one core per arm);
- ``places_{A,B}.json``, ``calibration_{A,B}.json``: ``addrnet places`` / ``addrnet calibrate`` on corpus 0.8.0;
- ``measure_{A,B}.json``: ``addrnet measure`` on corpus 0.8.0; ``measure070_{A,B}.json`` the same on corpus 0.7.0
  (``--dry-run``); ``measure080_shipped_{A,B}.json``: the shipped arms on corpus 0.8.0 (``--dry-run``);
- ``usps_units_{A,B}.json``: ``results/experiments/usps_units/run.py ARM OUT``;
- ``wise_*``: the same for the averaged arms (``addrnet train average --start runs/from-arm/<arm> --end
  runs/ft080/<arm> --alpha 0.5 --out runs/wise080/<arm>``, exported to ``artifacts/arms/<arm>``);
- the corpus 0.7.0 GPU arms' figures from ``results/experiments/gpu070``.
The real_test and real_calib splits of corpus 0.7.0 and 0.8.0 are the same files.
Run: ``python results/experiments/ft080/summary.py`` from the repository root.
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


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    gpu = ROOT / "results" / "experiments" / "gpu070"
    probe = ROOT / "results" / "experiments" / "usps_units"
    out: dict[str, Any] = {"experiment": "fine-tune on corpus 0.8.0 (v8: USPS designator units), then averaged with "
                                         "the start (WiSE-FT alpha 0.5), vs the corpus 0.7.0 arms",
                           "steps": 4000, "lr": 1.5e-4, "config": "training/configs/finetune64.toml", "alpha": 0.5,
                           "shipped": "averaged"}
    for arm in ("A", "B"):
        out[f"arm_{arm}"] = {
            "shipped_on_070": headline(_load(gpu / f"measure_{arm}.json")),
            "shipped_on_080": headline(_load(HERE / f"measure080_shipped_{arm}.json")),
            "finetuned_on_070": headline(_load(HERE / f"measure070_{arm}.json")),
            "finetuned_on_080": headline(_load(HERE / f"measure_{arm}.json")),
            "averaged_on_070": headline(_load(HERE / f"wise_measure070_{arm}.json")),
            "averaged_on_080": headline(_load(HERE / f"wise_measure_{arm}.json")),
            "harness": {"shipped": _load(gpu / f"places_{arm}.json")["pelias_harness"]["pass_rate"],
                        "finetuned": _load(HERE / f"places_{arm}.json")["pelias_harness"]["pass_rate"],
                        "averaged": _load(HERE / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"]},
            "calibration_shipped": calibration_headline(_load(gpu / f"calibration_{arm}.json")),
            "calibration_finetuned": calibration_headline(_load(HERE / f"calibration_{arm}.json")),
            "calibration_averaged": calibration_headline(_load(HERE / f"wise_calibration_{arm}.json")),
            "usps_units": {"shipped": _load(probe / f"shipped_{arm}.json")["right"],
                           "finetuned": _load(HERE / f"usps_units_{arm}.json")["right"],
                           "averaged": _load(HERE / f"wise_usps_units_{arm}.json")["right"],
                           "cases": _load(probe / f"shipped_{arm}.json")["cases"]},
        }
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
