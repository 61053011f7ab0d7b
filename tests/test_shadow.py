"""The shadow runner on a real SQLite database (migrated by Alembic): accounting, privacy, sanitising,
retention and the bounded report."""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.metrics import Metrics
from app.shadow import ShadowRunner, agreement, prune, report, sanitize_text, shadow_events
from resolver import db


@pytest.fixture()
def shadow_db(tmp_path: Path) -> sa.Engine:
    url = f"sqlite:///{tmp_path / 'shadow.sqlite'}"
    db.upgrade(url)
    return db.serving_engine(url, read_only=False)


class _Arms:
    primary = "A"

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def get(self, name: str | None) -> str | None:
        return name if name in self.names else None


def _parse(text: str) -> dict[str, Any]:
    return {"text": text, "components": [{"label": "street", "value": text[:5], "start": 0, "end": 5,
                                          "confidence": 0.9}]}


def _runner(engine: sa.Engine | None, **kw: Any) -> ShadowRunner:
    return ShadowRunner(engine, "B", Metrics(), kw.pop("maxsize", 64), arms=_Arms({"A", "B"}), **kw)


def _count(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(shadow_events)).scalar() or 0)


def test_full_queue_drops_and_counts() -> None:
    gate = threading.Event()
    runner = _runner(None, maxsize=2)

    def slow(_tagger: Any, idx: list[int]) -> list[dict]:
        gate.wait(10)
        return [{"components": []} for _ in idx]

    t0 = time.perf_counter()
    accepted = [runner.submit_request("parse", ["x"], "A", [{"components": []}], 1.0, slow) for _ in range(10)]
    assert time.perf_counter() - t0 < 0.5  # submit never waits for the shadow arm
    assert accepted.count(True) <= 3 and runner.dropped["queue_full"] == accepted.count(False) >= 7
    gate.set()
    stats = runner.close(5)
    # no database: the queued ones fail with a counted reason; nothing is unaccounted for
    assert stats["failed"]["no_database"] == accepted.count(True)
    assert stats["accepted"] == 10 and stats["pending"] == 0


def test_shutdown_counts_what_the_drain_deadline_leaves(shadow_db: sa.Engine) -> None:
    """Finding 3: 300 accepted, 136 written, 164 neither written nor counted. Now each ends as one outcome."""
    runner = _runner(shadow_db, maxsize=500)

    def slow(_tagger: Any, idx: list[int]) -> list[dict]:
        time.sleep(0.01)
        return [_parse("1 Main St")]

    for i in range(300):
        runner.submit_request("parse", [f"{i} Main St"], "A", [_parse(f"{i} Main St")], 1.0, slow)
    stats = runner.close(0.5)
    assert stats["accepted"] == 300 and stats["pending"] == 0
    assert stats["written"] + stats["dropped_total"] + stats["failed_total"] == 300
    assert stats["written"] > 0 and stats["dropped"]["shutdown"] > 0
    assert _count(shadow_db) == stats["written"]  # written means a committed row, nothing more
    assert not runner.submit_request("parse", ["late"], "A", [_parse("late")], 1.0, slow)
    assert runner.stats()["dropped"]["shutdown"] == stats["dropped"]["shutdown"] + 1


def test_events_store_a_keyed_hash_and_no_values(shadow_db: sa.Engine) -> None:
    """Finding 1: events held raw client texts."""
    runner = _runner(shadow_db, hash_key="k1")
    text = "Jane Doe, 12 Secret Lane, Springfield"
    runner.submit_request("parse", [text], "A", [_parse(text)], 1.0, lambda _t, _i: [_parse(text)])
    assert runner.close(5)["written"] == 1
    with shadow_db.connect() as conn:
        row = conn.execute(sa.select(shadow_events)).mappings().one()
    assert row["text"] is None and row["text_hash"] == runner.text_hash(text) != _runner(None).text_hash(text)
    assert "Jane" not in str(dict(row)) and "Secret" not in str(dict(row))
    rep = report(shadow_db, datetime.now(UTC) - timedelta(hours=1))
    assert "Jane" not in str(rep) and rep["events"] == 1


def test_store_text_opt_in_and_sanitised(shadow_db: sa.Engine) -> None:
    """Finding 3: lone surrogates (SQLite) and NUL (PostgreSQL) failed the insert; they are sanitised now."""
    runner = _runner(shadow_db, store_text=True)
    texts = ["10 Main St \ud800 Springfield", "10 Main\x00 St", "\udfff"]
    def echo(text: str) -> Any:
        return lambda _t, _i: [_parse(text)]

    for t in texts:
        runner.submit_request("parse", [t], "A", [_parse(t)], 1.0, echo(t))
    stats = runner.close(5)
    assert stats["written"] == 3 and stats["failed_total"] == 0
    with shadow_db.connect() as conn:
        stored = [r[0] for r in conn.execute(sa.select(shadow_events.c.text).order_by(shadow_events.c.id))]
    assert stored == [sanitize_text(t) for t in texts] and "\x00" not in "".join(stored)
    assert sanitize_text("a\x00b\ud800") == "a\ufffdb\ufffd"


