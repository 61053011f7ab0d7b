"""Where does a text ``/resolve`` spend its CPU? (issue 15's speed target: p50 <= 2 ms at concurrency 8 on 2 cores)

By Little's law, 8 requests in flight answered in 2 ms each means 4,000 requests/s; on 2 cores that leaves 0.5 ms of
CPU per request for the server and the load generator together. This measures, in process, what one request costs:
the service built as ``addrnet serve`` builds it (``app.main.create_app`` and its lifespan: arm A, the settings'
gazetteer), the bench's queries (``bench.resolver_bench.queries``: no text twice, a quarter each of places, places
with a typo, world cities and OA fixture addresses), one request at a time:

- ``parse``: the text's parse (``Service.parse_for_resolve``: the micro-batcher, a batch of one);
- ``gazetteer``: the rest of the answer (``app.routes.resolve._resolve``: readings, candidates, scoring, explanation,
  the JSON body), of which ``sql`` is the time inside SQLite statements (``resolver.candidates._rows``).

CPU time (``time.process_time``), per request, overall and per kind; the first 400 queries warm the caches and are
not counted. Run from the repository root with the gazetteer loaded: ``python results/experiments/resolve_cost/run.py``
-> ``resolve_cost.json`` here.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import resolver.candidates as candidates  # noqa: E402
from app.deps import service_for  # noqa: E402
from app.main import create_app  # noqa: E402
from app.routes import resolve as route  # noqa: E402
from app.schemas import ResolveRequest  # noqa: E402
from bench.common import now, write_result  # noqa: E402
from bench.resolver_bench import queries  # noqa: E402

WARM = 400
SCOPE = {"type": "http", "path": "/resolve"}


async def measure(n: int) -> dict[str, Any]:
    sql = [0.0]
    raw_rows = candidates._rows

    def timed_rows(*args: Any) -> Any:
        t = time.process_time()
        try:
            return raw_rows(*args)
        finally:
            sql[0] += time.process_time() - t

    candidates._rows = timed_rows  # type: ignore[assignment]  # this process only
    app = create_app()
    async with app.router.lifespan_context(app):  # type: ignore[attr-defined]
        service = service_for(app)
        tagger = app.state.addrnet.arms.get(None)
        qs = queries(ROOT / "data", WARM + n)
        for _, text, _ in qs[:WARM]:
            await route.answer_fast(app, dict(SCOPE), {"text": text})
        per: dict[str, dict[str, float]] = {}
        for kind, text, _ in qs[WARM:]:
            req = ResolveRequest.model_validate({"text": text})
            t0 = time.process_time()
            parse = await service.parse_for_resolve(tagger, text)
            t1, s0 = time.process_time(), sql[0]
            route._resolve(service, tagger, req, parse, time.perf_counter(), on_loop=True)
            t2 = time.process_time()
            for key in (kind, "all"):
                k = per.setdefault(key, {"n": 0, "parse": 0.0, "gazetteer": 0.0, "sql": 0.0})
                k["n"] += 1
                k["parse"] += t1 - t0
                k["gazetteer"] += t2 - t1
                k["sql"] += sql[0] - s0
    candidates._rows = raw_rows  # type: ignore[assignment]
    out: dict[str, Any] = {}
    for kind, k in per.items():
        m = int(k["n"])
        out[kind] = {"n": m, **{f"{p}_cpu_ms": round(k[p] * 1000 / m, 3) for p in ("parse", "gazetteer", "sql")},
                     "total_cpu_ms": round((k["parse"] + k["gazetteer"]) * 1000 / m, 3)}
    return out


def main() -> int:
    n = 2000
    per_kind = asyncio.run(measure(n))
    write_result(HERE / "resolve_cost.json", {
        "date": now(), "queries": n, "warm_up": WARM, "arm": "A",
        "budget_cpu_ms_per_request": 0.5,
        "budget": "8 in flight / 2 ms = 4,000 requests/s; 2 cores / 4,000 = 0.5 ms CPU per request, load generator included",
        "per_kind": per_kind,
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
