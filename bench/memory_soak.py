"""``addrnet bench memory``: worker RSS under minutes of diverse load (target: <= 200 MB after 10 minutes).

Starts ``addrnet serve`` (arm A primary, B shadow, the reliability US gazetteer), then runs ``--minutes``
of diverse traffic at 8 connections: the 10,000 generated ``bench compare`` inputs through ``/parse``,
``/resolve`` (text, then components) and ``/parse/batch``, every text different until they wrap. It
samples the worker's RSS every 10 s and writes bench/results/memory_soak.json.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import now, write_result
from bench.inputs import load as load_inputs
from tests.reliability.run import ARMS, copy_db, gazetteer
from tests.reliability.server import Server, rss_mb

TARGET_MB = 200.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--shadow", default="B", help="shadow arm ('' for none)")
    ap.add_argument("--out", default="bench/results/memory_soak.json")
    args = ap.parse_args(argv)
    texts, sha = load_inputs()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db_path = copy_db(gazetteer(), work / "gaz.sqlite")
        settings: dict[str, Any] = {"arms_dir": ARMS, "primary_arm": "A", "database_url": f"sqlite:///{db_path}"}
        if args.shadow:
            settings["shadow_arm"] = args.shadow
        with Server(work, "soak", **settings) as s:
            pid = s.proc.pid
            samples = [{"t_s": 0.0, "rss_mb": rss_mb(pid)}]
            counts = {"ok": 0, "other": 0}
            lock = threading.Lock()
            end = time.perf_counter() + args.minutes * 60
            t_start = time.perf_counter()

            def worker(w: int) -> None:
                i = w
                with httpx.Client(timeout=60) as client:
                    while time.perf_counter() < end:
                        text = texts[i % len(texts)]
                        kind = i % 8
                        if kind < 4:
                            r = client.post(f"{s.url}/parse", json={"text": text})
                        elif kind < 6:
                            r = client.post(f"{s.url}/resolve", json={"text": text})
                        elif kind == 6:
                            parts = [p.strip() for p in text.split(",")]
                            r = client.post(f"{s.url}/resolve", json={"components": {"locality": parts[-2 if len(
                                parts) > 1 else -1][:200]}})
                        else:
                            r = client.post(f"{s.url}/parse/batch", json={"texts": texts[i % 9000: i % 9000 + 64]})
                        with lock:
                            counts["ok" if r.status_code == 200 else "other"] += 1
                        i += args.connections

            threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(args.connections)]
            for t in threads:
                t.start()
            while time.perf_counter() < end:
                time.sleep(min(10.0, max(0.0, end - time.perf_counter())))
                samples.append({"t_s": round(time.perf_counter() - t_start, 1), "rss_mb": rss_mb(pid)})
            for t in threads:
                t.join()
    final = samples[-1]["rss_mb"] or 0.0
    result = {
        "bench": "memory_soak", "date": now(), "minutes": args.minutes, "connections": args.connections,
        "shadow_arm": args.shadow or None, "inputs_sha256": sha, "requests": counts,
        "rss_mb": {"start": samples[0]["rss_mb"], "final": final,
                   "max": max((x["rss_mb"] or 0.0) for x in samples)},
        "samples": samples, "target_mb": TARGET_MB, "meets_target": final <= TARGET_MB,
    }
    write_result(args.out, result, echo=False)
    print({k: result[k] for k in ("minutes", "requests", "rss_mb", "meets_target")})
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
