"""``addrnet bench compare``: addrnet against usaddress (and pelias-parser) and its own HTTP layer against a bare
FastAPI endpoint, in one run, on the same inputs; writes bench/results/compare.json and compare.png.

Inputs: ``bench/inputs.py`` (10,000 generated US and international addresses, checked against their sha256).
Each figure comes from this one run; only the ratios are compared with the targets (the machine is shared).

1. In-process: ``Tagger.parse_batch`` (1,000 texts a call, components only, one ONNX thread) in 1 and 2
   processes; usaddress (``parse`` and ``tag``, the faster is the peer figure) in 1 and 2 processes;
   pelias-parser (``classify`` + ``solve``, one process) when ``node`` finds the package, e.g. with
   ``NODE_PATH`` (``npm install pelias-parser lodash``); else recorded as skipped.
2. HTTP: ``addrnet serve --workers W`` and the bare endpoint (``bench/bare_app.py``) under the same uvicorn
   options and worker launcher (``app/workers.py``), on uvicorn's own HTTP protocol (addrnet serves with
   ``app/protocol.py``, one write per response; the bare endpoint with it too is measured as information,
   ``http_parse_c32_vs_bare_coalesced_c32``). /parse at concurrency 1 and 32 on both (32: all served
   meanwhile, in ``C32_ROUNDS`` alternating rounds, merged); /parse/batch (1,000 texts a request, concurrency 1
   and W, a new connection per request); /resolve on the inputs' texts at concurrency 8 (skipped when the
   gazetteer is not loaded); then a mixed soak (/parse at 16, /parse/batch at 1, /resolve at 4) for
   ``--soak`` seconds, after which each worker's RSS is read from /proc. Ready = start to the first answer of
   /readyz (polled over a plain socket), the median of ``READY_STARTS`` starts, with the serving packages'
   bytecode compiled first (``compile_project``), as the image ships it.
   The served inputs never repeat within a phase's first 10,000 requests, so the /parse LRU cache
   (1,024 answers per worker) does not answer the timed phases.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from bench import inputs
from bench.common import child_pids, first_answer, now, wait_ready, write_result
from bench.loadgen import Run, load, load_run, merged, post

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1000
READY_STARTS = 3  # ready_s: the median of this many starts of the server
SERVING_PACKAGES = ("addrnet", "app", "model", "resolver")
C32_ROUNDS = 4  # /parse c32: rounds alternating addrnet and the bare endpoint, both served meanwhile

TARGETS = {  # ratio or figure -> (comparison, bound)
    "inprocess_2proc_vs_usaddress_2proc": (">=", 1.1),
    "http_batch_vs_inprocess": (">=", 0.8),
    "http_parse_c32_vs_bare_c32": (">=", 0.7),
    "http_parse_c32_p99_ms": ("<=", 50.0),
    "http_parse_c1_p50_ms": ("<=", 1.5),
    "http_resolve_c8_p99_ms": ("<=", 20.0),
    "rss_max_worker_mb": ("<=", 200.0),
    "ready_s": ("<=", 1.0),
}


# -- in-process ------------------------------------------------------------------------------------------
def _inproc_worker(kind: str, arm: str, texts: list[str], seconds: float, barrier: Any, out: Any) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if kind.startswith("addrnet"):  # "addrnet-2threads": one process with two ONNX threads (bench means)
        from model.tagger import Tagger

        threads = 2 if kind == "addrnet-2threads" else 1
        tagger = Tagger.load(arm, intra_threads=threads, inter_threads=1)
        chunks = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]

        def step(i: int) -> int:
            chunk = chunks[i % len(chunks)]
            tagger.parse_batch(chunk, tokens=False)
            return len(chunk)
    else:
        import usaddress

        def tag(t: str) -> Any:
            try:
                return usaddress.tag(t)
            except usaddress.RepeatedLabelError:
                return usaddress.parse(t)

        fn = usaddress.parse if kind == "usaddress.parse" else tag
        chunks = [texts[i : i + 200] for i in range(0, len(texts), 200)]

        def step(i: int) -> int:
            chunk = chunks[i % len(chunks)]
            for t in chunk:
                fn(t)
            return len(chunk)

    step(0)  # warm-up
    barrier.wait()
    done, i, t0, c0 = 0, 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        done += step(i)
        i += 1
    out.put((done, time.perf_counter() - t0, time.process_time() - c0))


def inprocess(kind: str, arm: str, texts: list[str], procs: int, seconds: float) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(procs), ctx.Queue()
    share = [texts[k::procs] for k in range(procs)]
    ps = [ctx.Process(target=_inproc_worker, args=(kind, arm, share[k], seconds, barrier, out)) for k in range(procs)]
    for p in ps:
        p.start()
    results = [out.get(timeout=600) for _ in ps]
    for p in ps:
        p.join()
    rate = sum(d / s for d, s, _ in results)
    per_cpu = sum(d for d, _, _ in results) / max(1e-9, sum(c for _, _, c in results))
    print(f"  in-process {kind} x{procs}: {rate:,.0f} addresses/s ({per_cpu:,.0f} per CPU-second)", flush=True)
    return {"kind": kind, "processes": procs, "addresses_per_s": rate, "addresses_per_cpu_s": per_cpu,
            "addresses": sum(d for d, _, _ in results)}


PELIAS_JS = """
const AddressParser = require('pelias-parser/parser/AddressParser');
const Tokenizer = require('pelias-parser/tokenization/Tokenizer');
const texts = require('fs').readFileSync(0, 'utf8').split('\\n').filter(Boolean);
const parser = new AddressParser();
const parse = (text) => { const t = new Tokenizer(text); parser.classify(t); parser.solve(t); return t.solution; };
for (const t of texts.slice(0, 200)) parse(t);
const t0 = process.hrtime.bigint(); let n = 0;
while (Number(process.hrtime.bigint() - t0) / 1e9 < SECONDS) { parse(texts[n % texts.length]); n++; }
console.log(JSON.stringify({n, s: Number(process.hrtime.bigint() - t0) / 1e9}));
"""


def pelias(texts: list[str], seconds: float) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        return {"skipped": "node is not installed"}
    probe = subprocess.run([node, "-e", "require.resolve('pelias-parser/parser/AddressParser')"], capture_output=True,
                           cwd=ROOT)
    if probe.returncode != 0:
        return {"skipped": "the pelias-parser package is not found (npm install pelias-parser lodash; NODE_PATH)"}
    r = subprocess.run([node, "-e", PELIAS_JS.replace("SECONDS", str(seconds))], input="\n".join(texts),
                       capture_output=True, text=True, cwd=ROOT, timeout=seconds + 120)
    if r.returncode != 0:
        return {"skipped": f"pelias-parser failed: {r.stderr[-300:]}"}
    res = json.loads(r.stdout.strip().splitlines()[-1])
    return {"processes": 1, "addresses_per_s": res["n"] / res["s"]}


BASELINE_INPROC = """
import sys, time
from model.tagger import Tagger
arm, seconds = sys.argv[1], float(sys.argv[2])
texts = sys.stdin.read().splitlines()
tagger = Tagger.load(arm, intra_threads=1, inter_threads=1)
chunks = [texts[i : i + 1000] for i in range(0, len(texts), 1000)]
tagger.parse_batch(chunks[0])
done, i, t0 = 0, 0, time.perf_counter()
while time.perf_counter() - t0 < seconds:
    done += len(tagger.parse_batch(chunks[i % len(chunks)]))
    i += 1
