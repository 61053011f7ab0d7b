"""In-process speed of the second-round corpus 0.20.0 arms (ft0201) against the ft0200 arms they replace (same graph), the two taking
turns in each round on the same texts (``training.measure.interleaved_speed``: 2 threads, batch 64), since a single
``addrnet measure`` figure moves with the load of this shared box.

Run from the repository root with the replaced arms extracted beside it:
``for a in A B; do mkdir -p /tmp/arms0200/$a; git archive 257a077 artifacts/arms/$a | tar x -C /tmp/arms0200/$a; done``
then ``python results/experiments/ft0201/speed.py /tmp/arms0200`` -> ``speed.json``.
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
    out = {"date": now(), "texts": "corpus/0.19.0 test[:2048]"} | replaced_speed(old_root, ROOT, ("ft0200_arm", "ft0201_arm"), texts)
    write_result(HERE / "speed.json", out)


if __name__ == "__main__":
    main(sys.argv[1])
