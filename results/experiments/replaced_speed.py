"""In-process speed of a fine-tune round's arms against the shipped arms they replace (same graph), the two taking turns
in each round on the same 2,048 corpus 0.19.0 test texts (``training.measure.replaced_speed``: 2 threads, batch 64),
since a single ``addrnet measure`` figure moves with the load of this shared box.

Run from the repository root, the new arms in ``artifacts/arms`` and the replaced ones extracted beside it
(``for a in A B; do mkdir -p OLD/$a; git archive COMMIT artifacts/arms/$a | tar x -C OLD/$a; done``):
``python results/experiments/replaced_speed.py OLD EXPERIMENT_FOLDER OLD_NAME NEW_NAME`` -> ``EXPERIMENT_FOLDER/speed.json``.
Each round's replaced arms and names: ft0190 (``git archive 0e26da8``; ``corpus_0140_arm corpus_0190_arm``), ft0191
(``c64ce34``; ``ft0190_arm ft0191_arm``), ft0200 (``423ba41``; ``ft0191_arm ft0200_arm``), ft0201 (``20905a6``;
``ft0200_arm ft0201_arm``), ft0210 (``7474911``; ``ft0201_arm ft0210_arm``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from training.corpus import read_split  # noqa: E402
from training.measure import replaced_speed  # noqa: E402


def main(old_root: str, folder: str, old_name: str, new_name: str) -> None:
    texts = [e["text"] for e in read_split(ROOT / "corpus" / "0.19.0", "test")][:2048]
    out = {"date": now(), "texts": "corpus/0.19.0 test[:2048]"} | replaced_speed(old_root, ROOT, (old_name, new_name),
                                                                                   texts)
    write_result(Path(folder) / "speed.json", out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