print(done / (time.perf_counter() - t0))
"""


def baseline_tree(ref: str, paths: Sequence[str] = (), base: str | None = None) -> Path:
    """The code at git ``ref``, exported (``git archive``) to a temporary folder (the caller removes it); with
    ``paths``: the code at ``base`` (default HEAD) with only those paths as they are at ``ref`` (only the changes
    there are measured, not those others made to the rest of the tree meanwhile)."""
    out = Path(tempfile.mkdtemp(prefix="addrnet-baseline-"))
    _export((base or "HEAD") if paths else ref, out)
    for rel in paths:
        target = out / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    if paths:
        _export(ref, out, *paths)
    return out


def _export(ref: str, into: Path, *paths: str) -> None:
    archive = subprocess.run(["git", "archive", ref, "--", *paths], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def baseline_inprocess(tree: Path, arm: str, texts: list[str], seconds: float) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    r = subprocess.run([sys.executable, "-c", BASELINE_INPROC, str(Path(arm).resolve()), str(seconds)],
                       input="\n".join(texts), capture_output=True, text=True, cwd=tree, env=env, check=True)
    return float(r.stdout.strip().splitlines()[-1])


# -- HTTP ------------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, cmd: list[str], env: dict[str, str], port: int, cwd: Path = ROOT) -> None:
        self.port = port
        self.log = tempfile.NamedTemporaryFile(prefix="addrnet-bench-", suffix=".log", delete=False)  # noqa: SIM115
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            self.ready_s = first_answer(self.proc, port, (200, 503)) - t0
            r = wait_ready(self.proc, port, (200, 503))
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}: {Path(self.log.name).read_text()[-2000:]}") from None
        self.ready = r.status_code == 200
        self.ready_body = r.json()

    def worker_pids(self) -> list[int]:
        """The server's worker processes (its children but a multiprocessing helper), else the server itself.
        (Told apart by their command line, not by size: the bare app's workers are ~40 MB, and a size
        cut of 40 MB left them out, so the bare server's CPU was its launcher's alone.)"""
        workers = [k for k in child_pids(self.proc.pid) if not _mp_helper(k)]
        return workers or [self.proc.pid]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        os.unlink(self.log.name)


def served_env(arms_dir: str | Path, **settings: str) -> dict[str, str]:
    """The environment of an A/B server: this one without its ADDRNET_ settings (each tree reads its own
    defaults), the arms of ``arms_dir`` (the same model for both sides) and ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
    return {**env, "ADDRNET_ARMS_DIR": str(Path(arms_dir).resolve()), **settings}


