"""The one reader of environment variables (prefix ``ADDRNET_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository's own data folder (corpus material, eval points, the harness); see data/SOURCES.md.
REPO_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: The arms shipped inside the package (in the repository a link to artifacts/arms; the wheel holds a copy).
PACKAGED_ARMS_DIR = Path(__file__).resolve().parent / "arms"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ADDRNET_", extra="ignore")

    data_dir: Path = Field(Path("var"), description="Writable state: the SQLite gazetteer, logs.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite under data_dir.")
    arms_dir: Path = Field(PACKAGED_ARMS_DIR, description="Folder of arm artifact folders; default: the package's.")
    primary_arm: str = "A"
    shadow_arm: str | None = None
    results_dir: Path = Field(Path("results/release"), description="Eval sidecars served by /v1/eval.")
    source_data_dir: Path = Field(REPO_DATA_DIR, description="Read-only source data (data/ in the repository).")
    max_text_chars: int = 512
    max_batch: int = 1000
    max_body_bytes: int = 1_000_000
    onnx_intra_threads: int = 1
    onnx_inter_threads: int = 1
    onnx_batch_threads: int = Field(1, description="Intra-op threads for batches of >= 16 texts (1: the same "
                                    "session; with one worker per core, more threads only contend).")
    shadow_queue_size: int = 256
    resolve_limit_max: int = 20
    # serving speed (issue 14; measured by `addrnet bench compare`)
    parse_batch_max: int = Field(64, description="Most concurrent /parse texts parsed in one ONNX run.")
    parse_batch_wait_ms: float = Field(0.0, description="How long /parse waits for company while the worker is busy.")
    parse_cache_size: int = Field(1024, description="Recent /parse answers kept per worker (LRU; 0 = off).")
    parse_fast_path: bool = Field(True, description="Answer the usual POST /parse, /parse/batch and /resolve without FastAPI's routing and "
                                  "dependency solving (app/fastpath.py); anything else goes to the route.")
    accept: Literal["gated", "reuseport"] = Field(
        "gated", description="serve --workers N: how connections find a worker (app/workers.py): one shared socket "
        "with a gated accept, or one SO_REUSEPORT socket per worker.")
    coalesce_writes: bool = Field(True, description="serve: send each response's head and body in one write "
                                  "(app/protocol.py); false: uvicorn's own protocol.")
    otel_telemetry: bool = Field(False, description="FastAPI's native OpenTelemetry spans, metrics and logs (with "
                                 "providers configured); off: /metrics and the JSON log only, and no per-request check.")
    log_level: str = Field("INFO", description="Log level of the JSON logs (addrnet and uvicorn).")
    # hardening (issue 13): operator token, shadow privacy and retention, bounded database memory
    admin_token: str | None = Field(
        None, description="Bearer token for the operator routes (/v1/shadow/*, /v1/eval?detail=true, /metrics); "
        "unset: those routes answer loopback clients only.")
    shadow_store_text: bool = Field(False, description="Store client texts in shadow_events (default: a keyed hash).")
    shadow_hash_key: str | None = Field(None, description="HMAC key for shadow text hashes; default: random per process.")
    shadow_retention_days: float = Field(30.0, description="Shadow events older than this are pruned.")
    shadow_max_rows: int = Field(1_000_000, description="At most this many shadow events are kept.")
    shadow_drain_s: float = Field(8.0, description="At shutdown, shadow jobs are drained until this deadline.")
    shadow_batch_sample: int = Field(16, description="Texts of a /parse/batch request re-run on the shadow arm.")
    shadow_report_window: int = Field(50_000, description="The report aggregates at most this many events.")
    db_pool_size: int = 4
    db_max_overflow: int = 4
    sqlite_cache_kib: int = Field(2048, description="SQLite page cache per serving connection (8 MiB x 8 "
                                  "connections grew a worker past 200 MB within a minute of /resolve load).")

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'gazetteer.sqlite').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