def test_failed_insert_is_counted_and_never_logs_the_text(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url = f"sqlite:///{tmp_path / 'no_table.sqlite'}"
    sa.create_engine(url).connect().close()  # an empty database: no shadow_events table
    runner = _runner(db.serving_engine(url, read_only=False))
    secret = "Jane Doe 12 Secret Lane"
    with caplog.at_level(logging.DEBUG):
        runner.submit_request("parse", [secret], "A", [_parse(secret)], 1.0, lambda _t, _i: [_parse(secret)])
        stats = runner.close(5)
    assert stats["failed"]["database"] == 1 and stats["pending"] == 0
    assert "Secret" not in caplog.text


def test_broken_shadow_arm_is_a_counted_failure(shadow_db: sa.Engine) -> None:
    runner = ShadowRunner(shadow_db, "B", Metrics(), 8, arms=_Arms({"A"}))  # B not loaded

    def boom(_t: Any, _i: list[int]) -> list[dict]:
        raise RuntimeError("x")

    runner.submit_request("parse", ["1 Main St"], "A", [_parse("1 Main St")], 1.0, boom)
    assert runner.close(5)["failed"]["shadow_arm"] == 1


def test_batches_are_sampled_and_arm_b_compares_with_the_primary(shadow_db: sa.Engine) -> None:
    runner = _runner(shadow_db, batch_sample=4)
    texts = [f"{i} Main St" for i in range(100)]
    seen: list[list[int]] = []

    def run(_t: Any, idx: list[int]) -> list[dict]:
        seen.append(idx)
        return [_parse(texts[i]) for i in idx]

    assert runner.submit_request("parse/batch", texts, "A", [_parse(t) for t in texts], 1.0, run)
    assert runner.comparison_arm("B") == "A" and runner.comparison_arm("A") == "B"
    assert runner.submit_request("parse", ["1 Main St"], "B", [_parse("1 Main St")], 1.0,
                                 lambda _t, _i: [_parse("1 Main St")])
    stats = runner.close(5)
    assert seen[0] == [0, 25, 50, 75] and stats["written"] == 2 and stats["rows"] == 5
    with shadow_db.connect() as conn:
        arms = {tuple(r) for r in conn.execute(sa.select(shadow_events.c.primary_arm, shadow_events.c.shadow_arm))}
    assert arms == {("A", "B"), ("B", "A")}


def _fill(engine: sa.Engine, n: int, start: datetime) -> None:
    rows = [{"created_at": start + timedelta(seconds=i), "route": "parse", "primary_arm": "A", "shadow_arm": "B",
             "text_hash": f"{i:064x}", "primary_result": {}, "shadow_result": {}, "primary_ms": float(i % 7),
             "shadow_ms": 2.0, "agree": {"street": i % 4 != 0}, "agree_all": i % 4 != 0,
             "ag_street": int(i % 4 != 0)} for i in range(n)]
    with engine.begin() as conn:
        conn.execute(shadow_events.insert(), rows)


def test_report_is_bounded_by_its_window(shadow_db: sa.Engine) -> None:
    """Finding 2: the report read every row since `since` into Python."""
    start = datetime(2001, 1, 1, tzinfo=UTC)
    _fill(shadow_db, 4000, start)
    rep = report(shadow_db, datetime(2000, 1, 1, tzinfo=UTC), examples=5, window=1000)
    assert rep["events"] == 1000 and rep["window"]["last_id"] - rep["window"]["first_id"] == 999
    assert rep["agreement"]["street"] == pytest.approx(0.75) and len(rep["disagreements"]) == 5
    assert rep["latency_ms"]["primary"]["sample"] == 1000
    later = report(shadow_db, start + timedelta(seconds=3900), window=1000)
    assert later["events"] == 100


def test_retention_prunes_by_age_and_rows(shadow_db: sa.Engine) -> None:
    _fill(shadow_db, 50, datetime.now(UTC) - timedelta(days=40))
    _fill(shadow_db, 300, datetime.now(UTC) - timedelta(hours=1))
    assert prune(shadow_db, retention_days=30, max_rows=200) == 150
    assert _count(shadow_db) == 200


def test_agreement_per_component() -> None:
    p = {"components": [{"label": "street", "value": "Main St"}, {"label": "locality", "value": "Salem"}]}
    s = {"components": [{"label": "street", "value": "Main St"}, {"label": "region", "value": "Salem"}]}
    assert agreement(p, s) == {"locality": False, "region": False, "street": True}
    assert agreement({"parse": p, "results": [{"place_id": 1}]}, {"parse": p, "results": [{"place_id": 1}]}) == {
        "locality": True, "street": True, "top_place": True}
    assert agreement(p, s, only={"locality"}) == {"locality": False}


@pytest.mark.postgres
def test_nul_and_surrogates_are_written_on_postgresql() -> None:
    """Finding 3: texts with NUL failed the insert on PostgreSQL and were only counted as errors."""
    from tests.test_gazetteer_postgres import _temp_schema

    with _temp_schema() as url:
        db.upgrade(url)
        engine = db.serving_engine(url, read_only=False)
        runner = _runner(engine, store_text=True)
        for t in ["10 Main\x00 St", "Springfield \ud800 IL"]:
            runner.submit_request("parse", [t], "A", [_parse(t)], 1.0, lambda _t, _i, t=t: [_parse(t)])  # type: ignore[misc]
        stats = runner.close(10)
        assert stats["written"] == 2 and stats["failed_total"] == 0, stats
        rep = report(engine, datetime.now(UTC) - timedelta(hours=1))
        assert rep["events"] == 2
        engine.dispose()