def serve_tree(tree: Path, workers: int, env: dict[str, str]) -> Server:
    """``addrnet serve --workers N`` of the code in ``tree`` (a ``baseline_tree`` or ROOT) on a free port, with
    ``env`` (the runners' A/B servers: old tree against new)."""
    port = _free_port()
    return Server([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port), "--workers", str(workers)],
                  {**env, "PYTHONPATH": str(tree)}, port, cwd=tree)


def _cpu_s(pids: Iterable[int]) -> float:
    """User + system CPU seconds of ``pids`` so far (a process gone meanwhile counts nothing)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def measured(srv: Server, fn: Any) -> dict[str, Any]:
    """``fn()`` (a load run) plus the server's CPU per request: robust to other load on the machine."""
    pids = srv.worker_pids()
    c0 = _cpu_s(pids)
    res = fn()
    return _with_cpu(res, _cpu_s(pids) - c0)


def _mp_helper(pid: int) -> bool:
    """True for multiprocessing's resource (or semaphore) tracker, a child that serves no request."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # gone
    return b"resource_tracker" in cmdline or b"semaphore_tracker" in cmdline


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _parse_requests(texts: list[str], path: str = "/parse") -> list[bytes]:
    return [post(path, orjson.dumps({"text": t})) for t in texts]


def _cycle(reqs: list[bytes], stride: int = 0) -> Any:
    n = len(reqs)

    def make(k: int, i: int) -> tuple[bytes, int]:
        return reqs[(i + k * stride) % n], 1
    return make


def compile_project() -> None:
    """Bytecode for the serving packages of this tree (``compileall``: written whatever
    PYTHONDONTWRITEBYTECODE says; a file already compiled and unchanged is skipped)."""
    import compileall

    for package in SERVING_PACKAGES:
        compileall.compile_dir(str(ROOT / package), quiet=1)


def started(workers: int, env: dict[str, str]) -> tuple[Server, list[float]]:
    """``READY_STARTS`` starts of ``addrnet serve --workers N`` with the project's bytecode compiled first, as a
    deployment has it (the image ships it; this machine's PYTHONDONTWRITEBYTECODE would have every start
    compile each module): the last server, left running, and each start's seconds to ready."""
    compile_project()
    starts = []
    for k in range(READY_STARTS):
        port = _free_port()
        srv = Server([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port), "--workers", str(workers)],
                     env, port)
        starts.append(srv.ready_s)
        if k < READY_STARTS - 1:
            srv.stop()
    return srv, starts


