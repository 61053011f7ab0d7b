"""Arms A and B fine-tuned on corpus 0.9.0 from the shipped corpus 0.8.0 arms (its ``v9`` source: a direction after
the street type, French streets named after a saint, and their contrasts), then averaged with the arms they started
from (WiSE-FT, alpha 0.5), against those arms on the same sets, with today's decode for both. The gate
(``gate.md``) was written before any candidate was measured; this is the one candidate per arm, nothing else tried.

Inputs, written by the project's commands (README "Reproducing the shipped arms", stage 3):
- ``wise_measure_{A,B}.json``: ``addrnet measure`` on corpus 0.9.0 (in the manifest; speed on 2 threads);
  ``wise_measure080_{A,B}.json``: the same on corpus 0.8.0 (``--dry-run``);
- ``measure090_shipped_{A,B}.json`` / ``measure080_shipped_{A,B}.json``: the corpus 0.8.0 arms (``git show
  635574b:artifacts/arms/<arm>``) measured the same way (``--dry-run``);
- ``wise_places_{A,B}.json`` (with the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``:
  ``addrnet places`` / ``addrnet calibrate`` on corpus 0.9.0; the shipped arms' from ``results/experiments/ft080``;
- ``wise_v9_probe_{A,B}.json`` and ``results/experiments/v9_probe/shipped_{A,B}.json``: the v9 probe.
The real_test and real_calib splits of corpus 0.8.0 and 0.9.0 are the same files.
Run: ``python results/experiments/ft090/summary.py`` from the repository root -> ``summary.json``.
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


def gate(new: dict[str, Any], old: dict[str, Any], test: str = "on_080") -> dict[str, bool]:
    """``gate.md``: the targets and real text on corpus 0.9.0's measure, the test split of ``test``'s corpus."""
    m = new["on_090"]
    countries = [c for c in m["real_test_per_country"].values() if c["n"] >= 100]
    return {
        "targets": all(c["exact"] >= 0.95 for c in countries) and m["suburb_f1"] >= 0.9 and m["county_f1"] >= 0.9
        and new["harness"] >= 0.80 and new["calibration"]["real_test_ece"] <= 0.02,
        "real_text_not_lower": m["real_test_exact"] >= old["on_090"]["real_test_exact"],
        f"test_{test[3:]}_not_lower": new[test]["test_exact"] >= old[test]["test_exact"],
        "probe_not_lower": new["v9_probe"] >= old["v9_probe"],
    }


def main() -> None:
    ft080, probe = ROOT / "results" / "experiments" / "ft080", ROOT / "results" / "experiments" / "v9_probe"
    out: dict[str, Any] = {"experiment": "fine-tune on corpus 0.9.0 (v9), averaged with the start (alpha 0.5), vs the "
                                         "corpus 0.8.0 arms", "steps": 4000, "lr": 1.5e-4, "alpha": 0.5,
                           "config": "training/configs/finetune64.toml"}
    passed = True
    for arm in ("A", "B"):
        old = {"on_090": headline(_load(HERE / f"measure090_shipped_{arm}.json")),
               "on_080": headline(_load(HERE / f"measure080_shipped_{arm}.json")),
               "harness": _load(ft080 / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(ft080 / f"wise_calibration_{arm}.json")),
               "v9_probe": _load(probe / f"shipped_{arm}.json")["right"]}
        new = {"on_090": headline(_load(HERE / f"wise_measure_{arm}.json")),
               "on_080": headline(_load(HERE / f"wise_measure080_{arm}.json")),
               "harness": _load(HERE / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(HERE / f"wise_calibration_{arm}.json")),
               "v9_probe": _load(HERE / f"wise_v9_probe_{arm}.json")["right"]}
        checks = gate(new, old)
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {"shipped_080": old, "averaged_090": new, "gate": checks,
                             "speed_per_s": _load(HERE / f"wise_measure_{arm}.json")["speed"]["addresses_per_s"],
                             "speed_per_s_shipped": _load(HERE / f"measure090_shipped_{arm}.json")["speed"]["addresses_per_s"]}
    out["gate_passed"] = passed
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
