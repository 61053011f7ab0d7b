"""HTTP benchmark of a running service: /parse p50/p99 at concurrency 1 and 8, /parse/batch throughput.

Targets (issue 6): p50 <= 3 ms for a single address; >= 5,000 addresses/s through /parse/batch.
Writes bench/results/http.json.
"""

from __future__ import annotations

import argparse
import platform
import threading
import time
from typing import Any

import httpx
import numpy as np

from bench.common import now, write_result

TEXTS = [
    "1745 T Street Southeast, Washington, DC 20020",
    "560 Penstock Drive, Grass Valley, CA 95945",
    "Korunní 810, Praha",
    "Rua Raul Leite Magalhães, 65, Tapiraí - SP, 18180-000, Brazil",
    "30 w 26th st, ny, ny",
    "Main St & 2nd Ave, Springfield",
    "Markgrafenstraße 22, 10117 Berlin",
    "12 Oak Ave Apt 4B, Portland, OR 97201",
]


def latency(url: str, concurrency: int, requests_per_worker: int) -> dict[str, Any]:
    samples: list[float] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            client.post("/parse", json={"text": TEXTS[0]})  # connection warm-up
            local = []
            for i in range(requests_per_worker):
                t0 = time.perf_counter()
                r = client.post("/parse", json={"text": TEXTS[(i + k) % len(TEXTS)]})
                local.append(time.perf_counter() - t0)
                r.raise_for_status()
            with lock:
                samples.extend(local)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = np.array(samples) * 1000
    return {
        "concurrency": concurrency, "requests": len(samples), "p50_ms": float(np.percentile(ms, 50)),
        "p99_ms": float(np.percentile(ms, 99)), "requests_per_s": len(samples) / wall,
    }


def batch_throughput(url: str, batch: int, rounds: int) -> dict[str, Any]:
    texts = [TEXTS[i % len(TEXTS)] for i in range(batch)]
    with httpx.Client(base_url=url, timeout=60) as client:
        client.post("/parse/batch", json={"texts": texts}).raise_for_status()
        t0 = time.perf_counter()
        for _ in range(rounds):
            client.post("/parse/batch", json={"texts": texts}).raise_for_status()
        wall = time.perf_counter() - t0
    return {"batch": batch, "rounds": rounds, "addresses_per_s": batch * rounds / wall}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="addrnet bench http", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8000", help="running service")
    ap.add_argument("--requests", type=int, default=500, help="requests per worker")
    ap.add_argument("--out", default="bench/results/http.json")
    args = ap.parse_args(argv)
    arms = httpx.get(f"{args.url}/v1/arms").json()
    result = {
        "url": args.url, "primary": arms["primary"], "machine": platform.machine(),
        "cpus": __import__("os").cpu_count(), "date": now(),
        "parse": [latency(args.url, 1, args.requests), latency(args.url, 8, max(50, args.requests // 4))],
        "batch": batch_throughput(args.url, 1000, 10),
        "targets": {"parse_p50_ms": 3.0, "batch_addresses_per_s": 5000},
    }
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
