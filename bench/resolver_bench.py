"""Resolver latency on SQLite over the eval points: p50 / p99 per ``resolve`` call.

Usage: ``python -m bench.resolver_bench [--url URL] [--csv PATH] [--out bench/results/resolver.json]``.
Targets: p50 <= 5 ms, p99 <= 20 ms. The gazetteer must be loaded (``addrnet gazetteer load``).
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from addrnet.settings import get_settings
from bench.common import write_result
from resolver.db import make_engine
from resolver.match import resolve

P50_TARGET_MS = 5.0
P99_TARGET_MS = 20.0


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def run(url: str, csv_path: Path, repeats: int = 3) -> dict[str, Any]:
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    queries = [
        {
            k: v
            for k, v in {"locality": r["CITY"], "region": r["REGION"], "postcode": r["POSTCODE"]}.items()
            if v
        }
        for r in rows
    ]
    engine = make_engine(url)
    lat: list[float] = []
    with engine.connect() as conn:
        for q in queries[:50]:  # warm-up: page cache, statement cache
            resolve(conn, q, country="US")
        for _ in range(repeats):
            for q in queries:
                t0 = time.perf_counter()
                resolve(conn, q, country="US")
                lat.append((time.perf_counter() - t0) * 1000)
    engine.dispose()
    p50, p99 = _pct(lat, 0.50), _pct(lat, 0.99)
    return {
        "backend": engine.dialect.name,
        "queries": len(lat),
        "p50_ms": round(p50, 3),
        "p90_ms": round(_pct(lat, 0.90), 3),
        "p99_ms": round(p99, 3),
        "max_ms": round(max(lat), 3),
        "mean_ms": round(statistics.mean(lat), 3),
        "targets": {"p50_ms": P50_TARGET_MS, "p99_ms": P99_TARGET_MS},
        "pass": p50 <= P50_TARGET_MS and p99 <= P99_TARGET_MS,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    settings = get_settings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=settings.db_url)
    parser.add_argument("--csv", default=str(Path(settings.source_data_dir) / "oa" / "eval_points.csv"))
    parser.add_argument("--out", default="bench/results/resolver.json")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.url, Path(args.csv), args.repeats)
    write_result(args.out, result)
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
