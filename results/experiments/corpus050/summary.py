"""Collects this folder's runs into summary.json: the 0.4.0-corpus arms and the 0.5.0-corpus arms, both measured
on corpus 0.5.0 (real_test with floors labelled ``level``; the corpus test split) and on the Pelias harness.

Inputs, written by the project's commands (``--dry-run`` prints what the command would write):
- ``measure_{A,B}_040arms.json``: ``addrnet measure --arm <0.4.0 arm> --corpus corpus/0.5.0 --dry-run``;
- ``measure_{A,B}.json``: ``addrnet measure --arm artifacts/arms/<arm> --corpus corpus/0.5.0``;
- ``calibration_A_040arms.json``, ``calibration_{A,B}.json``: ``addrnet calibrate`` on the same corpus;
- the harness pass-rate of each arm from its export (``harness_040arms`` below from the 0.4.0 manifests).
Run: ``python results/experiments/corpus050/summary.py`` from the repository root.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OLD = "c392cf5"  # the last commit with the 0.4.0-corpus arms
ARMS_050 = "d97cb5b"  # the last commit with the CPU-trained 0.5.0-corpus arms (replaced by results/experiments/gpu050)
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import calibration_headline, headline  # noqa: E402


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _measure(name: str) -> dict[str, Any]:
    return headline(_load(HERE / name))


def _calibration(name: str) -> dict[str, Any]:
    return calibration_headline(_load(HERE / name))


def _manifest_at(rev: str, arm: str) -> Any:
    return json.loads(subprocess.run(["git", "show", f"{rev}:artifacts/arms/{arm}/manifest.json"], cwd=ROOT,
                                     capture_output=True, text=True, check=True).stdout)


def main() -> int:
    out: dict[str, Any] = {"experiment": "corpus 0.5.0 arms against the 0.4.0 arms, both on corpus 0.5.0"}
    for arm in ("A", "B"):
        manifest = _manifest_at(ARMS_050, arm)
        out[f"arm_{arm}"] = {
            "corpus_040": _measure(f"measure_{arm}_040arms.json"),
            "corpus_050": _measure(f"measure_{arm}.json"),
            "harness_050": manifest["pelias_harness"]["pass_rate"],
        }
    out["arm_A"]["calibration_040"] = _calibration("calibration_A_040arms.json")
    for arm in ("A", "B"):
        out[f"arm_{arm}"]["calibration_050"] = _calibration(f"calibration_{arm}.json")
    old = {arm: _manifest_at(OLD, arm) for arm in ("A", "B")}
    for arm in ("A", "B"):
        out[f"arm_{arm}"]["harness_040"] = old[arm]["pelias_harness"]["pass_rate"]
    out["arms_040_from"] = f"artifacts/arms/*/manifest.json at {OLD}"
    write_result(HERE / "summary.json", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
