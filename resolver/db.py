"""Engines and migrations. Alembic owns the schema; nothing here calls ``create_all``.

Two kinds of engine:

* ``make_engine(url)``: read-write, for the loader, migrations and tools. It creates the parent folder
  of a SQLite file.
* ``serving_engine(url, ...)``: what the service uses. SQLite is opened through a URI with
  ``mode=ro`` (the gazetteer) or ``mode=rw`` (the shadow log): serving never creates a database file,
  and a file that is missing, unreadable or replaced under a running service fails every checkout the
  same way (a steady error, never 200/503 flapping): each checkout re-checks the file and drops
  connections whose file is gone or replaced.

SQLite memory is bounded deliberately: ``cache_size`` per connection (``SQLITE_CACHE_KIB``), no mmap,
and a fixed pool (``pool_size + max_overflow`` connections), so a worker holds at most
``(pool_size + max_overflow) * cache`` of page cache.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DisconnectionError

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"

SQLITE_CACHE_KIB = 8192  # page cache per serving connection (8 MiB)
SQLITE_MMAP_BYTES = 0  # no memory-mapped I/O: the OS page cache serves reads, RSS stays bounded
POOL_SIZE = 4
MAX_OVERFLOW = 4


def head_revision() -> str:
    """The newest Alembic revision in ``migrations/``."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, ``None`` for other databases and in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database).expanduser().resolve()


def _ensure_sqlite_dir(url: str) -> None:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str, **kwargs: object) -> Engine:
    """Read-write engine for ``url``; creates the parent folder of a SQLite file and tunes SQLite pragmas."""
    _ensure_sqlite_dir(url)
    engine = sa.create_engine(url, **kwargs)  # type: ignore[arg-type]
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cur.close()

    return engine


class DatabaseFileError(DisconnectionError):
    """The SQLite file behind a serving engine is missing, unreadable or not a regular file."""


def _file_state(path: Path) -> tuple[str | None, int | None]:
    """(what is wrong with the file or None, its inode): one ``stat`` (checked on every checkout)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "the database file is missing", None
    except OSError as exc:
        return f"the database file cannot be read ({type(exc).__name__})", None
    if not stat.S_ISREG(st.st_mode):
        return "the database path is not a regular file", st.st_ino
    if not os.access(path, os.R_OK) or (st.st_mode & 0o444) == 0:
        return "the database file is not readable", st.st_ino
    return None, st.st_ino


def _file_problem(path: Path) -> str | None:
    return _file_state(path)[0]


def _checkout_problem(path: Path, inode: int | None) -> str | None:
    """What a checkout refuses: the file missing, unreadable, or replaced since the connection was opened."""
    problem, now = _file_state(path)
    if problem:
        return problem
    if now != inode:
        return "the database file was replaced"
    return None


# the connection ``held_connection`` keeps checked out per engine; ``engine.dispose()`` closes and drops it
# (a weak key would not help: the connection refers to its engine)
_HELD: dict[Engine, sa.Connection] = {}


def _record_problem(info: dict[str, Any]) -> str | None:
    """What a checkout of the pooled connection with this ``info`` refuses now (None: it may be used): the
    SQLite file of a serving engine (``info["path"]``, set on connect) missing, unreadable or replaced."""
    path = info.get("path")
    return None if path is None else _checkout_problem(path, info.get("inode"))


@contextmanager
def held_connection(engine: Engine) -> Iterator[sa.Connection]:
    """A connection of ``engine`` kept checked out between uses, for one thread (the event loop of a service
    answering on SQLite: a pool checkout and return cost ~15 us a request). Before each use its file is
    checked as a checkout checks it (``_record_problem``): a missing, unreadable or replaced file lets it go and a
    new checkout answers (``engine.connect()``: the same errors). A use that raises returns it to the pool;
    ``engine.dispose()`` closes it."""
    conn = _HELD.pop(engine, None)
    if conn is not None and (conn.invalidated or _record_problem(conn.connection.info) is not None):
        conn.invalidate()
        conn.close()
        conn = None
    if conn is None:
        conn = engine.connect()
    try:
        yield conn
    except BaseException:
        conn.close()
        raise
    if not sa.event.contains(engine, "engine_disposed", _release_held):
        sa.event.listen(engine, "engine_disposed", _release_held)
    _HELD[engine] = conn


def _release_held(engine: Engine) -> None:
    conn = _HELD.pop(engine, None)
    if conn is not None:
        conn.close()


def serving_engine(
    url: str,
    *,
    read_only: bool = True,
    pool_size: int = POOL_SIZE,
    max_overflow: int = MAX_OVERFLOW,
    cache_kib: int = SQLITE_CACHE_KIB,
    mmap_bytes: int = SQLITE_MMAP_BYTES,
    connect_timeout_s: float = 3.0,
) -> Engine:
    """The service's engine: never creates a SQLite file; SQLite via ``mode=ro`` (or ``mode=rw``)."""
    path = sqlite_path(url)
    if path is None:
        kwargs: dict[str, Any] = {"pool_pre_ping": True, "pool_size": pool_size, "max_overflow": max_overflow,
                                  "pool_timeout": 10}
        if not url.startswith("sqlite"):
            kwargs["connect_args"] = {"connect_timeout": int(max(1, connect_timeout_s))}
        return sa.create_engine(url, **kwargs)
    mode = "ro" if read_only else "rw"
    uri = f"file:{quote(str(path))}?mode={mode}"

    def connect() -> sqlite3.Connection:
        problem = _file_problem(path)
        if problem:
            raise sqlite3.OperationalError(problem)
        return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)

    engine = sa.create_engine(
        "sqlite://", creator=connect, pool_size=pool_size, max_overflow=max_overflow, pool_timeout=10,
        poolclass=sa.pool.QueuePool,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record):  # type: ignore[no-untyped-def]
        record.info["inode"] = path.stat().st_ino
        record.info["path"] = path  # what every use re-checks (``_record_problem``)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        cur.execute(f"PRAGMA mmap_size={int(mmap_bytes)}")
        if not read_only:
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, proxy):  # type: ignore[no-untyped-def]
        # an open descriptor keeps reading a deleted or replaced file: re-check the path on every use
        problem = _record_problem(record.info)
        if problem:
            raise DatabaseFileError(problem)

    return engine


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["url"] = url
    cfg.attributes["skip_logging"] = True
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """``alembic upgrade head`` on ``url`` (programmatic; used by ``addrnet gazetteer load``)."""
    from alembic import command

    _ensure_sqlite_dir(url)
    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
