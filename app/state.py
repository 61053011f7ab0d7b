"""Process state built once in the lifespan: settings, arms, database engines, shadow runner, metrics.

The gazetteer is read through a read-only engine (SQLite ``mode=ro``); the shadow log through its own
read-write engine (SQLite ``mode=rw``: the file must exist). Serving never creates a database.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import sqlalchemy.dialects.sqlite  # noqa: F401  # loaded by the first engine anyway; here it comes before the fork
from sqlalchemy import text
from sqlalchemy.engine import Engine

from addrnet.settings import Settings
from app.arms import ArmRegistry
from app.errors import public_reason
from app.metrics import Metrics
from app.shadow import ShadowRunner
from resolver.db import serving_engine

log = logging.getLogger("addrnet")

DB_CHECK_TTL_S = 1.0


@dataclass
class AppState:
    settings: Settings
    arms: ArmRegistry
    engine: Engine | None
    engine_error: str | None
    metrics: Metrics
    shadow: ShadowRunner | None
    shadow_engine: Engine | None = None
    _db_checked: tuple[float, str | None] = field(default=(0.0, None), repr=False)

    @classmethod
    def build(cls, settings: Settings) -> AppState:
        metrics = Metrics()
        arms = ArmRegistry.load(
            settings.arms_dir, settings.primary_arm, settings.shadow_arm,
            settings.onnx_intra_threads, settings.onnx_inter_threads, settings.onnx_batch_threads,
            defer_others=True,  # arms that are neither primary nor shadow load after the start (app.arms)
        )
        engine: Engine | None = None
        shadow_engine: Engine | None = None
        engine_error = None
        sizes = {"pool_size": settings.db_pool_size, "max_overflow": settings.db_max_overflow,
                 "cache_kib": settings.sqlite_cache_kib}
        try:
            engine = serving_engine(settings.db_url, read_only=True, **sizes)
            if settings.shadow_arm:
                shadow_engine = serving_engine(settings.db_url, read_only=False, pool_size=1, max_overflow=1,
                                               cache_kib=2048)
        except Exception as exc:
            log.error("database engine: %s: %s", type(exc).__name__, exc)
            engine_error = f"the database URL is not usable ({type(exc).__name__})"
        shadow = None
        if settings.shadow_arm:
            shadow = ShadowRunner(
                shadow_engine, settings.shadow_arm, metrics, settings.shadow_queue_size, arms=arms,
                store_text=settings.shadow_store_text, hash_key=settings.shadow_hash_key,
                retention_days=settings.shadow_retention_days, max_rows=settings.shadow_max_rows,
                batch_sample=settings.shadow_batch_sample,
            )
        return cls(settings, arms, engine, engine_error, metrics, shadow, shadow_engine)

    def db_problem(self, fresh: bool = False) -> str | None:
        """None when the gazetteer answers, else why not (no paths, hosts or ports); cached for a second."""
        at, problem = self._db_checked
        if not fresh and time.monotonic() - at < DB_CHECK_TTL_S:
            return problem
        if self.engine is None:
            problem = self.engine_error or "no database configured"
        else:
            try:
                with self.engine.connect() as conn:
                    conn.execute(text("SELECT 1 FROM places LIMIT 1"))
                problem = None
            except Exception as exc:
                log.warning("database check failed: %s: %s", type(exc).__name__, str(exc).splitlines()[0][:300])
                problem = public_reason(exc)
        self._db_checked = (time.monotonic(), problem)
        return problem

    def close(self) -> None:
        if self.shadow:
            self.shadow.close(self.settings.shadow_drain_s)
        for engine in (self.engine, self.shadow_engine):
            if engine is not None:
                engine.dispose()
