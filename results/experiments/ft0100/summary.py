"""Arms A and B fine-tuned on corpus 0.10.0 (its ``v10`` source: a firm's name before its address, outside the
English-speaking countries) from the shipped corpus 0.9.0 arms, then averaged with them (alpha 0.5): the one
candidate per arm, held to the gate of ``gate.md`` (written before measuring). It failed (arm A: real-text exact and
the harness), so the corpus 0.9.0 arms stay shipped; corpus 0.10.0 and its source stay in the code for a later
round.

Inputs, written by the project's commands (as ``results/experiments/ft090``, with 0.10.0 for 0.9.0, runs/*0100):
``wise_measure_{A,B}.json`` (corpus 0.10.0), ``wise_measure090_{A,B}.json`` (corpus 0.9.0, ``--dry-run``),
``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``,
``wise_v9_probe_{A,B}.json``, ``wise_v10_probe_{A,B}.json``; the shipped arms' figures from
``results/experiments/ft090`` (``wise_*``: the arms shipped now) and ``results/experiments/v10_probe/shipped_*``.
Run: ``python results/experiments/ft0100/summary.py`` from the repository root -> ``summary.json``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import calibration_headline, headline  # noqa: E402

_spec = importlib.util.spec_from_file_location("ft090_summary", HERE.parent / "ft090" / "summary.py")
assert _spec is not None and _spec.loader is not None
ft090 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ft090)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    shipped_dir, probe10 = HERE.parent / "ft090", HERE.parent / "v10_probe"
    out: dict[str, Any] = {"experiment": "fine-tune on corpus 0.10.0 (v10: firms' names), averaged with the start "
                                         "(alpha 0.5), vs the shipped corpus 0.9.0 arms", "steps": 4000, "lr": 1.5e-4,
                           "alpha": 0.5, "config": "training/configs/finetune64.toml"}
    passed = True
    for arm in ("A", "B"):
        old = {"on_090": headline(_load(shipped_dir / f"wise_measure_{arm}.json")),
               "harness": _load(shipped_dir / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(shipped_dir / f"wise_calibration_{arm}.json")),
               "v9_probe": _load(shipped_dir / f"wise_v9_probe_{arm}.json")["right"],
               "v10_probe": _load(probe10 / f"shipped_{arm}.json")["right"]}
        on_090 = headline(_load(HERE / f"wise_measure090_{arm}.json"))
        new = {"on_0100": headline(_load(HERE / f"wise_measure_{arm}.json")), "on_090": on_090,
               "harness": _load(HERE / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
               "calibration": calibration_headline(_load(HERE / f"wise_calibration_{arm}.json")),
               "v9_probe": _load(HERE / f"wise_v9_probe_{arm}.json")["right"],
               "v10_probe": _load(HERE / f"wise_v10_probe_{arm}.json")["right"]}
        # the ft090 gate with the 0.9.0 test split (points 1-3 and the v9 probe), then the v10 probe
        checks = ft090.gate(new, old, test="on_090")
        checks["v10_probe_not_lower"] = new["v10_probe"] >= old["v10_probe"]
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {"shipped_090": old, "averaged_0100": new, "gate": checks}
    out["gate_passed"] = passed
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
