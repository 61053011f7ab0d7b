"""Shadow deployment: run each shadowed request again on the other arm, after the response, off the request path.

Which requests (when ``ADDRNET_SHADOW_ARM`` is set), each answered 200:

* ``POST /parse``;
* ``POST /parse/batch``: up to ``shadow_batch_sample`` texts of the batch, evenly spaced (one event
  row per sampled text, one request in the counters);
* ``POST /resolve`` with ``text``;
* ``POST /resolve`` with ``components``: the shadow arm parses the components joined into one line and
  resolves that; agreement is over the given labels and the top place.

The comparison arm is the shadow arm, or the primary arm when the request asked for the shadow arm
(``arm=B``). A request answered by the comparison arm itself is not shadowed.

Accounting: every shadowed request ends as exactly one of ``written``, ``dropped`` (``queue_full`` or
``shutdown``) or ``failed`` (by reason), so ``accepted == written + dropped + failed + pending`` at any
time and ``pending == 0`` after ``close``: at shutdown the queue is drained until a deadline and what is
left is counted as dropped. Jobs go into a bounded queue served by one worker thread; a full queue drops
and counts (never blocks the client).

Privacy: events store an HMAC-SHA256 of the text under ``shadow_hash_key`` and component labels with
spans but no values, unless ``ADDRNET_SHADOW_STORE_TEXT=1``. Texts are sanitised (lone surrogates and
NUL become U+FFFD) before they reach the database. Old events are pruned (days and rows).

The report (``report``) aggregates in SQL over a capped window (the newest ``window`` events since
``since``), with ``LIMIT`` on the examples and on the latency sample.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import queue
import re
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.metrics import Metrics

log = logging.getLogger("addrnet.shadow")

#: per-label agreement columns (migrations/versions/0004_shadow_privacy.py)
AGREE_COLUMNS = (
    "venue", "house_number", "street", "unit", "level", "po_box", "postcode", "suburb", "locality", "county",
    "region", "country", "top_place",
)
LATENCY_SAMPLE = 2_000
ROUTES = ("parse", "parse/batch", "resolve", "resolve/components")  # the shadowed routes (event.route)
ACCOUNTING_LOG_PREFIX = "shadow accounting at shutdown:"
PRUNE_EVERY_S = 60.0
FAIL_REASONS = ("shadow_arm", "database", "no_database", "internal")

metadata = MetaData()
shadow_events = Table(  # mirrors migrations 0002 + 0004
    "shadow_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("route", String(32)),
    Column("primary_arm", String(32)),
    Column("shadow_arm", String(32)),
    Column("text", Text),
    Column("text_hash", String(64)),
    Column("primary_result", JSON),
    Column("shadow_result", JSON),
    Column("primary_ms", Float),
    Column("shadow_ms", Float),
    Column("agree", JSON),
    Column("agree_all", Boolean),
    *[Column(f"ag_{name}", SmallInteger) for name in AGREE_COLUMNS],
)

_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def sanitize_text(text: str) -> str:
    """Lone surrogates (SQLite cannot encode them) and NUL (PostgreSQL refuses it) become U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def sanitize(obj: Any) -> Any:
    """``sanitize_text`` on every string of a JSON-like value; non-finite floats become None."""
    if isinstance(obj, str):
        return sanitize_text(obj)
    if isinstance(obj, dict):
        return {sanitize_text(str(k)): sanitize(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [sanitize(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def component_map(result: dict[str, Any] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in (result or {}).get("components", []):
        out.setdefault(c["label"], []).append(c.get("value", f"{c.get('start')}:{c.get('end')}"))
    return out


def agreement(primary: dict[str, Any], shadow: dict[str, Any], only: set[str] | None = None) -> dict[str, bool]:
    """Per component label: do both arms emit the same values? Plus the top place for /resolve."""
    p, s = component_map(primary.get("parse", primary)), component_map(shadow.get("parse", shadow))
    labels = set(p) | set(s)
    if only is not None:
        labels &= only
    agree = {label: p.get(label) == s.get(label) for label in sorted(labels)}
    if "results" in primary or "results" in shadow:
        top = [(r.get("results") or [{}])[0].get("place_id") for r in (primary, shadow)]
        agree["top_place"] = top[0] == top[1]
    return agree


def redact(result: dict[str, Any]) -> dict[str, Any]:
    """A result without client text: component labels, spans and confidences; top place ids."""
    def comps(parse: dict[str, Any] | None) -> dict[str, Any] | None:
        if parse is None:
            return None
        return {"components": [{"label": c["label"], "start": c.get("start"), "end": c.get("end"),
                                "confidence": c.get("confidence")} for c in parse.get("components", [])]}

    if "results" in result:
        return {"parse": comps(result.get("parse")),
                "results": [{"place_id": r.get("place_id"), "score": r.get("score")} for r in result["results"][:3]]}
    return comps(result) or {}


RunFn = Callable[[Any, list[int]], list[dict[str, Any]]]


@dataclass
class ShadowJob:
    route: str
    texts: list[str]  # the compared texts (a batch contributes a sample)
    primary_arm: str
    shadow_arm: str
    primary_results: list[dict[str, Any]]
    primary_ms: float
    run: Callable[[], list[dict[str, Any]]]  # computes the comparison arm's results, one per text
    only: set[str] | None = None  # labels to compare (components-only /resolve)
    outcome: str | None = field(default=None, repr=False)


class ShadowRunner:
    def __init__(
        self,
        engine: Engine | None,
        arm: str,
        metrics: Metrics,
        maxsize: int = 256,
        *,
        arms: Any = None,
        store_text: bool = False,
        hash_key: str | None = None,
        retention_days: float = 30.0,
        max_rows: int = 1_000_000,
        batch_sample: int = 16,
    ) -> None:
        self.engine, self.arm, self.metrics, self.arms = engine, arm, metrics, arms
        self.store_text, self.retention_days, self.max_rows = store_text, retention_days, max_rows
        self.batch_sample = max(1, batch_sample)
        self._key = (hash_key or secrets.token_hex(32)).encode()
        self.queue: queue.Queue[ShadowJob] = queue.Queue(maxsize=maxsize)
        self._lock = threading.Lock()
        self.accepted = 0
        self.written = 0
        self.rows = 0
        self.pruned = 0
        self.dropped = {"queue_full": 0, "shutdown": 0}
        self.failed = dict.fromkeys(FAIL_REASONS, 0)
        self._current: ShadowJob | None = None
        self._closing = False
        self._stop_now = False
        self._last_prune = 0.0
        self._thread = threading.Thread(target=self._work, name="addrnet-shadow", daemon=True)
        self._thread.start()

    # -- submission ------------------------------------------------------------------------------------
    def comparison_arm(self, answered: str) -> str | None:
        primary = getattr(self.arms, "primary", None)
        other = self.arm if answered != self.arm else primary
        return other if other and other != answered else None

    def text_hash(self, text: str) -> str:
        return hmac.new(self._key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

    def submit_request(
        self,
        route: str,
        texts: Sequence[str],
        answered_arm: str,
        primary_results: Sequence[dict[str, Any]],
        primary_ms: float,
        run: RunFn,
        only: set[str] | None = None,
    ) -> bool:
        """Queue one shadowed request; ``run(tagger, indices)`` gives the comparison arm's results for those
        texts. Returns whether it was queued (else it was counted as dropped)."""
        other = self.comparison_arm(answered_arm)
        if other is None or not texts:
            return False
        idx = list(range(len(texts)))
        if len(idx) > self.batch_sample:
            step = len(idx) / self.batch_sample
            idx = sorted({int(i * step) for i in range(self.batch_sample)})
        arms = self.arms

        def job_run() -> list[dict[str, Any]]:
            tagger = arms.get(other) if arms is not None else None
            if tagger is None:
                raise _ArmMissing(f"arm {other!r} is not loaded")
            return run(tagger, idx)

        job = ShadowJob(route, [texts[i] for i in idx], answered_arm, other, [primary_results[i] for i in idx],
                        primary_ms, job_run, only)
        return self.submit(job)

    def submit(self, job: ShadowJob) -> bool:
        with self._lock:
            self.accepted += 1
            if self._closing:
                self._finish(job, "dropped", "shutdown")
                return False
            try:
                self.queue.put_nowait(job)
                return True
            except queue.Full:
                self._finish(job, "dropped", "queue_full")
                return False

    # -- accounting ------------------------------------------------------------------------------------
    def _finish(self, job: ShadowJob, outcome: str, reason: str | None = None) -> bool:
        """Give ``job`` its one outcome (caller holds the lock); False when it already had one."""
        if job.outcome not in (None, "committing"):
            return False
        job.outcome = outcome
        if outcome == "written":
            self.written += 1
            self.metrics.shadow.labels("written").inc()
        elif outcome == "dropped":
            self.dropped[reason or "queue_full"] += 1
            self.metrics.shadow.labels(f"dropped_{reason}").inc()
        else:
            self.failed[reason or "internal"] = self.failed.get(reason or "internal", 0) + 1
            self.metrics.shadow.labels(f"failed_{reason}").inc()
        return True

    def stats(self) -> dict[str, Any]:
        with self._lock:
            dropped, failed = sum(self.dropped.values()), sum(self.failed.values())
            pending = self.accepted - self.written - dropped - failed
            return {
                "accepted": self.accepted, "written": self.written, "dropped": dict(self.dropped),
                "dropped_total": dropped, "failed": dict(self.failed), "failed_total": failed,
                "pending": pending, "queued": self.queue.qsize(), "rows": self.rows, "pruned": self.pruned,
                "invariant_holds": pending >= 0 and (not self._stop_now or pending == 0),
            }

    # -- lifecycle -------------------------------------------------------------------------------------
    def close(self, timeout: float = 8.0) -> dict[str, Any]:
        """Stop accepting, drain until ``timeout`` seconds, then count what is left as dropped (shutdown)."""
        with self._lock:
            self._closing = True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (not self.queue.empty() or self._current is not None):
            time.sleep(0.02)
        with self._lock:
            self._stop_now = True
            while True:
                try:
                    self._finish(self.queue.get_nowait(), "dropped", "shutdown")
                except queue.Empty:
                    break
            current = self._current
            if current is not None and current.outcome is None:
                self._finish(current, "dropped", "shutdown")
        self._thread.join(2.0)
        with self._lock:  # a commit that outlived the join: its outcome is unknown, count it failed
            if current is not None and current.outcome == "committing":
                self._finish(current, "failed", "database")
        stats = self.stats()
        log.info("%s %s", ACCOUNTING_LOG_PREFIX, json.dumps(stats, sort_keys=True))
        return stats

    def _work(self) -> None:
        while not self._stop_now:
            if self._closing and self.queue.empty():
                return
            self._maybe_prune()
            try:
                job = self.queue.get(timeout=0.1)
            except queue.Empty:
                continue
            with self._lock:
                if self._stop_now:  # close() ran between get() and here
                    self._finish(job, "dropped", "shutdown")
                    return
                self._current = job
            try:
                self._handle(job)
            except _Abandoned:
                pass
            except _ArmMissing as exc:
                self._fail(job, "shadow_arm", exc)
            except SQLAlchemyError as exc:
                self._fail(job, "database", exc)
            except Exception as exc:  # a broken shadow arm only costs its own event
                self._fail(job, "shadow_arm" if job.outcome is None else "internal", exc)
            finally:
                with self._lock:
                    self._current = None

    def _fail(self, job: ShadowJob, reason: str, exc: Exception) -> None:
        with self._lock:
            self._finish(job, "failed", reason)
        # never log the client's text: only the kind of failure (and an API error's code)
        cause = exc.__cause__ or exc
        log.warning("shadow job failed (%s): %s %s", reason, type(cause).__name__, getattr(cause, "code", ""))

    def _rows(self, job: ShadowJob, results: list[dict[str, Any]], shadow_ms: float) -> list[dict[str, Any]]:
        now = datetime.now(UTC)
        rows = []
        for text, primary, shadow in zip(job.texts, job.primary_results, results, strict=True):
            agree = agreement(primary, shadow, job.only)
            row: dict[str, Any] = {
                "created_at": now, "route": job.route, "primary_arm": job.primary_arm[:32],
                "shadow_arm": job.shadow_arm[:32], "text_hash": self.text_hash(text),
                "text": sanitize_text(text) if self.store_text else None,
                "primary_result": sanitize(primary if self.store_text else redact(primary)),
                "shadow_result": sanitize(shadow if self.store_text else redact(shadow)),
                "primary_ms": job.primary_ms, "shadow_ms": shadow_ms, "agree": agree,
                "agree_all": all(agree.values()),
            }
            for name in AGREE_COLUMNS:
                row[f"ag_{name}"] = None if name not in agree else int(agree[name])
            rows.append(row)
        return rows

    def _handle(self, job: ShadowJob) -> None:
        t0 = time.perf_counter()
        try:
            results = job.run()
        except _ArmMissing:
            raise
        except Exception as exc:
            raise _ShadowArmError(str(type(exc).__name__)) from exc
        shadow_ms = (time.perf_counter() - t0) * 1000 / max(1, len(job.texts))
        rows = self._rows(job, results, shadow_ms)
        for r in rows:
            self.metrics.shadow.labels("agree" if r["agree_all"] else "disagree").inc()
        if self.engine is None:
            with self._lock:
                self._finish(job, "failed", "no_database")
            return
        with self.engine.begin() as conn:
            conn.execute(shadow_events.insert(), rows)
            with self._lock:
                if job.outcome is not None:  # counted as dropped at the shutdown deadline: roll back
                    raise _Abandoned()
                job.outcome = "committing"
        with self._lock:
            self._finish(job, "written")
            self.rows += len(rows)

    def _maybe_prune(self) -> None:
        if self.engine is None or time.monotonic() - self._last_prune < PRUNE_EVERY_S:
            return
        self._last_prune = time.monotonic()
        try:
            self.pruned += prune(self.engine, self.retention_days, self.max_rows)
        except SQLAlchemyError as exc:
            log.warning("shadow prune failed: %s", type(exc).__name__)


class _Abandoned(Exception):
    pass


class _ArmMissing(Exception):
    pass


class _ShadowArmError(Exception):
    pass


def accounting_from_log(log_text: str) -> dict[str, Any] | None:
    """The counters logged at shutdown (plain or JSON log lines), summed over the workers; None when absent."""
    total: dict[str, Any] | None = None
    for line in log_text.splitlines():
        if ACCOUNTING_LOG_PREFIX not in line:
            continue
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
                line = str(record.get("message") or record.get("msg") or line)
            except ValueError:
                pass
        found: dict[str, Any] = json.loads(line.split(ACCOUNTING_LOG_PREFIX, 1)[1].strip())
        total = found if total is None else _add(total, found)
    return total


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: _add(a.get(k), b.get(k)) for k in {*a, *b}}
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) and bool(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a + b
    return a if b is None else b


def prune(engine: Engine, retention_days: float, max_rows: int) -> int:
    """Delete events older than ``retention_days`` and all but the newest ``max_rows``; returns rows deleted."""
    t = shadow_events
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    with engine.begin() as conn:
        n = conn.execute(t.delete().where(t.c.created_at < cutoff)).rowcount or 0
        hi = conn.execute(sa.select(sa.func.max(t.c.id))).scalar()
        if hi is not None and max_rows >= 0:
            n += conn.execute(t.delete().where(t.c.id <= hi - max_rows)).rowcount or 0
    return int(n)


def _pct(values: np.ndarray, q: float) -> float | None:
    return round(float(np.percentile(values, q)), 3) if values.size else None


def _f(x: Any) -> float | None:
    return None if x is None else round(float(x), 6)


def report(
    engine: Engine, since: datetime, examples: int = 10, window: int = 50_000, store_text: bool = False
) -> dict[str, Any]:
    """Agreement over the newest ``window`` events created at or after ``since`` (SQL aggregates), the
    latest ``examples`` disagreements and latency percentiles over the newest ``LATENCY_SAMPLE`` events."""
    t = shadow_events
    out: dict[str, Any] = {
        "since": since.isoformat(), "window_cap": window, "events": 0, "agreement_all": None, "agreement": {},
        "routes": {}, "disagreements": [], "latency_ms": {"primary": {"p50": None, "p95": None},
                                                          "shadow": {"p50": None, "p95": None}},
        "texts_stored": store_text,
    }
    with engine.connect() as conn:
        hi = conn.execute(sa.select(sa.func.max(t.c.id))).scalar()
        first = conn.execute(
            sa.select(t.c.id).where(t.c.created_at >= since).order_by(t.c.created_at).limit(1)
        ).scalar()
        if hi is None or first is None:
            return out
        lo = max(int(first), int(hi) - window + 1)
        in_window = t.c.id.between(lo, hi)
        # one pass over the covering index ix_shadow_events_report
        cols = [sa.func.count(), sa.func.avg(sa.case((t.c.agree_all, 1.0), else_=0.0))]
        cols += [sa.func.avg(sa.cast(t.c[f"ag_{n}"], Float)) for n in AGREE_COLUMNS]
        cols += [sa.func.sum(sa.case((t.c.route == r, 1), else_=0)) for r in ROUTES]
        agg = conn.execute(sa.select(*cols).where(in_window)).one()
        k = len(AGREE_COLUMNS)
        out["events"] = int(agg[0])
        out["window"] = {"first_id": lo, "last_id": int(hi)}
        out["agreement_all"] = _f(agg[1]) if agg[0] else None
        out["agreement"] = {n: _f(v) for n, v in zip(AGREE_COLUMNS, agg[2 : 2 + k], strict=True) if v is not None}
        out["routes"] = {r: int(v) for r, v in zip(ROUTES, agg[2 + k :], strict=True) if v}
        ex_cols = [t.c.id, t.c.created_at, t.c.route, t.c.primary_arm, t.c.shadow_arm, t.c.text_hash, t.c.agree,
                   t.c.primary_result, t.c.shadow_result]
        if store_text:
            ex_cols.append(t.c.text)
        stmt = (sa.select(*ex_cols).where(in_window, t.c.agree_all.is_(False)).order_by(t.c.id.desc())
                .limit(examples))
        for r in conn.execute(stmt).mappings():
            out["disagreements"].append({
                "id": r["id"], "route": r["route"], "primary_arm": r["primary_arm"], "shadow_arm": r["shadow_arm"],
                "text_hash": r["text_hash"], **({"text": r["text"]} if store_text else {}),
                "differs": sorted(k for k, ok in (r["agree"] or {}).items() if not ok),
                "primary": component_map((r["primary_result"] or {}).get("parse", r["primary_result"])),
                "shadow": component_map((r["shadow_result"] or {}).get("parse", r["shadow_result"])),
            })
        lat = conn.execute(
            sa.select(t.c.primary_ms, t.c.shadow_ms).where(in_window).order_by(t.c.id.desc()).limit(LATENCY_SAMPLE)
        ).all()
    arr = np.array([(r[0], r[1]) for r in lat], dtype=float).reshape(-1, 2)
    for i, arm in enumerate(("primary", "shadow")):
        vals = arr[:, i][np.isfinite(arr[:, i])]
        out["latency_ms"][arm] = {"p50": _pct(vals, 50), "p95": _pct(vals, 95), "sample": int(vals.size)}
    return out
