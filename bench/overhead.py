"""``addrnet bench overhead --baseline REF``: the costs around the network, the code at REF against this tree, in
CPU time (robust on a shared machine), interleaved rounds -> bench/results/means_overhead.json.

1. In-process ``Tagger.parse_batch`` (the ``bench compare`` inputs, 1,000 texts a call and one text a call, one
   ONNX thread): microseconds of CPU per address, split into ONNX ``session.run`` and the Python around it.
2. The ASGI app called directly (no sockets): CPU per ``POST /parse`` answered from the LRU cache (the
   framework and the app around the parser), uncached one at a time, uncached 32 at a time; and the bare
   FastAPI endpoint of ``bench compare`` (``bench/bare_app.py``) under the same calls.
3. ``addrnet serve --workers W``: /parse at concurrency 32 (server CPU per request, requests/s) and the bare
   endpoint under the same launcher.
4. Start-up: CPU of the parent plus the busiest worker until /readyz answers (the critical path on idle
   cores), and the wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from bench import inputs
from bench.common import child_pids, now, wait_ready, write_result
from bench.compare import (
    ROOT,
    Server,
    _cpu_s,
    _cycle,
    _free_port,
    _parse_requests,
    baseline_tree,
    measured,
    serve_tree,
    served_env,
)
from bench.loadgen import load

INPROC = r"""
import sys, time, json
from model.tagger import Tagger
arm, seconds = sys.argv[1], float(sys.argv[2])
texts = sys.stdin.read().splitlines()
tg = Tagger.load(arm, intra_threads=1, inter_threads=1)
chunks = [texts[i : i + 1000] for i in range(0, len(texts), 1000)]
tg.parse_batch(chunks[0], tokens=False)
run, onnx = tg.session.run, [0.0]
def timed(*a, **k):
    t = time.process_time(); r = run(*a, **k); onnx[0] += time.process_time() - t; return r
tg.session.run = timed
tg.batch_session = tg.session
out = {}
for name, step, n_per in (("batch_1000", lambda i: tg.parse_batch(chunks[i % len(chunks)], tokens=False), 1000),
                          ("one_text", lambda i: tg.parse_batch([texts[i % len(texts)]], tokens=False), 1)):
    onnx[0], done, i, c0 = 0.0, 0, 0, time.process_time()
    while time.process_time() - c0 < seconds:
        step(i); done += n_per; i += 1
    cpu = time.process_time() - c0
    out[name] = {"cpu_us_per_address": cpu / done * 1e6, "onnx_us": onnx[0] / done * 1e6,
                 "python_us": (cpu - onnx[0]) / done * 1e6}
print(json.dumps(out))
"""

ASGI = r"""
import asyncio, json, logging.config, os, sys, time
import orjson
from addrnet.logs import logging_config
logging.config.dictConfig(logging_config("INFO"))
for h in logging.getLogger("addrnet").handlers:
    h.setStream(open(os.devnull, "w"))
from app.main import create_app
import bench.bare_app as bare
texts = sys.stdin.read().splitlines()
rounds = int(sys.argv[1])

async def call(app, body):
    sent = []
    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}
    async def send(m):
        sent.append(m)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/parse", "raw_path": b"/parse", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"x"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 2)}
    await app(scope, receive, send)
    assert sent[0]["status"] == 200, sent

def per_request(t0, n):
    return (time.process_time() - t0) / n * 1e6

async def main():
    app = create_app()
    out = {}
    async with app.router.lifespan_context(app):
        hot = [orjson.dumps({"text": t}) for t in texts[:500]]
        for b in hot:
            await call(app, b)
        for name, a in (("cached", app), ("bare", bare.app)) * rounds:
            t0, n = time.process_time(), 0
            for _ in range(4):
                for b in hot:
                    await call(a, b); n += 1
            out.setdefault(name, []).append(per_request(t0, n))
        cold = [orjson.dumps({"text": t}) for t in texts[1000:1600]]
        t0 = time.process_time()
        for b in cold:
            await call(app, b)
        out["uncached_c1"] = [per_request(t0, len(cold))]
        cold32 = [orjson.dumps({"text": t}) for t in texts[2000:4000]]
        t0 = time.process_time()
        for i in range(0, len(cold32), 32):
            await asyncio.gather(*(call(app, b) for b in cold32[i : i + 32]))
        out["uncached_c32"] = [per_request(t0, len(cold32))]
    print(json.dumps({k: min(v) for k, v in out.items()}))

