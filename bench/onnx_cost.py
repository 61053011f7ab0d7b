"""What one ``/parse`` costs in the model alone: ONNX CPU time per call over a grid of rows x subword tokens (one
intra-op thread, the serving session options), the subword lengths of the ``bench compare`` inputs, and from
them the model's share of a request beside the bare FastAPI endpoint's whole request (``compare.json``).

    addrnet bench onnx [--arm artifacts/arms/A] [--compare bench/results/compare.json] [--seconds 0.5]

Writes bench/results/onnx_cost.json. CPU time (``time.process_time``), so other load moves it less than wall
time; figures from another run of ``compare`` are only set beside it, not divided into a target.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

import numpy as np

from bench import inputs
from bench.common import cpu_rate, now, write_result

OUT = Path(__file__).resolve().parent / "results" / "onnx_cost.json"
ROWS = (1, 4, 16, 64)
TOKENS = (8, 12, 16, 24, 32)


def call_us(session: Any, rows: int, tokens: int, seconds: float, rng: np.random.Generator) -> float:
    """Median CPU microseconds of one ``session.run`` on a (rows, tokens) batch, over 3 timed stretches."""
    feeds = {"input_ids": rng.integers(5, 3000, (rows, tokens)).astype(np.int64),
             "attention_mask": np.ones((rows, tokens), dtype=np.int64)}
    return statistics.median(1e6 / cpu_rate(lambda: session.run(["logits"], feeds), 1, seconds / 3) for _ in range(3))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arm", default="artifacts/arms/A")
    p.add_argument("--compare", default=str(OUT.parent / "compare.json"))
    p.add_argument("--seconds", type=float, default=0.5, help="CPU seconds per grid cell")
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)

    from model.normalize import normalize, split_words
    from model.tagger import Tagger

    tagger = Tagger.load(args.arm)
    rng = np.random.default_rng(0)
    grid = {f"{r}x{t}": round(call_us(tagger.session, r, t, args.seconds, rng), 1) for r in ROWS for t in TOKENS}
    # a fit of cost = fixed + per_token * rows * tokens over the grid, least squares of the relative errors (so
    # that the large calls do not decide the fixed part alone)
    xs = np.array([[1.0, r * t] for r in ROWS for t in TOKENS])
    ys = np.array([grid[f"{r}x{t}"] for r in ROWS for t in TOKENS])
    (fixed, per_token), *_ = np.linalg.lstsq(xs / ys[:, None], np.ones_like(ys), rcond=None)
    texts, sha = inputs.load()
    lengths = []
    for text in texts[:2000]:
        ids = tagger.tokenizer.word_ids([w.text for w in split_words(normalize(text))])
        lengths.append(min(tagger.tokenizer.max_len, sum(map(len, ids)) + 2))  # + [CLS], [SEP]
    mean_tokens = float(np.mean(lengths))
    out: dict[str, Any] = {
        "bench": "onnx_cost", "date": now(), "arm": args.arm, "inputs_sha256": sha,
        "us_per_call_rows_x_tokens": grid,
        "fit": {"fixed_us_per_call": round(float(fixed), 1), "us_per_token": round(float(per_token), 2)},
        "input_tokens": {"mean": round(mean_tokens, 2), "p50": float(np.median(lengths)),
                         "p90": float(np.percentile(lengths, 90)), "max": int(max(lengths))},
        # one text's share of a run of n texts of the mean length (no padding): fixed / n + per_token * tokens
        "onnx_us_per_text_by_run_size": {n: round(float(fixed) / n + float(per_token) * mean_tokens, 1) for n in ROWS},
    }
    cmp_path = Path(args.compare)
    if cmp_path.exists():
        http = json.loads(cmp_path.read_text(encoding="utf-8")).get("http", {})
        bare = (http.get("bare_parse_c32") or {}).get("server_cpu_ms_per_request")
        ours = (http.get("parse_c32") or {}).get("server_cpu_ms_per_request")
        if bare and ours:
            out["compare"] = {"file": str(cmp_path), "bare_cpu_us_per_request": round(bare * 1000, 1),
                              "addrnet_cpu_us_per_request": round(ours * 1000, 1),
                              "addrnet_cpu_us_at_cpu_ratio_0.7": round(bare * 1000 / 0.7, 1)}
    write_result(args.out, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
