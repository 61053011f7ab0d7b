"""``addrnet bench means``: what each speed measure gives, one at a time, in one run -> bench/results/means.json.

In-process (the primary arm, the ``bench compare`` inputs): tokenization with and without the per-word cache;
length buckets against runs in input order; components only against components + tokens; one process with
two ONNX threads against two processes with one; ONNX graph optimization levels; orjson against json for
response bodies; a thread-pool hop against a direct call for tiny work.

HTTP (``/parse`` at concurrency 32, ``--workers 2``; each variant its own server, all else default; with the
server's CPU per request): default; the /parse fast path off (``app/fastpath.py``); micro-batching off (``ADDRNET_PARSE_BATCH_MAX=1``); a 2 ms batching wait; ``?tokens=true``; uvicorn's own
multi-worker launcher (one shared socket) instead of ``app/workers.py``; and on a repeating workload (300
distinct texts) the LRU cache on and off.

``--baseline REF`` instead: /parse/batch (1,000 texts a request, concurrency = workers, a new connection each)
and /parse at concurrency 32 of the code at REF against this tree (and, with ``--variants``, this tree with
``ADDRNET_ACCEPT=reuseport``), interleaved rounds, with the peers of ``bench compare``'s ratios measured in
each round -> bench/results/means_http_parse.json.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import platform
import random
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from bench import inputs
from bench.common import cpu_rate, now, result_under, write_result
from bench.compare import (
    BATCH,
    ROOT,
    Server,
    _cpu_s,
    _cycle,
    _free_port,
    _parse_requests,
    alternating,
    baseline_tree,
    inprocess,
    measured,
    serve_tree,
    served_env,
)
from bench.loadgen import load, post


def in_process(arm: str, texts: list[str], seconds: float) -> dict[str, Any]:
    import numpy as np
    import onnxruntime as ort

    from model.normalize import normalize, split_words
    from model.tagger import Tagger

    out: dict[str, Any] = {}
    tagger = Tagger.load(arm, intra_threads=1)
    words = [[w.text for w in split_words(normalize(t))] for t in texts]
    chunks = [words[i : i + 64] for i in range(0, 2048, 64)]
    tok = tagger.tokenizer
    out["tokenize_addresses_per_s"] = {
        "encode_batch per word sequence": cpu_rate(lambda: [tok._encode_sequences(c) for c in chunks], 2048, seconds),
        "per-word id cache": cpu_rate(lambda: [tok.encode_words(c) for c in chunks], 2048, seconds),
    }
    big = texts[:1000]

    def unsorted() -> None:
        norm = [normalize(t) for t in big]
        ws = [split_words(t) for t in norm]
        for i in range(0, len(big), 64):
            tagger._parse_run(norm[i : i + 64], ws[i : i + 64], False)

    out["parse_batch_1000_addresses_per_s"] = {
        "runs of 64 in input order": cpu_rate(unsorted, 1000, seconds),
        "runs of 64 by length": cpu_rate(lambda: tagger.parse_batch(big, tokens=False), 1000, seconds),
        "runs of 64 by length, with tokens": cpu_rate(lambda: tagger.parse_batch(big, tokens=True), 1000, seconds),
    }
    out["parse_batch_1_addresses_per_s"] = cpu_rate(lambda: [tagger.parse_batch([t], tokens=False) for t in texts[:200]],
                                                 200, seconds)
    enc = tok.encode_words(words[:64])
    feed = {"input_ids": enc.input_ids, "attention_mask": enc.attention_mask}
    levels = {}
    for name, level in (("all", ort.GraphOptimizationLevel.ORT_ENABLE_ALL),
                        ("extended", ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
                        ("basic", ort.GraphOptimizationLevel.ORT_ENABLE_BASIC),
                        ("disabled", ort.GraphOptimizationLevel.ORT_DISABLE_ALL)):
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        opts.graph_optimization_level = level
        sess = ort.InferenceSession(str(tagger.artifact.model_path), opts, providers=["CPUExecutionProvider"])
        levels[name] = cpu_rate(functools.partial(sess.run, ["logits"], feed), 64, seconds)
    out["onnx_graph_optimization_addresses_per_s"] = levels
    out["onnx_padded_tokens_per_address"] = float(np.prod(enc.input_ids.shape) / 64)
    out["onnx_real_tokens_per_address"] = float(enc.attention_mask.sum() / 64)

    from app.service import Service

    class _State:  # what Service.payloads reads
        settings = type("S", (), {"parse_cache_size": 0, "parse_batch_max": 1, "parse_batch_wait_ms": 0.0})()

    svc = Service(_State())  # type: ignore[arg-type]
    payloads = svc.payloads(tagger.parse_batch(big), tagger, True)
    out["encode_1000_bodies_per_s"] = {
        "json.dumps": cpu_rate(lambda: json.dumps({"results": payloads}, ensure_ascii=False), 1, seconds),
        "orjson.dumps": cpu_rate(lambda: orjson.dumps({"results": payloads}), 1, seconds),
    }

    from starlette.concurrency import run_in_threadpool

    def tiny() -> int:
        return 1

    async def hops(n: int, hop: bool) -> float:
        t0 = time.perf_counter()
        for _ in range(n):
            if hop:
                await run_in_threadpool(tiny)
            else:
                tiny()
        return (time.perf_counter() - t0) / n * 1e6

    out["tiny_call_us"] = {"thread-pool hop": asyncio.run(hops(5000, True)), "direct": asyncio.run(hops(5000, False))}
    out.update(per_turn_writes(seconds))
    results = tagger.parse_batch(big, tokens=False)

    def rounded_each() -> list[dict[str, Any]]:  # the answers as built before ``Service.payloads``
        info = svc.model_info(tagger)
        return [{"text": r.text, "arm": tagger.name, "model": info, "components": [
            {"label": c.label, "value": c.value, "start": c.start, "end": c.end, "confidence": round(c.confidence, 6)}
            for c in r.components]} for r in results]

    assert rounded_each() == svc.payloads(results, tagger, False)
    out["build_1000_answers_ms"] = {
        "round(v, 6) per confidence": 1000 / cpu_rate(rounded_each, 1, seconds),
        "Service.payloads (round6)": 1000 / cpu_rate(lambda: svc.payloads(results, tagger, False), 1, seconds),
    }
    return out


def per_turn_writes(seconds: float) -> dict[str, Any]:
    """The request log line and the request metrics, one request at a time against a turn's at once (16
    requests a loop turn, lines to /dev/null): CPU microseconds per request."""
    import logging

    from prometheus_client import CollectorRegistry, Counter, Histogram

    from addrnet.logs import JsonFormatter, LineLog
    from app.metrics import LATENCY_BUCKETS, Metrics

    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    handler = logging.StreamHandler(sink)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("addrnet.bench_means")
    logger.handlers, logger.propagate, logger.level = [handler], False, logging.INFO
    fields = {"request_id": "0" * 32, "method": "POST", "route": "/parse", "arm": "A", "status": 200, "latency_ms": 1.234}
    line_log = LineLog(logger, "request")
    reg = CollectorRegistry()
    counter = Counter("r", "r", ["route"], registry=reg).labels("/parse")
    hist = Histogram("d", "d", ["route"], buckets=LATENCY_BUCKETS, registry=reg).labels("/parse")
    metrics = Metrics()

    def per_request_metrics(i: int) -> None:
        counter.inc()
        hist.observe(0.0005 * (i % 40))

    cases = {
        "log line: logger.info + JsonFormatter": lambda i: logger.info("request", extra=fields),
        "log line: LineLog, a turn's lines in one write": lambda i: line_log.info(**fields),
        "metrics: inc + observe per request": per_request_metrics,
        "metrics: Metrics.request_done, a turn's at once": lambda i: metrics.request_done("/parse", "A", 200,
                                                                                        0.0005 * (i % 40)),
    }

    async def run(fn: Any) -> float:
        n, c0 = 0, time.process_time()
        while time.process_time() - c0 < seconds / 2:
            for i in range(16):
                fn(i)
            n += 16
            await asyncio.sleep(0)
        return (time.process_time() - c0) / n * 1e6

    try:
        return {"per_turn_writes_us_per_request": {name: asyncio.run(run(fn)) for name, fn in cases.items()},
                "per_turn_writes_prometheus_multiprocess": metrics.multiprocess}
    finally:
        line_log.flush()
        logger.handlers = []
        sink.close()


def http(args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    reqs = _parse_requests(texts)
    tok_reqs = _parse_requests(texts, "/parse?tokens=true")
    rng = random.Random(0)
    hot = texts[:300]
    repeat_reqs = [post("/parse", orjson.dumps({"text": hot[min(int(rng.paretovariate(1.2)) - 1, 299)]}))
                   for _ in range(20_000)]
    base_env = served_env(args.arms_dir)
    W = str(args.workers)
    serve = [sys.executable, "-m", "addrnet.cli", "serve", "--workers", W, "--port"]
    uvicorn_launcher = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--workers", W,
                        "--no-access-log", "--log-level", "warning", "--port"]
    variants = [
        ("default", serve, {}, reqs),
        ("fast path off (ADDRNET_PARSE_FAST_PATH=false: FastAPI routing and dependencies)", serve,
         {"ADDRNET_PARSE_FAST_PATH": "false"}, reqs),
        ("micro-batching off (parse_batch_max=1)", serve, {"ADDRNET_PARSE_BATCH_MAX": "1"}, reqs),
        ("micro-batching wait 2 ms", serve, {"ADDRNET_PARSE_BATCH_WAIT_MS": "2"}, reqs),
        ("?tokens=true", serve, {}, tok_reqs),
        ("uvicorn's launcher (one shared socket)", uvicorn_launcher, {}, reqs),
        ("repeating texts, LRU cache 1,024", serve, {}, repeat_reqs),
        ("repeating texts, LRU cache off", serve, {"ADDRNET_PARSE_CACHE_SIZE": "0"}, repeat_reqs),
    ]
    out = {}
    for name, cmd, extra, rq in variants:
        port = _free_port()
        srv = Server([*cmd, str(port)], {**base_env, **extra}, port)
        try:
            time.sleep(1.0)
            out[name] = measured(srv, lambda port=port, rq=rq: load(port, _cycle(rq, 300), 32, args.seconds, warmup=100))
        finally:
            srv.stop()
        print(f"  /parse c32 {name}: {out[name]['requests_per_s']:,.0f} req/s, p99 {out[name]['p99_ms']:.1f} ms",
              flush=True)
    return out


def batch_overlap(log_text: str, workers: int) -> dict[str, Any]:
    """From the request log lines (``app.observe``: end time, latency, the worker in the request id's first 16
    digits) of /parse/batch: the batches each worker answered, and the share of the time during which a
    worker held two or more batches at once (one waiting for the other) while another worker held none."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for line in log_text.splitlines():
        if '"/parse/batch"' not in line:
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        end = time.mktime(time.strptime(rec["ts"][:19], "%Y-%m-%dT%H:%M:%S")) + float(rec["ts"][20:23]) / 1000
        spans.setdefault(rec["request_id"][:16], []).append((end - rec["latency_ms"] / 1000, end))
    events = sorted((t, w, d) for w, sp in spans.items() for a, b in sp for t, d in ((a, 1), (b, -1)))
    held = dict.fromkeys(spans, 0) | {f"idle {k}": 0 for k in range(workers - len(spans))}  # workers with none
    queued = total = 0.0
    for (t, w, d), nxt in zip(events, events[1:], strict=False):
        held[w] += d
        if len(held) > 1 and max(held.values()) >= 2 and min(held.values()) == 0:
            queued += nxt[0] - t
        total += nxt[0] - t
    return {"batches_per_worker": sorted(len(sp) for sp in spans.values()),
            "queued_while_a_worker_idle_share": queued / total if total else 0.0}


