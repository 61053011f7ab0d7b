"""Time a corpus build and extrapolate to 1M examples.

    nice python -m bench.corpus_build [--size 200000] [--data-dir data]

Writes bench/results/corpus_build.json: source loading time (fixed cost), rendering throughput,
peak RSS, and the extrapolated time for 1M examples (load + 1M / throughput).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from training.corpus_build import DEFAULT_DATA_DIR, build_corpus, cached_sources

OUT = Path(__file__).resolve().parent / "results" / "corpus_build.json"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=200_000)
    p.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR))
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    cached_sources(Path(args.data_dir))
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t1 = time.perf_counter()
        build_corpus(tmp, "bench", args.size, 42, args.data_dir, progress=False)
        render_s = time.perf_counter() - t1
        out_bytes = sum(f.stat().st_size for f in Path(tmp).iterdir())
    rate = args.size / render_s
    result = {
        "size": args.size,
        "load_sources_seconds": round(load_s, 1),
        "render_write_seconds": round(render_s, 1),
        "examples_per_second": round(rate),
        "output_mb": round(out_bytes / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "extrapolated_1m_seconds": round(load_s + 1_000_000 / rate, 1),
        "extrapolation": "load_sources_seconds + 1e6 / examples_per_second (rendering is linear: one pass, "
        "constant work per example, streamed writes)",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "note": "2 shared cores, run under nice while other engineers' jobs were running"},
    }
    print(json.dumps(result, indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
