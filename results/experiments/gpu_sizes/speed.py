"""In-process speed of every arm of ``gpu_sizes`` and the shipped arms, taking turns on the same 2,048 corpus 0.19.0
test texts (``training.measure.interleaved_speed``: 2 threads, batch 64, best of 6 rounds) -> ``speed.json``.
Run from the repository root after ``run.sh``, with nothing else running."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.measure import SPEED_TEXTS, interleaved_speed  # noqa: E402

TAGS = ("shipA", "shipB", "A96", "B96", "A128", "B128", "ref")


def main() -> None:
    texts = [e["text"] for e in read_split(ROOT / "corpus" / "0.19.0", "test")][:SPEED_TEXTS]
    folders = {t: str(ROOT / "runs" / "arms_gpusizes" / t) for t in TAGS}
    best = interleaved_speed(list(folders.values()), texts, threads=2, rounds=6)
    write_result(HERE / "speed.json", {t: round(best[f], 1) for t, f in folders.items()})


if __name__ == "__main__":
    main()
