"""In-process speed of the corpus 0.20.0 arms (ft0200) against the ft0191 arms they replace (same graph), the two taking
turns in each round on the same texts (``training.measure.interleaved_speed``: 2 threads, batch 64), since a single
``addrnet measure`` figure moves with the load of this shared box.

Run from the repository root with the replaced arms extracted beside it:
``for a in A B; do mkdir -p /tmp/arms0191/$a; git archive 423ba41 artifacts/arms/$a | tar x -C /tmp/arms0191/$a; done``
then ``python results/experiments/ft0200/speed.py /tmp/arms0191`` -> ``speed.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from training.corpus import read_split  # noqa: E402
from training.measure import replaced_speed  # noqa: E402


def main(old_root: str) -> None:
    texts = [e["text"] for e in read_split(ROOT / "corpus" / "0.19.0", "test")][:2048]
    out = {"date": now(), "texts": "corpus/0.19.0 test[:2048]"} | replaced_speed(old_root, ROOT, ("ft0191_arm", "ft0200_arm"), texts)
    write_result(HERE / "speed.json", out)


if __name__ == "__main__":
    main(sys.argv[1])
