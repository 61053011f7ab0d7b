"""PostgreSQL fuzzy locality lookup: the global trigram index of migration 0001 (``ix_names_norm_trgm``)
against the country-restricted one of 0005 (``ix_names_loc_cc_norm_trgm``), interleaved in one run on
one loaded gazetteer (a schema at 0005: the old index is created for the run and dropped afterwards).

Each typo'd name runs the statement ``resolver.candidates.names_fuzzy`` sends (``_FUZZY_TRGM_CC``, or
``_FUZZY_TRGM`` without a country) under ``EXPLAIN (ANALYZE, FORMAT JSON)``, once with only the old
index visible and once with only the new one (the other is dropped inside a transaction that is rolled
back), alternating, ``ROUNDS`` times; the median server execution time is kept.

Usage: ``.venv/bin/python results/experiments/resolver_nsp/pg_trgm_timing.py POSTGRES_URL``
(e.g. ``postgresql+psycopg://127.0.0.1:5432/test?options=-csearch_path%3Dmy_schema,public``); writes
``pg_trgm_timing.json`` beside this file.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from resolver import candidates as cands  # noqa: E402

QUERIES = [("sprngfield", "US"), ("grass vallye", "US"), ("baltimroe", "US"), ("oaklnad", "US"),
           ("san fransisco", "US"), ("berlni", "DE"), ("muenchn", "DE"), ("toulouze", "FR"), ("kyotoo", "JP"),
           ("sprngfield", None), ("bostn", None)]  # fmt: skip
ROUNDS = 5
OLD, NEW = "ix_names_norm_trgm", "ix_names_loc_cc_norm_trgm"


def explain(conn: sa.Connection, norm: str, cc: str | None, drop: str) -> tuple[float, str]:
    """(execution ms, index used) of the fuzzy statement with index ``drop`` out of sight."""
    stmt = cands._FUZZY_TRGM_CC if cc else cands._FUZZY_TRGM
    compiled = stmt.compile(dialect=conn.dialect)
    d = cands.max_typos(len(norm))
    params = {**compiled.params, "q": norm, "lo": len(norm) - d, "hi": len(norm) + d, "cc": cc}
    with conn.begin():
        conn.exec_driver_sql(f"DROP INDEX {drop}")
        plan: Any = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {compiled.string}", params).scalar()
        conn.rollback()
    plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
    text = json.dumps(plan["Plan"])
    used = NEW if NEW in text else OLD if OLD in text else "none (sequential)"
    return float(plan["Execution Time"]), used


def main() -> int:
    url = sys.argv[1]
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {OLD} ON names USING gin (norm gin_trgm_ops)")
        conn.commit()
        try:
            rows = []
            for norm, cc in QUERIES:
                times: dict[str, list[float]] = {"old": [], "new": []}
                used: dict[str, str] = {}
                for _ in range(ROUNDS):
                    for which, drop in (("old", NEW), ("new", OLD)):
                        ms, idx = explain(conn, norm, cc, drop)
                        times[which].append(ms)
                        used[which] = idx
                rows.append({"name": norm, "country": cc, "old_ms": round(statistics.median(times["old"]), 2),
                             "new_ms": round(statistics.median(times["new"]), 2), "old_index": used["old"],
                             "new_index": used["new"]})  # fmt: skip
        finally:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {OLD}")
            conn.commit()
        names = int(conn.execute(sa.text("SELECT count(*) FROM names")).scalar_one())
    result = {
        "experiment": "pg_trgm_timing",
        "what": f"server execution time (EXPLAIN ANALYZE, median of {ROUNDS} alternating rounds) of names_fuzzy's "
                "statement",
        "names_rows": names,
        "queries": rows,
        "median_old_ms": round(statistics.median(r["old_ms"] for r in rows), 2),
        "median_new_ms": round(statistics.median(r["new_ms"] for r in rows), 2),
    }
    write_result(Path(__file__).with_name("pg_trgm_timing.json"), result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
