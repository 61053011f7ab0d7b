"""Process state built once in the lifespan: settings, arms, database engine, shadow runner, metrics."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from addrnet.settings import Settings
from app.arms import ArmRegistry
from app.metrics import Metrics
from app.shadow import ShadowRunner
from resolver.db import make_engine

log = logging.getLogger("addrnet")


@dataclass
class AppState:
    settings: Settings
    arms: ArmRegistry
    engine: Engine | None
    engine_error: str | None
    metrics: Metrics
    shadow: ShadowRunner | None

    @classmethod
    def build(cls, settings: Settings) -> AppState:
        metrics = Metrics()
        arms = ArmRegistry.load(
            settings.arms_dir, settings.primary_arm, settings.shadow_arm,
            settings.onnx_intra_threads, settings.onnx_inter_threads, settings.onnx_batch_threads,
        )
        engine: Engine | None = None
        engine_error = None
        try:
            url = settings.db_url
            kwargs: dict[str, Any] = {"pool_pre_ping": True}
            if url.startswith("sqlite"):
                kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
            else:
                kwargs["connect_args"] = {"connect_timeout": 3}
            engine = make_engine(url, **kwargs)
        except Exception as exc:
            engine_error = f"{type(exc).__name__}: {exc}"
        shadow = None
        if settings.shadow_arm:
            shadow = ShadowRunner(engine, settings.shadow_arm, metrics, settings.shadow_queue_size)
        return cls(settings, arms, engine, engine_error, metrics, shadow)

    def db_problem(self) -> str | None:
        """None when the database answers, else why not."""
        if self.engine is None:
            return self.engine_error or "no database configured"
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1 FROM places LIMIT 1"))
            return None
        except Exception as exc:
            return f"database unavailable: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"

    def close(self) -> None:
        if self.shadow:
            self.shadow.close()
        if self.engine is not None:
            self.engine.dispose()
