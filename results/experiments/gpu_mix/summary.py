"""The 2 x 128 pair trained on corpus 0.19.0 and 0.9.0 together (``gate.md``), held to ``gpu_sizes``' gate against the
shipped arms measured by the same code (``gpu_sizes/*_ship{A,B}.json``).

Inputs, written by ``run.sh``: ``measure_{A128,B128}.json``, ``measure090_*``, ``places_*``, ``calibration_*`` and the
probes ``{probe}_probe_{tag}.json``. ``speed.json`` is written here first when missing: the pair and the shipped
arms taking turns on the same 2,048 corpus 0.19.0 test texts (2 threads, batch 64, best of 6 rounds; run with
nothing else running). Run: ``python results/experiments/gpu_mix/summary.py`` from the repository root ->
``summary.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.measure import SPEED_TEXTS, interleaved_speed, pair_gate  # noqa: E402

BASE = HERE.parent / "gpu_sizes"
NOT_LOWER = ("v9", "v11", "v12", "v13", "province", "v14", "v14b", "v15", "v16", "v17", "v18", "v19", "v20",
             "v21", "v22")  # gpu_sizes/gate.md, point 4
NEWEST = ("v23", "v24", "v25")  # point 5
FOLDERS = {"shipA": ROOT / "artifacts" / "arms" / "A", "shipB": ROOT / "artifacts" / "arms" / "B",
           "A128": ROOT / "runs" / "arms_gpumix" / "A128", "B128": ROOT / "runs" / "arms_gpumix" / "B128"}


def main() -> None:
    if not (HERE / "speed.json").is_file():
        texts = [e["text"] for e in read_split(ROOT / "corpus" / "0.19.0", "test")][:SPEED_TEXTS]
        best = interleaved_speed([str(f) for f in FOLDERS.values()], texts, threads=2, rounds=6)
        write_result(HERE / "speed.json", {t: round(best[str(f)], 1) for t, f in FOLDERS.items()})
    speed = json.loads((HERE / "speed.json").read_text(encoding="utf-8"))
    gate = pair_gate(HERE, ("A128", "B128"), BASE, speed, NOT_LOWER, NEWEST)
    write_result(HERE / "summary.json", {
        "experiment": "arms A/B at 2 x 128 trained from scratch on corpus 0.19.0 and 0.9.0 together (make_mix.py) on "
                      "one lent H200 (bf16, batch 512), vs the shipped stage-8 arms (ft0191)",
        "speed": speed, "arm_A": gate["A"], "arm_B": gate["B"],
        "decision": "replace the shipped arms" if gate["passes"] else "keep the shipped arms"})


if __name__ == "__main__":
    main()
