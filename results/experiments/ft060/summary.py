"""Arms A and B fine-tuned from the shipped GPU arms on corpus 0.6.0 (its ``v6`` source: local flat, floor and
staircase words), against the shipped arms, on the same sets. Not shipped: real-text exact match fell.

Inputs, written by the project's commands (this folder):
- ``export_{A,B}.json``: ``addrnet export --run runs/ft060/<arm>`` after ``addrnet train tagger --config
  training/configs/finetune64.toml --corpus corpus/0.6.0 --finetune-from runs/gpu050/<arm>2x64`` (4,000 steps);
- ``places_{A,B}.json``, ``calibration_{A,B}.json``: ``addrnet places`` / ``addrnet calibrate`` on corpus 0.6.0;
- ``measure_{A,B}.json``: ``addrnet measure`` on corpus 0.6.0; ``measure050_{A,B}.json`` the same on corpus 0.5.0
  (``--dry-run``); ``measure060_shipped_{A,B}.json``: the shipped arms on corpus 0.6.0 (``--dry-run``);
- ``unit_words_*.json``: ``results/experiments/unit_words/run.py ARM OUT``;
- the shipped arms' figures on corpus 0.5.0 from ``results/experiments/gpu050``.
The real_test and real_calib splits of corpus 0.5.0 and 0.6.0 are the same files.
Run: ``python results/experiments/ft060/summary.py`` from the repository root.
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
    gpu = ROOT / "results" / "experiments" / "gpu050"
    out: dict[str, Any] = {"experiment": "fine-tune on corpus 0.6.0 (v6 local unit words) vs the shipped arms",
                           "shipped": False, "why": "real-text exact match fell (A 97.62% -> 97.21%)"}
    for arm in ("A", "B"):
        out[f"arm_{arm}"] = {
            "shipped_on_050": headline(_load(gpu / f"measure_{arm}.json")),
            "shipped_on_060": headline(_load(HERE / f"measure060_shipped_{arm}.json")),
            "finetuned_on_050": headline(_load(HERE / f"measure050_{arm}.json")),
            "finetuned_on_060": headline(_load(HERE / f"measure_{arm}.json")),
            "harness": {"shipped": _load(gpu / f"places_{arm}.json")["pelias_harness"]["pass_rate"],
                        "finetuned": _load(HERE / f"places_{arm}.json")["pelias_harness"]["pass_rate"]},
            "calibration_finetuned": calibration_headline(_load(HERE / f"calibration_{arm}.json")),
            "unit_words": {"shipped": _load(ROOT / "results/experiments/unit_words/result.json")["right"] if arm == "A"
                           else _load(HERE / "unit_words_shipped_B.json")["right"],
                           "finetuned": _load(HERE / f"unit_words_{arm}.json")["right"], "cases": 10},
        }
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