asyncio.run(main())
"""


def _json_out(cmd: list[str], tree: Path, stdin: str, env: dict[str, str]) -> Any:
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=tree,
                       env={**env, "PYTHONPATH": str(tree)}, check=True)
    return orjson.loads(r.stdout.strip().splitlines()[-1])


def startup(tree: Path, env: dict[str, str], workers: int) -> dict[str, float]:
    port = _free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port), "--workers",
                             str(workers)], cwd=tree, env={**env, "PYTHONPATH": str(tree)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(proc, port, (200, 503))
        wall = time.perf_counter() - t0
        parent = _cpu_s([proc.pid])
        busiest = max((_cpu_s([k]) for k in child_pids(proc.pid)), default=0.0)
        return {"wall_s": wall, "critical_path_cpu_s": parent + busiest, "parent_cpu_s": parent, "worker_cpu_s": busiest}
    finally:
        proc.terminate()
        proc.wait(20)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="addrnet bench overhead", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", required=True, metavar="REF", help="git ref of the code to compare with")
    ap.add_argument("--arms-dir", default=None, help="arms folder (default: the setting)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds per figure")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (the best is kept)")
    ap.add_argument("--out", default="bench/results/means_overhead.json")
    args = ap.parse_args(argv)
    from addrnet.settings import get_settings

    settings = get_settings()
    arms_dir = Path(args.arms_dir or settings.arms_dir).resolve()
    arm = str(arms_dir / settings.primary_arm)
    texts, digest = inputs.load()
    stdin = "\n".join(texts)
    env = served_env(arms_dir)
    base = baseline_tree(args.baseline)
    trees = {"baseline": base, "this tree": ROOT}
    manifest = orjson.loads((Path(arm) / "manifest.json").read_bytes())
    result: dict[str, Any] = {"date": now(), "baseline": args.baseline, "inputs_sha256": digest, "arm": arm,
                              "model_sha256": (manifest.get("files") or {}).get("model.onnx"),
                              "workers": args.workers, "seconds_per_figure": args.seconds, "rounds": args.rounds,
                              "load_average_at_start": os.getloadavg()}
    try:
        inproc: dict[str, list[Any]] = {}
        asgi: dict[str, list[Any]] = {}
        ready: dict[str, list[Any]] = {}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                inproc.setdefault(name, []).append(
                    _json_out([sys.executable, "-c", INPROC, arm, str(args.seconds)], tree, stdin, env))
                asgi.setdefault(name, []).append(_json_out([sys.executable, "-c", ASGI, "2"], tree, stdin, env))
                ready.setdefault(name, []).append(startup(tree, env, args.workers))
        result["in_process_cpu_us_per_address"] = {
            name: {kind: {k: min(r[kind][k] for r in runs) for k in runs[0][kind]} for kind in runs[0]}
            for name, runs in inproc.items()}
        result["asgi_cpu_us_per_request"] = {name: {k: min(r[k] for r in runs) for k in runs[0]}
                                             for name, runs in asgi.items()}
        result["startup"] = {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                             for name, runs in ready.items()}
        print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode(), flush=True)
        reqs = _parse_requests(texts)
        http: dict[str, list[dict[str, Any]]] = {}
        for _ in range(args.rounds):
            for name, tree in (("bare", ROOT), *trees.items()):
                if name == "bare":
                    port = _free_port()
                    srv = Server([sys.executable, "-m", "app.workers", "bench.bare_app:app", "--port", str(port),
                                  "--workers", str(args.workers), "--log-level", "warning"],
                                 {**env, "PYTHONPATH": str(tree)}, port, cwd=tree)
                else:
                    srv = serve_tree(tree, args.workers, env)
                port = srv.port
                try:
                    time.sleep(1.0)
                    http.setdefault(name, []).append(
                        measured(srv, lambda port=port: load(port, _cycle(reqs, 300), 32, args.seconds, warmup=200)))
                finally:
                    srv.stop()
        result["http_parse_c32"] = {
            name: {"server_cpu_ms_per_request": min(r["server_cpu_ms_per_request"] for r in runs),
                   "requests_per_s": max(r["requests_per_s"] for r in runs),
                   "p99_ms": min(r["p99_ms"] for r in runs)} for name, runs in http.items()}
        h = result["http_parse_c32"]
        result["ratios"] = {
            "in_process_batch_cpu_baseline_over_this": (
                result["in_process_cpu_us_per_address"]["baseline"]["batch_1000"]["cpu_us_per_address"]
                / result["in_process_cpu_us_per_address"]["this tree"]["batch_1000"]["cpu_us_per_address"]),
            "asgi_cached_this_over_bare": (result["asgi_cpu_us_per_request"]["this tree"]["cached"]
                                           / result["asgi_cpu_us_per_request"]["this tree"]["bare"]),
            "http_parse_c32_cpu_bare_over_this": (h["bare"]["server_cpu_ms_per_request"]
                                                  / h["this tree"]["server_cpu_ms_per_request"]),
            "http_parse_c32_cpu_bare_over_baseline": (h["bare"]["server_cpu_ms_per_request"]
                                                      / h["baseline"]["server_cpu_ms_per_request"]),
            "startup_critical_path_cpu_this_over_baseline": (result["startup"]["this tree"]["critical_path_cpu_s"]
                                                             / result["startup"]["baseline"]["critical_path_cpu_s"]),
        }
        result["load_average_at_end"] = os.getloadavg()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    write_result(args.out, result, echo=False)
    print(orjson.dumps(result.get("ratios", {}), option=orjson.OPT_INDENT_2).decode())
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
