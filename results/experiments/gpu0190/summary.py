"""The corpus 0.19.0 GPU arms (one lent H200, ``run.sh``) and candidate 2, the stage recipe from them on corpus 0.9.0
(``../ftgpu090``), each held to the gate of ``gate.md`` (written before either was measured) against the shipped
arms (``ft0190/summary.json``, ``averaged_0190``); with, as information, the distilled arm B (``*_kdB.json``: the
reference lane distilled into B) and the 6 x 384 bf16 reference lane (``*_ref.json``).

Run: ``python results/experiments/gpu0190/summary.py`` from the repository root -> ``summary.json``.
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
from training.measure import calibration_headline, candidate_figures, gate_checks, headline  # noqa: E402

NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20", "v21")
LAST = "v22"  # gate.md, point 5: no lower


def gate(folder: Path, prefix: str, shipped: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    passed = True
    for arm in ("A", "B"):
        old = shipped[f"arm_{arm}"]["averaged_0190"]
        new = candidate_figures(folder, arm, "on_0190", (*NOT_LOWER, LAST), prefix=prefix)
        checks = gate_checks(new, old, "on_0190", NOT_LOWER, LAST, probe_slack=1, newest_may_tie=True)
        passed = passed and all(checks.values())
        out[f"arm_{arm}"] = {"shipped_0190": old, "candidate": new, "gate": checks}
    out["decision"] = "replace the shipped arms" if passed else "keep the shipped arms"
    return out


def info(tag: str) -> dict[str, Any]:
    def load(name: str) -> Any:
        return json.loads((HERE / f"{name}_{tag}.json").read_text(encoding="utf-8"))

    measure = load("measure")
    return {"on_0190": headline(measure), "harness": load("places")["pelias_harness"]["pass_rate"],
            "calibration": calibration_headline(load("calibration")), "speed": measure.get("speed")}


def main() -> None:
    shipped = json.loads((HERE.parent / "ft0190" / "summary.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {
        "experiment": "arms A/B trained from scratch on corpus 0.19.0 on one lent H200 (bf16, 2 x 64, batch 512), "
                      "and the stage recipe from them on corpus 0.9.0, vs the shipped corpus 0.19.0 arms",
        "gpu": gate(HERE, "", shipped),
        "gpu_ft090": gate(HERE.parent / "ftgpu090", "wise_", shipped),
        "information": {tag: info(tag) for tag in ("kdB", "ref") if (HERE / f"calibration_{tag}.json").is_file()},
    }
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