def alternating(servers: dict[str, Server], make: Any, concurrency: int, seconds: float, rounds: int,
                warmup: int = 200) -> tuple[dict[str, dict[str, Any]], list[dict[str, dict[str, Any]]]]:
    """The same load on each of ``servers`` (all up meanwhile) in ``rounds`` alternating rounds of ``seconds``
    each (the order reversed every other round), so that the machine's drift falls on all alike: per server
    the rounds merged (``loadgen.merged``: requests over summed time, percentiles of all latencies) with its
    server CPU per request; and each round's figures per server (its server CPU per request among them)."""
    runs: dict[str, list[tuple[Run, float]]] = {name: [] for name in servers}  # (run, server CPU seconds)
    per_round = []
    for r in range(rounds):
        row: dict[str, dict[str, Any]] = {}
        for name in (list(servers) if r % 2 == 0 else list(servers)[::-1]):
            srv = servers[name]
            pids = srv.worker_pids()
            c0 = _cpu_s(pids)
            run = load_run(srv.port, make, concurrency, seconds, warmup=warmup)
            runs[name].append((run, _cpu_s(pids) - c0))
            row[name] = _with_cpu({"concurrency": concurrency, **run.summary()}, runs[name][-1][1])
        per_round.append(row)
    out = {name: _with_cpu({"concurrency": concurrency, "rounds": rounds, **merged([r for r, _ in rs]).summary()},
                           sum(c for _, c in rs)) for name, rs in runs.items()}
    return out, per_round


def _with_cpu(summary: dict[str, Any], cpu_s: float) -> dict[str, Any]:
    """A load summary with the server's CPU per request (``cpu_s`` over its requests)."""
    summary["server_cpu_ms_per_request"] = cpu_s * 1000 / max(1, summary["requests"])
    return summary


def baseline_phases(args: argparse.Namespace, env: dict[str, str], parse_reqs: list[bytes],
                    batch_reqs: list[bytes]) -> dict[str, Any]:
    """/parse c1 and c32 and /parse/batch on the code at ``--baseline`` (same arms and inputs)."""
    tree = baseline_tree(args.baseline)
    old = serve_tree(tree, args.workers, env)
    port = old.port
    try:
        base: dict[str, Any] = {"ref": args.baseline, "ready_s": old.ready_s}
        base["parse_c1"] = load(port, _cycle(parse_reqs, 0), 1, args.seconds, warmup=200)
        time.sleep(1.0)
        base["parse_c32"] = measured(old, lambda: load(port, _cycle(parse_reqs, 300), 32, args.seconds, warmup=200))
        base["batch_cW"] = load(port, lambda k, i: (batch_reqs[i % len(batch_reqs)], BATCH), args.workers,
                                args.seconds, reconnect=True, warmup=2)
    finally:
        old.stop()
        shutil.rmtree(tree, ignore_errors=True)
    return base


