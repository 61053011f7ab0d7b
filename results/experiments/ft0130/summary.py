"""Arms A and B fine-tuned on corpus 0.13.0 (its ``v13`` source: corpus 0.12.0's ``v12`` kinds and a province written
after the city) from the shipped corpus 0.12.0 arms, then averaged with them (alpha 0.5): the one candidate per arm,
held to the gate of ``gate.md`` (written before training).

Inputs, written by the project's commands (as ``results/experiments/ft0120``, with 0.13.0 for 0.12.0, runs/*0130):
``wise_measure_{A,B}.json`` (corpus 0.13.0), ``wise_measure090_{A,B}.json`` (corpus 0.9.0, ``--dry-run``),
``wise_places_{A,B}.json`` (the Pelias harness, never fitted), ``wise_calibration_{A,B}.json``, and the probes
``wise_{v9,v11,v12,v13,province}_probe_{A,B}.json``; the shipped arms' figures from ``results/experiments/ft0120``
(``wise_*``), ``results/experiments/v13_probe/new_*`` and ``results/experiments/province_probe/shipped_*``.
Run: ``python results/experiments/ft0130/summary.py`` from the repository root -> ``summary.json``.
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
from training.measure import calibration_headline, gate_summary, headline, probe_right  # noqa: E402

NOT_LOWER = ('v9', 'v11', 'v12', 'v13')  # gate.md, point 4: probes no lower than the shipped arm's
HIGHER = "province"  # gate.md, point 4: the probe that must be higher

EXPERIMENT = ("fine-tune on corpus 0.13.0 (v13) from the corpus 0.12.0 arms, averaged with the start (alpha "
              "0.5), vs those arms")


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    shipped = HERE.parent / "ft0120"

    def shipped_figures(arm: str) -> dict[str, Any]:
        return {"on_090": headline(_load(shipped / f"wise_measure090_{arm}.json")),
                "harness": _load(shipped / f"wise_places_{arm}.json")["pelias_harness"]["pass_rate"],
                "calibration": calibration_headline(_load(shipped / f"wise_calibration_{arm}.json")),
                **{f"{p}_probe": probe_right(shipped / f"wise_{p}_probe_{arm}.json") for p in ("v9", "v11", "v12")},
                "v13_probe": probe_right(HERE.parent / "v13_probe" / f"new_{arm}.json"),
                "province_probe": probe_right(HERE.parent / "province_probe" / f"shipped_{arm}.json")}

    out = gate_summary(HERE, EXPERIMENT, shipped_figures, "on_0130", NOT_LOWER, HIGHER, (),
                       ("shipped_0120", "averaged_0130"))
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
