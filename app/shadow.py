"""Shadow deployment: run each request again on the shadow arm, after the response, off the request path.

Jobs go into a bounded queue served by one worker thread. When the queue is full the job is dropped and
counted (never queued without bound, never delaying the client). Each comparison is one row in the
Alembic-managed ``shadow_events`` table.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import JSON, Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, Text, select
from sqlalchemy.engine import Engine

from app.metrics import Metrics

log = logging.getLogger("addrnet.shadow")

metadata = MetaData()
shadow_events = Table(  # mirrors migrations/versions/0002_shadow_events.py
    "shadow_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("route", String(32)),
    Column("primary_arm", String(32)),
    Column("shadow_arm", String(32)),
    Column("text", Text),
    Column("primary_result", JSON),
    Column("shadow_result", JSON),
    Column("primary_ms", Float),
    Column("shadow_ms", Float),
    Column("agree", JSON),
    Column("agree_all", Boolean),
)


def component_map(result: dict[str, Any] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in (result or {}).get("components", []):
        out.setdefault(c["label"], []).append(c["value"])
    return out


def agreement(primary: dict[str, Any], shadow: dict[str, Any]) -> dict[str, bool]:
    """Per component label: do both arms emit the same values? Plus the top place for /resolve."""
    p, s = component_map(primary.get("parse", primary)), component_map(shadow.get("parse", shadow))
    agree = {label: p.get(label) == s.get(label) for label in sorted(set(p) | set(s))}
    if "results" in primary or "results" in shadow:
        top = [(r.get("results") or [{}])[0].get("place_id") for r in (primary, shadow)]
        agree["top_place"] = top[0] == top[1]
    return agree


@dataclass
class ShadowJob:
    route: str
    text: str
    primary_arm: str
    primary_result: dict[str, Any]
    primary_ms: float
    run: Callable[[], dict[str, Any]]  # computes the shadow arm's result


class ShadowRunner:
    def __init__(self, engine: Engine | None, arm: str, metrics: Metrics, maxsize: int = 256) -> None:
        self.engine, self.arm, self.metrics = engine, arm, metrics
        self.queue: queue.Queue[ShadowJob | None] = queue.Queue(maxsize=maxsize)
        self.dropped = 0
        self.errors = 0
        self.done = 0
        self._thread = threading.Thread(target=self._work, name="addrnet-shadow", daemon=True)
        self._thread.start()

    def submit(self, job: ShadowJob) -> bool:
        try:
            self.queue.put_nowait(job)
            return True
        except queue.Full:
            self.dropped += 1
            self.metrics.shadow.labels("dropped").inc()
            return False

    def close(self, timeout: float = 5.0) -> None:
        try:
            self.queue.put(None, timeout=timeout)
        except queue.Full:
            pass
        self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            job = self.queue.get()
            if job is None:
                return
            try:
                self._handle(job)
            except Exception as exc:  # a broken shadow arm or DB only costs its own event
                self.errors += 1
                self.metrics.shadow.labels("error").inc()
                log.warning("shadow job failed: %s: %s", type(exc).__name__, exc)
            finally:
                self.done += 1

    def _handle(self, job: ShadowJob) -> None:
        t0 = time.perf_counter()
        result = job.run()
        shadow_ms = (time.perf_counter() - t0) * 1000
        agree = agreement(job.primary_result, result)
        agree_all = all(agree.values())
        self.metrics.shadow.labels("agree" if agree_all else "disagree").inc()
        if self.engine is None:
            return
        with self.engine.begin() as conn:
            conn.execute(
                shadow_events.insert().values(
                    created_at=datetime.now(UTC), route=job.route, primary_arm=job.primary_arm,
                    shadow_arm=self.arm, text=job.text, primary_result=job.primary_result,
                    shadow_result=result, primary_ms=job.primary_ms, shadow_ms=shadow_ms,
                    agree=agree, agree_all=agree_all,
                )
            )


def _pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def report(engine: Engine, since: datetime | None, examples: int = 10, max_rows: int = 100_000) -> dict[str, Any]:
    stmt = select(shadow_events).order_by(shadow_events.c.id.desc()).limit(max_rows)
    if since is not None:
        stmt = stmt.where(shadow_events.c.created_at >= since)
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    per: dict[str, list[bool]] = {}
    for r in rows:
        for label, ok in (r["agree"] or {}).items():
            per.setdefault(label, []).append(bool(ok))
    disagreements = [
        {
            "id": r["id"], "route": r["route"], "text": r["text"],
            "differs": sorted(k for k, ok in (r["agree"] or {}).items() if not ok),
            "primary": component_map((r["primary_result"] or {}).get("parse", r["primary_result"])),
            "shadow": component_map((r["shadow_result"] or {}).get("parse", r["shadow_result"])),
        }
        for r in rows if not r["agree_all"]
    ][:examples]
    arms = {"primary": [r["primary_ms"] for r in rows if r["primary_ms"] is not None],
            "shadow": [r["shadow_ms"] for r in rows if r["shadow_ms"] is not None]}
    return {
        "since": since.isoformat() if since else None,
        "events": len(rows),
        "agreement_all": (sum(bool(r["agree_all"]) for r in rows) / len(rows)) if rows else None,
        "agreement": {k: sum(v) / len(v) for k, v in sorted(per.items())},
        "disagreements": disagreements,
        "latency_ms": {k: {"p50": _pct(v, 50), "p95": _pct(v, 95)} for k, v in arms.items()},
    }