def http_phases(args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
    env.update({k: v for k, v in os.environ.items() if k.startswith("ADDRNET_") and k not in ("ADDRNET_SHADOW_ARM",)})
    env["ADDRNET_ARMS_DIR"] = str(Path(args.arms_dir_resolved).resolve())  # the same arms for every server
    parse_reqs = _parse_requests(texts)
    batch_reqs = [post("/parse/batch", orjson.dumps({"texts": texts[i : i + BATCH]}))
                  for i in range(0, len(texts), BATCH)]
    resolve_reqs = [post("/resolve", orjson.dumps({"text": t, "limit": 5})) for t in texts]

    # the framework ceiling first (same uvicorn options, same worker count)
    def bare_cmd(port: int, *extra: str) -> list[str]:
        if args.workers > 1:  # the launcher `addrnet serve --workers N` uses (app/workers.py: gated accept)
            return [sys.executable, "-m", "app.workers", "bench.bare_app:app", "--port", str(port), "--workers",
                    str(args.workers), "--log-level", "warning", *extra]
        return [sys.executable, "-m", "uvicorn", "bench.bare_app:app", "--port", str(port), "--no-access-log",
                "--log-level", "warning"]

    port = _free_port()
    with contextlib.ExitStack() as serving:
        with contextlib.ExitStack() as ceiling:  # the bare server stops before /parse/batch, /resolve and the soak
            bare = Server(bare_cmd(port), env, port)
            ceiling.callback(bare.stop)
            out["bare_parse_c1"] = load(port, _cycle(parse_reqs), 1, args.seconds, warmup=200)
            if args.baseline:  # the same phases on the code at --baseline (before this work), same arms and inputs
                out["baseline"] = baseline_phases(args, env, parse_reqs, batch_reqs)
                print(f"  baseline {args.baseline} /parse c32: "
                      f"{out['baseline']['parse_c32']['requests_per_s']:,.0f} req/s", flush=True)
            srv, starts = started(args.workers, env)
            serving.callback(srv.stop)
            port = srv.port
            out["ready_runs_s"] = [round(x, 3) for x in starts]
            out["ready_s"] = statistics.median(starts)
            out["db_ready"] = srv.ready
            time.sleep(1.0)  # every worker up
            out["rss_fresh_mb"] = [round(_rss_mb(p), 1) for p in srv.worker_pids()]
            out["parse_c1"] = load(port, _cycle(parse_reqs), 1, args.seconds, warmup=200)
            servers = {"parse_c32": srv, "bare_parse_c32": bare}
            if args.workers > 1:  # information: the bare endpoint with addrnet's one-write protocol too
                cport = _free_port()
                coalesced = Server(bare_cmd(cport, "--coalesce"), env, cport)
                ceiling.callback(coalesced.stop)
                servers["bare_coalesced_parse_c32"] = coalesced
            c32, rounds = alternating(servers, _cycle(parse_reqs, 300), 32, args.seconds / 2, C32_ROUNDS)
            out.update(c32)
            out["c32_rounds"] = [{name: round(x["requests_per_s"], 1) for name, x in row.items()} for row in rounds]
        print(f"  bare FastAPI c32: {out['bare_parse_c32']['requests_per_s']:,.0f} req/s", flush=True)
        if "bare_coalesced_parse_c32" in out:
            print(f"  bare FastAPI c32, one write: {out['bare_coalesced_parse_c32']['requests_per_s']:,.0f} req/s",
                  flush=True)
        print(f"  addrnet /parse c32: {out['parse_c32']['requests_per_s']:,.0f} req/s, "
              f"p99 {out['parse_c32']['p99_ms']:.1f} ms; c1 p50 {out['parse_c1']['p50_ms']:.2f} ms; ready "
              f"{out['ready_runs_s']} s", flush=True)

        def batch_make(k: int, i: int) -> tuple[bytes, int]:
            return batch_reqs[i % len(batch_reqs)], BATCH
        out["batch_c1"] = measured(srv, lambda: load(port, batch_make, 1, args.seconds, reconnect=True, warmup=2))
        out["batch_cW"] = measured(srv, lambda: load(port, batch_make, args.workers, args.seconds, reconnect=True, warmup=2))
        print(f"  addrnet /parse/batch c{args.workers}: {out['batch_cW']['addresses_per_s']:,.0f} addresses/s",
              flush=True)
        if srv.ready:
            out["resolve_c8"] = load(port, _cycle(resolve_reqs, 1000), 8, args.seconds, warmup=50)
            print(f"  addrnet /resolve c8: p99 {out['resolve_c8']['p99_ms']:.1f} ms", flush=True)
        else:
            out["resolve_c8"] = {"skipped": f"gazetteer not ready: {srv.ready_body}"}
        out["soak"] = soak(port, parse_reqs, batch_reqs, resolve_reqs if srv.ready else None, args.soak)
        out["rss_after_soak_mb"] = [round(_rss_mb(p), 1) for p in srv.worker_pids()]
        print(f"  RSS after {args.soak:.0f} s mixed load: {out['rss_after_soak_mb']} MB", flush=True)
    return out


def soak(port: int, parse_reqs: list[bytes], batch_reqs: list[bytes], resolve_reqs: list[bytes] | None,
         seconds: float) -> dict[str, Any]:
    """Mixed load for ``seconds``: /parse at 16, /parse/batch at 1, /resolve at 4, each in its own thread."""
    import threading

    results: dict[str, Any] = {}

    def run(name: str, fn: Any) -> None:
        results[name] = fn()

    jobs = {
        "parse_c16": lambda: load(port, _cycle(parse_reqs, 500), 16, seconds),
        "batch_c1": lambda: load(port, lambda k, i: (batch_reqs[i % len(batch_reqs)], BATCH), 1, seconds,
                                 reconnect=True),
    }
    if resolve_reqs is not None:
        jobs["resolve_c4"] = lambda: load(port, _cycle(resolve_reqs, 2000), 4, seconds)
    threads = [threading.Thread(target=run, args=(n, f)) for n, f in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"seconds": seconds, **results}


# -- report ----------------------------------------------------------------------------------------------
def ratios(r: dict[str, Any]) -> dict[str, float | None]:
    ip = {(x["kind"], x["processes"]): x["addresses_per_s"] for x in r["inprocess"]}
    us2 = max(ip.get(("usaddress.parse", 2), 0), ip.get(("usaddress.tag", 2), 0))
    us1 = max(ip.get(("usaddress.parse", 1), 0), ip.get(("usaddress.tag", 1), 0))
    h = r["http"]
    W = r["workers"]

    def div(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    rss = h.get("rss_after_soak_mb") or []
    base = h.get("baseline") or {}
    base_ip = [x["addresses_per_s"] for x in r["inprocess"] if x["kind"].startswith("baseline")]
    resolve = h.get("resolve_c8", {})
    return {
        "inprocess_2proc_vs_usaddress_2proc": div(ip.get(("addrnet", 2)), us2),
        "inprocess_1proc_vs_usaddress_1proc": div(ip.get(("addrnet", 1)), us1),
        "http_batch_vs_inprocess": div(h["batch_cW"]["addresses_per_s"], ip.get(("addrnet", W))),
        "http_batch_c1_vs_inprocess_1proc": div(h["batch_c1"]["addresses_per_s"], ip.get(("addrnet", 1))),
        "http_parse_c32_vs_bare_c32": div(h["parse_c32"]["requests_per_s"], h["bare_parse_c32"]["requests_per_s"]),
        "http_parse_c1_vs_bare_c1": div(h["parse_c1"]["requests_per_s"], h["bare_parse_c1"]["requests_per_s"]),
        # information: against the bare endpoint served with addrnet's one-write protocol (app/protocol.py)
        "http_parse_c32_vs_bare_coalesced_c32": div(h["parse_c32"]["requests_per_s"],
                                                    (h.get("bare_coalesced_parse_c32") or {}).get("requests_per_s")),
        "http_parse_c32_p99_ms": h["parse_c32"]["p99_ms"],
        "http_parse_c1_p50_ms": h["parse_c1"]["p50_ms"],
        "http_resolve_c8_p99_ms": resolve.get("p99_ms"),
        "rss_max_worker_mb": max(rss) if rss else None,
        "ready_s": h.get("ready_s"),
        # per CPU-second (the machine is shared: CPU time a figure costs moves less than wall time)
        "inprocess_per_cpu_vs_usaddress_per_cpu": div(
            next((x.get("addresses_per_cpu_s") for x in r["inprocess"] if x["kind"] == "addrnet" and x["processes"] == 2), None),
            max((x.get("addresses_per_cpu_s") or 0 for x in r["inprocess"] if x["kind"].startswith("usaddress")), default=0)),
        "http_parse_c32_cpu_vs_bare": div(h["bare_parse_c32"].get("server_cpu_ms_per_request"),
                                          h["parse_c32"].get("server_cpu_ms_per_request")),
        # before -> after (only with --baseline)
        "inprocess_1proc_vs_baseline": div(ip.get(("addrnet", 1)), base_ip[0] if base_ip else None),
        "http_parse_c32_vs_baseline": div(h["parse_c32"]["requests_per_s"],
                                          (base.get("parse_c32") or {}).get("requests_per_s")),
        "http_parse_c32_cpu_vs_baseline": div((base.get("parse_c32") or {}).get("server_cpu_ms_per_request"),
                                              h["parse_c32"].get("server_cpu_ms_per_request")),
        "http_batch_vs_baseline": div(h["batch_cW"]["addresses_per_s"], (base.get("batch_cW") or {}).get("addresses_per_s")),
    }


def verdicts(rat: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    out = {}
    for key, (op, bound) in TARGETS.items():
        v = rat.get(key)
        met = None if v is None else (v >= bound if op == ">=" else v <= bound)
        out[key] = {"value": v, "target": f"{op} {bound}", "met": met}
    return out


def chart(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(14, 5.5), gridspec_kw={"width_ratios": [1.1, 1]})
    names = [f"{x['kind']} x{x['processes']} (in-process)" for x in r["inprocess"]]
    vals = [x["addresses_per_s"] for x in r["inprocess"]]
    pel = r.get("pelias", {})
    if "addresses_per_s" in pel:
        names.append("pelias-parser x1 (in-process)")
        vals.append(pel["addresses_per_s"])
    h = r["http"]
    names += [f"addrnet HTTP /parse/batch c{r['workers']}", "addrnet HTTP /parse c32", "bare FastAPI /parse c32"]
    vals += [h["batch_cW"]["addresses_per_s"], h["parse_c32"]["requests_per_s"], h["bare_parse_c32"]["requests_per_s"]]
    if h.get("bare_coalesced_parse_c32"):
        names.append("bare FastAPI /parse c32, one write")
        vals.append(h["bare_coalesced_parse_c32"]["requests_per_s"])
    if h.get("baseline"):
        names += [f"before ({h['baseline']['ref']}) HTTP /parse/batch c{r['workers']}",
                  f"before ({h['baseline']['ref']}) HTTP /parse c32"]
        vals += [h["baseline"]["batch_cW"]["addresses_per_s"], h["baseline"]["parse_c32"]["requests_per_s"]]
    colors = ["#1f77b4" if n.startswith("addrnet") else "#ff7f0e" if n.startswith(("before", "baseline"))
              else "#999999" for n in names]
    y = list(range(len(vals)))[::-1]
    a.barh(y, vals, color=colors)
    a.set_yticks(y, names, fontsize=8)
    for yi, v in zip(y, vals, strict=True):
        a.text(v, yi, f" {v:,.0f}", va="center", fontsize=7)
    a.set_xlabel("addresses (or requests) per second")
    a.set_title(f"One run: {r['date']}, {r['cpus']} CPUs, {r['workers']} workers", fontsize=10)
    ver = r["targets"]
    keys = [k for k in ver if ver[k]["value"] is not None]
    norm = []
    for k in keys:
        op, bound = TARGETS[k]
        v = ver[k]["value"]
        norm.append(v / bound if op == ">=" else bound / v if v else 0.0)
    yb = list(range(len(keys)))[::-1]
    b.barh(yb, norm, color=["#2ca02c" if ver[k]["met"] else "#d62728" for k in keys])
    b.axvline(1.0, color="k", lw=0.8)
    b.set_yticks(yb, [f"{k}\n{ver[k]['value']:.3g} (target {ver[k]['target']})" for k in keys], fontsize=7)
    b.set_xlabel("figure / target (>= 1: met)")
    b.set_title("Targets (ratios from this run)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="addrnet bench compare", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arm", default=None, help="arm folder for the in-process runs (default: the primary arm)")
    ap.add_argument("--arms-dir", default=None, help="arms folder for the server (default: the setting)")
    ap.add_argument("--workers", type=int, default=2, help="server worker processes (default: 2)")
    ap.add_argument("--seconds", type=float, default=8.0, help="measuring time per figure")
    ap.add_argument("--soak", type=float, default=300.0, help="mixed-load seconds before reading RSS")
    ap.add_argument("--skip-http", action="store_true", help="in-process figures only")
    ap.add_argument("--baseline", default=None, metavar="REF",
                    help="also measure the code at git REF (in-process and HTTP) on the same arms and inputs")
    ap.add_argument("--regenerate", action="store_true", help="generate the inputs again (new checksum)")
    ap.add_argument("--out", default="bench/results/compare.json")
    args = ap.parse_args(argv)
    from addrnet.settings import get_settings

    settings = get_settings()
    # a copy of the arms for the whole run: arms replaced on disk meanwhile cannot mix into one run
    source = Path(args.arms_dir) if args.arms_dir else settings.arms_dir
    arms_dir = Path(tempfile.mkdtemp(prefix="addrnet-bench-arms-")) / "arms"
    shutil.copytree(source.resolve(), arms_dir)
    arm = args.arm or str(arms_dir / settings.primary_arm)
    args.arms_dir_resolved = arms_dir
    manifest = json.loads((Path(arm) / "manifest.json").read_text(encoding="utf-8"))
    texts, digest = inputs.load(args.regenerate)
    print(f"inputs: {len(texts)} addresses, sha256 {digest[:12]}", flush=True)
    result: dict[str, Any] = {
        "date": now(), "machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
        "inputs": {"file": str(inputs.INPUTS.relative_to(ROOT)), "n": len(texts), "sha256": digest},
        "arm": {"name": manifest.get("arm"), "version": manifest.get("version"),
                "corpus": manifest.get("corpus_version"), "model_sha256": (manifest.get("files") or {}).get("model.onnx"),
                "copied_from": str(source)},
        "workers": args.workers, "seconds_per_figure": args.seconds, "batch": BATCH,
        "settings": {k: getattr(settings, k) for k in ("parse_batch_max", "parse_batch_wait_ms", "parse_cache_size",
                                                       "onnx_intra_threads", "onnx_batch_threads")},
    }
    runs = []
    for kind in ("addrnet", "usaddress.parse", "usaddress.tag"):
        for procs in (1, 2):
            try:
                runs.append(inprocess(kind, arm, texts, procs, args.seconds))
            except ImportError as exc:
                runs.append({"kind": kind, "processes": procs, "skipped": str(exc)})
    if args.baseline:
        tree = baseline_tree(args.baseline)
        rate = baseline_inprocess(tree, arm, texts, args.seconds)
        shutil.rmtree(tree, ignore_errors=True)
        runs.append({"kind": f"baseline {args.baseline}", "processes": 1, "addresses_per_s": rate})
        print(f"  in-process baseline {args.baseline} x1: {rate:,.0f} addresses/s", flush=True)
    result["inprocess"] = [r for r in runs if "addresses_per_s" in r]
    result["skipped"] = [r for r in runs if "skipped" in r]
    result["pelias"] = pelias(texts, args.seconds)
    if args.skip_http:
        write_result(args.out, result, echo=False)
        return 0
    result["http"] = http_phases(args, texts)
    result["ratios"] = ratios(result)
    result["targets"] = verdicts(result["ratios"])
    write_result(args.out, result, echo=False)
    chart(result, Path(args.out).with_suffix(".png"))
    for k, v in result["targets"].items():
        print(f"{k}: {v['value'] if v['value'] is None else round(v['value'], 3)} (target {v['target']}): "
              f"{'met' if v['met'] else 'NOT met' if v['met'] is False else 'n/a'}")
    print(f"-> {args.out} and {Path(args.out).with_suffix('.png')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
