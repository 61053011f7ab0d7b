"""Alembic environment: URL from ``config.attributes['url']`` (resolver.db.upgrade), ``-x url=``,
``sqlalchemy.url`` in alembic.ini, else ``addrnet.settings.get_settings().db_url``.

``target_metadata`` is ``resolver.schema.metadata``, the one definition of the gazetteer tables
(``alembic revision --autogenerate`` diffs against it; tests prove the migrations match it)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

from resolver.schema import metadata as target_metadata

config = context.config
if config.config_file_name is not None and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    url = config.attributes.get("url") or context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        url = config.get_main_option("sqlalchemy.url")
    if not url:
        from addrnet.settings import get_settings

        url = get_settings().db_url
    return str(url)


def _version_schema(conn: Connection) -> str | None:
    """PostgreSQL: the version table lives in the schema the tables are created in (the first of the
    ``search_path``), so a gazetteer in its own schema never reads another schema's ``alembic_version``
    through the path (e.g. ``public``'s, at head, which would skip every migration)."""
    if conn.dialect.name != "postgresql":
        return None
    # the dialect read current_schema() when it first connected (a query here would open a transaction that
    # alembic's begin_transaction() then leaves to the caller, and the migrations would be rolled back)
    return conn.dialect.default_schema_name


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          version_table_schema=_version_schema(connection))
        with context.begin_transaction():
            context.run_migrations()
        return
    url = _url()
    if url.startswith("sqlite:///"):
        from pathlib import Path

        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, version_table_schema=_version_schema(conn))
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
