"""``make reliability``: the service's reliability suite, against real uvicorn processes on 127.0.0.1.

Phases (each writes ``results/reliability/<phase>.json`` with its figures and checks):

1. ``schemathesis``: the service's own OpenAPI schema, bounded (examples per operation, time budget).
2. ``fuzz``: >= 20,000 hand-made inputs of every kind (tests/reliability/fuzz.py); 0 5xx, the response contract
   (tests/reliability/contract.py) checked on every response, every 200 included.
3. ``load``: 30 s at 32 connections on /parse and /resolve; 0 errors; RSS before and after.
4. ``faults``: database unreachable, SQLite file removed, corrupt primary arm, corrupt shadow arm, NaN arm,
   broken shadow log, SIGTERM under load (the shadow accounting invariant).

``summary.json`` lists every check; the exit status is 1 when any check fails.
Arms: the shipped ``artifacts/arms`` (A primary, B shadow). Gazetteer: the US, built once into
``var/reliability/`` (about 20 s) and copied for the fault runs.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from app.shadow import accounting_from_log
from tests.reliability.contract import check_response, strict_json
from tests.reliability.faults import corrupt_arm, nan_arm
from tests.reliability.fuzz import cases
from tests.reliability.server import ROOT, Server, max_worker_rss_mb

OUT = ROOT / "results" / "reliability"
CACHE = ROOT / "var" / "reliability"
ARMS = ROOT / "artifacts" / "arms"
LOAD_TEXTS = ["1745 T Street Southeast, Washington, DC 20020", "12 Oak Ave, Portland, OR 97201", "Springfield, IL",
              "Main St & 2nd Ave, Springfield", "10117 Berlin", "Korunní 810, Praha", "San Francisco, CA 94103",
              "350 5th Ave, New York, NY 10118", "6424 Simms Street, Arvada, CO", "PO Box 123, Austin, TX 78701"]


class Checks:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, name: str, ok: bool, value: Any = None, limit: Any = None) -> bool:
        self.items.append({"check": name, "ok": bool(ok), "value": value, "limit": limit})
        print(f"  [{'ok' if ok else 'FAIL'}] {name}: {value!r}" + (f" (limit {limit})" if limit is not None else ""),
              flush=True)
        return bool(ok)

    @property
    def ok(self) -> bool:
        return all(c["ok"] for c in self.items)


def write(name: str, payload: dict[str, Any]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(payload, indent=2, sort_keys=True, default=str), encoding="utf-8")


def gazetteer() -> Path:
    """A migrated US gazetteer (cached at var/reliability/us.sqlite while its schema is at head)."""
    from resolver import db

    path = CACHE / "us.sqlite"
    url = f"sqlite:///{path}"
    if not path.is_file() or db.current_revision(url) != db.head_revision():
        path.unlink(missing_ok=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        print("building the US gazetteer ...", flush=True)
        code = f"from resolver.loader import load; load({url!r}, countries=['US'], progress=False)"
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)  # its memory goes with it
    return path


def copy_db(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _send(client: httpx.Client, base: str, case: Any) -> tuple[int, bytes]:
    headers = {"content-type": case.content_type} if case.content_type else {}
    r = client.request(case.method, base + case.path, content=case.body, headers=headers)
    return r.status_code, r.content


# -- phases -------------------------------------------------------------------------------------------------
def phase_schemathesis(base: str, budget_s: int, examples: int) -> dict[str, Any]:
    checks = Checks()
    report = OUT / "schemathesis-report.json"
    t0 = time.perf_counter()
    # a loaded machine can spend the whole budget starting up: one retry with four times the clock, same seed
    for clock in (budget_s, 4 * budget_s):
        cmd = [str(Path(sys.executable).with_name("schemathesis")), "run", f"{base}/openapi.json",
               "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
               "response_headers_conformance,response_schema_conformance,unsupported_method",
               "--phases", "examples,fuzzing",  # the coverage phase hits a hypothesis AST error on Python 3.11
               "--max-examples", str(examples), "--max-time", str(clock), "--seed", "13", "--workers", "2",
               "--request-timeout", "30", "--no-color", "--suppress-health-check", "all",
               "--generation-database", "none", "--report", "json", "--report-json-path", str(report)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=clock + 120, cwd=CACHE)  # its state: var/
        out = proc.stdout + proc.stderr
        found = re.search(r"(\d+) generated", out)
        generated = int(found.group(1)) if found else 0
        if proc.returncode != 0 or generated >= 100:
            break
    (OUT / "schemathesis.log").write_text(out, encoding="utf-8")
    summary: dict[str, Any] = {}
    if report.is_file():
        try:
            summary = json.loads(report.read_text(encoding="utf-8"))
        except ValueError:
            summary = {}
    checks.add("schemathesis exit status", proc.returncode == 0, proc.returncode, 0)
    checks.add("schemathesis test cases", generated >= 100, generated, ">= 100")
    tail = [line for line in out.splitlines() if line.strip()][-8:]
    return {"duration_s": round(time.perf_counter() - t0, 1), "max_examples": examples, "budget_s": clock,
            "exit_code": proc.returncode, "test_cases": generated, "summary_tail": tail, "report": _st_summary(summary),
            "checks": checks.items, "ok": checks.ok}


def _st_summary(report: dict[str, Any]) -> dict[str, Any]:
    keep: dict[str, Any] = {}
    for k in ("summary", "statistic", "stats", "operations", "checks", "failures", "errors"):
        if k in report:
            v = report[k]
            keep[k] = v if len(json.dumps(v, default=str)) < 20_000 else f"{type(v).__name__} ({len(v)})"
    return keep


def phase_fuzz(base: str, n: int, workers: int) -> dict[str, Any]:
    checks = Checks()
    all_cases = list(cases(n))
    status: Counter[str] = Counter()
    kinds: Counter[str] = Counter(c.kind for c in all_cases)
    violations: list[dict[str, Any]] = []
    transport: Counter[str] = Counter()
    spent: dict[str, float] = dict.fromkeys(kinds, 0.0)
    checked_200 = 0
    lock = threading.Lock()
    local = threading.local()

    def one(case: Any) -> None:
        nonlocal checked_200
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(timeout=60)
        route = case.path.split("?")[0]
        t0 = time.perf_counter()
        try:
            code, raw = _send(client, base, case)
            spent[case.kind] += time.perf_counter() - t0
        except httpx.HTTPError as exc:
            with lock:
                transport[type(exc).__name__] += 1
            return
        err = check_response(route, code, raw, case.sent)
        with lock:
            status[str(code)] += 1
            checked_200 += code == 200
            if err and len(violations) < 50:
                violations.append({"kind": case.kind, "path": case.path, "status": code, "problem": err,
                                   "body": (case.body or b"")[:200].decode("utf-8", "replace"),
                                   "response": raw[:300].decode("utf-8", "replace")})
            if err:
                status["violations"] += 1

    t0 = time.perf_counter()
    with cf.ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, all_cases))
    took = time.perf_counter() - t0
    n5xx = sum(v for k, v in status.items() if k.isdigit() and int(k) >= 500)
    checks.add("fuzz inputs", len(all_cases) >= 20_000, len(all_cases), ">= 20000")
    checks.add("fuzz 5xx", n5xx == 0, n5xx, 0)
    checks.add("fuzz contract violations (every response, 200s included)", status["violations"] == 0,
               status["violations"], 0)
    checks.add("fuzz transport errors", sum(transport.values()) == 0, dict(transport), 0)
    checks.add("fuzz 200s checked", checked_200 > 5000, checked_200, "> 5000")
    return {"inputs": len(all_cases), "by_kind": dict(kinds), "status": dict(status), "checked_200": checked_200,
            "transport_errors": dict(transport), "violations": violations, "duration_s": round(took, 1),
            "mean_ms_by_kind": {k: round(1000 * v / kinds[k], 1) for k, v in sorted(spent.items())},
            "rps": round(len(all_cases) / took, 1), "checks": checks.items, "ok": checks.ok}


def run_load(base: str, seconds: float, connections: int, stop: threading.Event | None = None,
             per_route: Counter[str] | None = None) -> dict[str, Any]:
    """``connections`` clients, each one keep-alive connection, posting /parse, /parse/batch and /resolve;
    ``per_route`` (when given) counts the 200s per route as they come."""
    lat: list[float] = []
    codes: Counter[str] = Counter()
    per_route = Counter() if per_route is None else per_route
    errors: list[str] = []
    lock = threading.Lock()
    end = time.perf_counter() + seconds

    def worker(w: int) -> None:
        i = w
        with httpx.Client(timeout=60, limits=httpx.Limits(max_connections=1)) as client:
            while time.perf_counter() < end and not (stop is not None and stop.is_set()):
                text = LOAD_TEXTS[i % len(LOAD_TEXTS)] + ("" if i % 3 else f" {i % 97}")
                kind = i % 10
                body: dict[str, Any]
                if kind < 5:
                    path, body = "/parse", {"text": text}
                elif kind < 8:
                    path, body = "/resolve", {"text": text}
                elif kind == 8:
                    path, body = "/resolve", {"components": {"locality": "Portland", "region": "OR"}}
                else:
                    path, body = "/parse/batch", {"texts": LOAD_TEXTS}
                i += connections
                t0 = time.perf_counter()
                try:
                    r = client.post(base + path, json=body)
                    ms = (time.perf_counter() - t0) * 1000
                    problem = check_response(path, r.status_code, r.content, body)
                    with lock:
                        codes[str(r.status_code)] += 1
                        lat.append(ms)
                        if r.status_code == 200:
                            per_route[path + (":components" if "components" in body else "")] += 1
                        if r.status_code != 200 or problem:
                            errors.append(f"{path} {r.status_code} {problem or ''}"[:200])
                except httpx.HTTPError as exc:
                    with lock:
                        codes[type(exc).__name__] += 1
                        errors.append(f"{path} {type(exc).__name__}")

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(connections)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - t0
    lat.sort()

    def pct(q: float) -> float | None:
        return round(lat[min(len(lat) - 1, int(q * len(lat)))], 2) if lat else None

    return {"seconds": round(took, 1), "connections": connections, "requests": len(lat), "codes": dict(codes),
            "ok_by_route": dict(per_route), "errors": len(errors), "error_examples": errors[:10],
            "rps": round(len(lat) / took, 1) if took else None, "p50_ms": pct(0.5), "p99_ms": pct(0.99)}


def phase_load(server: Server, seconds: float, connections: int) -> dict[str, Any]:
    checks = Checks()
    rss0 = max_worker_rss_mb(server.proc.pid)
    res = run_load(server.url, seconds, connections)
    rss1 = max_worker_rss_mb(server.proc.pid)
    checks.add("load errors", res["errors"] == 0 and res["requests"] > 0, res["errors"], 0)
    checks.add("load duration", res["seconds"] >= seconds * 0.95, res["seconds"], f">= {seconds}")
    checks.add("load RSS after, largest worker (MB)", rss1 is not None and rss1 <= 400, rss1, "<= 400")
    return {**res, "rss_mb_before": rss0, "rss_mb_after": rss1, "checks": checks.items, "ok": checks.ok}


# -- faults -------------------------------------------------------------------------------------------------
def _err(r: httpx.Response) -> str:
    try:
        return str(r.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return f"<{r.status_code} {r.text[:80]}>"


def _wait_report(url: str, until: Any, timeout: float = 30) -> dict[str, Any]:
    deadline = time.time() + timeout
    rep: dict[str, Any] = {}
    while time.time() < deadline:
        rep = httpx.get(f"{url}/v1/shadow/report").json()
        if until(rep):
            break
        time.sleep(0.2)
    return rep


def fault_db_unreachable(work: Path, checks: Checks) -> None:
    with Server(work, "db-down", arms_dir=ARMS, primary_arm="A",
                database_url="postgresql+psycopg://addrnet@127.0.0.1:1/addrnet") as s:
        p = httpx.post(f"{s.url}/parse", json={"text": "1 Main St"})
        r = httpx.post(f"{s.url}/resolve", json={"text": "Springfield, IL"})
        ready = httpx.get(f"{s.url}/readyz")
        checks.add("db unreachable: /parse still 200", p.status_code == 200, p.status_code, 200)
        checks.add("db unreachable: /resolve 503 database_unavailable", r.status_code == 503 and
                   _err(r) == "database_unavailable", [r.status_code, _err(r)])
        checks.add("db unreachable: /readyz 503", ready.status_code == 503, ready.status_code, 503)
        leaked = [x for x in ("127.0.0.1", "port", "addrnet@") if x in r.text + ready.text]
        checks.add("db unreachable: no host, port or user in the answers", not leaked, leaked, [])


def fault_sqlite_removed(work: Path, gaz: Path, checks: Checks) -> None:
    path = copy_db(gaz, work / "removed" / "gaz.sqlite")
    with Server(work, "sqlite-removed", arms_dir=ARMS, primary_arm="A", database_url=f"sqlite:///{path}") as s:
        body = {"components": {"locality": "Portland", "region": "OR"}}
        before = run_burst(s.url, body, 64)
        path.rename(path.with_suffix(".moved"))
        after = run_burst(s.url, body, 200)
        ready = httpx.get(f"{s.url}/readyz")
        checks.add("sqlite removed: all 200 before", before == {"200": 64}, before)
        checks.add("sqlite removed: a steady 503 at 32 connections", after == {"503": 200}, after, {"503": 200})
        checks.add("sqlite removed: /readyz 503 says the file is missing",
                   ready.status_code == 503 and "missing" in ready.text, ready.status_code)
        checks.add("sqlite removed: no new database file created", not path.exists(), path.exists(), False)
        checks.add("sqlite removed: no path in the answer", str(work) not in ready.text, str(work) in ready.text, False)
        path.with_suffix(".moved").rename(path)
        back = run_burst(s.url, body, 32)
        checks.add("sqlite removed: recovers when the file is back", back == {"200": 32}, back)


def run_burst(url: str, body: dict[str, Any], n: int) -> dict[str, int]:
    def one(_: int) -> str:
        try:
            return str(httpx.post(f"{url}/resolve", json=body, timeout=30).status_code)
        except httpx.HTTPError as exc:
            return type(exc).__name__

    with cf.ThreadPoolExecutor(32) as pool:
        return dict(Counter(pool.map(one, range(n))))


def fault_corrupt_arms(work: Path, gaz: Path, checks: Checks) -> None:
    arms = work / "arms-corrupt"
    shutil.copytree(ARMS / "A", arms / "A")
    corrupt_arm(ARMS / "B", arms / "B")
    # corrupt primary: B (corrupt) as primary, A as the other arm
    with Server(work, "corrupt-primary", arms_dir=arms, primary_arm="B", database_url=f"sqlite:///{gaz}") as s:
        ready = httpx.get(f"{s.url}/readyz")
        p = httpx.post(f"{s.url}/parse", json={"text": "1 Main St"})
        pa = httpx.post(f"{s.url}/parse", json={"text": "1 Main St", "arm": "A"})
        arms_txt = httpx.get(f"{s.url}/v1/arms").text
        checks.add("corrupt primary: /readyz 503", ready.status_code == 503 and "primary_arm" in ready.text,
                   ready.status_code)
        checks.add("corrupt primary: /parse 503 arm_unavailable", p.status_code == 503 and _err(p) == "arm_unavailable",
                   [p.status_code, _err(p)])
        checks.add("corrupt primary: the other arm serves", pa.status_code == 200, pa.status_code)
        checks.add("corrupt primary: listed under errors without paths",
                   "sha256" in arms_txt and str(work) not in arms_txt, "sha256" in arms_txt)
    # corrupt shadow: A primary, B (corrupt) shadow
    with Server(work, "corrupt-shadow", arms_dir=arms, primary_arm="A", shadow_arm="B",
                database_url=f"sqlite:///{copy_db(gaz, work / 'cs' / 'gaz.sqlite')}") as s:
        codes = Counter(httpx.post(f"{s.url}/parse", json={"text": t}).status_code for t in LOAD_TEXTS)
        rep = _wait_report(s.url, lambda r: (r.get("counters") or {}).get("pending") == 0)
        c = rep.get("counters") or {}
        checks.add("corrupt shadow: primary answers 200", codes == Counter({200: len(LOAD_TEXTS)}), dict(codes))
        checks.add("corrupt shadow: every job counted as failed (shadow_arm)",
                   c.get("failed", {}).get("shadow_arm") == c.get("accepted") == len(LOAD_TEXTS), c.get("failed"))
        checks.add("corrupt shadow: /readyz 200", httpx.get(f"{s.url}/readyz").status_code == 200, True)


def _strict(raw: bytes) -> bool:
    try:
        strict_json(raw)
        return True
    except ValueError:
        return False


def fault_nan_arm(work: Path, gaz: Path, checks: Checks) -> None:
    arms = work / "arms-nan"
    shutil.copytree(ARMS / "A", arms / "A")
    nan_arm(ARMS / "B", arms / "N", "N")
    with Server(work, "nan-primary", arms_dir=arms, primary_arm="N", database_url=f"sqlite:///{gaz}") as s:
        ready = httpx.get(f"{s.url}/readyz")
        arms_body = httpx.get(f"{s.url}/v1/arms").json()
        b = httpx.post(f"{s.url}/parse/batch", json={"texts": LOAD_TEXTS})
        p = httpx.post(f"{s.url}/parse", json={"text": "1 Main St", "arm": "N"})
        checks.add("NaN arm: refused (listed under errors)", "non-finite" in arms_body["errors"].get("N", ""),
                   arms_body["errors"].get("N"))
        checks.add("NaN arm: /readyz 503 when it is primary", ready.status_code == 503, ready.status_code)
        checks.add("NaN arm: /parse/batch 503 in strict JSON (never a bare NaN)",
                   b.status_code == 503 and _strict(b.content), [b.status_code, _strict(b.content)])
        checks.add("NaN arm: /parse 503 arm_unavailable", _err(p) == "arm_unavailable", _err(p))


def fault_broken_shadow(work: Path, gaz: Path, checks: Checks) -> None:
    path = copy_db(gaz, work / "broken-shadow" / "gaz.sqlite")
    with sqlite3.connect(path) as conn:  # the shadow log's table is gone: every insert fails
        conn.execute("DROP TABLE shadow_events")
    with Server(work, "broken-shadow", arms_dir=ARMS, primary_arm="A", shadow_arm="B",
                database_url=f"sqlite:///{path}") as s:
        codes: Counter[int] = Counter()
        for t in LOAD_TEXTS:
            codes[httpx.post(f"{s.url}/parse", json={"text": t}).status_code] += 1
            codes[httpx.post(f"{s.url}/resolve", json={"text": t}).status_code] += 1
        rep = httpx.get(f"{s.url}/v1/shadow/report")  # the report needs the table: 503, never 500
        checks.add("broken shadow: /parse and /resolve answer 200", codes == Counter({200: 2 * len(LOAD_TEXTS)}),
                   dict(codes))
        checks.add("broken shadow: the report is a 503, not a 500", rep.status_code == 503, rep.status_code)
        s.sigterm()
        stats = accounting_from_log(s.log_text()) or {}
        checks.add("broken shadow: every job failed (database), none lost",
                   stats.get("failed", {}).get("database") == stats.get("accepted") == 2 * len(LOAD_TEXTS)
                   and stats.get("pending") == 0, {k: stats.get(k) for k in ("accepted", "failed", "pending")})
        checks.add("broken shadow: the log never holds a text", "Springfield" not in s.log_text(), True)


def fault_sigterm(work: Path, gaz: Path, checks: Checks) -> dict[str, Any]:
    path = copy_db(gaz, work / "sigterm" / "gaz.sqlite")
    with Server(work, "sigterm", arms_dir=ARMS, primary_arm="A", shadow_arm="B", database_url=f"sqlite:///{path}",
                shadow_drain_s=1.0, shadow_queue_size=2000) as s:
        stop = threading.Event()
        result: dict[str, Any] = {}
        answered: Counter[str] = Counter()
        t = threading.Thread(target=lambda: result.update(run_load(s.url, 60, 32, stop, answered)))
        t.start()
        deadline = time.time() + 45
        while time.time() < deadline and sum(answered.values()) < 300:  # a real backlog of shadow jobs
            time.sleep(0.1)
        s.proc.send_signal(15)
        t0 = time.perf_counter()
        code = s.proc.wait(60)
        exit_s = time.perf_counter() - t0
        stop.set()
        t.join()
    stats = accounting_from_log(s.log_text()) or {}
    ok_shadowed = sum(result.get("ok_by_route", {}).values())
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT count(*) FROM shadow_events").fetchone()[0]
    total = stats.get("written", 0) + stats.get("dropped_total", 0) + stats.get("failed_total", 0)
    # uvicorn re-raises the signal once its graceful shutdown is complete: -15 is a clean exit
    checks.add("SIGTERM: graceful exit", code in (0, -15) and "Application shutdown complete" in s.log_text(),
               code, "0 or -15")
    checks.add("SIGTERM: accepted == shadowed requests answered 200 (>= 300 before the signal)",
               stats.get("accepted") == ok_shadowed >= 300, [stats.get("accepted"), ok_shadowed])
    checks.add("SIGTERM: written + dropped + failed == accepted", total == stats.get("accepted") and
               stats.get("pending") == 0, {k: stats.get(k) for k in ("accepted", "written", "dropped", "failed",
                                                                       "pending")})
    checks.add("SIGTERM: rows in shadow_events == rows written", rows == stats.get("rows"), [rows, stats.get("rows")])
    checks.add("SIGTERM: the drain kept its deadline (s)", exit_s < 15, round(exit_s, 1), "< 15")
    return {"accounting": stats, "client": {k: result.get(k) for k in ("requests", "codes", "ok_by_route")},
            "rows_in_db": rows, "exit_s": round(exit_s, 1)}


def phase_faults(work: Path, gaz: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    all_checks: list[dict[str, Any]] = []
    for name, fn in [("database_unreachable", lambda c: fault_db_unreachable(work, c)),
                     ("sqlite_removed", lambda c: fault_sqlite_removed(work, gaz, c)),
                     ("corrupt_arms", lambda c: fault_corrupt_arms(work, gaz, c)),
                     ("nan_arm", lambda c: fault_nan_arm(work, gaz, c)),
                     ("broken_shadow", lambda c: fault_broken_shadow(work, gaz, c)),
                     ("sigterm_under_load", lambda c: fault_sigterm(work, gaz, c))]:
        print(f"fault: {name}", flush=True)
        checks = Checks()
        t0 = time.perf_counter()
        try:
            extra = fn(checks) or {}
        except Exception as exc:  # a crashed fault run is a failed check, with its reason
            checks.add(f"{name}: ran", False, f"{type(exc).__name__}: {exc}"[:500])
            extra = {}
        out[name] = {"checks": checks.items, "ok": checks.ok, "duration_s": round(time.perf_counter() - t0, 1), **extra}
        all_checks += checks.items
    return {"faults": out, "checks": all_checks, "ok": all(c["ok"] for c in all_checks)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fuzz", type=int, default=20_000, help="hand-fuzz inputs (default 20000)")
    ap.add_argument("--load-seconds", type=float, default=30.0)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--schemathesis-examples", type=int, default=20)
    ap.add_argument("--schemathesis-seconds", type=int, default=40)
    ap.add_argument("--phases", default="schemathesis,fuzz,load,faults")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the main server (default 2)")
    args = ap.parse_args(argv)
    phases = set(args.phases.split(","))
    t_start = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    work = CACHE / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    gaz = gazetteer()
    summary: dict[str, Any] = {"phases": {}}
    main_db = copy_db(gaz, work / "main" / "gaz.sqlite")
    with Server(work, "main", workers=args.workers, arms_dir=ARMS, primary_arm="A", shadow_arm="B",
                database_url=f"sqlite:///{main_db}", onnx_batch_threads=1, shadow_batch_sample=4) as s:
        if "schemathesis" in phases:
            print("schemathesis ...", flush=True)
            res = phase_schemathesis(s.url, args.schemathesis_seconds, args.schemathesis_examples)
            write("schemathesis", res)
            summary["phases"]["schemathesis"] = res["checks"]
        if "fuzz" in phases:
            print(f"fuzz: {args.fuzz} inputs ...", flush=True)
            res = phase_fuzz(s.url, args.fuzz, 8)
            write("fuzz", res)
            summary["phases"]["fuzz"] = res["checks"]
        if "load" in phases:
            print(f"load: {args.load_seconds:.0f} s at {args.connections} connections ...", flush=True)
            res = phase_load(s, args.load_seconds, args.connections)
            write("load", res)
            summary["phases"]["load"] = res["checks"]
        s.sigterm()
        stats = accounting_from_log(s.log_text()) or {}
    main_checks = Checks()
    main_checks.add("main server: shadow accounting holds at shutdown",
                    bool(stats) and stats.get("pending") == 0 and stats.get("accepted") == stats.get("written", 0)
                    + stats.get("dropped_total", 0) + stats.get("failed_total", 0), stats)
    summary["phases"]["main_shutdown"] = main_checks.items
    if "faults" in phases:
        res = phase_faults(work, gaz)
        write("faults", res)
        summary["phases"]["faults"] = res["checks"]
    every = [c for items in summary["phases"].values() for c in items]
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    summary.update(ok=all(c["ok"] for c in every), checks=len(every), failed=[c for c in every if not c["ok"]],
                   duration_s=round(time.perf_counter() - t_start, 1), cpus=os.cpu_count(),
                   cpu_s=round(cpu_s, 1), load_avg_1m=round(os.getloadavg()[0], 1),
                   note="cpu_s: CPU seconds of the suite and its servers; cpu_s / 2 is the wall time an idle "
                        "2-core machine needs at least")
    write("summary", summary)
    print(f"reliability: {'PASS' if summary['ok'] else 'FAIL'}: {len(every)} checks, "
          f"{len(summary['failed'])} failed, {summary['duration_s']} s", flush=True)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