def parse_ab(args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    """``--parse-only``: /parse at concurrency 32 alone, the code at ``--baseline`` (old) and this tree (new; or ``--new``,
    with ``--new-env`` in its environment)
    both served all along (``addrnet serve --workers W`` each) and loaded in turn, ``--rounds`` times (old
    first in even rounds); per variant the median and mean over the rounds of the server's CPU per request
    and of the requests per second. Many short turns: the machine is shared, so each figure is compared
    with its neighbour in time."""

    parse_reqs = _parse_requests(texts)
    env = served_env(args.arms_dir)
    tree = baseline_tree(args.baseline)
    here = baseline_tree(args.new) if args.new else ROOT
    servers: dict[str, Server] = {}
    try:
        extra = dict(kv.split("=", 1) for kv in args.new_env)
        for name, cwd, more in (("old", tree, {}), ("new", here, extra)):
            servers[name] = serve_tree(cwd, args.workers, {**env, **more})
        time.sleep(1.0)
        for srv in servers.values():  # warm: the word caches and the first runs
            load(srv.port, _cycle(parse_reqs, 300), 32, 1.0, warmup=200)
        _, rounds = alternating(servers, _cycle(parse_reqs, 300), 32, args.seconds, args.rounds, warmup=0)
        for r, row in enumerate(rounds):
            print(f"  round {r}: " + "; ".join(f"{n} {row[n]['requests_per_s']:,.0f} req/s "
                                                f"{row[n]['server_cpu_ms_per_request']:.4f} ms CPU" for n in row), flush=True)
    finally:
        for srv in servers.values():
            srv.stop()
        shutil.rmtree(tree, ignore_errors=True)
        if args.new:
            shutil.rmtree(here, ignore_errors=True)

    def stat(name: str, key: str) -> dict[str, float]:
        values = [float(x[name][key]) for x in rounds]
        return {"median": statistics.median(values), "mean": statistics.fmean(values)}

    summary: dict[str, Any] = {n: {"parse_c32_server_cpu_ms_per_request": stat(n, "server_cpu_ms_per_request"),
                                   "parse_c32_requests_per_s": stat(n, "requests_per_s"),
                                   "parse_c32_p99_ms": stat(n, "p99_ms")} for n in ("old", "new")}
    summary["new_vs_old_cpu_per_request"] = {
        "median_of_ratios": statistics.median(x["new"]["server_cpu_ms_per_request"] / x["old"]["server_cpu_ms_per_request"]
                                              for x in rounds)}
    return {"baseline": args.baseline, "new": args.new or "this tree", "new_env": args.new_env, "workers": args.workers,
            "mode": "parse-only", "rounds": rounds, "mean": summary}


def http_parse(args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    """/parse/batch (1,000 texts a request, concurrency = workers, a new connection per request, as ``bench
    compare``) and /parse at concurrency 32 with the server's CPU per request: the code at ``--baseline`` (old)
    and this tree (new), interleaved ``--rounds`` times (each variant its own ``addrnet serve``); each round
    also measures the peers of ``bench compare``'s ratios: in-process ``Tagger.parse_batch`` in W processes and
    the bare FastAPI endpoint at concurrency 32."""
    from addrnet.settings import get_settings

    parse_reqs = _parse_requests(texts)
    batch_reqs = [post("/parse/batch", orjson.dumps({"texts": texts[i : i + BATCH]})) for i in range(0, len(texts), BATCH)]
    env = served_env(args.arms_dir)
    resolve_reqs = [post("/resolve", orjson.dumps({"text": t, "limit": 5})) for t in texts]
    if args.resolve:  # the same gazetteer for the old tree (run from its own folder)
        env["ADDRNET_DATA_DIR"] = str(Path(get_settings().data_dir).resolve())
    W = args.workers
    tree = baseline_tree(args.baseline)
    here = ROOT
    # name -> (tree, extra environment); "new-reuseport": this tree with the kernel's SO_REUSEPORT spreading
    variants = {"old": (tree, {}), "new": (here, {}), "new-reuseport": (here, {"ADDRNET_ACCEPT": "reuseport"})}
    names = [n for n in variants if n in args.variants]
    rounds: list[dict[str, Any]] = []
    arm = str(Path(args.arms_dir) / get_settings().primary_arm)
    try:
        for r in range(args.rounds):
            # the in-process peer of the ratio (``bench compare``: Tagger.parse_batch in W processes, this tree's model)
            row: dict[str, Any] = {"inprocess": inprocess("addrnet", arm, texts, W, args.seconds)}
            port = _free_port()  # the framework ceiling of ``bench compare`` (this tree's launcher)
            bare = Server([sys.executable, "-m", "app.workers", "bench.bare_app:app", "--port", str(port), "--workers",
                           str(W), "--log-level", "warning"], env, port)
            try:
                row["bare_parse_c32"] = measured(bare, lambda port=port: load(port, _cycle(parse_reqs, 300), 32,
                                                                             args.seconds, warmup=200))
            finally:
                bare.stop()
            for name in (names if r % 2 == 0 else names[::-1]):
                cwd, extra = variants[name]
                srv = serve_tree(cwd, W, {**env, **extra})
                port = srv.port
                try:
                    time.sleep(1.0)
                    batch = measured(srv, lambda port=port: load(
                        port, lambda k, i: (batch_reqs[i % len(batch_reqs)], BATCH), W, args.seconds,
                        reconnect=True, warmup=2))
                    batch["server_cpu_ms_per_address"] = batch["server_cpu_ms_per_request"] / BATCH
                    batch.update(batch_overlap(Path(srv.log.name).read_text(encoding="utf-8", errors="replace"), W))
                    pids = srv.worker_pids()
                    c0 = [_cpu_s([p]) for p in pids]
                    parse = measured(srv, lambda port=port: load(port, _cycle(parse_reqs, 300), 32, args.seconds,
                                                                 warmup=200))
                    cpu = [_cpu_s([p]) - c for p, c in zip(pids, c0, strict=True)]
                    parse["worker_cpu_shares"] = [round(c / max(1e-9, sum(cpu)), 3) for c in cpu]
                    if args.resolve:  # text /resolve at concurrency 8, as bench compare (the gazetteer of data_dir)
                        row.setdefault(name, {})["resolve_c8"] = measured(srv, lambda port=port: load(
                            port, _cycle(resolve_reqs, 1000), 8, args.seconds, warmup=50))
                finally:
                    srv.stop()
                row[name] = {**row.get(name, {}), "batch_cW": batch, "parse_c32": parse}
                print(f"  round {r} {name}: /parse/batch c{W} {batch['addresses_per_s']:,.0f} addresses/s "
                      f"({batch['server_cpu_ms_per_address'] * 1000:.0f} us CPU each, "
                      f"{batch['queued_while_a_worker_idle_share']:.0%} of the time queued while a worker idled); /parse c32 "
                      f"{parse['requests_per_s']:,.0f} req/s, {parse['server_cpu_ms_per_request']:.3f} ms CPU each, "
                      f"p99 {parse['p99_ms']:.1f} ms, worker CPU shares {parse['worker_cpu_shares']}", flush=True)
            rounds.append(row)
    finally:
        shutil.rmtree(tree, ignore_errors=True)

    def mean(name: str, phase: str, key: str) -> float:
        return sum(float(x[name][phase][key]) for x in rounds) / len(rounds)

    inproc = sum(x["inprocess"]["addresses_per_s"] for x in rounds) / len(rounds)
    summary: dict[str, Any] = {name: {"batch_cW_addresses_per_s": mean(name, "batch_cW", "addresses_per_s"),
                      "batch_cW_server_cpu_us_per_address": mean(name, "batch_cW", "server_cpu_ms_per_address") * 1000,
                      "parse_c32_requests_per_s": mean(name, "parse_c32", "requests_per_s"),
                      "parse_c32_server_cpu_ms_per_request": mean(name, "parse_c32", "server_cpu_ms_per_request"),
                      "parse_c32_p99_ms": mean(name, "parse_c32", "p99_ms")} for name in names}
    for name in names:
        summary[name]["batch_cW_queued_while_a_worker_idle_share"] = mean(name, "batch_cW",
                                                                          "queued_while_a_worker_idle_share")
        summary[name]["parse_c32_vs_bare"] = sum(
            x[name]["parse_c32"]["requests_per_s"] / x["bare_parse_c32"]["requests_per_s"] for x in rounds) / len(rounds)
        summary[name]["batch_cW_vs_inprocess"] = sum(
            x[name]["batch_cW"]["addresses_per_s"] / x["inprocess"]["addresses_per_s"] for x in rounds) / len(rounds)
    if args.resolve:
        for name in names:
            summary[name]["resolve_c8_requests_per_s"] = mean(name, "resolve_c8", "requests_per_s")
            summary[name]["resolve_c8_server_cpu_ms_per_request"] = mean(name, "resolve_c8", "server_cpu_ms_per_request")
            summary[name]["resolve_c8_p99_ms"] = mean(name, "resolve_c8", "p99_ms")
    summary["inprocess_addresses_per_s"] = inproc
    summary["bare_parse_c32_requests_per_s"] = sum(x["bare_parse_c32"]["requests_per_s"] for x in rounds) / len(rounds)
    summary["bare_parse_c32_server_cpu_ms_per_request"] = sum(
        x["bare_parse_c32"]["server_cpu_ms_per_request"] for x in rounds) / len(rounds)
    for name in names:
        if name != "old" and "old" in names:
            summary[f"{name}_vs_old"] = {k: summary[name][k] / summary["old"][k] for k in summary[name]
                                         if summary["old"][k]}
    return {"baseline": args.baseline, "workers": W, "rounds": rounds, "mean": summary}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="addrnet bench means", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arms-dir", default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--skip-http", action="store_true", help="in-process figures only")
    ap.add_argument("--baseline", default=None, metavar="REF",
                    help="only /parse/batch and /parse c32 of REF (old) against this tree (new), interleaved "
                    "(-> bench/results/means_http_parse.json unless --out)")
    ap.add_argument("--rounds", type=int, default=2, help="old/new rounds with --baseline")
    ap.add_argument("--resolve", action="store_true", help="with --baseline: also text /resolve at concurrency 8")
    ap.add_argument("--variants", type=lambda v: v.split(","), default=["old", "new"],
                    help="with --baseline: comma-separated, of old, new, new-reuseport (this tree, ADDRNET_ACCEPT=reuseport)")
    ap.add_argument("--parse-only", action="store_true",
                    help="with --baseline: only /parse c32, both servers up all along, many short turns")
    ap.add_argument("--new", default=None, metavar="REF", help="with --parse-only: the code at REF as new (default: this tree)")
    ap.add_argument("--new-env", action="append", default=[], metavar="KEY=VALUE",
                    help="with --parse-only: an environment variable of the new server only (repeatable)")
    ap.add_argument("--step", default=None, metavar="NAME",
                    help="with --baseline: keep the result under steps[NAME] of --out (the other steps stay)")
    ap.add_argument("--out", default="bench/results/means.json")
    args = ap.parse_args(argv)
    from addrnet.settings import get_settings

    settings = get_settings()
    args.arms_dir = args.arms_dir or str(settings.arms_dir)
    arm = str(Path(args.arms_dir) / settings.primary_arm)
    texts, digest = inputs.load()
    if args.baseline:
        out = args.out if args.out != "bench/results/means.json" else "bench/results/means_http_parse.json"
        res = {"date": now(), "machine": platform.machine(), "cpus": os.cpu_count(), "inputs_sha256": digest,
               "seconds_per_figure": args.seconds, "load_average_at_start": list(os.getloadavg()),
               **(parse_ab if args.parse_only else http_parse)(args, texts),
               "load_average_at_end": list(os.getloadavg())}
        if args.step:  # one file, a result per measured change (only its steps are kept)
            res = {"steps": result_under(out, args.step, res, section="steps")["steps"]}
        write_result(out, res, echo=False)
        print(json.dumps((res["steps"][args.step] if args.step else res)["mean"], indent=1), f"\n-> {out}", flush=True)
        return 0
    result: dict[str, Any] = {"date": now(), "machine": platform.machine(), "cpus": os.cpu_count(), "arm": arm,
                              "inputs_sha256": digest, "seconds_per_figure": args.seconds}
    result["in_process"] = in_process(arm, texts, args.seconds)
    print(json.dumps(result["in_process"], indent=1), flush=True)
    procs = [inprocess("addrnet", arm, texts, 2, args.seconds)]
    one = inprocess("addrnet-2threads", arm, texts, 1, args.seconds)
    result["processes_vs_threads_addresses_per_s"] = {"1 process, 2 ONNX threads": one["addresses_per_s"],
                                                       "2 processes, 1 ONNX thread": procs[0]["addresses_per_s"]}
    if not args.skip_http:
        result["http_parse_c32"] = http(args, texts)
    write_result(args.out, result, echo=False)
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
