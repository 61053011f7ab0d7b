"""What the place table (``model/places.py``) costs in process: ``Tagger.parse_batch`` CPU time per address with
the arm's table on and off, in alternating rounds on the ``bench compare`` inputs (one ONNX thread), at batch
1,000 (``/parse/batch``) and at batch 16 (a ``/parse`` micro-batch), and how many texts the table re-read; and
the worst case, at batch 1,000: addresses whose street, localities and region are invented words, so that every
text's places are unknown and read again from the k best paths.

    addrnet bench places [--arm artifacts/arms/A] [--rounds 4] [--texts 4000]

Writes bench/results/places_cost.json. CPU time (``time.process_time``): other load moves it less than wall time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path
from typing import Any

from bench import inputs
from bench.common import now, write_result

OUT = Path(__file__).resolve().parent / "results" / "places_cost.json"
_SYLLABLES = ("ka", "lo", "mer", "vin", "dra", "tos", "bel", "quo", "rin", "zal", "fen", "gor")


def invented(n: int, seed: int = 0) -> list[str]:
    """``n`` addresses made of invented names ("12 Kalomer Street, Dratos Belquo, Zalfen")."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return [f"{rng.randint(1, 999)} {word()} Street, {word()} {word()}, {word()}" for _ in range(n)]


def cpu_us_per_text(tagger: Any, texts: list[str], batch: int) -> float:
    t0 = time.process_time()
    for b0 in range(0, len(texts), batch):
        tagger.parse_batch(texts[b0 : b0 + batch], tokens=False)
    return (time.process_time() - t0) / len(texts) * 1e6


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arm", default="artifacts/arms/A")
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--texts", type=int, default=4000)
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)

    from model.tagger import Tagger

    tagger = Tagger.load(args.arm)
    table = tagger.places
    if table is None:
        raise SystemExit(f"{args.arm} has no place table (addrnet places)")
    texts, sha = inputs.load()
    texts = texts[: args.texts]
    tagger.places = None
    plain = [[(c.label, c.start, c.end) for c in r.components] for r in tagger.parse_batch(texts, tokens=False)]
    tagger.places = table
    placed = [[(c.label, c.start, c.end) for c in r.components] for r in tagger.parse_batch(texts, tokens=False)]
    worst = invented(1000)
    runs: dict[str, dict[str, list[float]]] = {k: {"on": [], "off": []} for k in ("batch_1000", "batch_16", "invented_1000")}
    for r in range(args.rounds):
        for name, batch, pool in (("batch_1000", 1000, texts), ("batch_16", 16, texts), ("invented_1000", 1000, worst)):
            for state in (("on", "off") if r % 2 == 0 else ("off", "on")):
                tagger.places = table if state == "on" else None
                runs[name][state].append(cpu_us_per_text(tagger, pool, batch))
    tagger.places = table
    out: dict[str, Any] = {
        "bench": "places_cost", "date": now(), "arm": args.arm, "inputs_sha256": sha, "texts": len(texts),
        "rounds": args.rounds, "place_ratio": tagger.place_ratio, "table_entries": len(table),
        "texts_re_read": sum(a != b for a, b in zip(plain, placed, strict=True)),
        "cpu_us_per_text": {k: {s: round(statistics.median(v), 2) for s, v in d.items()} for k, d in runs.items()},
        "cost_on_vs_off": {k: round(statistics.median(d["on"]) / statistics.median(d["off"]), 4) for k, d in runs.items()},
    }
    write_result(args.out, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
