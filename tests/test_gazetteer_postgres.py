"""Same migrations, loader and resolver on the real PostgreSQL server (pg_trgm fuzzy matching).

Uses database ``test`` (ADDRNET_TEST_PG_URL overrides the server URL) in a dedicated schema
that is dropped afterwards. Skipped only when the server is unreachable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from resolver import candidates as cands
from resolver import db, loader
from resolver.oa import import_oa
from tests.resolver_checks import ADDRESS_CASES, CASES, check_address_case, check_case, oa_slice

pytestmark = pytest.mark.postgres

BASE_URL = os.environ.get("ADDRNET_TEST_PG_URL", "postgresql+psycopg://127.0.0.1:5432/test")


def _reachable() -> bool:
    try:
        engine = sa.create_engine(BASE_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def _temp_schema() -> Iterator[str]:
    """URL of a fresh, uniquely named schema on the server; the schema is dropped on exit.

    Skips the test when the server is unreachable."""
    if not _reachable():
        pytest.skip(f"PostgreSQL unreachable at {BASE_URL}")
    schema = f"addrnet_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(BASE_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{BASE_URL}?options=-csearch_path%3D{schema},public"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with _temp_schema() as url:
        loader.load(url, countries=["US"], progress=False)
        yield url


@pytest.fixture(scope="module")
def pg_oa(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The OA slice of the SQLite address tests, imported into the PostgreSQL gazetteer."""
    us, de = oa_slice(tmp_path_factory.mktemp("pg_oa"))
    return {"us": us, "first": import_oa(pg_url, [us], progress=False),
            "berlin": import_oa(pg_url, [de], country="DE", progress=False)}  # fmt: skip


@pytest.fixture(scope="module")
def pg_engine(pg_url: str) -> Iterator[sa.Engine]:
    engine = db.make_engine(pg_url)
    yield engine
    engine.dispose()


def test_schema_and_trigram_index(pg_url: str, pg_engine: sa.Engine) -> None:
    assert db.current_revision(pg_url) == db.head_revision()
    insp = sa.inspect(pg_engine)
    assert "shadow_events" in insp.get_table_names()
    with pg_engine.connect() as conn:
        extensions = set(conn.execute(sa.text("SELECT extname FROM pg_extension")).scalars())
        assert {"pg_trgm", "btree_gin"} <= extensions
        index_names = set(conn.execute(sa.text(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'names'")).scalars())
        assert "ix_names_loc_cc_norm_trgm" in index_names and "ix_names_norm_trgm" not in index_names  # 0005


@pytest.mark.parametrize("with_cc", [True, False])
def test_fuzzy_lookup_uses_the_trigram_index(pg_engine: sa.Engine, with_cc: bool) -> None:
    """The statement ``names_fuzzy`` sends can use the locality trigram index (its partial predicate is
    literal SQL, so even a generic prepared plan matches it); with a country, the index condition holds
    the country too. Sequential scans are switched off so that the answer does not hang on table size."""
    stmt = cands._FUZZY_TRGM_CC if with_cc else cands._FUZZY_TRGM
    with pg_engine.connect() as conn:
        compiled = stmt.compile(dialect=conn.dialect)
        params = {**compiled.params, "q": "sprngfield", "lo": 8, "hi": 12, "cc": "US"}
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled.string}", params))
        assert "ix_names_loc_cc_norm_trgm" in plan, plan
        if with_cc:
            assert "country_code" in plan.split("Index Cond:", 1)[1].splitlines()[0], plan
        found = cands.names_fuzzy(conn, "sprngfield", "US" if with_cc else None)
        assert found and found[0][1] > 0.9 and "springfield" in cands.place_names(conn, found[0][0])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_postgres(case: dict[str, Any], pg_engine: sa.Engine) -> None:
    check_case(pg_engine, case)


def test_load_idempotent_if_empty_and_transactional() -> None:
    with _temp_schema() as url:
        engine = db.make_engine(url)

        def snapshot() -> list[Any]:
            with engine.connect() as conn:
                return [
                    conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all() for t in ("places", "names")
                ]

        try:
            first = loader.load(url, countries=["LI"], progress=False)
            before = snapshot()
            assert loader.load(url, countries=["LI"], if_empty=True, progress=False)["skipped"] is True
            assert loader.load(url, countries=["LI"], progress=False)["rows"] == first["rows"]
            assert snapshot() == before
        finally:
            engine.dispose()


@pytest.mark.parametrize("case", ADDRESS_CASES, ids=[c["id"] for c in ADDRESS_CASES])
def test_address_case_postgres(case: dict[str, Any], pg_engine: sa.Engine, pg_oa: dict[str, Any]) -> None:
    check_address_case(pg_engine, case)


def test_import_oa_idempotent_postgres(pg_url: str, pg_engine: sa.Engine, pg_oa: dict[str, Any]) -> None:
    assert pg_oa["first"]["inserted"] > 400 and pg_oa["berlin"]["streets_new"] >= 3

    def counts() -> tuple[int, int]:
        with pg_engine.connect() as conn:
            return (int(conn.execute(sa.text("SELECT count(*) FROM streets")).scalar_one()),
                    int(conn.execute(sa.text("SELECT count(*) FROM address_points")).scalar_one()))  # fmt: skip

    before = counts()
    again = import_oa(pg_url, [pg_oa["us"]], progress=False)
    assert again["inserted"] == 0 and again["streets_new"] == 0 and counts() == before


def test_reverse_postgres(pg_engine: sa.Engine, pg_oa: dict[str, Any]) -> None:
    from resolver.reverse import reverse

    with pg_engine.connect() as conn:
        hits = reverse(conn, 37.77223, -122.42423, layers="address,locality")
    assert hits[0].name == "27 Octavia St" and hits[0].distance_m < 10
    assert [h.layer for h in hits][-1] == "locality"


def test_migrations_ignore_a_version_table_further_down_the_search_path() -> None:
    """A schema later on the path (``public`` on a shared server) whose ``alembic_version`` is at head must
    not make the migrations of the first schema a no-op (they read and write the version there)."""
    with _temp_schema() as url:
        outer = f"addrnet_outer_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(BASE_URL)
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{outer}"')
            conn.exec_driver_sql(f'CREATE TABLE "{outer}".alembic_version (version_num varchar(32) PRIMARY KEY)')
            conn.exec_driver_sql(f"INSERT INTO \"{outer}\".alembic_version VALUES ('{db.head_revision()}')")
        try:
            inner = url.replace(",public", f",{outer},public")
            db.upgrade(inner)
            engine = db.make_engine(inner)
            with engine.connect() as conn:
                tables = set(sa.inspect(conn).get_table_names())
            engine.dispose()
            assert {"places", "names", "alembic_version"} <= tables
            assert db.current_revision(inner) == db.head_revision()
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f'DROP SCHEMA "{outer}" CASCADE')
            admin.dispose()
